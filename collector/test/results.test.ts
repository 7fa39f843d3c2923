import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { LOCAL, answer, get, payload, record } from './support/payload.ts';

let store: Store;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

const NOW = Date.parse('2026-03-12T09:00:00.000Z');
const handler = (adminToken?: string) => createHandler({ store, now: () => NOW, adminToken });

async function seed() {
  const first = payload({ createdAt: '2026-03-10T12:00:00.000Z', answers: [answer('nps', 3)] });
  await store.insertResponse(record(first));
  await store.insertResponse(record(payload({ createdAt: '2026-03-10T12:01:00.000Z', followUpOf: first.id, answers: [answer('text', '=cmd <script>alert(1)</script>', 'why')] })));
  await store.insertResponse(record(payload({ createdAt: '2026-03-11T08:00:00.000Z', answers: [answer('nps', 10), answer('csat', 5)] })));
  await store.insertResponse(record(payload({ createdAt: '2026-03-11T09:00:00.000Z', touchpoint: 'help', answers: [answer('thumbs', 0)], context: { url: 'u', locale: 'de' } })));
  return first;
}

describe('GET /results', () => {
  it('renders the figures as HTML under a strict CSP, with visitor text escaped', async () => {
    await seed();
    const res = await handler()(get('/results'), LOCAL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('3</strong> responses');
    expect(page).toContain('Net Promoter Score');
    expect(page).toContain('<strong>0</strong><span>NPS'); // one promoter, one detractor
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script');
    expect(page).not.toMatch(/\sstyle=/);
    expect(page).toContain('<span class="score">nps 3</span>'); // the follow-up comment shows its first response's score
    expect(page).toContain('<svg');
  });

  it('applies filters from the query', async () => {
    await seed();
    const page = await (await handler()(get('/results?touchpoint=help&from=2026-03-01&to=2026-03-12'), LOCAL)).text();
    expect(page).toContain('1</strong> response ·');
    expect(page).toContain('<option selected>help</option>');
    expect(page).toContain('value="2026-03-01"');
  });

  it('carries a URL token into links and the form', async () => {
    const token = 'a-long-admin-token-0123456789';
    const page = await (await handler(token)(get(`/results?token=${token}`), { clientAddress: '192.0.2.1' })).text();
    expect(page).toContain(`<input type="hidden" name="token" value="${token}">`);
    expect(page).toMatch(new RegExp(`href="/export\\.csv\\?[^"]*token=${token}`));
  });

  it('answers 400 for a malformed date', async () => {
    expect((await handler()(get('/results?from=yesterday'), LOCAL)).status).toBe(400);
  });
});

describe('GET /api/summary', () => {
  it('defaults to the last 30 days and returns the same figures as JSON', async () => {
    await seed();
    const body = (await (await handler()(get('/api/summary'), LOCAL)).json()) as {
      filters: { from: string; to: string };
      responses: number;
      groups: { touchpoint: string; questions: { type: string; metric: { n: number } }[] }[];
    };
    expect(body.filters).toEqual({ from: '2026-02-11', to: '2026-03-12' });
    expect(body.responses).toBe(3);
    expect(body.groups.map((g) => [g.touchpoint, g.questions.map((q) => `${q.type}:${q.metric.n}`)])).toEqual([
      ['checkout', ['csat:1', 'nps:2']],
      ['help', ['thumbs:1']],
    ]);
  });
});

describe('exports', () => {
  it('writes CSV one row per answer, defusing formulas', async () => {
    const first = await seed();
    const csv = await (await handler()(get('/export.csv'), LOCAL)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    expect(lines.find((l) => l.includes(first.id) && l.includes(',nps,'))).toContain(',nps,nps,3,');
    expect(csv).toContain(",'=cmd <script>alert(1)</script>,");
    expect(csv).not.toMatch(/,=cmd/);
  });

  it('writes NDJSON with the server times, filtered', async () => {
    await seed();
    const lines = (await (await handler()(get('/export.ndjson?touchpoint=help'), LOCAL)).text()).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ touchpoint: 'help', receivedAt: '2026-03-11T09:00:00.000Z' });
  });
});
