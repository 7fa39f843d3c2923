// The gates, as predicates over the figures of lib/probes.mjs, lib/memory.mjs and lib/csp.mjs. Shared by the
// benchmark (scripts/bench/run.mjs) and the CI gates (scripts/bench/gates.mjs).
import { HEAP_PER_CYCLE } from './memory.mjs';
import { quantile } from './stats.mjs';
import { RESERVE } from './variants.mjs';

/** A task this long is a long task (RAIL: respond within 50 ms); at 4× throttling that is 12.5 ms on a fast machine. */
export const LONG_TASK_MS = 50;
/**
 * What the second block of a growth check may end above the first, independent of the cycle count: less than one
 * card (≈ 120 nodes, 7 listeners), which a last timer or observer may still hold. A leak of one node or listener per
 * cycle exceeds it from 150 cycles on.
 */
export const NODE_SLACK = 125;
export const LISTENER_SLACK = 8;

const px = (v) => `${Math.round(v)} px`;
const num = (v) => (v === 0 ? '0' : v.toFixed(4));

/**
 * Layout shift. Popover and floating: CLS exactly 0 in every run, and no page element moved even by input-driven
 * shifts. Inline: CLS 0 and the widget never taller than the space the page reserved. Everything else (the baseline,
 * the bad variant): CLS exactly 0.
 */
export function clsGate(kind, runs) {
  const cls = Math.max(...runs.map((r) => r.cls));
  const pageMoved = runs.some((r) => r.shiftSources.some((s) => s != '?'));
  const card = Math.max(...runs.map((r) => r.shiftAll - r.cls));
  if (kind == 'inline') {
    const tallest = Math.max(...runs.flatMap((r) => r.heights));
    const ok = cls === 0 && tallest <= RESERVE;
    return {
      ok,
      detail: `CLS ${num(cls)}, widget ${px(tallest)} tall in ${px(RESERVE)} reserved (${runs.length} run${runs.length > 1 ? 's' : ''})`,
    };
  }
  const ok = cls === 0 && !(kind && pageMoved);
  const extra = kind && card > 0 ? `; after input the card itself moved by ${num(card)} (not CLS)` : '';
  return {
    ok,
    detail: `CLS ${num(cls)}${pageMoved ? `, page content moved (${[...new Set(runs.flatMap((r) => r.shiftSources))].join(', ')})` : ''}${extra} (${runs.length} run${runs.length > 1 ? 's' : ''})`,
  };
}

/**
 * The synthetic page on its own, served in two chunks cut inside its header so that a first frame is laid out
 * mid-parse: no shift at all. Otherwise the CLS gates would charge the page's own shifts to the widget (the nav once
 * did that, about once in a few hundred visits: docs/performance.md).
 */
export const PAGE_SPLIT = '<nav><a href="#">';
export function pageGate(runs) {
  const all = Math.max(...runs.map((r) => r.shiftAll));
  const moved = [...new Set(runs.flatMap((r) => r.shiftSources))];
  return {
    ok: all === 0,
    detail: `no widget, first frame laid out mid-parse: layout shift ${num(all)}${moved.length ? ` (${moved.join(', ')} moved)` : ''} (${runs.length} run${runs.length > 1 ? 's' : ''})`,
  };
}

/** Main thread after load: the widget's scripts may not hold one frame for a long task (median over the runs). */
export function cpuGate(runs) {
  const worst = quantile(
    runs.map((r) => r.worstAfterLoadMs),
    0.5,
  );
  const n = runs.length;
  return {
    ok: worst < LONG_TASK_MS,
    detail: `after load, the widget's scripts held one frame for ${worst.toFixed(0)} ms (median of ${n} run${n > 1 ? 's' : ''}; limit < ${LONG_TASK_MS} ms at 4× throttling)`,
  };
}

/** Growth in the second block: no DOM nodes, no listeners (beyond the constant slack), heap ≤ 100 B per cycle. */
export function growthGate(g) {
  const listeners = Math.max(g.jsListeners, g.pageListeners);
  const ok =
    g.nodes <= NODE_SLACK && listeners <= LISTENER_SLACK && g.heapPerCycle <= HEAP_PER_CYCLE && !g.errors.length;
  const sign = (v) => (v > 0 ? `+${v}` : `${v}`);
  return {
    ok,
    detail: `${g.cycles}+${g.cycles} cycles: second block ${sign(g.nodes)} DOM nodes, ${sign(g.jsListeners)} JS listeners (${sign(g.pageListeners)} on window/document), heap ${g.heapPerCycle.toFixed(1)} B/cycle (limit ${HEAP_PER_CYCLE})${g.errors.length ? `; page errors: ${g.errors[0]}` : ''}`,
  };
}

export function cspGate(c) {
  const ok =
    !c.violations.length &&
    c.adopted &&
    c.sent.length >= 2 &&
    c.sent.every((s) => s == 204) &&
    c.received >= 2 &&
    !c.errors.length;
  const v = c.violations.length ? `; first: ${JSON.stringify(c.violations[0])}` : '';
  return {
    ok,
    detail: `${c.violations.length} violations${v}; ${c.sent.length} taps acknowledged (${c.sent.join(', ') || 'none'}), ${c.received} bodies received; styles via adoptedStyleSheets: ${c.adopted}`,
  };
}

/** The harness must see the deliberately bad variant fail both the CLS and the CPU gate. */
export function selfTest(badRuns) {
  const cls = clsGate(undefined, badRuns);
  const cpu = cpuGate(badRuns);
  return {
    ok: !cls.ok && !cpu.ok,
    detail: `bad variant: CLS gate ${cls.ok ? 'passed (NOT flagged)' : 'failed'} (${cls.detail}); CPU gate ${cpu.ok ? 'passed (NOT flagged)' : 'failed'} (${cpu.detail})`,
  };
}
