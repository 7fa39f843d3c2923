import { readFileSync } from 'node:fs';
import type { Context } from '../context.ts';
import { html, jsonError } from '../http/respond.ts';
import { loadOverview, loadTouchpoint } from '../results/load.ts';
import { overviewPage } from '../results/overview-page.ts';
import { parseResultsQuery } from '../results/params.ts';
import type { ResultsQuery } from '../results/params.ts';
import { dropTokenFromUrl } from '../results/session.ts';
import { touchpointPage } from '../results/touchpoint-page.ts';
import { parseJourney } from '../stats/journey-order.ts';
import { addDays, utcDay } from '../stats/timeline.ts';
import type { Store } from '../store/types.ts';

/** CX_JOURNEY (e.g. "discover,purchase,receive,support"): the stage order of the overview. */
export const journey = (): string[] => parseJourney(process.env.CX_JOURNEY);

export const choicesOf = (store: Store) => store.rollups.choices();

const quickRanges = (today: string) =>
  [7, 30, 90]
    .map((days) => ({ label: `Last ${days} days`, from: addDays(today, 1 - days) }))
    .concat([{ label: 'All time', from: '' }]);

type Prepared = { query: ResultsQuery; today: string } | { error: Response };

/** A ?token= link is first turned into a cookie and a clean URL (see session.ts); then the query is validated. */
function prepare(url: URL, ctx: Context): Prepared {
  const redirect = dropTokenFromUrl(url);
  if (redirect) return { error: redirect };
  const nowMs = ctx.now();
  const query = parseResultsQuery(url.searchParams, nowMs);
  if (!query.ok)
    return { error: jsonError(400, 'invalid_query', 'invalid query parameters', {}, { issues: query.issues }) };
  return { query: query.value, today: utcDay(nowMs) };
}

/** GET /results: the journey overview. Rendered here; the page runs no script. */
export async function resultsRoute(url: URL, ctx: Context): Promise<Response> {
  const p = prepare(url, ctx);
  if ('error' in p) return p.error;
  const [overview, choices] = await Promise.all([loadOverview(ctx.store, p.query, journey()), choicesOf(ctx.store)]);
  return html(200, overviewPage({ overview, query: p.query, choices, today: p.today, quick: quickRanges(p.today) }));
}

/** GET /results/touchpoint?touchpoint=…: one touchpoint in depth. */
export async function touchpointRoute(url: URL, ctx: Context): Promise<Response> {
  const p = prepare(url, ctx);
  if ('error' in p) return p.error;
  const touchpoint = p.query.filters.touchpoint;
  if (!touchpoint) return jsonError(400, 'invalid_query', 'touchpoint: required (the touchpoint to show)');
  const [detail, choices] = await Promise.all([loadTouchpoint(ctx.store, p.query, touchpoint), choicesOf(ctx.store)]);
  if (!detail)
    return html(
      404,
      `<!doctype html><html lang="en"><title>Not found</title><p>No answers for this touchpoint in this period. <a href="/results">Back to the overview</a></p></html>`,
    );
  return html(200, touchpointPage({ detail, query: p.query, choices, today: p.today, quick: quickRanges(p.today) }));
}

const CSS = readFileSync(new URL('../results/results.css', import.meta.url), 'utf8');

/** Public: the stylesheet holds no data, and the page needs it as a same-origin file under its CSP. */
export const resultsCss = (): Response =>
  new Response(CSS, {
    headers: {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    },
  });
