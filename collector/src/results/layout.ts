import { h } from './html.ts';
import type { Html } from './html.ts';
import { resultsLink } from './params.ts';
import type { ResultsQuery } from './params.ts';

export type Choices = { touchpoints: readonly string[]; locales: readonly string[]; stages: readonly string[] };

function select(name: string, label: string, options: readonly string[], current: string | undefined): Html {
  return h`<label>${label}<select name="${name}"><option value="">All</option>${options.map(
    (o) => h`<option${o === current ? h` selected` : h``}>${o}</option>`,
  )}</select></label>`;
}

/**
 * The filters as a plain GET form: every view is a URL that can be bookmarked and shared. The drill-down keeps its
 * touchpoint as a hidden field. Quick ranges are links, so they work without the form.
 */
export function filterForm(
  path: string,
  q: ResultsQuery,
  choices: Choices,
  today: string,
  quick: readonly { label: string; from: string }[],
): Html {
  const f = q.filters;
  const onTouchpoint = path !== '/results';
  return h`<form class="filters" method="get" action="${path}">
${onTouchpoint ? h`<input type="hidden" name="touchpoint" value="${f.touchpoint ?? ''}">` : select('touchpoint', 'Touchpoint', choices.touchpoints, f.touchpoint)}
${onTouchpoint ? h`` : select('stage', 'Journey stage', choices.stages, f.stage)}
${select('locale', 'Locale', choices.locales, f.locale)}
<label>From<input type="date" name="from" value="${q.from ?? q.periods.current.from}"></label>
<label>To<input type="date" name="to" value="${q.to ?? q.periods.current.to}"></label>
<button type="submit">Apply</button>
</form>
<p class="quick">Period: ${quick.map((r) => h`<a href="${resultsLink(path, q, { from: r.from, to: today })}">${r.label}</a> `)}</p>`;
}

export function page(title: string, body: Html): string {
  return `<!doctype html>${
    h`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/results.css"></head>
<body>${body}</body></html>`.html
  }`;
}

/** "12 Mar 2026" style dates read the same everywhere; the ISO day stays in the link. */
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const day = (iso: string): string => DAY.format(new Date(`${iso}T00:00:00Z`));
export const periodText = (p: { from: string; to: string }): string => `${day(p.from)} – ${day(p.to)}`;
