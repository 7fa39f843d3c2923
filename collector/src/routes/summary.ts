import type { Context } from '../context.ts';
import { json, jsonError } from '../http/respond.ts';
import { loadSummary } from '../load-summary.ts';
import { DEFAULT_DAYS, parseFilters } from '../query.ts';

/** GET /api/summary: the figures behind /results as JSON, same filters (default: the last 30 days). */
export async function summaryRoute(url: URL, ctx: Context): Promise<Response> {
  const filters = parseFilters(url.searchParams, { defaultDays: DEFAULT_DAYS, nowMs: ctx.now() });
  if (!filters.ok) return jsonError(400, 'invalid_query', 'invalid query parameters', {}, { issues: filters.issues });
  return json(200, { filters: filters.value, ...(await loadSummary(ctx.store, filters.value)) });
}
