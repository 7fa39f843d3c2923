import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import postgres from 'postgres';
import { findPgBin, startPgCluster } from '../scripts/pg-cluster.ts';
import type { PgCluster } from '../scripts/pg-cluster.ts';
import { createHandler } from '../src/handler.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { DataRejectedError, classifyPostgresError, classifySqliteError } from '../src/store/rejected.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { payload, post, record } from './support/payload.ts';

/**
 * A "poison message" is a payload no retry can ever store. It must be refused with a 4xx (the widget dead-letters
 * it), never answered with a retryable 503 that the widget would repeat forever. Run against both stores.
 */
const REMOTE = { clientAddress: '203.0.113.7' };
const textAnswer = (value: string) => payload({ answers: [{ questionId: 'more', type: 'text', value }] });

type Issues = { error: string; issues?: string[] };

function poisonSuite(open: () => Promise<Store>) {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store?.close());

  it.each([
    ['a NUL character', 'before\u0000after', 'answers[0].value: got "before\\u0000after", expected well-formed'],
    [
      'a lone surrogate (half an emoji)',
      `${'x'.repeat(10)}\uD83D`,
      'answers[0].value: got "xxxxxxxxxx\\ud83d", expected',
    ],
  ])('refuses text with %s with 400 naming the field, and stores nothing', async (_name, value, issue) => {
    const p = textAnswer(value);
    const res = await createHandler({ store })(post(p), REMOTE);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Issues;
    expect(body.error).toBe('invalid_payload');
    expect(body.issues?.join('\n')).toContain(issue);
    expect((await store.listResponses({ limit: 100 })).map((r) => r.id)).not.toContain(p.id);
  });

  it('refuses the same in metadata and in a metadata key', async () => {
    const hostile: Record<string, string>[] = [{ note: 'a\u0000' }, { 'k\uDC00': 'v' }];
    for (const metadata of hostile) {
      expect((await createHandler({ store })(post(payload({ metadata })), REMOTE)).status).toBe(400);
    }
  });
}

describe('poison messages: SQLite (in memory)', () => {
  poisonSuite(async () => memoryStore());

  it('classifies SQLite errors caused by the data as DataRejectedError, the rest not', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    expect(classifySqliteError(error('SQLITE_TOOBIG'))).toBeInstanceOf(DataRejectedError);
    expect(classifySqliteError(error('SQLITE_CONSTRAINT_CHECK'))).toBeInstanceOf(DataRejectedError);
    for (const code of ['SQLITE_BUSY', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_READONLY']) {
      expect(classifySqliteError(error(code))).not.toBeInstanceOf(DataRejectedError);
    }
  });
});

it.each([
  ['22P05', true], // untranslatable character (\u0000 in jsonb)
  ['22021', true], // character not in repertoire
  ['22P02', true], // invalid text representation (a lone surrogate in jsonb)
  ['22008', true], // datetime field overflow
  ['23514', true], // check violation
  ['54000', true], // a value over a size limit
  ['08006', false], // connection failure
  ['40001', false], // serialization failure
  ['53300', false], // too many connections
  ['57P01', false], // admin shutdown
])('PostgreSQL SQLSTATE %s is caused by the data: %s', (code, byData) => {
  const err = Object.assign(new Error('x'), { code });
  expect(classifyPostgresError(err) instanceof DataRejectedError).toBe(byData);
});

describe.skipIf(findPgBin() === undefined)('poison messages: PostgreSQL', () => {
  let cluster: PgCluster;
  let database = 0;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  const fresh = async (): Promise<Store> => {
    const name = `poison${++database}`;
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    return openPostgresStore(cluster.url.replace(/\/postgres$/, `/${name}`), { max: 2 });
  };

  describe('through the handler', () => {
    poisonSuite(fresh);
  });

  it('a store refusal caused by the data is a DataRejectedError (a NUL reaching the store)', async () => {
    const store = await fresh();
    const direct = store.insertResponse(record(textAnswer('a\u0000b')));
    await expect(direct).rejects.toBeInstanceOf(DataRejectedError);
    await expect(store.insertResponse(record(textAnswer('a\uD800')))).rejects.toMatchObject({ code: '22P02' });
    await store.close();
  });

  it('answers 422, not a retryable 503, when PostgreSQL refuses a value the schema let through', async () => {
    // Year 0000 is a valid ISO 8601 date-time, but PostgreSQL has no year 0 (22008).
    const store = await fresh();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await createHandler({ store })(post(payload({ createdAt: '0000-01-01T00:00:00.000Z' })), REMOTE);
    expect(res.status).toBe(422);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(((await res.json()) as Issues).error).toBe('unstorable_payload');
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    error.mockRestore();
    // The store itself is fine: the next payload is stored.
    const next = await createHandler({ store })(post(payload()), REMOTE);
    expect([next.status, await next.text()]).toEqual([201, expect.any(String)]);
    await store.close();
  });
});
