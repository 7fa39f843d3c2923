// Tables of the benchmark: the same rows as plain text on the console and as markdown in docs/performance.md.
import { bytesOf } from './assets.mjs';
import { fmt, summary } from './stats.mjs';
import { GRAPH, VARIANTS } from './variants.mjs';

const kib = (b) => (b / 1024).toFixed(1);

/** Per-round figure `f(roundResults)` over the measured rounds (the warm-up round is not in `rounds`). */
const across = (rounds, f) => summary(rounds.map(f));

export function tables({ rounds, files, versions, variants, growths, gates }) {
  const t = [];
  const base = (r) => r.baseline;

  const ours = bytesOf(files, VARIANTS.script.scripts);
  const bytes = [['bundle', 'version', 'raw KiB', 'gzip KiB', 'gzip × ours']];
  const addBytes = (label, version, paths) => {
    const b = bytesOf(files, paths);
    bytes.push(
      b
        ? [label, version, kib(b.raw), kib(b.gzip), (b.gzip / ours.gzip).toFixed(2)]
        : [label, version, 'not installed', '–', '–'],
    );
  };
  addBytes('cx-feedback.js + entry (ours: a page where nothing shows)', 'working tree', GRAPH.nothing);
  addBytes('… + survey UI chunk (an inline card)', 'working tree', GRAPH.inline);
  addBytes('… + placement chunk (a popover or floating card)', 'working tree', GRAPH.placed);
  addBytes('cx-feedback.iife.js (ours, the self-contained classic script)', 'working tree', VARIANTS.classic.scripts);
  addBytes('baseline: bare Lit element', `lit ${versions.lit ?? ''}`.trim(), VARIANTS.baseline.scripts);
  addBytes('posthog-js array.js + surveys.js', versions['posthog-js'] ?? '–', VARIANTS.posthog.scripts);
  addBytes(
    '@formbricks/js (IIFE of its ES build) + @formbricks/surveys index.umd.js',
    `${versions['@formbricks/js'] ?? '–'} / ${versions['@formbricks/surveys'] ?? '–'}`,
    VARIANTS.formbricks.scripts,
  );
  t.push({ title: 'Bytes (gzip -9)', rows: bytes });

  const load = [['variant', 'main thread × baseline', 'script × baseline', 'LoAF ms', 'LoAF blocking ms', 'CLS']];
  for (const v of variants.filter((v) => v != 'empty')) {
    load.push([
      v,
      fmt(
        across(rounds, (r) => r[v].load.task / base(r).load.task),
        '×',
        2,
      ),
      fmt(
        across(rounds, (r) => r[v].load.script / base(r).load.script),
        '×',
        2,
      ),
      fmt(across(rounds, (r) => r[v].loafMs)),
      fmt(across(rounds, (r) => r[v].blockingMs)),
      fmt(
        across(rounds, (r) => r[v].cls),
        '',
        4,
      ),
    ]);
  }
  t.push({ title: 'Page load, CPU throttled 4× (ratios within a round; median [q1–q3])', rows: load });

  const fe = [
    ['scripts on the page', 'main thread ms over empty page', 'script ms over empty page', 'main thread × ours'],
  ];
  for (const v of ['script', 'classic', 'baseline', 'posthog', 'formbricks'].filter((v) => variants.includes(v))) {
    fe.push([
      v == 'script' ? 'ours (no widget)' : v == 'classic' ? 'our classic script (popover waiting for its trigger)' : v,
      fmt(across(rounds, (r) => r[v].load.task - r.empty.load.task)),
      fmt(across(rounds, (r) => r[v].load.script - r.empty.load.script)),
      fmt(
        across(rounds, (r) => (r[v].load.task - r.empty.load.task) / (r.script.load.task - r.empty.load.task)),
        '×',
        2,
      ),
    ]);
  }
  t.push({ title: 'Fetch + evaluate, no backend, CPU throttled 4× (differences within a round)', rows: fe });

  const act = [
    [
      'variant',
      'trigger → visible ms',
      'tap → accepted ms',
      'of which tap → request start',
      'plain fetch ms',
      'tap → accepted × fetch',
      'open CPU ms',
      'answer CPU ms',
    ],
  ];
  for (const v of ['inline', 'popover', 'classic', 'floating'].filter((v) => variants.includes(v))) {
    const has = rounds[0][v].visibleMs !== undefined;
    act.push([
      v == 'floating'
        ? 'floating (click on launcher)'
        : v == 'popover'
          ? 'popover (event:order-complete)'
          : v == 'classic'
            ? 'popover via the classic script (everything loaded at once)'
            : v,
      has ? fmt(across(rounds, (r) => r[v].visibleMs)) : '–',
      fmt(across(rounds, (r) => r[v].tapMs)),
      fmt(across(rounds, (r) => r[v].tapToRequestMs)),
      fmt(across(rounds, (r) => r[v].fetchMs)),
      fmt(
        across(rounds, (r) => r[v].tapMs / r[v].fetchMs),
        '×',
        1,
      ),
      has ? fmt(across(rounds, (r) => r[v].open.task)) : '–',
      fmt(across(rounds, (r) => r[v].answer.task)),
    ]);
  }
  t.push({ title: 'Interaction, CPU throttled 4× (local endpoint answering 204)', rows: act });

  const mem = [
    [
      'cycles',
      'first block: heap / nodes',
      'second block: DOM nodes',
      'JS listeners',
      'window+document listeners',
      'heap B/cycle',
    ],
  ];
  for (const g of growths)
    mem.push([
      `${g.kind} ${g.cycles}+${g.cycles}${g.jit ? ', with JIT (not gated)' : ', jitless'}`,
      `${kib(g.first.heap)} KiB / ${g.first.nodes}`,
      g.nodes,
      g.jsListeners,
      g.pageListeners,
      g.heapPerCycle.toFixed(1),
    ]);
  t.push({
    title:
      'Growth (no throttling; HeapProfiler.collectGarbage twice, then Memory.getDOMCounters, DOMDebugger.getEventListeners, Runtime.getHeapUsage)',
    rows: mem,
  });

  t.push({
    title: 'Gates',
    rows: [['gate', 'result', 'detail'], ...gates.map((g) => [g.name, g.ok ? 'ok' : 'FAIL', g.detail])],
  });
  return t;
}

export function toText(tables) {
  return tables
    .map(({ title, rows }) => {
      const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
      const line = (r) =>
        r
          .map((c, i) => String(c).padEnd(w[i]))
          .join('  ')
          .trimEnd();
      return `\n${title}\n${line(rows[0])}\n${w.map((n) => '-'.repeat(n)).join('  ')}\n${rows.slice(1).map(line).join('\n')}`;
    })
    .join('\n');
}

export function toMarkdown(tables) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return tables
    .map(
      ({ title, rows }) =>
        `### ${title}\n\n| ${rows[0].map(esc).join(' | ')} |\n| ${rows[0].map(() => '---').join(' | ')} |\n${rows
          .slice(1)
          .map((r) => `| ${r.map(esc).join(' | ')} |`)
          .join('\n')}\n`,
    )
    .join('\n');
}
