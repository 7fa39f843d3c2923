import type { Context } from '../context.ts';
import { summaryCsv } from '../export/summary-csv.ts';
import { json, jsonError } from '../http/respond.ts';
import { loadOverview, loadTouchpoint } from '../results/load.ts';
import { parseResultsQuery } from '../results/params.ts';
import { summaryJson } from '../results/summary-json.ts';
import { journey } from './results.ts';

/**
 * GET /api/summary: every figure of the results page as versioned JSON, same filters (default: the last 30 days
 * against the 30 before). With `touchpoint=` it also carries that touchpoint's drill-down (distributions, series,
 * themes).
 */
export async function summaryRoute(url: URL, ctx: Context): Promise<Response> {
  const query = parseResultsQuery(url.searchParams, ctx.now());
  if (!query.ok) return jsonError(400, 'invalid_query', 'invalid query parameters', {}, { issues: query.issues });
  const q = query.value;
  const order = journey();
  const [overview, detail] = await Promise.all([
    loadOverview(ctx.store, q, order),
    q.filters.touchpoint ? loadTouchpoint(ctx.store, q, q.filters.touchpoint) : Promise.resolve(null),
  ]);
  return json(200, summaryJson(q, order, overview, detail, ctx.now()));
}

/** GET /export/summary.csv: the overview's figures, one row per touchpoint × question. */
export async function summaryCsvRoute(url: URL, ctx: Context): Promise<Response> {
  const query = parseResultsQuery(url.searchParams, ctx.now());
  if (!query.ok) return jsonError(400, 'invalid_query', 'invalid query parameters', {}, { issues: query.issues });
  const overview = await loadOverview(ctx.store, query.value, journey());
  const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
  return new Response(summaryCsv(overview, query.value.periods), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="cx-feedback-summary-${stamp}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
