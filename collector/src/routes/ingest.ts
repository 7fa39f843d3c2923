import type { Context, RequestInfo } from '../context.ts';
import { readBodyCapped } from '../http/body.ts';
import { corsFor, preflightHeaders } from '../http/cors.ts';
import { json, jsonError } from '../http/respond.ts';
import { correctedTime } from '../ingest/clock.ts';
import { parsePayload } from '../ingest/parse.ts';
import { DataRejectedError } from '../store/rejected.ts';
import { utcDay } from '../stats/timeline.ts';

/** text/plain keeps the widget's POST CORS-simple (no preflight); JSON is for everyone else. */
const ACCEPTED_TYPES = ['text/plain', 'application/json'];

/**
 * POST /responses (and its OPTIONS preflight). Status codes follow the receiver contract in docs/collector.md:
 * 201 new / 200 duplicate (both delete the widget's copy), 400/413/415/422 permanent, 403 misconfigured origin,
 * 429/503 retry later.
 */
export async function ingest(req: Request, info: RequestInfo, ctx: Context): Promise<Response> {
  const cors = corsFor(req.headers.get('origin'), ctx.allowedOrigins);
  const fail = (
    status: number,
    error: string,
    message: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => jsonError(status, error, message, { ...cors.headers, ...headers }, extra);

  if (!cors.allowed) {
    // The refusal itself is readable by that origin: the widget then sees a 403, pauses and warns about its
    // configuration, instead of an opaque network error it would keep retrying. It reveals nothing but this message.
    const origin = req.headers.get('origin') ?? '';
    return jsonError(403, 'origin_not_allowed', `origin ${origin} is not in CX_ALLOWED_ORIGINS`, {
      ...cors.headers,
      'access-control-allow-origin': origin,
    });
  }
  if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: preflightHeaders(req, cors) });

  const limited = ctx.rateLimit(ctx.rateLimitKey(req, info));
  if (!limited.ok) {
    return fail(
      429,
      'rate_limited',
      `too many responses from this address; retry in ${limited.retryAfterSeconds} s`,
      {},
      { 'retry-after': String(limited.retryAfterSeconds) },
    );
  }

  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type && !ACCEPTED_TYPES.includes(type))
    return fail(415, 'unsupported_media_type', `send the JSON payload as text/plain or application/json, not ${type}`);

  const body = await readBodyCapped(req, ctx.maxBodyBytes);
  if (!body.ok) {
    return body.reason === 'too_large'
      ? fail(413, 'payload_too_large', `body exceeds ${ctx.maxBodyBytes} bytes`, {}, { connection: 'close' })
      : fail(400, 'unreadable_body', 'the request body could not be read');
  }

  const parsed = parsePayload(body.text);
  if (!parsed.ok) return fail(400, parsed.error, parsed.message, parsed.issues ? { issues: parsed.issues } : {});

  const touchpoint = parsed.payload.touchpoint;
  if (ctx.touchpoints && !ctx.touchpoints.admit(touchpoint)) {
    const listed = ctx.touchpoints.listed.join(', ');
    return fail(422, 'unknown_touchpoint', `touchpoint "${touchpoint}" is not in CX_TOUCHPOINTS (${listed})`);
  }

  const receivedMs = ctx.now();
  const correctedMs = correctedTime(parsed.payload.createdAt, parsed.payload.sentAt, receivedMs);
  const record = {
    payload: parsed.payload,
    receivedAt: new Date(receivedMs).toISOString(),
    correctedAt: new Date(correctedMs).toISOString(),
    day: utcDay(correctedMs),
  };
  const result = await ctx.store
    .insertResponse(record, { enqueueWebhook: ctx.webhook !== undefined })
    .catch((err: unknown) => {
      if (err instanceof DataRejectedError) return err;
      console.error('cx-collector: storing a response failed:', err);
      return 'failed' as const;
    });
  // The store refused these values (e.g. a date PostgreSQL cannot represent): a retry would be refused again.
  if (result instanceof DataRejectedError) {
    console.warn(`cx-collector: the store refused response ${parsed.payload.id} (${result.code}): ${result.message}`);
    const message = `the store cannot keep this payload's values (${result.code}: ${result.message}); do not retry`;
    return fail(422, 'unstorable_payload', message);
  }
  // Retryable on purpose: the widget keeps the response and tries again; the id makes the retry safe.
  if (result === 'failed')
    return fail(
      503,
      'storage_unavailable',
      'the response could not be stored; retry later',
      {},
      { 'retry-after': '30' },
    );
  if (result === 'stored') ctx.webhook?.wake();
  const id = parsed.payload.id;
  return result === 'stored'
    ? json(201, { status: 'stored', id }, cors.headers)
    : json(200, { status: 'duplicate', id }, cors.headers);
}
