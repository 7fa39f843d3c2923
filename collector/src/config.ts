import * as z from 'zod';
import { parseAllowedOrigins } from './http/cors.ts';
import { DEFAULT_RATE_LIMIT } from './handler.ts';
import { secretBytes } from './webhook/sign.ts';

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
    CX_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    CX_WEBHOOK_SECRET: z
      .string()
      .refine((s) => {
        try {
          secretBytes(s);
          return true;
        } catch {
          return false;
        }
      }, 'expected whsec_ followed by base64 of at least 16 random bytes')
      .optional(),
    CX_RATE_LIMIT: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMIT),
  })
  .refine((e) => !e.CX_WEBHOOK_URL || e.CX_WEBHOOK_SECRET, {
    message: 'CX_WEBHOOK_URL needs CX_WEBHOOK_SECRET (generate one: node -e "console.log(\'whsec_\'+require(\'crypto\').randomBytes(24).toString(\'base64\'))")',
    path: ['CX_WEBHOOK_SECRET'],
  });

export type Config = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };
  allowedOrigins: ReturnType<typeof parseAllowedOrigins>;
  adminToken: string | undefined;
  webhook: { url: string; secret: string } | undefined;
  rateLimitPerMinute: number;
};

/** Empty variables count as unset (`CX_ADMIN_TOKEN= tsx …` must not mean "token is the empty string"). */
const present = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));

export function readConfig(env: NodeJS.ProcessEnv): { ok: true; config: Config } | { ok: false; problems: string[] } {
  const parsed = Env.safeParse(present(env));
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', path: e.CX_DB_PATH },
      allowedOrigins: parseAllowedOrigins(e.CX_ALLOWED_ORIGINS),
      adminToken: e.CX_ADMIN_TOKEN,
      webhook: e.CX_WEBHOOK_URL && e.CX_WEBHOOK_SECRET ? { url: e.CX_WEBHOOK_URL, secret: e.CX_WEBHOOK_SECRET } : undefined,
      rateLimitPerMinute: e.CX_RATE_LIMIT,
    },
  };
}
