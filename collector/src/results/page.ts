import type { Facets, Filters } from '../store/types.ts';
import type { Comment } from '../stats/comments.ts';
import type { GroupSummary, Summary } from '../stats/summary.ts';
import { trendChart } from './charts.ts';
import { valueLabel } from './format.ts';
import { h } from './html.ts';
import type { Html } from './html.ts';
import { questionCard } from './question-card.ts';

export type PageInput = {
  summary: Summary;
  filters: Filters;
  facets: Facets;
  /** Set when the admin token came in the URL: links and the form must carry it on. */
  token: string | null;
  today: string;
  quickRanges: { label: string; from: string; to: string }[];
};

/** Query string for a link that keeps the current filters (and token) but changes some of them. */
function query(input: PageInput, change: Partial<Record<'touchpoint' | 'surveyId' | 'locale' | 'from' | 'to', string>>): string {
  const f = { ...input.filters, ...change };
  const params = new URLSearchParams();
  for (const key of ['touchpoint', 'surveyId', 'locale', 'from', 'to'] as const) params.set(key, f[key] ?? '');
  if (input.token) params.set('token', input.token);
  return `?${params}`;
}

function select(name: string, label: string, options: readonly string[], current: string | undefined): Html {
  return h`<label>${label}<select name="${name}"><option value="">All</option>${options.map((o) => h`<option${o === current ? h` selected` : h``}>${o}</option>`)}</select></label>`;
}

function filterForm(input: PageInput): Html {
  const f = input.filters;
  return h`<form class="filters" method="get" action="/results">
${select('touchpoint', 'Touchpoint', input.facets.touchpoints, f.touchpoint)}
${select('surveyId', 'Survey', input.facets.surveys, f.surveyId)}
${select('locale', 'Locale', input.facets.locales, f.locale)}
<label>From<input type="date" name="from" value="${f.from ?? ''}"></label>
<label>To<input type="date" name="to" value="${f.to ?? ''}"></label>
${input.token ? h`<input type="hidden" name="token" value="${input.token}">` : h``}
<button type="submit">Apply</button>
</form>
<p class="quick">${input.quickRanges.map((r) => h`<a href="/results${query(input, { from: r.from, to: r.to })}">${r.label}</a> `)}<a href="/results${query(input, { from: '', to: '' })}">All time</a></p>`;
}

function commentList(comments: readonly Comment[]): Html {
  if (comments.length === 0) return h``;
  return h`<h3>Latest comments</h3><table class="comments"><thead><tr><th scope="col">When (UTC)</th><th scope="col">Score</th><th scope="col">Comment</th><th scope="col">Locale</th></tr></thead><tbody>
${comments.map(
  (c) => h`<tr><td>${c.correctedAt.slice(0, 16).replace('T', ' ')}</td><td>${c.scores.length ? c.scores.map((s) => h`<span class="score">${s.type} ${valueLabel(s.type, s.value)}</span> `) : '–'}</td><td class="text">${c.text}</td><td>${c.locale}</td></tr>`,
)}</tbody></table>`;
}

function groupSection(g: GroupSummary): Html {
  return h`<section class="group">
<h2>${g.touchpoint} <small>survey ${g.surveyId}</small></h2>
<p class="count"><strong>${g.responses}</strong> response${g.responses === 1 ? '' : 's'}</p>
${trendChart(g.responseTrend.map((p) => ({ ...p, headline: null })), 'Responses over time', undefined, 1400)}
<div class="cards">${g.questions.map(questionCard)}</div>
${commentList(g.comments)}
</section>`;
}

export function resultsPage(input: PageInput): string {
  const { summary } = input;
  const period = `${summary.period.from ?? 'the beginning'} – ${summary.period.to ?? input.today}`;
  const exportQuery = query(input, {});
  return `<!doctype html>${h`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>cx-feedback results</title><link rel="stylesheet" href="/results.css"></head>
<body><header><h1>cx-feedback results</h1>${filterForm(input)}</header>
<main>
<p class="overview"><strong>${summary.responses}</strong> response${summary.responses === 1 ? '' : 's'} · ${period} (UTC days${summary.period.granularity === 'week' ? ', trend by week' : ''}) ·
<a href="/export.csv${exportQuery}">Export CSV</a> · <a href="/export.ndjson${exportQuery}">Export NDJSON</a> · <a href="/api/summary${exportQuery}">JSON</a></p>
${summary.groups.length ? summary.groups.map(groupSection) : h`<p class="empty">No responses match these filters. Change the period above, or check that the widget's <code>endpoint</code> points at <code>/responses</code> on this collector.</p>`}
</main></body></html>`.html}`;
}
