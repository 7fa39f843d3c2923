import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { answerRows, rootIdOf } from './answer-rows.ts';
import { filterConditions } from './filters-sql.ts';
import { loadMigrations } from './migrations.ts';
import { classifySqliteError } from './rejected.ts';
import { sqliteRollupWriter, sqliteRollups } from './rollup-sqlite.ts';
import type { Store, StoredResponse, WebhookOutbox } from './types.ts';

type PayloadRow = { payload: string; received_at: string; corrected_at: string };
const toStored = (r: PayloadRow): StoredResponse => ({
  ...JSON.parse(r.payload),
  receivedAt: r.received_at,
  correctedAt: r.corrected_at,
});

export function migrateSqlite(db: Db): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied: number[] = [];
  for (const m of loadMigrations('sqlite')) {
    // IMMEDIATE takes the write lock before checking, so two processes starting on one file cannot both apply it.
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}

export type SqliteOptions = {
  /**
   * FULL (default): the widget deletes its copy once we answer 2xx, so a commit must survive a power cut before we
   * answer. OFF exists only for seeding benchmark data quickly.
   */
  synchronous?: 'FULL' | 'OFF';
};

export function openSqliteStore(path: string, options: SqliteOptions = {}): Store {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const migrated = migrateSqlite(db);

  const insertResponse = db.prepare(`INSERT INTO responses
    (id, survey_id, touchpoint, locale, follow_up_of, root_id, created_at, sent_at, received_at, corrected_at, day, payload)
    VALUES (@id, @surveyId, @touchpoint, @locale, @followUpOf, @rootId, @createdAt, @sentAt, @receivedAt, @correctedAt, @day, @payload)
    ON CONFLICT (id) DO NOTHING`);
  const insertAnswer = db.prepare(`INSERT INTO answers
    (response_id, root_id, question_id, type, value_num, value_text, other_text, touchpoint, survey_id, locale, day, corrected_at)
    VALUES (@responseId, @rootId, @questionId, @type, @valueNum, @valueText, @otherText, @touchpoint, @surveyId, @locale, @day, @correctedAt)
    ON CONFLICT (root_id, question_id) DO NOTHING`);
  const insertOutbox = db.prepare(
    'INSERT INTO webhook_outbox (response_id, next_attempt_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const addToRollups = sqliteRollupWriter(db);

  const insert = db.transaction((r: Parameters<Store['insertResponse']>[0], enqueueWebhook: boolean) => {
    const p = r.payload;
    const info = insertResponse.run({
      id: p.id,
      surveyId: p.surveyId,
      touchpoint: p.touchpoint,
      locale: p.context.locale,
      followUpOf: p.followUpOf ?? null,
      rootId: rootIdOf(r),
      createdAt: p.createdAt,
      sentAt: p.sentAt ?? null,
      receivedAt: r.receivedAt,
      correctedAt: r.correctedAt,
      day: r.day,
      payload: JSON.stringify(p),
    });
    if (info.changes === 0) return 'duplicate' as const;
    const kept = answerRows(r).filter((row) => insertAnswer.run(row).changes > 0);
    addToRollups(p, r.day, new Set(kept.map((row) => row.questionId)));
    if (enqueueWebhook) insertOutbox.run(p.id, Date.parse(r.receivedAt));
    return 'stored' as const;
  });

  const all = <T>(sql: string, params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];

  const webhookOutbox: WebhookOutbox = {
    async claim(nowMs, limit, leaseMs) {
      return db
        .transaction(() => {
          const rows = all<PayloadRow & { response_id: string; attempts: number }>(
            `SELECT o.response_id, o.attempts, r.payload, r.received_at, r.corrected_at FROM webhook_outbox o
           JOIN responses r ON r.id = o.response_id
           WHERE o.dead = 0 AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at LIMIT ?`,
            [nowMs, limit],
          );
          const lease = db.prepare('UPDATE webhook_outbox SET next_attempt_at = ? WHERE response_id = ?');
          for (const r of rows) lease.run(nowMs + leaseMs, r.response_id);
          return rows.map((r) => ({ responseId: r.response_id, attempts: r.attempts, response: toStored(r) }));
        })
        .immediate();
    },
    async delivered(id) {
      db.prepare('DELETE FROM webhook_outbox WHERE response_id = ?').run(id);
    },
    async failed(id, u) {
      db.prepare(
        'UPDATE webhook_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, dead = ? WHERE response_id = ?',
      ).run(u.attempts, u.nextAttemptAt, u.error, u.dead ? 1 : 0, id);
    },
    async nextDueAt() {
      const row = db.prepare('SELECT MIN(next_attempt_at) AS at FROM webhook_outbox WHERE dead = 0').get() as {
        at: number | null;
      };
      return row.at;
    },
  };

  return {
    kind: 'sqlite',
    async insertResponse(r, options) {
      try {
        return insert(r, options?.enqueueWebhook ?? false);
      } catch (err) {
        throw classifySqliteError(err);
      }
    },
    async listResponses(q) {
      const w = filterConditions({ touchpoint: q.touchpoint, surveyId: q.surveyId });
      return all<PayloadRow>(
        `SELECT payload, received_at, corrected_at FROM responses WHERE 1 = 1${w.sql} ORDER BY received_at DESC, id DESC LIMIT ?`,
        [...w.params, q.limit],
      ).map(toStored);
    },
    async exportPage(filters, after, limit) {
      const w = filterConditions(filters);
      const cursor = after ? ' AND (received_at, id) > (?, ?)' : '';
      return all<PayloadRow>(
        `SELECT payload, received_at, corrected_at FROM responses WHERE 1 = 1${w.sql}${cursor} ORDER BY received_at, id LIMIT ?`,
        [...w.params, ...(after ? [after.receivedAt, after.id] : []), limit],
      ).map(toStored);
    },
    rollups: sqliteRollups(db, migrated),
    webhookOutbox,
    async close() {
      db.close();
    },
  };
}
