import { REACTIONS } from '../../../src/schema/scales.ts';
import type { CommentView, QuestionDetail, Tone, TouchpointDetail } from '../stats/touchpoint.ts';
import type { Theme } from '../themes/themes.ts';
import { changeView, kindLabel, statView } from './figure.ts';
import { valueLabel } from './format.ts';
import { h } from './html.ts';
import type { Html } from './html.ts';
import { day, filterForm, page, periodText } from './layout.ts';
import type { Choices } from './layout.ts';
import { exportLink, resultsLink } from './params.ts';
import type { ResultsQuery } from './params.ts';
import { distributionBars, domainOf, pyramidBars, trendChart } from './svg.ts';

export type TouchpointInput = {
  detail: TouchpointDetail;
  query: ResultsQuery;
  choices: Choices;
  today: string;
  quick: { label: string; from: string }[];
};

const PATH = '/results/touchpoint';

function answerLabel(type: string, value: string): string {
  const reaction = REACTIONS.find((r) => r.value === value);
  if (type === 'reaction') return reaction ? `${reaction.emoji} ${value}` : value;
  if (type === 'expectation')
    return ({ '1': 'worse', '2': 'as expected', '3': 'better' } as Record<string, string>)[value] ?? value;
  if (type === 'task') return ({ '0': 'no', '1': 'partly', '2': 'yes' } as Record<string, string>)[value] ?? value;
  if (type === 'thumbs') return value === '1' ? 'yes' : 'no';
  if (type === 'emoji') return `${valueLabel('emoji', Number(value))} ${value}`;
  return value;
}

function questionSection(qd: QuestionDetail, q: ResultsQuery): Html {
  const title = `${kindLabel(qd)}: ${qd.granularity === 'week' ? 'weekly' : 'daily'} values with their 95 % band`;
  const domain = domainOf(qd.unit);
  return h`<section class="question" aria-labelledby="q-${qd.questionId}">
<h2 id="q-${qd.questionId}">${kindLabel(qd)} <small>${qd.level} · ${qd.current.n} answers</small></h2>
<p class="headline">${statView(qd.current, qd.unit)} ${changeView(qd.trend, qd.unit, q.periods.previous !== null)}</p>
${qd.mean ? h`<p class="mean">Mean: ${qd.mean.value === null ? 'too few answers' : h`<strong>${qd.mean.value}</strong> (95 % interval ${qd.mean.low} to ${qd.mean.high}, t distribution)`}</p>` : h``}
<div class="panels"><div class="panel"><h3>Answers</h3>${distributionBars(qd.distribution, (v) => answerLabel(qd.type, v))}</div>
<div class="panel"><h3>Trend</h3>
<figure class="trend-figure">${trendChart(qd.series, domain, title)}
<figcaption><span>${day(qd.series[0]?.bucket ?? q.periods.current.from)}</span><span>scale ${domain.min} to ${domain.max}; shaded: 95 % interval</span><span>${day(qd.series.at(-1)?.bucket ?? q.periods.current.to)}</span></figcaption></figure>
<details><summary>Trend as a table</summary><table class="series"><thead><tr><th scope="col">${qd.granularity === 'week' ? 'Week of' : 'Day'}</th><th scope="col">Answers</th><th scope="col">Value (95 % interval)</th></tr></thead><tbody>${qd.series.map(
    (p) =>
      h`<tr><td>${p.bucket}</td><td>${p.n}</td><td>${p.value === null ? '–' : `${p.value} (${p.low} to ${p.high})`}</td></tr>`,
  )}</tbody></table></details></div></div>
</section>`;
}

function themeList(
  title: string,
  id: string,
  list: readonly Theme[],
  q: ResultsQuery,
  tone: 'negative' | 'positive',
): Html {
  return h`<div class="themes ${tone}"><h3 id="${id}">${title}</h3>${
    list.length
      ? h`<ol aria-labelledby="${id}">${list.map(
          (t) =>
            h`<li><a href="${resultsLink(PATH, q, { theme: t.phrase, tone })}#comments">${t.label}</a> <span class="count">${t[tone]} comment${t[tone] === 1 ? '' : 's'}${t.total > t[tone] ? ` (${t.total} in all)` : ''}</span></li>`,
        )}</ol>`
      : h`<p class="muted">No recurring words yet.</p>`
  }</div>`;
}

