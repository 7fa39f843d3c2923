import { sentiment } from '../../../src/schema/scales.ts';
import type { RatingKind } from '../../../src/schema/scales.ts';
import type { Bucket } from '../stats/metrics.ts';
import type { TrendPoint } from '../stats/summary.ts';
import { fmt, valueLabel } from './format.ts';
import { h } from './html.ts';
import type { Html } from './html.ts';

/**
 * Server-rendered SVG: no chart library, no script, nothing for a strict CSP to block, and a page with a dozen
 * charts is a few kilobytes. Colours come from classes in results.css (inline styles would need 'unsafe-inline').
 * Each chart has a <title> for screen readers and the numbers are also printed as text next to it.
 */
const W = 600;

/** One column per scale value, coloured by sentiment on that scale (detractor / passive / promoter for NPS). */
export function distributionChart(kind: RatingKind, buckets: readonly Bucket[], title: string): Html {
  const H = 150;
  const top = 18;
  const base = H - 24;
  const max = Math.max(1, ...buckets.map((b) => b.n));
  const slot = W / buckets.length;
  const bar = Math.min(48, slot * 0.7);
  const columns = buckets.map((b, i) => {
    const x = i * slot + (slot - bar) / 2;
    const height = ((base - top) * b.n) / max;
    return h`<g><rect class="bar ${sentiment(kind, b.value)}" x="${x.toFixed(1)}" y="${(base - height).toFixed(1)}" width="${bar.toFixed(1)}" height="${height.toFixed(1)}"></rect>
<text class="count" x="${(x + bar / 2).toFixed(1)}" y="${(base - height - 4).toFixed(1)}">${b.n ? `${b.n}` : ''}</text>
<text class="axis" x="${(x + bar / 2).toFixed(1)}" y="${H - 6}">${valueLabel(kind, b.value)}</text></g>`;
  });
  return h`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}"><title>${title}</title>
<line class="baseline" x1="0" x2="${W}" y1="${base}" y2="${base}"></line>${columns}</svg>`;
}

/** A 100 % bar split into negative / neutral / positive shares (NPS detractors / passives / promoters). */
export function splitBar(parts: readonly { label: string; pct: number | null; tone: 'negative' | 'neutral' | 'positive' }[], title: string): Html {
  const H = 28;
  let x = 0;
  const segments = parts.map((p) => {
    const width = ((p.pct ?? 0) / 100) * W;
    const seg = h`<rect class="bar ${p.tone}" x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="${H}"><title>${p.label}: ${fmt(p.pct, ' %')}</title></rect>`;
    x += width;
    return seg;
  });
  return h`<svg class="chart split" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}"><title>${title}</title><rect class="track" x="0" y="0" width="${W}" height="${H}"></rect>${segments}</svg>`;
}

/**
 * Responses per day (or week) as bars, and when a headline range is given, the headline figure as a line over
 * them on its own axis. Days without answers leave a gap in the line rather than dropping to zero.
 */
export function trendChart(points: readonly TrendPoint[], title: string, range?: { min: number; max: number; label: string }, W = 600): Html {
  const H = 160;
  const top = 10;
  const base = H - 22;
  if (points.length === 0) return h``;
  const maxN = Math.max(1, ...points.map((p) => p.n));
  const slot = W / points.length;
  const bars = points.map((p, i) => {
    const height = ((base - top) * p.n) / maxN;
    return h`<rect class="bar volume" x="${(i * slot + slot * 0.1).toFixed(1)}" y="${(base - height).toFixed(1)}" width="${Math.max(1, slot * 0.8).toFixed(1)}" height="${height.toFixed(1)}"><title>${p.bucket}: ${p.n}${range && p.headline !== null ? ` · ${range.label} ${fmt(p.headline)}` : ''}</title></rect>`;
  });
  let line = h``;
  if (range) {
    const y = (v: number) => base - ((base - top) * (v - range.min)) / (range.max - range.min);
    const segments: string[][] = [[]];
    points.forEach((p, i) => {
      if (p.headline === null) segments.push([]);
      else segments[segments.length - 1].push(`${(i * slot + slot / 2).toFixed(1)},${y(p.headline).toFixed(1)}`);
    });
    const zero = range.min < 0 ? h`<line class="zero" x1="0" x2="${W}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}"></line>` : h``;
    line = h`${zero}${segments
      .filter((s) => s.length)
      .map((s) => (s.length === 1 ? h`<circle class="point" cx="${s[0].split(',')[0]}" cy="${s[0].split(',')[1]}" r="3"></circle>` : h`<polyline class="line" points="${s.join(' ')}"></polyline>`))}
<text class="axis start scale" x="2" y="${top + 10}">${range.label} ${range.max}</text><text class="axis start scale" x="2" y="${base - 4}">${range.min}</text>`;
  }
  // First, middle and last bucket; the outer labels are anchored inwards so they are not clipped.
  const last = points.length - 1;
  const labels = [0, Math.floor(last / 2), last]
    .filter((i, k, all) => all.indexOf(i) === k)
    .map((i) => {
      const anchor = points.length > 1 && i === 0 ? 'start' : points.length > 1 && i === last ? 'end' : '';
      const x = anchor === 'start' ? 0 : anchor === 'end' ? W : i * slot + slot / 2;
      return h`<text class="axis ${anchor}" x="${x.toFixed(1)}" y="${H - 4}">${points[i].bucket.slice(5)}</text>`;
    });
  return h`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}"><title>${title}</title>
<line class="baseline" x1="0" x2="${W}" y1="${base}" y2="${base}"></line>${bars}${line}${labels}</svg>`;
}
