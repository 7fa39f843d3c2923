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
        ipv6PrefixLength: 64,
        trustProxy: undefined,
        touchpoints: [],
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
      CX_RATE_LIMIT_IPV6_PREFIX: '56',
      CX_TRUST_PROXY: '1',
      CX_TOUCHPOINTS: 'checkout, help-*',
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
        ipv6PrefixLength: 56,
        trustProxy: { hops: 1 },
        touchpoints: ['checkout', 'help-*'],
      },
    });
  });

  it('reads CX_TRUST_PROXY as addresses and networks', () => {
    const read = readConfig({ CX_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' });
    expect(read.ok && read.config.trustProxy && 'networks' in read.config.trustProxy).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ CX_ADMIN_TOKEN: '', DATABASE_URL: '' })).toMatchObject({
      ok: true,
      config: { adminToken: undefined, database: { kind: 'sqlite' } },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ CX_ADMIN_TOKEN: 'short' }, 'CX_ADMIN_TOKEN'],
    [{ CX_WEBHOOK_URL: 'https://hooks.example' }, 'CX_WEBHOOK_SECRET'],
    [{ CX_WEBHOOK_URL: 'https://hooks.example', CX_WEBHOOK_SECRET: 'not-a-whsec' }, 'CX_WEBHOOK_SECRET'],
    [{ CX_WEBHOOK_URL: 'ftp://hooks.example', CX_WEBHOOK_SECRET: SECRET }, 'CX_WEBHOOK_URL'],
    [{ CX_RATE_LIMIT: '0' }, 'CX_RATE_LIMIT'],
    [{ CX_RATE_LIMIT_IPV6_PREFIX: '129' }, 'CX_RATE_LIMIT_IPV6_PREFIX'],
    [{ CX_TRUST_PROXY: '10.0.0.0/99' }, 'CX_TRUST_PROXY: "10.0.0.0/99" is not an IP address or CIDR network'],
    [{ CX_TOUCHPOINTS: 'checkout,help me' }, 'CX_TOUCHPOINTS: "help me" is not a touchpoint'],
  ])('refuses %j naming %s', (env, name) => {
    const read = readConfig(env);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems.join('\n')).toContain(name);
  });

  it.each([
    ['user:password@', 'https://cx:s3cret@hooks.example/cx', 'must not contain user:password@'],
    ['a user name alone', 'https://token@hooks.example/cx', 'must not contain user:password@'],
    ['a file: URL', 'file:///etc/passwd', 'scheme file is not allowed; expected http or https'],
    ['a gopher: URL', 'gopher://hooks.example/', 'scheme gopher is not allowed'],
    ['no URL at all', 'hooks.example/cx', 'expected an absolute http(s) URL'],
  ])('refuses a webhook URL with %s, without repeating its secrets', (_name, url, message) => {
    const read = readConfig({ CX_WEBHOOK_URL: url, CX_WEBHOOK_SECRET: SECRET });
    const problems = read.ok ? '' : read.problems.join('\n');
    expect(problems).toContain(`CX_WEBHOOK_URL: ${message}`);
    expect(problems).not.toContain('s3cret');
  });

  it('requires at least 24 random bytes in CX_WEBHOOK_SECRET (Standard Webhooks), and says how to make one', () => {
    const sixteen = `whsec_${Buffer.alloc(16, 7).toString('base64')}`;
    const read = readConfig({ CX_WEBHOOK_URL: 'https://hooks.example/cx', CX_WEBHOOK_SECRET: sixteen });
    const problems = read.ok ? '' : read.problems.join('\n');
    expect(problems).toContain('CX_WEBHOOK_SECRET: webhook secret must decode to at least 24 bytes, got 16');
    expect(problems).toContain('randomBytes(32)');
    const enough = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    expect(readConfig({ CX_WEBHOOK_URL: 'https://hooks.example/cx', CX_WEBHOOK_SECRET: enough }).ok).toBe(true);
  });
});
