import type { PendingQuery, Row, Sql } from 'postgres';
import type { PayloadV1 } from '../../../src/schema/payload.ts';
import { keyOf, rollupKeys, totalKey } from '../rollup/keys.ts';
import type { AnswerKey, ResponseKey, TotalKey } from '../rollup/keys.ts';
import { FACET_LIMIT } from './types.ts';
import type { AnswerCountRow, ResponseDayRow, ResultsFilters, RootScoreRow, Rollups, TextRow } from './rollup-types.ts';

const ROLLUP_MIGRATION = 4;
const REBUILD_PAGE = 2000;
const WRITE_BATCH = 5000;
const FOLD_BATCH = 5000;
const FOLD_EVERY_MS = 1000;

const ANSWER_COLUMNS =
  'day text, touchpoint text, survey_id text, locale text, stage text, question_id text, type text, level text, ' +
  'value text, valence text, n integer';
const TOTAL_COLUMNS =
  'day text, touchpoint text, stage text, question_id text, type text, level text, value text, valence text, n integer';
const RESPONSE_COLUMNS = 'day text, touchpoint text, survey_id text, locale text, stage text, n integer';

/** The rollups with their background fold: `fold` counts what is queued now, `stop` ends the background pass. */
export type PostgresRollups = Rollups & { fold(): Promise<void>; stop(): void };

