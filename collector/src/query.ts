import * as z from 'zod';
import type { Filters } from './store/types.ts';
import { addDays, utcDay } from './stats/timeline.ts';

/**
 * Query parameters of the admin routes, validated once here. An absent `from`/`to` means "the default period"
 * (the last DEFAULT_DAYS days on the results page and summary, everything for exports); an empty one means open.
 */
export const DEFAULT_DAYS = 30;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'not a calendar day');
const optionalText = z
  .string()
  .max(64)
  .optional()
  .transform((s) => (s ? s : undefined));

const FilterParams = z.object({
  touchpoint: optionalText,
  surveyId: optionalText,
  locale: z
    .string()
    .max(35)
    .optional()
    .transform((s) => (s ? s : undefined)),
  stage: optionalText,
  from: z.union([z.literal(''), day]).optional(),
  to: z.union([z.literal(''), day]).optional(),
});

export type ParsedQuery<T> = { ok: true; value: T } | { ok: false; issues: string[] };

const issuesOf = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);

export function parseFilters(
  params: URLSearchParams,
  options: { defaultDays?: number; nowMs: number },
): ParsedQuery<Filters> {
  const parsed = FilterParams.safeParse(Object.fromEntries(params));
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const { from, to, ...rest } = parsed.data;
  const today = utcDay(options.nowMs);
  const filters: Filters = { ...rest };
  const resolvedTo = to === undefined ? (options.defaultDays ? today : undefined) : to || undefined;
  const resolvedFrom =
    from === undefined
      ? options.defaultDays
        ? addDays(resolvedTo ?? today, 1 - options.defaultDays)
        : undefined
      : from || undefined;
  if (resolvedFrom) filters.from = resolvedFrom;
  if (resolvedTo) filters.to = resolvedTo;
  if (filters.from && filters.to && filters.from > filters.to)
    return { ok: false, issues: ['from: must not be after to'] };
  return { ok: true, value: filters };
}

const ListParams = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  touchpoint: optionalText,
  surveyId: optionalText,
});

export function parseListQuery(params: URLSearchParams): ParsedQuery<z.infer<typeof ListParams>> {
  const parsed = ListParams.safeParse(Object.fromEntries(params));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}