/**
 * The theme filter is a folded key ("spat"); it is shown as its theme's label ("spät") when the theme is listed,
 * from the list of the filtered tone first (each list has its own comments, so its own most frequent form), and as
 * given otherwise (a shared link to a theme that no longer recurs).
 */
function themeLabel(phrase: string, tone: Tone | undefined, lists: TouchpointDetail['themes']): string {
  const ordered = tone === 'positive' ? [...lists.positive, ...lists.negative] : [...lists.negative, ...lists.positive];
  return ordered.find((t) => t.phrase === phrase)?.label ?? phrase;
}

const TONES: readonly { tone: Tone | ''; label: string }[] = [
  { tone: '', label: 'All' },
  { tone: 'negative', label: 'Negative' },
  { tone: 'neutral', label: 'Neutral' },
  { tone: 'positive', label: 'Positive' },
  { tone: 'unrated', label: 'Without a rating' },
];

function commentItem(c: CommentView): Html {
  return h`<li class="comment ${c.tone}"><p class="meta"><span class="tone">${c.tone}</span> · ${c.correctedAt.slice(0, 16).replace('T', ' ')} UTC · ${c.locale}${c.scores.length ? h` · ${c.scores.map((s) => h`<span class="score">${s.type} ${answerLabel(s.type, s.value)}</span> `)}` : h``}</p><p class="text">${c.text}</p></li>`;
}

export function touchpointPage(input: TouchpointInput): string {
  const { detail: d, query: q } = input;
  const back = resultsLink('/results', q, { touchpoint: '', tone: '', theme: '' });
  const filterNote = q.comments.theme
    ? h` mentioning “${themeLabel(q.comments.theme, q.comments.tone, d.themes)}” (<a href="${resultsLink(PATH, q, { theme: '' })}#comments">show all</a>)`
    : h``;
  const body = h`<header><p class="crumb"><a href="${back}">← Journey overview</a></p>
<h1>${d.touchpoint}${d.stage ? h` <small>stage: ${d.stage}</small>` : h``}</h1>
${filterForm(PATH, q, input.choices, input.today, input.quick)}</header>
<main>
<p class="period"><strong>${d.responses.current}</strong> responses · ${periodText(q.periods.current)}${q.periods.previous ? h` (previous period: ${d.responses.previous})` : h``} ·
<a href="${exportLink('/export.csv', q)}">All answers (CSV)</a> · <a href="${exportLink('/api/summary', q)}">JSON</a></p>
${d.pyramid.length ? h`<section aria-labelledby="pyr-h"><h2 id="pyr-h">CX pyramid</h2><p class="legend">Share of positive answers per level: utility (it worked), usability (it was easy), pleasure (it felt good), loyalty (NPS).</p>${pyramidBars(d.pyramid)}</section>` : h``}
${d.questions.map((qd) => questionSection(qd, q))}
<section class="why" aria-labelledby="themes-h"><h2 id="themes-h">Why: themes in the comments</h2>
<p class="legend">Words and two-word phrases that recur in ${d.textsRead} comment${d.textsRead === 1 ? '' : 's'} of this period, by the answer they came with. Each links to its comments.</p>
<div class="panels">${themeList('What negative answers talk about', 'themes-neg', d.themes.negative, q, 'negative')}${themeList('What positive answers talk about', 'themes-pos', d.themes.positive, q, 'positive')}</div>
</section>
<section id="comments" aria-labelledby="comments-h"><h2 id="comments-h">Comments <small>${d.commentCount}${filterNote}, newest first</small></h2>
<p class="tones">${TONES.map((t) => ((q.comments.tone ?? '') === t.tone ? h`<strong aria-current="page">${t.label}</strong> ` : h`<a href="${resultsLink(PATH, q, { tone: t.tone })}#comments">${t.label}</a> `))}</p>
${d.comments.length ? h`<ol class="comments">${d.comments.map(commentItem)}</ol>` : h`<p class="muted">No comments match.</p>`}
</section>
</main>`;
  return page(`${d.touchpoint} · cx-feedback results`, body);
}
