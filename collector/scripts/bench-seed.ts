import Database from 'better-sqlite3';
import postgres from 'postgres';
import { answerColumns, answerRows, rootIdOf } from '../src/store/answer-rows.ts';
import type { NewResponse } from '../src/store/types.ts';

/**
 * Bulk loading for the benchmark: raw rows written straight into the tables in large transactions (a million
 * one-by-one inserts would take most of an hour), then the rollups are rebuilt from them with the real rebuild
 * command. The store must have been opened once before, so the tables exist.
 */
const BATCH = 5000;

const responseRow = (r: NewResponse) => ({
  id: r.payload.id,
  survey_id: r.payload.surveyId,
  touchpoint: r.payload.touchpoint,
  locale: r.payload.context.locale,
  follow_up_of: r.payload.followUpOf ?? null,
  root_id: rootIdOf(r),
  created_at: r.payload.createdAt,
  sent_at: r.payload.sentAt ?? null,
  received_at: r.receivedAt,
  corrected_at: r.correctedAt,
  day: r.day,
});

function* batches(source: Iterable<NewResponse>): Generator<NewResponse[]> {
  let batch: NewResponse[] = [];
  for (const r of source) {
    batch.push(r);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export function bulkSqlite(path: string, source: Iterable<NewResponse>): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertResponse =
    db.prepare(`INSERT INTO responses (id, survey_id, touchpoint, locale, follow_up_of, root_id, created_at, sent_at,
    received_at, corrected_at, day, payload) VALUES (@id, @survey_id, @touchpoint, @locale, @follow_up_of, @root_id, @created_at, @sent_at,
    @received_at, @corrected_at, @day, @payload)`);
  const insertAnswer =
    db.prepare(`INSERT INTO answers (response_id, root_id, question_id, type, value_num, value_text, other_text,
    touchpoint, survey_id, locale, day, corrected_at) VALUES (@response_id, @root_id, @question_id, @type, @value_num, @value_text,
    @other_text, @touchpoint, @survey_id, @locale, @day, @corrected_at) ON CONFLICT (root_id, question_id) DO NOTHING`);
  const write = db.transaction((rows: NewResponse[]) => {
    for (const r of rows) {
      insertResponse.run({ ...responseRow(r), payload: JSON.stringify(r.payload) });
      for (const a of answerRows(r)) insertAnswer.run(answerColumns(a));
    }
  });
  for (const batch of batches(source)) write(batch);
  db.close();
}

export async function bulkPostgres(url: string, source: Iterable<NewResponse>): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const batch of batches(source)) {
      await sql.begin(async (tx) => {
        for (let i = 0; i < batch.length; i += 1000) {
          const part = batch.slice(i, i + 1000);
          await tx`INSERT INTO responses ${sql(part.map((r) => ({ ...responseRow(r), payload: sql.json(r.payload) })))}`;
          const answers = part.flatMap((r) => answerRows(r).map(answerColumns));
          if (answers.length)
            await tx`INSERT INTO answers ${sql(answers)} ON CONFLICT (root_id, question_id) DO NOTHING`;
        }
      });
    }
  } finally {
    await sql.end();
  }
}
