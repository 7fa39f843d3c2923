// Growth check: two blocks of N cycles on one page. The first block warms up (caches, JIT, lazily created
// singletons); what the second adds after a forced GC is what every further cycle would leak.
import { openRun } from './browser.mjs';

/** Heap bytes per cycle the second block may add (issue 6). Nodes and listeners: no growth (lib/judge.mjs). */
export const HEAP_PER_CYCLE = 100;

/**
 * In the page: `connect` creates a <cx-feedback> (inline, popover, floating in turn), connects it, renders, disconnects,
 * reconnects (a move), disconnects again, and drops it; `popover` opens and closes one popover with show()/hide().
 */
const CYCLES = `window.__cycles = async (kind, n) => {
  const slot = document.querySelector('.feedback-slot');
  const make = (mode) => {
    const el = document.createElement('cx-feedback');
    // Inline opens on load (the card renders); popover and floating stay closed until show() or the launcher.
    const trigger = mode == 'inline' ? 'load' : 'manual';
    for (const [k, v] of Object.entries({ endpoint: '/collect', touchpoint: 'memory', question: 'csat', mode, anchor: '#place-order', trigger })) el.setAttribute(k, v);
    return el;
  };
  const placed = (el) => new Promise((ok, fail) => {
    let tries = 0;
    const check = () => el.shadowRoot.querySelector('.card[data-placement]') ? ok() : ++tries > 200 ? fail(new Error('popover never placed')) : setTimeout(check);
    check();
  });
  if (kind == 'connect') {
    const modes = ['inline', 'popover', 'floating'];
    for (let i = 0; i < n; i++) {
      const el = make(modes[i % 3]);
      slot.append(el);
      await el.updateComplete;
      el.remove();
      slot.append(el);
      await el.updateComplete;
      el.remove();
    }
  } else {
    const el = (window.__popover ||= slot.appendChild(make('popover')));
    await el.updateComplete;
    for (let i = 0; i < n; i++) {
      if (!el.show()) throw new Error('show() refused');
      await el.updateComplete;
      await placed(el);
      el.hide();
      await el.updateComplete;
    }
  }
  await new Promise((ok) => setTimeout(ok, 50));
};`;

async function snapshot(cdp) {
  // Two collections: the first can leave garbage that finalizers release only for the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  let listeners = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    listeners += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return { heap: heap.usedSize, nodes: dom.nodes, jsListeners: dom.jsEventListeners, pageListeners: listeners };
}

/** Runs `cycles` + `cycles` of `kind` on the `script` variant page (our script, no widget yet). */
export async function growth(browser, server, kind, cycles) {
  const run = await openRun(browser, { rate: 1, instrument: false });
  try {
    await run.page.goto(server.url('script'), { waitUntil: 'load' });
    await run.page.evaluate(CYCLES);
    // cx-feedback.js loads the element when a first widget appears: let one do that, so the cycles measure the element.
    await run.page.evaluate(async () => {
      const el = Object.assign(document.createElement('cx-feedback'), { hidden: true });
      el.setAttribute('touchpoint', 'memory');
      el.setAttribute('question', 'csat');
      document.body.append(el);
      await customElements.whenDefined('cx-feedback');
      el.remove();
    });
    await run.cdp.send('HeapProfiler.enable');
    const t0 = Date.now();
    const at = [await snapshot(run.cdp)];
    for (let block = 0; block < 2; block++) {
      await run.page.evaluate(([k, n]) => window.__cycles(k, n), [kind, cycles]);
      at.push(await snapshot(run.cdp));
    }
    const [, a, b] = at;
    return {
      kind,
      cycles,
      ms: Date.now() - t0,
      first: { heap: a.heap - at[0].heap, nodes: a.nodes - at[0].nodes },
      heapPerCycle: (b.heap - a.heap) / cycles,
      nodes: b.nodes - a.nodes,
      jsListeners: b.jsListeners - a.jsListeners,
      pageListeners: b.pageListeners - a.pageListeners,
      errors: run.errors,
    };
  } finally {
    await run.close();
  }
}
