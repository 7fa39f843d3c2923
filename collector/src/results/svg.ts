import type { LevelBar } from '../stats/overview.ts';
import type { DistributionBar, TrendPoint } from '../stats/touchpoint.ts';
import { h } from './html.ts';
import type { Html } from './html.ts';

/**
 * Server-rendered SVG: no chart library and no script, so nothing for the page's strict CSP to block, a few hundred
 * bytes per chart, and text the browser renders at real size. Charts scale to their box (viewBox), but their text
 * lives outside the SVG or at ≥ 12 px in a box never drawn narrower than its viewBox. Colours come from classes in
 * results.css (inline styles would need 'unsafe-inline'); every chart carries a text equivalent beside it.
 */
export type Domain = { min: number; max: number };

export const domainOf = (unit: 'points' | '%'): Domain =>
  unit === 'points' ? { min: -100, max: 100 } : { min: 0, max: 100 };

const f1 = (x: number) => x.toFixed(1);

/** A small trend line; gaps where a bucket had no answers. Decorative: the figure beside it is the data. */
export function sparkline(values: readonly (number | null)[], domain: Domain): Html {
  const W = 120;
  const H = 32;
  if (values.every((v) => v === null)) return h``;
  const x = (i: number) => (values.length === 1 ? W / 2 : (i * (W - 4)) / (values.length - 1) + 2);
  const y = (v: number) => H - 3 - ((H - 6) * (v - domain.min)) / (domain.max - domain.min);
  const runs: string[][] = [[]];
  values.forEach((v, i) => {
    if (v === null) runs.push([]);
    else runs[runs.length - 1].push(`${f1(x(i))},${f1(y(v))}`);
  });
  const zero = domain.min < 0 ? h`<line class="zero" x1="0" x2="${W}" y1="${f1(y(0))}" y2="${f1(y(0))}"></line>` : h``;
  return h`<svg class="spark" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true" focusable="false">${zero}${runs
    .filter((r) => r.length)
    .map((r) =>
      r.length === 1
        ? h`<circle cx="${r[0].split(',')[0]}" cy="${r[0].split(',')[1]}" r="2"></circle>`
        : h`<polyline points="${r.join(' ')}"></polyline>`,
    )}</svg>`;
}

/** The 95 % interval as a whisker on the figure's whole range, the estimate as a dot. */
export function intervalBar(value: number, low: number, high: number, domain: Domain): Html {
  const W = 120;
  const x = (v: number) => 2 + ((W - 4) * (v - domain.min)) / (domain.max - domain.min);
  return h`<svg class="ci" viewBox="0 0 ${W} 12" width="${W}" height="12" aria-hidden="true" focusable="false"><line class="track" x1="2" x2="${W - 2}" y1="6" y2="6"></line>${
    domain.min < 0 ? h`<line class="zero" x1="${f1(x(0))}" x2="${f1(x(0))}" y1="1" y2="11"></line>` : h``
  }<line class="range" x1="${f1(x(low))}" x2="${f1(x(high))}" y1="6" y2="6"></line><circle cx="${f1(x(value))}" cy="6" r="3.5"></circle></svg>`;
}

/** Pyramid levels as bars of "% positive answers", base first; the numbers are printed in the same row. */
export function pyramidBars(levels: readonly LevelBar[]): Html {
  return h`<ul class="pyramid">${levels.map(
    (l) =>
      h`<li class="${l.level}"><span class="level">${l.level}</span><span class="bar" aria-hidden="true"><span class="fill w${Math.round((l.stat.value ?? 0) / 5) * 5}"></span></span><span class="num">${
        l.stat.value === null ? 'too few answers' : `${l.stat.value} % positive`
      }</span></li>`,
  )}</ul>`;
}

/** Horizontal bars, one row per answer value with its label, count and share as text. */
export function distributionBars(bars: readonly DistributionBar[], label: (value: string) => string): Html {
  return h`<table class="dist"><thead><tr><th scope="col">Answer</th><th scope="col">Share</th><th scope="col" class="n">Answers</th></tr></thead><tbody>${bars.map(
    (b) =>
      h`<tr class="${b.tone ?? 'unknown'}"><th scope="row">${label(b.value)}</th><td><span class="bar" aria-hidden="true"><span class="fill w${Math.round(b.pct / 5) * 5}"></span></span> ${b.pct} %</td><td class="n">${b.n}</td></tr>`,
  )}</tbody></table>`;
}

/**
 * The headline per day or week as a line with its 95 % band; buckets without answers leave a gap. The chart has no
 * text of its own (SVG text shrinks with the chart on a phone): its scale and dates are HTML beside it.
 */
export function trendChart(points: readonly TrendPoint[], domain: Domain, title: string): Html {
  const W = 640;
  const H = 180;
  const top = 6;
  const bottom = H - 6;
  if (points.length === 0) return h``;
  const x = (i: number) => 6 + (points.length === 1 ? (W - 12) / 2 : (i * (W - 12)) / (points.length - 1));
  const y = (v: number) => bottom - ((bottom - top) * (v - domain.min)) / (domain.max - domain.min);
  const runs: { p: TrendPoint; i: number }[][] = [[]];
  points.forEach((p, i) => (p.value === null ? runs.push([]) : runs[runs.length - 1].push({ p, i })));
  const shown = runs.filter((r) => r.length);
  const bands = shown.map((r) => {
    const upper = r.map(({ p, i }) => `${f1(x(i))},${f1(y(p.high ?? 0))}`);
    const lower = [...r].reverse().map(({ p, i }) => `${f1(x(i))},${f1(y(p.low ?? 0))}`);
    return h`<polygon class="band" points="${[...upper, ...lower].join(' ')}"></polygon>`;
  });
  const lines = shown.map(
    (r) =>
      h`<polyline class="line" points="${r.map(({ p, i }) => `${f1(x(i))},${f1(y(p.value ?? 0))}`).join(' ')}"></polyline>${r.map(
        ({ p, i }) => h`<circle class="point" cx="${f1(x(i))}" cy="${f1(y(p.value ?? 0))}" r="4"></circle>`,
      )}`,
  );
  const grid = [domain.min, (domain.min + domain.max) / 2, domain.max].map(
    (v) => h`<line class="${v === 0 ? 'zero' : 'grid'}" x1="0" x2="${W}" y1="${f1(y(v))}" y2="${f1(y(v))}"></line>`,
  );
  return h`<svg class="trend" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}"><title>${title}</title>${grid}${bands}${lines}</svg>`;
}
