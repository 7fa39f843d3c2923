import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { PayloadV1 } from '../../../src/schema/payload.ts';

/**
 * A fault-injecting receiver for the end-to-end tests. It stores like the real collector (insert by id, 2xx for
 * duplicates) and records what it stored, so tests assert on the server's store rather than on browser traffic.
 * Each POST takes the next scripted Action (or asks `decide`), defaulting to a plain 200.
 *
 * Two ports: pages come from `origin`, the collector is `endpoint` on a second port, so requests are cross-origin
 * and CORS and CSP apply as they would for a real site.
 */
export type Action = {
  /** Default 200. Only 2xx answers store (and `reset: 'after-store'`, and `cors: false`). */
  status?: number;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Never answer; the socket stays open until the server closes. */
  hang?: boolean;
  /** Destroy the connection without answering: before storing (lost request) or after (lost ack, matrix R12). */
  reset?: 'before-store' | 'after-store';
  /** Answer without Access-Control-Allow-Origin (the row is stored; the browser hides the answer, matrix R18). */
  cors?: false;
};

export type Received = {
  id: string;
  attempt: unknown;
  sentAt: unknown;
  at: number;
  bytes: number;
  contentType: string | undefined;
  cookie: string | undefined;
  referer: string | undefined;
  outcome: 'stored' | 'duplicate' | 'rejected' | 'status' | 'hang' | 'reset';
  status?: number;
};

export type Stored = { payload: Record<string, unknown>; receivedAt: number; duplicates: number };

export type PageOptions = {
  cfg?: Record<string, unknown>;
  csp?: string;
  /** An inline host script that runs before ours (unlike addInitScript, it does not also run in new iframes). */
  head?: string;
  /** Load our script twice, as a page with two embed snippets would (matrix C06). */
  twice?: boolean;
};

