import { describeStore, startCollector } from './app.ts';
import { readConfig } from './config.ts';
import { toNodeListener } from './node-adapter.ts';
import { listen } from './serve.ts';
import { redactUrl } from './webhook/target.ts';

/** `tsx collector/src/main.ts`: the collector as a standalone server, configured from the environment. */
const read = readConfig(process.env);
if (!read.ok) {
  console.error(`cx-collector: invalid configuration:\n  ${read.problems.join('\n  ')}`);
  process.exit(1);
}
const config = read.config;
const collector = await startCollector(config);
const server = await listen(toNodeListener(collector.handler), config.port, config.host);

console.log(`cx-collector listening on ${server.url} · store: ${describeStore(config)}`);
console.log(`  POST ${server.url}responses · results: ${server.url}results`);
if (!config.adminToken)
  console.log('  admin routes answer this machine only (set CX_ADMIN_TOKEN to open them to others)');
if (config.webhook) console.log(`  forwarding new responses to ${redactUrl(config.webhook.url)}`);
if (config.touchpoints.length) console.log(`  accepting only these touchpoints: ${config.touchpoints.join(', ')}`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`cx-collector: ${signal}, shutting down`);
  await server.close();
  await collector.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
