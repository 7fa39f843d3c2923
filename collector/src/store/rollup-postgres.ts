import type { PendingQuery, Row, Sql } from 'postgres';
import type { PayloadV1 } from '../../../src/schema/payload.ts';
import { keyOf, rollupKeys, totalKey } from '../rollup/keys.ts';
import type { AnswerKey, ResponseKey, TotalKey } from '../rollup/keys.ts';
import { FACET_LIMIT } from './types.ts';
import type { AnswerCountRow, ResponseDayRow, ResultsFilters, RootScoreRow, Rollups, TextRow } from './rollup-types.ts';

/** Migrations after which the rollups are rebuilt: 004 creates them, 006 replaces the queue by a watermark. */
const REBUILD_AFTER = [4, 6];
const REBUILD_PAGE = 2000;
const WRITE_BATCH = 5000;
const FOLD_PAGE = 2000;
const FOLD_EVERY_MS = 1000;

const ANSWER_COLUMNS =
  'day text, touchpoint text, survey_id text, locale text, stage text, question_id text, type text, level text, ' +
  'value text, valence text, n integer';
const TOTAL_COLUMNS =
  'day text, touchpoint text, stage text, question_id text, type text, level text, value text, valence text, n integer';
const RESPONSE_COLUMNS = 'day text, touchpoint text, survey_id text, locale text, stage text, n integer';