export async function postgresRollups(sql: Sql, migrated: readonly number[]): Promise<PostgresRollups> {
  const where = (f: ResultsFilters): PendingQuery<Row[]> => {
    const parts: PendingQuery<Row[]>[] = [];
    if (f.touchpoint !== undefined) parts.push(sql`AND touchpoint = ${f.touchpoint}`);
    if (f.locale !== undefined) parts.push(sql`AND locale = ${f.locale}`);
    if (f.stage !== undefined) parts.push(sql`AND stage = ${f.stage}`);
    if (f.from !== undefined) parts.push(sql`AND day >= ${f.from}`);
    if (f.to !== undefined) parts.push(sql`AND day <= ${f.to}`);
    return parts.reduce((acc, part) => sql`${acc} ${part}`, sql``);
  };

  /**
   * Counts one batch of queued responses into the rollups and takes them off the queue, in one transaction. SKIP
   * LOCKED lets several collectors fold side by side, each batch once; rows are upserted in key order, so two folds
   * that touch the same rollup rows lock them in the same order.
   */
  const foldBatch = (skipLocked: boolean) =>
    sql.begin(async (tx) => {
      const queued = await tx<{ payload: PayloadV1; day: string; kept: string[] }[]>`
        WITH batch AS (SELECT response_id FROM rollup_queue ORDER BY response_id LIMIT ${FOLD_BATCH}
            FOR UPDATE ${skipLocked ? tx`SKIP LOCKED` : tx``}),
          taken AS (DELETE FROM rollup_queue q USING batch b WHERE q.response_id = b.response_id
            RETURNING q.response_id, q.day, q.kept)
        SELECT r.payload, t.day, t.kept FROM taken t JOIN responses r ON r.id = t.response_id`;
      if (queued.length === 0) return 0;
      const answers = new Map<string, AnswerKey & { n: number }>();
      const totals = new Map<string, TotalKey & { n: number }>();
      const responses = new Map<string, ResponseKey & { n: number }>();
      for (const row of queued) {
        const keys = rollupKeys(row.payload, row.day, new Set(row.kept));
        for (const key of keys.answers) {
          bump(answers, key);
          bump(totals, totalKey(key));
        }
        if (keys.response) bump(responses, keys.response);
      }
      const sorted = <T>(counts: Map<string, T>) =>
        JSON.stringify([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value));
      await tx`INSERT INTO rollup_answers
          (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, n)
        SELECT * FROM jsonb_to_recordset(${sorted(answers)}::text::jsonb) AS x(${tx.unsafe(ANSWER_COLUMNS)})
        ON CONFLICT (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, shard)
        DO UPDATE SET n = rollup_answers.n + excluded.n`;
      await tx`INSERT INTO rollup_totals (day, touchpoint, stage, question_id, type, level, value, valence, n)
        SELECT * FROM jsonb_to_recordset(${sorted(totals)}::text::jsonb) AS x(${tx.unsafe(TOTAL_COLUMNS)})
        ON CONFLICT (day, touchpoint, stage, question_id, type, level, value, valence, shard)
        DO UPDATE SET n = rollup_totals.n + excluded.n`;
      await tx`INSERT INTO rollup_responses (day, touchpoint, survey_id, locale, stage, n)
        SELECT * FROM jsonb_to_recordset(${sorted(responses)}::text::jsonb) AS x(${tx.unsafe(RESPONSE_COLUMNS)})
        ON CONFLICT (day, touchpoint, survey_id, locale, stage, shard) DO UPDATE SET n = rollup_responses.n + excluded.n`;
      return queued.length;
    });

  /**
   * Folds until the queue is empty; concurrent callers share one run. The last pass waits for rows another collector
   * is folding, so a read that follows sees every response stored before it.
   */
  let folding: Promise<void> | undefined;
  const fold = (): Promise<void> =>
    (folding ??= (async () => {
      try {
        while ((await foldBatch(true)) === FOLD_BATCH);
        while ((await foldBatch(false)) === FOLD_BATCH);
      } finally {
        folding = undefined;
      }
    })());
  // Between reads the queue is folded in the background, so a read rarely has much left to fold.
  const timer = setInterval(() => void fold().catch(() => {}), FOLD_EVERY_MS);
  timer.unref();

  /** Reads every response once under a lock that holds off inserts, so no count is lost or doubled meanwhile. */
  const rebuild = () =>
    sql.begin(async (tx) => {
      await tx`LOCK TABLE responses IN SHARE MODE`;
      // Every queued response is counted by the rebuild itself.
      await tx`DELETE FROM rollup_queue`;
      await tx`DELETE FROM rollup_answers`;
      await tx`DELETE FROM rollup_totals`;
      await tx`DELETE FROM rollup_responses`;
      const answers = new Map<string, AnswerKey & { n: number }>();
      const totals = new Map<string, TotalKey & { n: number }>();
      const responses = new Map<string, ResponseKey & { n: number }>();
      let after = '';
      let read = 0;
      for (;;) {
        const rows = await tx<{ id: string; payload: PayloadV1; day: string; kept: string[] }[]>`
          SELECT r.id, r.payload, r.day, ARRAY(SELECT question_id FROM answers a WHERE a.response_id = r.id) AS kept
          FROM responses r WHERE r.id > ${after} ORDER BY r.id LIMIT ${REBUILD_PAGE}`;
        if (rows.length === 0) break;
        for (const row of rows) {
          const keys = rollupKeys(row.payload, row.day, new Set(row.kept));
          for (const key of keys.answers) {
            bump(answers, key);
            bump(totals, totalKey(key));
          }
          if (keys.response) bump(responses, keys.response);
        }
        read += rows.length;
        after = rows[rows.length - 1].id;
      }
      const all = [...answers.values()];
      for (let i = 0; i < all.length; i += WRITE_BATCH) {
        const rows = JSON.stringify(all.slice(i, i + WRITE_BATCH));
        await tx`INSERT INTO rollup_answers
            (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, n)
          SELECT * FROM jsonb_to_recordset(${rows}::text::jsonb) AS x(${tx.unsafe(ANSWER_COLUMNS)})`;
      }
      const summed = [...totals.values()];
      for (let i = 0; i < summed.length; i += WRITE_BATCH) {
        await tx`INSERT INTO rollup_totals (day, touchpoint, stage, question_id, type, level, value, valence, n)
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(summed.slice(i, i + WRITE_BATCH))}::text::jsonb)
            AS x(${tx.unsafe(TOTAL_COLUMNS)})`;
      }
      const firsts = [...responses.values()];
      for (let i = 0; i < firsts.length; i += WRITE_BATCH) {
        await tx`INSERT INTO rollup_responses (day, touchpoint, survey_id, locale, stage, n)
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(firsts.slice(i, i + WRITE_BATCH))}::text::jsonb)
            AS x(${tx.unsafe(RESPONSE_COLUMNS)})`;
      }
      return read;
    });

  if (migrated.includes(ROLLUP_MIGRATION)) await rebuild();

  return {
    async answerCounts(f, grain) {
      await fold();
      const week = sql`greatest(to_char(date_trunc('week', day::date), 'YYYY-MM-DD'), ${grain?.current ?? ''}::text)`;
      const bucket = grain
        ? sql`CASE WHEN day < ${grain.current} THEN ${grain.previous}::text ELSE ${grain.weekly ? week : sql`day`} END`
        : sql`day`;
      return sql<AnswerCountRow[]>`SELECT touchpoint, stage, question_id AS "questionId", type, level, value, valence,
          ${bucket} AS day, SUM(n)::int AS n
        FROM ${sql(f.locale === undefined ? 'rollup_totals' : 'rollup_answers')} WHERE true ${where(f)}
        GROUP BY touchpoint, stage, question_id, type, level, value, valence, 8`;
    },
    async responseCounts(f) {
      await fold();
      return sql<ResponseDayRow[]>`SELECT touchpoint, stage, day, SUM(n)::int AS n FROM rollup_responses
        WHERE true ${where(f)} GROUP BY touchpoint, stage, day`;
    },
    async texts(f, limit) {
      const { stage: _stage, ...raw } = f;
      const rows = await sql<(Omit<TextRow, 'correctedAt'> & { correctedAt: Date })[]>`
        SELECT response_id AS "responseId", root_id AS "rootId", question_id AS "questionId",
          CASE WHEN type = 'text' AND value_text IS NOT NULL THEN value_text ELSE other_text END AS text,
          locale, corrected_at AS "correctedAt"
        FROM answers WHERE ((type = 'text' AND value_text IS NOT NULL) OR other_text IS NOT NULL) ${where(raw)}
        ORDER BY corrected_at DESC LIMIT ${limit}`;
      const texts = rows.map((t) => ({ ...t, correctedAt: t.correctedAt.toISOString() }));
      const roots = [...new Set(texts.map((t) => t.rootId))];
      const scores = roots.length
        ? await sql<
            RootScoreRow[]
          >`SELECT root_id AS "rootId", question_id AS "questionId", type, value_num AS "valueNum",
              CASE WHEN type = 'reaction' THEN value_text END AS "valueText"
            FROM answers WHERE root_id = ANY(${roots}) AND (value_num IS NOT NULL OR type = 'reaction')`
        : [];
      return { texts, scores: [...scores] };
    },
    async choices(limit = FACET_LIMIT) {
      await fold();
      // The most answered values up to the limit, by name: made-up touchpoints must not flood the filter lists.
      const col = async (name: 'touchpoint' | 'locale' | 'stage') =>
        (
          await sql<{ v: string }[]>`SELECT ${sql(name)} AS v FROM rollup_responses WHERE ${sql(name)} <> ''
            GROUP BY ${sql(name)} ORDER BY SUM(n) DESC, ${sql(name)} LIMIT ${limit}`
        )
          .map((r) => r.v)
          .sort();
      const [touchpoints, locales, stages] = await Promise.all([col('touchpoint'), col('locale'), col('stage')]);
      return { touchpoints, locales, stages };
    },
    rebuild,
    fold,
    stop: () => clearInterval(timer),
  };
}

function bump<K extends AnswerKey | TotalKey | ResponseKey>(counts: Map<string, K & { n: number }>, key: K): void {
  const id = keyOf(key);
  const entry = counts.get(id);
  if (entry) entry.n++;
  else counts.set(id, { ...key, n: 1 });
}
