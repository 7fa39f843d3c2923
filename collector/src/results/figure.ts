import type { Stat, Trend } from '../stats/headline.ts';
import type { QuestionFigure } from '../stats/overview.ts';
import { MIN_ANSWERS } from '../stats/intervals.ts';
import { h } from './html.ts';
import type { Html } from './html.ts';
import { domainOf, intervalBar } from './svg.ts';

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)}`;
export const valueText = (v: number, unit: 'points' | '%') => (unit === '%' ? `${v} %` : signed(v));

/** The figure, its 95 % interval in words and as a whisker, or "too few answers". */
export function statView(stat: Stat, unit: 'points' | '%'): Html {
  if (stat.value === null || stat.low === null || stat.high === null) {
    return h`<span class="value few">too few answers</span> <span class="ci-text">${stat.n} of the ${MIN_ANSWERS} needed</span>`;
  }
  return h`<span class="value">${valueText(stat.value, unit)}</span> <span class="ci-text">95 % interval ${valueText(stat.low, unit)} to ${valueText(stat.high, unit)}</span> ${intervalBar(stat.value, stat.low, stat.high, domainOf(unit))}`;
}

/**
 * The change against the previous period, by shape and word as well as colour (▲ better, ▼ worse, = no significant
 * change), so it reads without colour vision and in print.
 */
export function changeView(trend: Trend | null, unit: 'points' | '%', hasPrevious: boolean): Html {
  if (!hasPrevious) return h``;
  if (!trend) return h`<span class="change none">no comparison: too few answers</span>`;
  const delta = `${signed(trend.delta)}${unit === '%' ? ' pts' : ''}`;
  if (trend.direction === 'same')
    return h`<span class="change same"><span aria-hidden="true">= </span>no significant change (${delta})</span>`;
  const mark = trend.direction === 'better' ? '▲' : '▼';
  return h`<span class="change ${trend.direction}"><span aria-hidden="true">${mark} </span>${trend.direction} by ${delta.replace(/^[+−]/, '')}, significant</span>`;
}

export const kindLabel = (q: QuestionFigure): string =>
  q.questionId === q.type ? q.label : `${q.label} · ${q.questionId}`;
