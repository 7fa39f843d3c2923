import type { Attention, Overview, TouchpointOverview } from '../stats/overview.ts';
import { UTILITY_FAILING_PCT } from '../stats/overview.ts';
import { changeView, kindLabel, statView } from './figure.ts';
import { h } from './html.ts';
import type { Html } from './html.ts';
import { filterForm, page, periodText } from './layout.ts';
import type { Choices } from './layout.ts';
import { exportLink, resultsLink } from './params.ts';
import type { ResultsQuery } from './params.ts';
import { domainOf, pyramidBars, sparkline } from './svg.ts';

export type OverviewInput = {
  overview: Overview;
  query: ResultsQuery;
  choices: Choices;
  today: string;
  quick: { label: string; from: string }[];
};

const drill = (q: ResultsQuery, touchpoint: string) =>
  resultsLink('/results/touchpoint', q, { touchpoint, stage: '', tone: '', theme: '' });

function attentionItem(a: Attention, q: ResultsQuery): Html {
  const where = h`<a href="${drill(q, a.touchpoint)}">${a.touchpoint}</a>${a.stage ? h` <span class="stage-tag">${a.stage}</span>` : h``}`;
  if (a.reason === 'utility-failing') {
    const asked = a.type === 'task' ? 'did they find what they came for' : 'thumbs up or down';
    return h`<li class="utility"><span class="tag">Utility</span> ${where}: <strong>${a.value} %</strong> answered “no” (${asked}), above the ${UTILITY_FAILING_PCT} % limit: it does not work for them</li>`;
  }
  return h`<li class="drop"><span class="tag">${a.level}</span> ${where}: ${a.label} <strong>dropped by ${Math.abs(a.value)}${a.label.startsWith('NPS') || a.label.startsWith('Expectation') ? '' : ' pts'}</strong>, significant at 95 %</li>`;
}

function touchpointCard(t: TouchpointOverview, input: OverviewInput): Html {
  const q = input.query;
  const hasPrevious = q.periods.previous !== null;
  return h`<li class="touchpoint">
<h4><a href="${drill(q, t.touchpoint)}">${t.touchpoint}</a></h4>
<p class="responses"><strong>${t.responses.current}</strong> response${t.responses.current === 1 ? '' : 's'}${hasPrevious ? h` <span class="muted">(previous period ${t.responses.previous})</span>` : h``}</p>
${
  t.questions.length
    ? h`<ul class="figures">${t.questions.map(
        (
          f,
        ) => h`<li class="figure"><span class="label">${kindLabel(f)}${f.top ? h` <span class="muted">· top: ${f.top.value} ${f.top.pct} %</span>` : h``}</span>
<span class="stat">${statView(f.current, f.unit)}</span>
${changeView(f.trend, f.unit, hasPrevious)}${sparkline(f.spark, domainOf(f.unit))}</li>`,
      )}</ul>`
    : h`<p class="muted">No rated questions in this period.</p>`
}
${t.pyramid.length ? pyramidBars(t.pyramid) : h``}
</li>`;
}

export function overviewPage(input: OverviewInput): string {
  const { overview: o, query: q } = input;
  const period = periodText(q.periods.current);
  const previous = q.periods.previous ? h` compared with ${periodText(q.periods.previous)}` : h``;
  const body = h`<header><h1>Customer experience across the journey</h1>
${filterForm('/results', q, input.choices, input.today, input.quick)}</header>
<main>
<p class="period"><strong>${o.responses.current}</strong> responses · ${period}${previous} · UTC days ·
<a href="${exportLink('/export/summary.csv', q)}">Summary CSV</a> · <a href="${exportLink('/api/summary', q)}">JSON</a> ·
<a href="${exportLink('/export.csv', q)}">All answers (CSV)</a></p>
<section class="attention" aria-labelledby="attention-h"><h2 id="attention-h">Needs attention</h2>
${
  o.attention.length
    ? h`<ol>${o.attention.map((a) => attentionItem(a, q))}</ol>`
    : h`<p>Nothing needs attention: no significant drop, and no touchpoint where more than ${UTILITY_FAILING_PCT} % say it did not work.</p>`
}
</section>
<section class="journey" aria-labelledby="journey-h"><h2 id="journey-h">The journey</h2>
<p class="legend">Each figure shows its 95 % interval (the dot and line) and its change against the previous period;
a change is called a change only when it is significant at 95 %. Bars: share of positive answers at each level of the
CX pyramid: <em>utility</em> (it worked), <em>usability</em> (it was easy), <em>pleasure</em> (it felt good), and <em>loyalty</em> (NPS).</p>
${
  o.stages.length
    ? o.stages.map(
        (
          s,
        ) => h`<section class="stage" aria-labelledby="stage-${s.stage ?? 'none'}"><h3 id="stage-${s.stage ?? 'none'}">${s.stage ?? 'No stage'}</h3>
<ul class="touchpoints">${s.touchpoints.map((t) => touchpointCard(t, input))}</ul></section>`,
      )
    : h`<p class="empty">No responses match these filters. Change the period above, or check that the widget's <code>endpoint</code> points at <code>/responses</code> on this collector.</p>`
}
</section>
</main>`;
  return page('Customer experience · cx-feedback results', body);
}
