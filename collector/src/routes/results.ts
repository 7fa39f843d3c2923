import { readFileSync } from 'node:fs';
import type { Context } from '../context.ts';
import { html, jsonError } from '../http/respond.ts';
import { loadSummary } from '../load-summary.ts';
import { DEFAULT_DAYS, parseFilters } from '../query.ts';
import { resultsPage } from '../results/page.ts';
import { addDays, utcDay } from '../stats/timeline.ts';

/** GET /results: the insight page. Everything is rendered here; the page runs no script. */
export async function resultsRoute(url: URL, ctx: Context): Promise<Response> {
  const nowMs = ctx.now();
  const filters = parseFilters(url.searchParams, { defaultDays: DEFAULT_DAYS, nowMs });
  if (!filters.ok) return jsonError(400, 'invalid_query', 'invalid query parameters', {}, { issues: filters.issues });
  const [summary, facets] = await Promise.all([loadSummary(ctx.store, filters.value), ctx.store.facets()]);
  const today = utcDay(nowMs);
  const quickRanges = [7, 30, 90].map((days) => ({ label: `Last ${days} days`, from: addDays(today, 1 - days), to: today }));
  return html(200, resultsPage({ summary, filters: filters.value, facets, token: url.searchParams.get('token'), today, quickRanges }));
}

const CSS = readFileSync(new URL('../results/results.css', import.meta.url), 'utf8');

/** Public: the stylesheet holds no data, and the page needs it as a same-origin file under its CSP. */
export const resultsCss = (): Response =>
  new Response(CSS, { headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' } });
