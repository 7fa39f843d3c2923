import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateSqlite, openSqliteStore } from '../src/store/sqlite.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { rollupContract } from './support/rollup-contract.ts';
import { storeContract } from './support/store-contract.ts';
import { payload, record } from './support/payload.ts';

describe('SQLite store', () => {
  storeContract(async () => memoryStore());
  rollupContract(async () => memoryStore());
});

describe('SQLite migrations and files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies each migration once, in order, and records it', () => {
    const db = new Database(':memory:');
    expect(migrateSqlite(db)).toEqual([1, 2, 3, 4, 5]);
    expect(migrateSqlite(db)).toEqual([]);
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'responses' },
      { version: 2, name: 'webhook_outbox' },
      { version: 3, name: 'covering_indexes' },
      { version: 4, name: 'rollups' },
      { version: 5, name: 'drop_unused_indexes' },
    ]);
    db.close();
  });

  it('keeps responses across a reopen of the same file', async () => {
    const path = join(dir, 'reopen.sqlite');
    const p = payload();
    const first = openSqliteStore(path);
    await first.insertResponse(record(p));
    await first.close();
    const second = openSqliteStore(path);
    expect(await second.insertResponse(record(p))).toBe('duplicate');
    expect((await second.listResponses({ limit: 5 })).map((r) => r.id)).toEqual([p.id]);
    await second.close();
  });
});
