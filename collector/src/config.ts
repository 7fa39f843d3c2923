import * as z from 'zod';
import { parseAllowedOrigins } from './http/cors.ts';
import { parseTrustProxy } from './http/client-address.ts';
import type { TrustProxy } from './http/client-address.ts';
import { DEFAULT_IPV6_PREFIX, DEFAULT_RATE_LIMIT } from './handler.ts';
import { createTouchpointGate, parseTouchpointList } from './ingest/touchpoints.ts';
import { parseWebhookFilter } from './webhook/filter.ts';
import type { WebhookFilter } from './webhook/filter.ts';
import { MIN_SECRET_BYTES, secretBytes } from './webhook/sign.ts';
import { webhookUrlProblem } from './webhook/target.ts';

const GENERATE_SECRET = `node -e "console.log('whsec_'+require('crypto').randomBytes(32).toString('base64'))"`;

/** A zod check from a function that throws with the problem: the message names what is wrong. */
const accepts = (check: (value: string) => unknown) => (value: string, ctx: z.RefinementCtx) => {
  try {
    check(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
  }
};

/** The collector's settings, read from the environment once at start; a bad value stops start-up with its name. */
const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres://… URL (leave it unset to use SQLite)')
      .optional(),
    CX_DB_PATH: z.string().default('./cx-feedback.sqlite'),
    CX_ALLOWED_ORIGINS: z.string().optional(),
    CX_ADMIN_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
    CX_WEBHOOK_URL: z
      .string()
      .superRefine((url, ctx) => {
        const problem = webhookUrlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    CX_WEBHOOK_SECRET: z
      .string()
      .superRefine(
        accepts((secret) => {
          try {
            secretBytes(secret);
          } catch (err) {
            const why = err instanceof Error ? err.message : String(err);
            throw new Error(
              `${why}; expected whsec_ + base64 of ≥ ${MIN_SECRET_BYTES} random bytes (${GENERATE_SECRET})`,
              { cause: err },
            );
          }
        }),
      )
      .optional(),
    CX_WEBHOOK_FILTER: z.string().superRefine(accepts(parseWebhookFilter)).optional(),
    CX_RATE_LIMIT: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMIT),
    CX_RATE_LIMIT_IPV6_PREFIX: z.coerce.number().int().min(1).max(128).default(DEFAULT_IPV6_PREFIX),
    CX_TRUST_PROXY: z.string().superRefine(accepts(parseTrustProxy)).optional(),
    CX_TOUCHPOINTS: z
      .string()
      .superRefine(accepts((list) => createTouchpointGate(parseTouchpointList(list))))
      .optional(),
  })
  .refine((e) => !e.CX_WEBHOOK_URL || e.CX_WEBHOOK_SECRET, {
    message: `CX_WEBHOOK_URL needs CX_WEBHOOK_SECRET (generate one: ${GENERATE_SECRET})`,
    path: ['CX_WEBHOOK_SECRET'],
  })
  .refine((e) => !e.CX_WEBHOOK_FILTER || e.CX_WEBHOOK_URL, {
    message: 'CX_WEBHOOK_FILTER chooses what CX_WEBHOOK_URL receives: set CX_WEBHOOK_URL (and CX_WEBHOOK_SECRET) too',
    path: ['CX_WEBHOOK_FILTER'],
  });

export type Config = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };
  allowedOrigins: ReturnType<typeof parseAllowedOrigins>;
  adminToken: string | undefined;
  webhook: { url: string; secret: string; filter?: WebhookFilter } | undefined;
  rateLimitPerMinute: number;
  ipv6PrefixLength: number;
  trustProxy: TrustProxy | undefined;
  /** CX_TOUCHPOINTS entries; empty = any touchpoint. */
  touchpoints: string[];
};

/** Empty variables count as unset (`CX_ADMIN_TOKEN= tsx …` must not mean "token is the empty string"). */
const present = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));

export function readConfig(env: NodeJS.ProcessEnv): { ok: true; config: Config } | { ok: false; problems: string[] } {
  const parsed = Env.safeParse(present(env));
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', path: e.CX_DB_PATH },
      allowedOrigins: parseAllowedOrigins(e.CX_ALLOWED_ORIGINS),
      adminToken: e.CX_ADMIN_TOKEN,
      webhook:
        e.CX_WEBHOOK_URL && e.CX_WEBHOOK_SECRET
          ? {
              url: e.CX_WEBHOOK_URL,
              secret: e.CX_WEBHOOK_SECRET,
              ...(e.CX_WEBHOOK_FILTER ? { filter: parseWebhookFilter(e.CX_WEBHOOK_FILTER) } : {}),
            }
          : undefined,
      rateLimitPerMinute: e.CX_RATE_LIMIT,
      ipv6PrefixLength: e.CX_RATE_LIMIT_IPV6_PREFIX,
      trustProxy: e.CX_TRUST_PROXY ? parseTrustProxy(e.CX_TRUST_PROXY) : undefined,
      touchpoints: e.CX_TOUCHPOINTS ? parseTouchpointList(e.CX_TOUCHPOINTS) : [],
    },
  };
}
