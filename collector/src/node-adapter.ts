import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from './handler.ts';
import { DEFAULT_MAX_BODY_BYTES } from './handler.ts';

/**
 * node:http ⇄ Web Request/Response, and nothing else: routing, limits and status codes live in the handler.
 * The body stream stops pulling from the socket one chunk past `maxBodyBytes`, so a huge upload is never read
 * in full; the handler then sees an over-long body and answers 413 (sent with Connection: close).
 */
export type AdapterOptions = { maxBodyBytes?: number };

/**
 * The request target as a URL on a fixed origin: only its path and query count (the Host header is the client's).
 * A target such as `//` or `//host/x` is a path here, never an authority: as a relative URL it would not parse.
 */
export function requestUrl(target: string | undefined): URL {
  const path = target?.startsWith('/') ? target : '/';
  try {
    return new URL(`http://localhost${path}`);
  } catch {
    return new URL('http://localhost/');
  }
}

export function toRequest(req: IncomingMessage, maxBodyBytes: number): Request {
  const url = requestUrl(req.url);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    body: hasBody ? cappedStream(req, maxBodyBytes) : null,
    ...(hasBody ? { duplex: 'half' } : {}),
  });
}

function cappedStream(req: IncomingMessage, maxBytes: number): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]();
  let size = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = (await chunks.next()) as IteratorResult<Buffer>;
      if (next.done) return controller.close();
      size += next.value.byteLength;
      controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      // Past the cap: end the stream here and leave the rest unread (req stays paused).
      if (size > maxBytes) controller.close();
    },
  });
}

export async function writeResponse(res: ServerResponse, response: Response, method: string): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body || method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  // Stop producing (e.g. export pages) when the client goes away.
  const onClose = () => void reader.cancel().catch(() => {});
  res.once('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed) break;
    }
  } finally {
    res.off('close', onClose);
    res.end();
  }
}

export function toNodeListener(
  handler: Handler,
  options: AdapterOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return (req, res) => {
    const method = req.method ?? 'GET';
    handler(toRequest(req, maxBodyBytes), {
      clientAddress: req.socket.remoteAddress ?? '',
      httpVersion: req.httpVersion,
    })
      .then((response) => writeResponse(res, response, method))
      .catch((err: unknown) => {
        console.error('cx-collector: could not answer a request:', err);
        if (!res.headersSent)
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal_error"}');
        else res.destroy();
      });
  };
}
