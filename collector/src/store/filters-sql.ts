import type { Filters } from './types.ts';

/** A response's journey stage in SQLite, '' when its payload names none (as rollup/keys.ts stageOf reads it). */
export const SQLITE_STAGE = (payload: string): string => `coalesce(json_extract(${payload}, '$.context.stage'), '')`;

/**
 * The export filters as SQL conditions over the responses table, with positional parameters. SQLite uses it
 * directly; postgres.ts builds the same conditions as tagged fragments.
 */
export function filterConditions(f: Filters, table = ''): { sql: string; params: string[] } {
  const col = (name: string) => (table ? `${table}.${name}` : name);
  const parts: string[] = [];
  const params: string[] = [];
  const add = (cond: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(cond);
    params.push(value);
  };
  add(`${col('touchpoint')} = ?`, f.touchpoint);
  add(`${col('survey_id')} = ?`, f.surveyId);
  add(`${col('locale')} = ?`, f.locale);
  add(`${SQLITE_STAGE(col('payload'))} = ?`, f.stage);
  add(`${col('day')} >= ?`, f.from);
  add(`${col('day')} <= ?`, f.to);
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}
