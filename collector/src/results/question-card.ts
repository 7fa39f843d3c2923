import { HEADLINE } from '../stats/metrics.ts';
import type { Metric } from '../stats/metrics.ts';
import type { QuestionSummary } from '../stats/summary.ts';
import { distributionChart, splitBar, trendChart } from './charts.ts';
import { KIND_NAMES, fmt, signed } from './format.ts';
import { h } from './html.ts';
import type { Html } from './html.ts';

/** The headline figures of one rating question, in words a site owner reads at a glance. */
function figures(m: Metric): Html {
  const fig = (value: string, label: string) => h`<div class="figure"><strong>${value}</strong><span>${label}</span></div>`;
  switch (m.kind) {
    case 'nps':
      return h`${fig(signed(m.score), 'NPS (−100 to 100)')}${fig(fmt(m.promoterPct, ' %'), `promoters (9–10): ${m.promoters}`)}${fig(fmt(m.passivePct, ' %'), `passives (7–8): ${m.passives}`)}${fig(fmt(m.detractorPct, ' %'), `detractors (0–6): ${m.detractors}`)}`;
    case 'csat':
      return h`${fig(fmt(m.top2Pct, ' %'), 'satisfied (4–5 of 5)')}${fig(fmt(m.mean), 'mean of 5')}`;
    case 'ces':
      return h`${fig(fmt(m.easyPct, ' %'), 'easy (5–7 of 7)')}${fig(fmt(m.mean), 'mean of 7')}`;
    case 'emoji':
      return h`${fig(fmt(m.positivePct, ' %'), 'happy (🙂 😄)')}${fig(fmt(m.mean), 'mean of 5')}`;
    case 'thumbs':
      return h`${fig(fmt(m.upPct, ' %'), 'thumbs up')}${fig(`${m.up} / ${m.down}`, 'up / down')}`;
    case 'expectation':
      return h`${fig(signed(m.netPct), 'net: % better − % worse')}`;
    case 'task':
      return h`${fig(fmt(m.yesPct, ' %'), 'found what they came for')}`;
  }
}

export function questionCard(q: QuestionSummary): Html {
  const m = q.metric;
  const split =
    m.kind === 'nps' && m.n > 0
      ? splitBar(
          [
            { label: 'Detractors', pct: m.detractorPct, tone: 'negative' },
            { label: 'Passives', pct: m.passivePct, tone: 'neutral' },
            { label: 'Promoters', pct: m.promoterPct, tone: 'positive' },
          ],
          'Promoters, passives and detractors',
        )
      : h``;
  const range = HEADLINE[q.type];
  return h`<article class="card">
<h3>${KIND_NAMES[q.type]} <small>question “${q.questionId}” · ${m.n} answer${m.n === 1 ? '' : 's'}</small></h3>
<div class="figures">${figures(m)}</div>
${split}
${m.n > 0 ? distributionChart(q.type, q.distribution, `Distribution of answers to ${q.questionId}`) : h`<p class="empty">No answers in this period.</p>`}
${m.n > 0 ? h`<h4>Trend</h4>${trendChart(q.trend, `${range.label} and answers over time`, range)}` : h``}
</article>`;
}
