import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';

const SECRET = 'whsec_dGVzdC1zZWNyZXQtZm9yLWN4LWZlZWRiYWNr';

describe('readConfig', () => {
  it('has working defaults: SQLite, loopback, any origin, 120/min', () => {
    expect(readConfig({})).toEqual({
      ok: true,
      config: {
        port: 8787,
        host: '127.0.0.1',
        database: { kind: 'sqlite', path: './cx-feedback.sqlite' },
        allowedOrigins: '*',
        adminToken: undefined,
        webhook: undefined,
        rateLimitPerMinute: 120,
      },
    });
  });

  it('reads every variable', () => {
    const read = readConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://cx@db:5432/cx',
      CX_ALLOWED_ORIGINS: 'https://a.example, https://b.example/',
      CX_ADMIN_TOKEN: 'sixteen-chars-ok!',
      CX_WEBHOOK_URL: 'https://hooks.example/cx',
      CX_WEBHOOK_SECRET: SECRET,
      CX_RATE_LIMIT: '30',
    });
    expect(read).toEqual({
      ok: true,
      config: {
        port: 9000,
        host: '0.0.0.0',
        database: { kind: 'postgres', url: 'postgres://cx@db:5432/cx' },
        allowedOrigins: ['https://a.example', 'https://b.example'],
        adminToken: 'sixteen-chars-ok!',
        webhook: { url: 'https://hooks.example/cx', secret: SECRET },
        rateLimitPerMinute: 30,
      },
    });
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ CX_ADMIN_TOKEN: '', DATABASE_URL: '' })).toMatchObject({ ok: true, config: { adminToken: undefined, database: { kind: 'sqlite' } } });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ CX_ADMIN_TOKEN: 'short' }, 'CX_ADMIN_TOKEN'],
    [{ CX_WEBHOOK_URL: 'https://hooks.example' }, 'CX_WEBHOOK_SECRET'],
    [{ CX_WEBHOOK_URL: 'https://hooks.example', CX_WEBHOOK_SECRET: 'not-a-whsec' }, 'CX_WEBHOOK_SECRET'],
    [{ CX_WEBHOOK_URL: 'ftp://hooks.example', CX_WEBHOOK_SECRET: SECRET }, 'CX_WEBHOOK_URL'],
    [{ CX_RATE_LIMIT: '0' }, 'CX_RATE_LIMIT'],
  ])('refuses %j naming %s', (env, name) => {
    const read = readConfig(env);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems.join('\n')).toContain(name);
  });
});
