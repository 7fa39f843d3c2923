import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '../../src/webhook/sign.ts';

export type Delivery = {
  id: string;
  timestamp: string;
  verified: boolean;
  body: { type: string; data: { id: string } };
};

/**
 * A local webhook endpoint that checks every signature the way a site owner's receiver would, answers with the
 * status codes the test scripts, and lets the test await the n-th delivery instead of sleeping.
 */
export async function startReceiver(secret: string) {
  const deliveries: Delivery[] = [];
  const statuses: number[] = [];
  let fallbackStatus = 200;
  const waiters: { n: number; resolve: () => void }[] = [];

  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
      deliveries.push({
        id: header('webhook-id') ?? '',
        timestamp: header('webhook-timestamp') ?? '',
        verified: verify(
          secret,
          {
            id: header('webhook-id'),
            timestamp: header('webhook-timestamp'),
            signature: header('webhook-signature'),
            body: text,
          },
          Math.floor(Date.now() / 1000),
        ),
        body: JSON.parse(text),
      });
      res.writeHead(statuses.shift() ?? fallbackStatus).end();
      for (const w of waiters.filter((w) => deliveries.length >= w.n)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    /** Status codes for the next requests, in order; afterwards `fallback`. */
    respondWith(codes: number[], fallback = 200) {
      statuses.push(...codes);
      fallbackStatus = fallback;
    },
    received: (n: number) =>
      new Promise<void>((resolve) => (deliveries.length >= n ? resolve() : waiters.push({ n, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