/** The rollups with their background fold: `fold` counts what is stored now, `stop` ends the background pass. */
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
   * Counts the responses stored since the last fold into the rollups, in one transaction: those whose inserting
   * transaction is visible in a snapshot taken now but was not in the watermark's snapshot. A transaction still
   * running at the watermark (even one older than rows already folded) stays out of it until it commits, so no late
   * commit is skipped. The watermark row's lock makes folds take turns across collectors; `wait: false` (the
   * background pass) leaves the work to a collector already folding. Rows are upserted in key order, so folds and
   * rebuilds lock rollup rows in the same order.
   */
  const foldOnce = async (wait: boolean) => {
    // Most folds find nothing new: then one read, without the lock, the transaction and the watermark write. A fold
    // another collector has not committed yet leaves the old watermark in place, so its rows still count as new here.
    // Not visible in the watermark's snapshot means at or above its xmax, or in its in-progress list: the newest tx_id
    // and a lookup of those few ids, both straight off the tx_id index.
    const [idle] = await sql<{ nothing: boolean }[]>`SELECT NOT (
        coalesce((SELECT tx_id FROM responses ORDER BY tx_id DESC LIMIT 1) >= pg_snapshot_xmax(w.folded), false)
        OR EXISTS (SELECT 1 FROM pg_snapshot_xip(w.folded) AS x (id) WHERE EXISTS (SELECT 1 FROM responses r WHERE r.tx_id = x.id))
      ) AS nothing FROM rollup_watermark w`;
    if (idle.nothing) return;
    await sql.begin(async (tx) => {
      const [mark] = await tx<{ folded: string }[]>`SELECT folded::text FROM rollup_watermark
        FOR UPDATE ${wait ? tx`` : tx`SKIP LOCKED`}`;
      if (!mark) return;
      // Taken after the lock, so a fold that waited still counts everything committed before it was asked for.
      const [{ now }] = await tx<{ now: string }[]>`SELECT pg_current_snapshot()::text AS now`;
      const counts = rollupCounts();
      await tx<{ payload: PayloadV1; day: string; kept: string[] }[]>`
        SELECT r.payload, r.day, ARRAY(SELECT question_id FROM answers a WHERE a.response_id = r.id) AS kept
        FROM responses r
        WHERE r.tx_id >= pg_snapshot_xmin(${mark.folded}::pg_snapshot)
          AND NOT pg_visible_in_snapshot(r.tx_id, ${mark.folded}::pg_snapshot)
          AND pg_visible_in_snapshot(r.tx_id, ${now}::pg_snapshot)`.cursor(FOLD_PAGE, (rows) => {
        for (const row of rows) counts.add(row.payload, row.day, row.kept);
      });
      if (counts.size() > 0) {
        const sorted = <T>(values: Map<string, T>) =>
          JSON.stringify([...values.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value));
        await tx`INSERT INTO rollup_answers
            (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, n)
          SELECT * FROM jsonb_to_recordset(${sorted(counts.answers)}::text::jsonb) AS x(${tx.unsafe(ANSWER_COLUMNS)})
          ON CONFLICT (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, shard)
          DO UPDATE SET n = rollup_answers.n + excluded.n`;
        await tx`INSERT INTO rollup_totals (day, touchpoint, stage, question_id, type, level, value, valence, n)
          SELECT * FROM jsonb_to_recordset(${sorted(counts.totals)}::text::jsonb) AS x(${tx.unsafe(TOTAL_COLUMNS)})
          ON CONFLICT (day, touchpoint, stage, question_id, type, level, value, valence, shard)
          DO UPDATE SET n = rollup_totals.n + excluded.n`;
        await tx`INSERT INTO rollup_responses (day, touchpoint, survey_id, locale, stage, n)
          SELECT * FROM jsonb_to_recordset(${sorted(counts.responses)}::text::jsonb) AS x(${tx.unsafe(RESPONSE_COLUMNS)})
          ON CONFLICT (day, touchpoint, survey_id, locale, stage, shard)
          DO UPDATE SET n = rollup_responses.n + excluded.n`;
      }
      await tx`UPDATE rollup_watermark SET folded = ${now}::pg_snapshot`;
    });
  };

  /**
   * Folds what is stored now. A read must not share a fold that started before it was asked for (that fold's
   * snapshot may miss a response committed since), so callers arriving during a fold share the next one.
   */
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (wait: boolean) =>
    (running = foldOnce(wait).finally(() => {
      running = undefined;
    }));
  const fold = (): Promise<void> => {
    if (next) return next;
    if (!running) return start(true);
    return (next = running
      .catch(() => {})
      .then(() => {
        next = undefined;
        return start(true);
      }));
  };
  // Between reads the new responses are folded in the background, so a read rarely has much left to fold.
  const timer = setInterval(() => {
    if (!running) start(false).catch(() => {});
  }, FOLD_EVERY_MS);
  timer.unref();

  /**
   * Reads every response once under a lock that holds off inserts, so no count is lost or doubled meanwhile, and
   * leaves the watermark at a snapshot that sees every response it read.
   */
  const rebuild = () =>
    sql.begin(async (tx) => {
      // The watermark first, then the table, in the same order as a fold, so the two never deadlock.
      await tx`SELECT 1 FROM rollup_watermark FOR UPDATE`;
      await tx`LOCK TABLE responses IN SHARE MODE`;
      await tx`DELETE FROM rollup_answers`;
      await tx`DELETE FROM rollup_totals`;
      await tx`DELETE FROM rollup_responses`;
      await tx`UPDATE rollup_watermark SET folded = pg_current_snapshot()`;
      const counts = rollupCounts();
      let after = '';
      let read = 0;
      for (;;) {
        const rows = await tx<{ id: string; payload: PayloadV1; day: string; kept: string[] }[]>`
          SELECT r.id, r.payload, r.day, ARRAY(SELECT question_id FROM answers a WHERE a.response_id = r.id) AS kept
          FROM responses r WHERE r.id > ${after} ORDER BY r.id LIMIT ${REBUILD_PAGE}`;
        if (rows.length === 0) break;
        for (const row of rows) counts.add(row.payload, row.day, row.kept);
        read += rows.length;
        after = rows[rows.length - 1].id;
      }
      const all = [...counts.answers.values()];
      for (let i = 0; i < all.length; i += WRITE_BATCH) {
        const rows = JSON.stringify(all.slice(i, i + WRITE_BATCH));
        await tx`INSERT INTO rollup_answers
            (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, n)
          SELECT * FROM jsonb_to_recordset(${rows}::text::jsonb) AS x(${tx.unsafe(ANSWER_COLUMNS)})`;
      }
      const summed = [...counts.totals.values()];
      for (let i = 0; i < summed.length; i += WRITE_BATCH) {
        await tx`INSERT INTO rollup_totals (day, touchpoint, stage, question_id, type, level, value, valence, n)
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(summed.slice(i, i + WRITE_BATCH))}::text::jsonb)
            AS x(${tx.unsafe(TOTAL_COLUMNS)})`;
      }
      const firsts = [...counts.responses.values()];
      for (let i = 0; i < firsts.length; i += WRITE_BATCH) {
        await tx`INSERT INTO rollup_responses (day, touchpoint, survey_id, locale, stage, n)
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(firsts.slice(i, i + WRITE_BATCH))}::text::jsonb)
            AS x(${tx.unsafe(RESPONSE_COLUMNS)})`;
      }
      return read;
    });

  if (REBUILD_AFTER.some((version) => migrated.includes(version))) await rebuild();

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
      const { stage, ...raw } = f;
      // Answers carry no stage: a text's is the one its response names.
      const byStage =
        stage === undefined
          ? sql``
          : sql`AND EXISTS (SELECT 1 FROM responses r WHERE r.id = answers.response_id
              AND coalesce(r.payload -> 'context' ->> 'stage', '') = ${stage})`;
      const rows = await sql<(Omit<TextRow, 'correctedAt'> & { correctedAt: Date })[]>`
        SELECT response_id AS "responseId", root_id AS "rootId", question_id AS "questionId",
          CASE WHEN type = 'text' AND value_text IS NOT NULL THEN value_text ELSE other_text END AS text,
          locale, corrected_at AS "correctedAt"
        FROM answers WHERE ((type = 'text' AND value_text IS NOT NULL) OR other_text IS NOT NULL) ${where(raw)} ${byStage}
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

/** Rollup counts of some responses, one entry per row to write. */
function rollupCounts() {
  const answers = new Map<string, AnswerKey & { n: number }>();
  const totals = new Map<string, TotalKey & { n: number }>();
  const responses = new Map<string, ResponseKey & { n: number }>();
  return {
    answers,
    totals,
    responses,
    add(payload: PayloadV1, day: string, kept: readonly string[]): void {
      const keys = rollupKeys(payload, day, new Set(kept));
      for (const key of keys.answers) {
        bump(answers, key);
        bump(totals, totalKey(key));
      }
      if (keys.response) bump(responses, keys.response);
    },
    size: () => answers.size + responses.size,
  };
}

function bump<K extends AnswerKey | TotalKey | ResponseKey>(counts: Map<string, K & { n: number }>, key: K): void {
  const id = keyOf(key);
  const entry = counts.get(id);
  if (entry) entry.n++;
  else counts.set(id, { ...key, n: 1 });
}
