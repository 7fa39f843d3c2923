import type { Filters } from './types.ts';

/**
 * The results filters as SQL conditions over columns both tables share (touchpoint, survey_id, locale, day), with
 * positional parameters. SQLite uses it directly; postgres.ts builds the same conditions as tagged fragments.
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
  add(`${col('day')} >= ?`, f.from);
  add(`${col('day')} <= ?`, f.to);
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

