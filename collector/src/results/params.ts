import * as z from 'zod';
import { parseFilters } from '../query.ts';
import type { ParsedQuery } from '../query.ts';
import { periodsOf } from '../stats/periods.ts';
import type { Periods } from '../stats/periods.ts';
import { addDays, utcDay } from '../stats/timeline.ts';
import type { ResultsFilters } from '../store/rollup-types.ts';
import type { CommentFilters } from '../stats/touchpoint.ts';
import { fold } from '../themes/fold.ts';

/** Period shown when the link names none: the last 30 days, compared with the 30 before. */
export const DEFAULT_DAYS = 30;

/** What a results link may say. Never the admin token: links are for sharing (see session.ts). */
export type ResultsQuery = {
  filters: ResultsFilters;
  periods: Periods;
  /** From and to exactly as the link gave them ('' = open end), so links can be rebuilt as they were. */
  from: string | undefined;
  to: string | undefined;
  comments: CommentFilters;
};

const Extra = z.object({
  tone: z
    .enum(['negative', 'neutral', 'positive', 'unrated'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Folded like the themes' keys, so a typed "spät" finds what the page's own links call "spat".
  theme: z
    .string()
    .max(80)
    .optional()
    .transform((s) => (s ? fold(s) : undefined)),
});

export function parseResultsQuery(params: URLSearchParams, nowMs: number): ParsedQuery<ResultsQuery> {
  const base = parseFilters(params, { defaultDays: DEFAULT_DAYS, nowMs });
  if (!base.ok) return base;
  const extra = Extra.safeParse({
    tone: params.get('tone') ?? undefined,
    theme: params.get('theme') ?? undefined,
  });
  if (!extra.success) return { ok: false, issues: extra.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const { surveyId: _survey, ...filters } = base.value;
  const today = utcDay(nowMs);
  const open = !filters.from;
  // "All time" is shown from the first day of the rollups' period: a year back is plenty for an open start.
  const current = { from: filters.from ?? addDays(filters.to ?? today, -364), to: filters.to ?? today };
  const periods = periodsOf(current, open);
  return {
    ok: true,
    value: {
      filters,
      periods,
      from: params.get('from') ?? undefined,
      to: params.get('to') ?? undefined,
      comments: { tone: extra.data.tone, theme: extra.data.theme },
    },
  };
}

type LinkChange = Partial<Record<'from' | 'to' | 'locale' | 'stage' | 'touchpoint' | 'tone' | 'theme', string>>;

/** A shareable link to a results view: the current filters with some changed, empty ones left out, no token. */
export function resultsLink(path: string, q: ResultsQuery, change: LinkChange = {}): string {
  const current: LinkChange = {
    from: q.from,
    to: q.to,
    locale: q.filters.locale,
    stage: q.filters.stage,
    touchpoint: q.filters.touchpoint,
    tone: q.comments.tone,
    theme: q.comments.theme,
  };
  const next = { ...current, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    // An empty from/to is meaningful ("open end"); other empty filters are just absent.
    if (value !== undefined && (value !== '' || key === 'from' || key === 'to')) params.set(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * A link to an export of what the page shows: its filters, and its period spelled out, since an export without
 * `from`/`to` means all time while the page means the last 30 days. Tone and theme have no export counterpart.
 */
export const exportLink = (path: string, q: ResultsQuery): string =>
  resultsLink(path, q, {
    from: q.from ?? q.periods.current.from,
    to: q.to ?? q.periods.current.to,
    tone: '',
    theme: '',
  });
