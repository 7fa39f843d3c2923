import postgres from 'postgres';
import type { PendingQuery, Row, Sql } from 'postgres';
import { answerColumns, answerRows, rootIdOf } from './answer-rows.ts';
import { loadMigrations } from './migrations.ts';
import { classifyPostgresError } from './rejected.ts';
import { postgresRollups } from './rollup-postgres.ts';
import type { Filters, Store, StoredResponse, WebhookOutbox } from './types.ts';

type PayloadRow = {
  payload: Omit<StoredResponse, 'receivedAt' | 'correctedAt'>;
  received_at: Date;
  corrected_at: Date;
};
const toStored = (r: PayloadRow): StoredResponse => ({
  ...r.payload,
  receivedAt: r.received_at.toISOString(),
  correctedAt: r.corrected_at.toISOString(),
});

/** The answers table's columns with their types, as jsonb_to_recordset reads rows named by answerColumns. */
const ANSWER_TYPES = {
  response_id: 'text',
  root_id: 'text',
  question_id: 'text',
  type: 'text',
  value_num: 'double precision',
  value_text: 'text',
  other_text: 'text',
  touchpoint: 'text',
  survey_id: 'text',
  locale: 'text',
  day: 'text',
  corrected_at: 'timestamptz',
} satisfies Record<keyof ReturnType<typeof answerColumns>, string>;
const ANSWER_NAMES = Object.keys(ANSWER_TYPES).join(', ');
const ANSWER_RECORD = Object.entries(ANSWER_TYPES)
  .map(([name, type]) => `${name} ${type}`)
  .join(', ');

/** Any number that identifies "our" migration lock among other users of the same database. */
const MIGRATION_LOCK_KEY = 0x63786662; // "cxfb"

export async function migratePostgres(sql: Sql): Promise<number[]> {
  const applied: number[] = [];
  for (const m of loadMigrations('postgres')) {
    // One transaction per migration, serialised by an advisory lock: several collectors may start at once.
    await sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
      await tx`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
      const [done] = await tx`SELECT 1 FROM schema_migrations WHERE version = ${m.version}`;
      if (done) return;
      await tx.unsafe(m.sql);
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${m.version}, ${m.name})`;
      applied.push(m.version);
    });
  }
  return applied;
}

