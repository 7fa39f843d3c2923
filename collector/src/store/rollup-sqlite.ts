import type { Database as Db } from 'better-sqlite3';
import type { PayloadV1 } from '../../../src/schema/payload.ts';
import { keyOf, rollupKeys, totalKey } from '../rollup/keys.ts';
import type { AnswerKey, ResponseKey, TotalKey } from '../rollup/keys.ts';
import { SQLITE_STAGE } from './filters-sql.ts';
import { FACET_LIMIT } from './types.ts';
import type { AnswerCountRow, ResponseDayRow, ResultsFilters, RootScoreRow, Rollups, TextRow } from './rollup-types.ts';

/** SQLite caps bound parameters per statement; root ids are looked up in chunks below it. */
const IN_CHUNK = 500;
const REBUILD_PAGE = 2000;

function where(f: ResultsFilters): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const add = (cond: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(` AND ${cond}`);
    params.push(value);
  };
  add('touchpoint = ?', f.touchpoint);
  add('locale = ?', f.locale);
  add('stage = ?', f.stage);
  add('day >= ?', f.from);
  add('day <= ?', f.to);
  return { sql: parts.join(''), params };
}

/** Adds one stored response to the rollups; called inside the insert transaction with the answers it kept. */
export type RollupWriter = (payload: PayloadV1, day: string, kept: ReadonlySet<string>) => void;

