// A tiny receiver inside the browser-test server: stores payloads by id (duplicates acknowledged, stored once),
// answers a scripted status, and lets tests read what was stored. Tests filter by their own touchpoint.
const stored = new Map();
/** `?outage=<key>`: that key answers 503 until a test calls GET /__cx/heal?key=<key> (an endpoint outage that ends). */
const healed = new Set();

export async function collectMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/__cx/')) return next();
  if (ctx.path === '/__cx/collect' && ctx.method === 'POST') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const outage = ctx.query.outage;
    const status = outage && !healed.has(outage) ? 503 : Number(ctx.query.status ?? 201);
    if (status >= 200 && status < 300) {
      try {
        const payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!stored.has(payload.id))
          stored.set(payload.id, { payload, contentType: ctx.get('content-type'), receivedAt: Date.now() });
      } catch {
        ctx.status = 400;
        ctx.body = { error: 'invalid JSON' };
        return;
      }
    }
    ctx.status = status;
    ctx.body = { status: status < 300 ? 'stored' : 'error' };
    return;
  }
  if (ctx.path === '/__cx/heal' && ctx.method === 'GET') {
    healed.add(ctx.query.key);
    ctx.body = { healed: ctx.query.key };
    return;
  }
  if (ctx.path === '/__cx/stored' && ctx.method === 'GET') {
    const tp = ctx.query.touchpoint;
    ctx.body = [...stored.values()].filter((r) => !tp || r.payload.touchpoint === tp);
    return;
  }
  return next();
}
