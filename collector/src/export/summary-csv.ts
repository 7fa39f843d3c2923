import type { Overview } from '../stats/overview.ts';
import type { Periods } from '../stats/periods.ts';
import { csvLine } from './csv.ts';

/** One row per touchpoint × question: the overview's figures, intervals and change tests, for a spreadsheet. */
export const SUMMARY_COLUMNS = [
  'period_from',
  'period_to',
  'stage',
  'touchpoint',
  'question_id',
  'type',
  'level',
  'measure',
  'unit',
  'n',
  'value',
  'ci95_low',
  'ci95_high',
  'previous_n',
  'previous_value',
  'change',
  'z',
  'significant',
  'direction',
] as const;

export function summaryCsv(o: Overview, periods: Periods): string {
  const rows = o.stages.flatMap((s) =>
    s.touchpoints.flatMap((t) =>
      t.questions.map((q) =>
        csvLine([
          periods.current.from,
          periods.current.to,
          s.stage ?? '',
          t.touchpoint,
          q.questionId,
          q.type,
          q.level,
          q.label,
          q.unit,
          q.current.n,
          q.current.value,
          q.current.low,
          q.current.high,
          q.previous.n,
          q.previous.value,
          q.trend?.delta,
          q.trend?.z,
          q.trend ? String(q.trend.significant) : '',
          q.trend?.direction,
        ]),
      ),
    ),
  );
  // A BOM makes Excel read the file as UTF-8, as for the raw export.
  return `\uFEFF${csvLine(SUMMARY_COLUMNS)}${rows.join('')}`;
}
