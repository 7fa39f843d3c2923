// The benchmark's web server on 127.0.0.1 (random port): variant pages built from pages/checkout.html, the asset
// snapshot, and POST /collect, which answers 204 and records each body (the "local endpoint").
import http from 'node:http';
import { VARIANTS, renderPage } from './variants.mjs';

export async function startServer(files) {
  const template = files.get('/pages/checkout.html').body.toString();
  const received = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method == 'POST' && url.pathname == '/collect') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({
          body: Buffer.concat(chunks).toString(),
          type: req.headers['content-type'],
          replay: url.searchParams.has('replay'),
        });
        res.writeHead(204).end();
      });
      return;
    }
    const headers = { 'Cache-Control': 'no-store' };
    if (url.pathname == '/favicon.ico') return void res.writeHead(204, headers).end();
    const variant = url.pathname.startsWith('/v/') && VARIANTS[url.pathname.slice(3)];
    if (variant) {
      if (variant.csp) headers['Content-Security-Policy'] = variant.csp;
      const html = renderPage(template, variant);
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      // ?split=<text>: the page in two chunks, 300 ms apart, cut after the first <text>, so that the browser lays out a
      // first frame mid-parse (the page-stable gate).
      const split = url.searchParams.get('split');
      const cut = split && html.includes(split) ? html.indexOf(split) + split.length : -1;
      if (cut < 0) return void res.end(html);
      res.write(html.slice(0, cut));
      setTimeout(() => res.end(html.slice(cut)), 300);
      return;
    }
    const f = files.get(url.pathname);
    if (!f || req.method != 'GET') return void res.writeHead(404, headers).end();
    res.writeHead(200, { ...headers, 'Content-Type': f.type }).end(f.body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    received,
    url: (variant) => `${origin}/v/${variant}`,
    close: () => new Promise((ok) => (server.closeAllConnections(), server.close(ok))),
  };
}
