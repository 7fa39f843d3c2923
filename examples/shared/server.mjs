// A tiny server for one example app on a free loopback port: serves the app's production build (or forwards to the
// app's own server, for Next.js) and, on the same origin (so no CORS), a receiver at POST /responses that records
// every body it is sent.
import { createServer, request as forward } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pipeline } from 'node:stream/promises';

const contentTypes = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/**
 * @param {string} root the folder to serve (an app's `dist/`)
 * @param {{ upstream?: string }} [options] upstream: an origin (`http://127.0.0.1:3000`) every other request goes to
 */
export async function startServer(root, { upstream } = {}) {
  /** @type {unknown[]} */
  const received = [];
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'POST' && path === '/responses') {
      let body = '';
      for await (const chunk of request) body += chunk;
      received.push(JSON.parse(body));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (upstream) {
      const proxied = forward(new URL(request.url ?? '/', upstream), { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        pipeline(answer, response).catch(() => response.destroy());
      });
      proxied.on('error', (error) => response.writeHead(502).end(`upstream: ${error.message}`));
      pipeline(request, proxied).catch(() => response.destroy());
      return;
    }
    // normalize() keeps a request inside root: "/../x" becomes "/x".
    const file = join(root, normalize(path.endsWith('/') ? `${path}index.html` : path));
    try {
      const content = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypes[/** @type {keyof contentTypes} */ (extname(file))] ?? 'application/octet-stream' }).end(content);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    close: () => {
      // Keep-alive sockets from the browser or the upstream would hold close() open.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