export function sqliteRollupWriter(db: Db): RollupWriter {
  const bumpAnswer = db.prepare(`INSERT INTO rollup_answers
    (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, shard, n)
    VALUES (@day, @touchpoint, @survey_id, @locale, @stage, @question_id, @type, @level, @value, @valence, 0, @n)
    ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const bumpTotal =
    db.prepare(`INSERT INTO rollup_totals (day, touchpoint, stage, question_id, type, level, value, valence, shard, n)
    VALUES (@day, @touchpoint, @stage, @question_id, @type, @level, @value, @valence, 0, @n)
    ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const bumpResponse = db.prepare(`INSERT INTO rollup_responses (day, touchpoint, survey_id, locale, stage, shard, n)
    VALUES (@day, @touchpoint, @survey_id, @locale, @stage, 0, @n) ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  return (payload, day, kept) => {
    const keys = rollupKeys(payload, day, kept);
    for (const k of keys.answers) {
      bumpAnswer.run({ ...k, n: 1 });
      bumpTotal.run({ ...totalKey(k), n: 1 });
    }
    if (keys.response) bumpResponse.run({ ...keys.response, n: 1 });
  };
}

/** Migration that created the rollup tables: when it has just run on an existing database, fill them at once. */
const ROLLUP_MIGRATION = 4;

export function sqliteRollups(db: Db, migrated: readonly number[]): Rollups {
  const all = <T>(sql: string, params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];

  const rebuild = db.transaction(() => {
    db.exec('DELETE FROM rollup_answers; DELETE FROM rollup_totals; DELETE FROM rollup_responses;');
    const answers = new Map<string, { key: AnswerKey; n: number }>();
    const totals = new Map<string, { key: TotalKey; n: number }>();
    const responses = new Map<string, { key: ResponseKey; n: number }>();
    const page = db.prepare(`SELECT r.id, r.payload, r.day,
        (SELECT group_concat(a.question_id, char(31)) FROM answers a WHERE a.response_id = r.id) AS kept
      FROM responses r WHERE r.id > ? ORDER BY r.id LIMIT ?`);
    let after = '';
    let read = 0;
    for (;;) {
      const rows = page.all(after, REBUILD_PAGE) as { id: string; payload: string; day: string; kept: string | null }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const keys = rollupKeys(JSON.parse(row.payload), row.day, new Set(row.kept ? row.kept.split('\u001f') : []));
        for (const key of keys.answers) {
          bump(answers, key);
          bump(totals, totalKey(key));
        }
        if (keys.response) bump(responses, keys.response);
      }
      read += rows.length;
      after = rows[rows.length - 1].id;
    }
    const insertAnswer = db.prepare(`INSERT INTO rollup_answers
      (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, shard, n)
      VALUES (@day, @touchpoint, @survey_id, @locale, @stage, @question_id, @type, @level, @value, @valence, 0, @n)`);
    const insertTotal =
      db.prepare(`INSERT INTO rollup_totals (day, touchpoint, stage, question_id, type, level, value, valence, shard, n)
      VALUES (@day, @touchpoint, @stage, @question_id, @type, @level, @value, @valence, 0, @n)`);
    const insertResponse =
      db.prepare(`INSERT INTO rollup_responses (day, touchpoint, survey_id, locale, stage, shard, n)
      VALUES (@day, @touchpoint, @survey_id, @locale, @stage, 0, @n)`);
    for (const { key, n } of answers.values()) insertAnswer.run({ ...key, n });
    for (const { key, n } of totals.values()) insertTotal.run({ ...key, n });
    for (const { key, n } of responses.values()) insertResponse.run({ ...key, n });
    return read;
  });

  if (migrated.includes(ROLLUP_MIGRATION)) rebuild.immediate();

  return {
    async answerCounts(filters, grain) {
      const w = where(filters);
      // Monday of the week: 'weekday 0' moves to the coming Sunday (or stays on one), then back six days.
      const bucket = grain
        ? `CASE WHEN day < ? THEN ? ELSE ${grain.weekly ? "max(date(day, 'weekday 0', '-6 days'), ?)" : 'day'} END`
        : 'day';
      const bucketParams = grain ? [grain.current, grain.previous, ...(grain.weekly ? [grain.current] : [])] : [];
      return all<AnswerCountRow>(
        `SELECT touchpoint, stage, question_id AS questionId, type, level, value, valence, ${bucket} AS day, SUM(n) AS n
         FROM ${filters.locale === undefined ? 'rollup_totals' : 'rollup_answers'} WHERE 1 = 1${w.sql}
         GROUP BY touchpoint, stage, question_id, type, level, value, valence, ${bucket}`,
        [...bucketParams, ...w.params, ...bucketParams],
      );
    },
    async responseCounts(filters) {
      const w = where(filters);
      return all<ResponseDayRow>(
        `SELECT touchpoint, stage, day, SUM(n) AS n FROM rollup_responses WHERE 1 = 1${w.sql} GROUP BY touchpoint, stage, day`,
        w.params,
      );
    },
    async texts(filters, limit) {
      const { stage, ...raw } = filters;
      const w = where(raw);
      // Answers carry no stage: a text's is the one its response names.
      const byStage =
        stage === undefined
          ? ''
          : ` AND EXISTS (SELECT 1 FROM responses r WHERE r.id = answers.response_id AND ${SQLITE_STAGE('r.payload')} = ?)`;
      const texts = all<TextRow>(
        `SELECT response_id AS responseId, root_id AS rootId, question_id AS questionId,
                CASE WHEN type = 'text' AND value_text IS NOT NULL THEN value_text ELSE other_text END AS text,
                locale, corrected_at AS correctedAt
         FROM answers WHERE ((type = 'text' AND value_text IS NOT NULL) OR other_text IS NOT NULL)${w.sql}${byStage}
         ORDER BY corrected_at DESC LIMIT ?`,
        [...w.params, ...(stage === undefined ? [] : [stage]), limit],
      );
      const roots = [...new Set(texts.map((t) => t.rootId))];
      const scores: RootScoreRow[] = [];
      for (let i = 0; i < roots.length; i += IN_CHUNK) {
        const chunk = roots.slice(i, i + IN_CHUNK);
        scores.push(
          ...all<RootScoreRow>(
            `SELECT root_id AS rootId, question_id AS questionId, type, value_num AS valueNum,
                    CASE WHEN type = 'reaction' THEN value_text END AS valueText
             FROM answers WHERE root_id IN (${chunk.map(() => '?').join(', ')}) AND (value_num IS NOT NULL OR type = 'reaction')`,
            chunk,
          ),
        );
      }
      return { texts, scores };
    },
    async choices(limit = FACET_LIMIT) {
      // The most answered values up to the limit, by name: made-up touchpoints must not flood the filter lists.
      const col = (name: 'touchpoint' | 'locale' | 'stage') =>
        (
          db
            .prepare(
              `SELECT ${name} FROM rollup_responses WHERE ${name} <> '' GROUP BY ${name} ORDER BY SUM(n) DESC, ${name} LIMIT ?`,
            )
            .pluck()
            .all(limit) as string[]
        ).sort();
      return { touchpoints: col('touchpoint'), locales: col('locale'), stages: col('stage') };
    },
    async rebuild() {
      return rebuild.immediate();
    },
  };
}

function bump<K extends AnswerKey | TotalKey | ResponseKey>(counts: Map<string, { key: K; n: number }>, key: K): void {
  const id = keyOf(key);
  const entry = counts.get(id);
  if (entry) entry.n++;
  else counts.set(id, { key, n: 1 });
}