export async function openPostgresStore(url: string, options: { max?: number } = {}): Promise<Store> {
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const migrated = await migratePostgres(sql);
  const rollups = await postgresRollups(sql, migrated);

  const where = (f: Filters, table?: string): PendingQuery<Row[]> => {
    const col = (name: string) => sql(table ? `${table}.${name}` : name);
    const parts: PendingQuery<Row[]>[] = [];
    if (f.touchpoint !== undefined) parts.push(sql`AND ${col('touchpoint')} = ${f.touchpoint}`);
    if (f.surveyId !== undefined) parts.push(sql`AND ${col('survey_id')} = ${f.surveyId}`);
    if (f.locale !== undefined) parts.push(sql`AND ${col('locale')} = ${f.locale}`);
    // As rollup/keys.ts stageOf reads it: '' when the payload names no stage.
    if (f.stage !== undefined)
      parts.push(sql`AND coalesce(${col('payload')} -> 'context' ->> 'stage', '') = ${f.stage}`);
    if (f.from !== undefined) parts.push(sql`AND ${col('day')} >= ${f.from}`);
    if (f.to !== undefined) parts.push(sql`AND ${col('day')} <= ${f.to}`);
    return parts.reduce((acc, part) => sql`${acc} ${part}`, sql``);
  };

  const webhookOutbox: WebhookOutbox = {
    async claim(nowMs, limit, leaseMs) {
      // SKIP LOCKED: two collectors claiming at once take different rows instead of waiting on each other.
      const rows = await sql<(PayloadRow & { response_id: string; attempts: number })[]>`
        WITH claimed AS (
          UPDATE webhook_outbox SET next_attempt_at = ${nowMs + leaseMs}
          WHERE response_id IN (
            SELECT response_id FROM webhook_outbox WHERE NOT dead AND next_attempt_at <= ${nowMs}
            ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING response_id, attempts)
        SELECT c.response_id, c.attempts, r.payload, r.received_at, r.corrected_at FROM claimed c JOIN responses r ON r.id = c.response_id
        ORDER BY r.received_at`;
      return rows.map((r) => ({ responseId: r.response_id, attempts: r.attempts, response: toStored(r) }));
    },
    async delivered(id) {
      await sql`DELETE FROM webhook_outbox WHERE response_id = ${id}`;
    },
    async failed(id, u) {
      await sql`UPDATE webhook_outbox SET attempts = ${u.attempts}, next_attempt_at = ${u.nextAttemptAt},
        last_error = ${u.error}, dead = ${u.dead} WHERE response_id = ${id}`;
    },
    async nextDueAt() {
      const [row] = await sql<
        { at: number | null }[]
      >`SELECT MIN(next_attempt_at)::float8 AS at FROM webhook_outbox WHERE NOT dead`;
      return row.at;
    },
  };

  return {
    kind: 'postgres',
    async insertResponse(r, options) {
      const p = r.payload;
      const answers = JSON.stringify(answerRows(r).map(answerColumns));
      // One statement, so one round trip and its own transaction: the answers and the outbox row are written only when
      // the response row is new (`fresh` is empty for a duplicate). Nothing for the rollups: the next fold counts this
      // response from the table (rollup-postgres.ts).
      const [{ stored }] = await sql<{ stored: boolean }[]>`
        WITH fresh AS (
          INSERT INTO responses (id, survey_id, touchpoint, locale, follow_up_of, root_id, created_at, sent_at,
            received_at, corrected_at, day, payload)
          VALUES (${p.id}, ${p.surveyId}, ${p.touchpoint}, ${p.context.locale}, ${p.followUpOf ?? null}, ${rootIdOf(r)},
            ${p.createdAt}, ${p.sentAt ?? null}, ${r.receivedAt}, ${r.correctedAt}, ${r.day}, ${sql.json(p)})
          ON CONFLICT (id) DO NOTHING RETURNING id),
        kept AS (
          INSERT INTO answers (${sql.unsafe(ANSWER_NAMES)})
          SELECT ${sql.unsafe(ANSWER_NAMES)} FROM jsonb_to_recordset(${answers}::text::jsonb) AS x(${sql.unsafe(ANSWER_RECORD)})
          WHERE EXISTS (SELECT 1 FROM fresh)
          ON CONFLICT (root_id, question_id) DO NOTHING),
        outbox AS (
          INSERT INTO webhook_outbox (response_id, next_attempt_at)
          SELECT id, ${Date.parse(r.receivedAt)} FROM fresh WHERE ${options?.enqueueWebhook === true}
          ON CONFLICT DO NOTHING)
        SELECT EXISTS (SELECT 1 FROM fresh) AS stored`.catch((err: unknown) => {
        throw classifyPostgresError(err);
      });
      return stored ? 'stored' : 'duplicate';
    },
    async listResponses(q) {
      const rows = await sql<PayloadRow[]>`SELECT payload, received_at, corrected_at FROM responses
        WHERE true ${where({ touchpoint: q.touchpoint, surveyId: q.surveyId })}
        ORDER BY received_at DESC, id DESC LIMIT ${q.limit}`;
      return rows.map(toStored);
    },
    async exportPage(filters, after, limit) {
      const cursor = after ? sql`AND (received_at, id) > (${after.receivedAt}::timestamptz, ${after.id})` : sql``;
      const rows = await sql<PayloadRow[]>`SELECT payload, received_at, corrected_at FROM responses
        WHERE true ${where(filters)} ${cursor} ORDER BY received_at, id LIMIT ${limit}`;
      return rows.map(toStored);
    },
    rollups,
    webhookOutbox,
    async close() {
      rollups.stop();
      await sql.end({ timeout: 5 });
    },
  };
}
