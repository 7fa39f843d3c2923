import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Listening = { url: string; port: number; close(): Promise<void> };

/**
 * Slow-client bounds: a client has `headersTimeoutMs` to send its headers and `requestTimeoutMs` for the whole
 * request (body included); then node answers 408 and closes the socket. Node checks these only every
 * `checkIntervalMs` (30 s by default, which let a client hold a socket for 29 s and 51 s instead of 15 s and 30 s).
 */
export type SlowClientLimits = { headersTimeoutMs: number; requestTimeoutMs: number; checkIntervalMs: number };

export const SLOW_CLIENT_LIMITS: SlowClientLimits = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
};

/** Starts a node:http server for a listener; resolves once it listens; close() waits for open requests. */
export function listen(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
  host: string,
  limits: SlowClientLimits = SLOW_CLIENT_LIMITS,
): Promise<Listening> {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    listener,
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${actual}/`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