export type FaultServer = {
  origin: string;
  endpoint: string;
  /** URL of a test page loading the delivery bundle with `cfg` (endpoint defaults to ours). */
  page(options?: PageOptions): string;
  /** A page that holds the test page in `<iframe sandbox="allow-scripts">` (matrix S01). */
  sandboxed(options?: PageOptions): string;
  stored: Map<string, Stored>;
  received: Received[];
  /** Bodies POSTed to the pages origin's /log, in arrival order (a page reporting its own lifecycle events). */
  logs: string[];
  preflights: number;
  /** Highest number of requests for one id that were open at the same time. */
  maxConcurrentPerId: number;
  /** Queue actions for the next POSTs, in order. */
  plan(...actions: Action[]): void;
  /** Decide per request when the plan is empty (e.g. random faults for the soak test). */
  decide: ((r: { id: string; n: number }) => Action) | undefined;
  requestsFor(id: string): Received[];
  reset(): void;
  close(): Promise<void>;
};

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const html = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>cx e2e</title></head><body>${body}</body></html>`;

// Records the host-side failures our code must never cause (matrix H04): uncaught errors, unhandled rejections.
const ERRORS = `<script>window.__errors=[];addEventListener('error',function(e){__errors.push(String(e.message))});addEventListener('unhandledrejection',function(e){__errors.push('unhandled rejection: '+(e.reason&&e.reason.message||e.reason))});window.__pageshow=[];addEventListener('pageshow',function(e){__pageshow.push(e.persisted)});</script>`;

// Console warnings and errors, as the page saw them (/host.html).
const CONSOLE = `<script>window.__console=[];['warn','error'].forEach(function(k){var f=console[k];console[k]=function(){__console.push((k=='warn'?'warning':k)+': '+[].map.call(arguments,String).join(' '));return f.apply(console,arguments)}});</script>`;

export async function startFaultServer(bundle: string): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const open = new Map<string, number>();
  let queue: Action[] = [];
  let n = 0;

  const server: FaultServer = {
    origin: '',
    endpoint: '',
    page: ({ cfg = {}, csp, head, twice } = {}) =>
      `${server.origin}/page.html?cfg=${encodeURIComponent(JSON.stringify({ endpoint: server.endpoint, ...cfg }))}` +
      (csp ? `&csp=${encodeURIComponent(csp)}` : '') +
      (head ? `&head=${encodeURIComponent(head)}` : '') +
      (twice ? '&twice=1' : ''),
    sandboxed: (options) => `${server.origin}/sandboxed.html?src=${encodeURIComponent(server.page(options))}`,
    stored: new Map(),
    received: [],
    logs: [],
    preflights: 0,
    maxConcurrentPerId: 0,
    plan: (...actions) => void queue.push(...actions),
    decide: undefined,
    requestsFor: (id) => server.received.filter((r) => r.id == id),
    reset() {
      queue = [];
      n = 0;
      server.stored.clear();
      server.received.length = 0;
      server.logs.length = 0;
      server.preflights = 0;
      server.maxConcurrentPerId = 0;
      server.decide = undefined;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([pages, collector].map((s) => new Promise((r) => s.close(r))));
    },
  };

  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };

  const collect = (req: http.IncomingMessage, res: http.ServerResponse, raw: string) => {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw);
    } catch {
      /* recorded as id "" below */
    }
    const id = typeof body.id == 'string' ? body.id : '';
    const action = queue.shift() ?? server.decide?.({ id, n }) ?? {};
    n++;
    const rec: Received = {
      id,
      attempt: body.attempt,
      sentAt: body.sentAt,
      at: Date.now(),
      bytes: Buffer.byteLength(raw),
      contentType: req.headers['content-type'],
      cookie: req.headers.cookie,
      referer: req.headers.referer,
      outcome: 'status',
    };
    server.received.push(rec);
    open.set(id, (open.get(id) ?? 0) + 1);
    server.maxConcurrentPerId = Math.max(server.maxConcurrentPerId, open.get(id)!);
    let closed = false;
    const done = () => {
      if (closed) return;
      closed = true;
      open.set(id, open.get(id)! - 1);
    };
    res.on('close', done);

    const store = (): 'stored' | 'duplicate' | 'rejected' => {
      // The receiver validates like the real collector: v1 against the schema, older versions by id only.
      if (!id || (body.v === 1 && !PayloadV1.safeParse(body).success) || typeof body.v != 'number') return 'rejected';
      const have = server.stored.get(id);
      if (have) return (have.duplicates++, 'duplicate');
      server.stored.set(id, { payload: body, receivedAt: Date.now(), duplicates: 0 });
      return 'stored';
    };

    const answer = () => {
      if (action.hang) return void (rec.outcome = 'hang');
      if (action.reset) {
        if (action.reset == 'after-store') store();
        rec.outcome = 'reset';
        return void req.socket.destroy();
      }
      const status = action.status ?? 200;
      rec.status = status;
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Connection: 'close',
        ...(action.cors === false ? {} : cors),
        ...action.headers,
      };
      if (status > 199 && status < 300) {
        const outcome = store();
        rec.outcome = outcome;
        if (outcome == 'rejected') {
          rec.status = 400;
          res.writeHead(400, headers).end('{"error":"invalid payload"}');
          return;
        }
        res.writeHead(status, headers).end(JSON.stringify({ status: outcome }));
        return;
      }
      res.writeHead(status, headers).end(JSON.stringify({ status }));
    };
    action.delayMs ? setTimeout(answer, action.delayMs) : answer();
  };

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method == 'OPTIONS') {
        server.preflights++;
        res
          .writeHead(204, {
            ...cors,
            'Access-Control-Allow-Methods': 'POST',
            'Access-Control-Allow-Headers': 'content-type',
          })
          .end();
      } else if (req.method == 'POST' && url.pathname == '/collect') collect(req, res, raw);
      else if (req.method == 'POST' && url.pathname == '/log') {
        server.logs.push(raw);
        res.writeHead(204).end();
      } else if (req.method == 'POST' && url.pathname == '/sink') {
        /* the host's own keepalive request (matrix R24): never answered */
      } else if (url.pathname == '/cx.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
      else if (url.pathname == '/page.html') {
        const cfg = url.searchParams.get('cfg') ?? '{}';
        const csp = url.searchParams.get('csp');
        const head = (url.searchParams.get('head') ?? '').replace(/</g, '\\u003c');
        res.writeHead(200, {
          'Content-Type': 'text/html',
          'Cache-Control': 'no-store',
          ...(csp ? { 'Content-Security-Policy': csp } : {}),
        });
        const ours = '<script src="/cx.js"></script>'.repeat(url.searchParams.has('twice') ? 2 : 1);
        res.end(
          html(
            `${ERRORS}<script>${head}</script><script>window.cxConfig=${cfg.replace(/</g, '\\u003c')}</script>${ours}`,
          ),
        );
      } else if (url.pathname == '/sandboxed.html') {
        const src = (url.searchParams.get('src') ?? '').replace(/"/g, '&quot;');
        res
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end(html(`<iframe sandbox="allow-scripts" src="${src}"></iframe>`));
      } else if (url.pathname == '/widget.html') {
        // The shipped script tag with one real <cx-feedback> (attributes from the query), as a site owner pastes it:
        // cx-feedback.js, or the classic cx-feedback.iife.js with `script=iife`.
        const script = url.searchParams.get('script') == 'iife' ? 'cx-feedback.iife.js' : 'cx-feedback.js';
        url.searchParams.delete('script');
        const attributes = [...url.searchParams]
          .map(([k, v]) => ` ${k.replace(/[^a-z-]/g, '')}="${escapeAttribute(v)}"`)
          .join('');
        res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' });
        res.end(
          html(
            `${ERRORS}<script src="/dist/${script}"></script><cx-feedback endpoint="${server.endpoint}"${attributes}></cx-feedback>`,
          ),
        );
      } else if (url.pathname == '/host.html') {
        // /widget.html on a host page of its own: `head` is the host's inline script, run before ours (a wrapped
        // fetch, a broken indexedDB), and console warnings and errors are recorded in window.__console, the only way
        // to read them under classic WebDriver (test/e2e/engines.test.ts).
        const head = (url.searchParams.get('head') ?? '').replace(/</g, '\\u003c');
        url.searchParams.delete('head');
        const attributes = [...url.searchParams]
          .map(([k, v]) => ` ${k.replace(/[^a-z-]/g, '')}="${escapeAttribute(v)}"`)
          .join('');
        // Without no-store, like most host pages: Firefox keeps no-store pages out of the back/forward cache (R22).
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(
          html(
            `${ERRORS}${CONSOLE}<script>${head}</script><script src="/dist/cx-feedback.js"></script><cx-feedback endpoint="${server.endpoint}"${attributes}></cx-feedback>`,
          ),
        );
      } else if (url.pathname.startsWith('/dist/') && /^\/dist\/[\w.-]+\.js$/.test(url.pathname)) {
        readFile(new URL(`../../..${url.pathname}`, import.meta.url)).then(
          (file) => res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(file),
          () => res.writeHead(404).end('run npm run build first'),
        );
      } else if (url.pathname == '/blank.html')
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(html(`${ERRORS}<p>blank</p>`));
      else res.writeHead(404).end();
    });
  };

  const listen = async () => {
    const s = http.createServer(handler);
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return s;
  };
  const pages = await listen();
  const collector = await listen();
  server.origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  server.endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/collect`;
  return server;
}
