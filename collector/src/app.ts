import type { Config } from './config.ts';
import { createHandler } from './handler.ts';
import type { Handler } from './handler.ts';
import { openStore } from './store/open.ts';
import type { Store } from './store/types.ts';
import { startWebhookForwarder } from './webhook/forwarder.ts';

export type Collector = { handler: Handler; store: Store; stop(): Promise<void> };

/** Store + webhook forwarder + handler from a Config: shared by main.ts and demo/server.ts. */
export async function startCollector(config: Config): Promise<Collector> {
  const store = await openStore(config.database);
  const forwarder = config.webhook ? startWebhookForwarder({ store, ...config.webhook }) : undefined;
  const handler = createHandler({
    store,
    allowedOrigins: config.allowedOrigins,
    adminToken: config.adminToken,
    rateLimitPerMinute: config.rateLimitPerMinute,
    ipv6PrefixLength: config.ipv6PrefixLength,
    trustProxy: config.trustProxy,
    touchpoints: config.touchpoints,
    webhook: forwarder,
  });
  return {
    handler,
    store,
    async stop() {
      await forwarder?.stop();
      await store.close();
    },
  };
}

export const describeStore = (config: Config): string =>
  config.database.kind === 'postgres'
    ? `PostgreSQL (${new URL(config.database.url).host})`
    : `SQLite (${config.database.path})`;
