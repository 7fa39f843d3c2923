import type { StoredResponse } from '../store/types.ts';

/**
 * CSV in long form: one row per answer, so a spreadsheet can pivot on question and type without parsing JSON.
 * Cells are quoted per RFC 4180 and defused against formula injection (OWASP): a cell a spreadsheet would read as
 * a formula (= + - @, tab, CR) gets a leading apostrophe. Visitors write the free text; it must stay text.
 */
export const CSV_COLUMNS = [
  'response_id',
  'received_at',
  'corrected_at',
  'created_at',
  'survey_id',
  'touchpoint',
  'locale',
  'url',
  'follow_up_of',
  'question_id',
  'type',
  'value',
  'other',
] as const;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: readonly (string | number | null | undefined)[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;

export function csvRows(r: StoredResponse): string {
  return r.answers
    .map((a) =>
      csvLine([
        r.id,
        r.receivedAt,
        r.correctedAt,
        r.createdAt,
        r.surveyId,
        r.touchpoint,
        r.context.locale,
        r.context.url,
        r.followUpOf,
        a.questionId,
        a.type,
        Array.isArray(a.value) ? a.value.join('; ') : a.value,
        a.other,
      ]),
    )
    .join('');
}
