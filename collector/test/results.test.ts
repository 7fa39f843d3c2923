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
  await store.insertResponse(
    record(
      payload({
        createdAt: '2026-03-10T12:01:00.000Z',
        followUpOf: first.id,
        answers: [answer('text', '=cmd <script>alert(1)</script>', 'why')],
      }),
    ),
  );
  await store.insertResponse(
    record(payload({ createdAt: '2026-03-11T08:00:00.000Z', answers: [answer('nps', 10), answer('csat', 5)] })),
  );
  await store.insertResponse(
    record(
      payload({
        createdAt: '2026-03-11T09:00:00.000Z',
        touchpoint: 'help',
        answers: [answer('thumbs', 0)],
        context: { url: 'u', locale: 'de' },
      }),
    ),
  );
  return first;
}

describe('GET /results', () => {
  it('renders the journey overview as HTML under a strict CSP, with visitor text escaped', async () => {
    await seed();
    const res = await handler()(get('/results'), LOCAL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('<strong>3</strong> responses');
    expect(page).toContain('Needs attention');
    expect(page).toContain('too few answers');
    expect(page).not.toContain('<script');
    expect(page).not.toMatch(/\sstyle=/);
  });

  it('escapes comments on the drill-down and links themes to them', async () => {
    await seed();
    const page = await (
      await handler()(get('/results/touchpoint?touchpoint=checkout&from=2026-03-01&to=2026-03-12'), LOCAL)
    ).text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script');
    expect(page).toContain('<span class="score">nps 3</span>'); // the follow-up comment shows its first response's score
  });

  it('shows themes as customers wrote them, keeping the folded key in links and in the JSON', async () => {
    const comments = ['Viel zu spät', 'Spät!', 'Paket spat'];
    for (const [i, text] of comments.entries()) {
      const createdAt = `2026-03-1${i}T10:00:00.000Z`;
      const answers = [answer('nps', 2), answer('text', text, 'why')];
      await store.insertResponse(record(payload({ createdAt, answers, context: { url: 'u', locale: 'de' } })));
    }
    const drillDown = '/results/touchpoint?touchpoint=checkout&from=2026-03-01&to=2026-03-12';
    const page = await (await handler()(get(drillDown), LOCAL)).text();
    expect(page).toContain('touchpoint=checkout&amp;tone=negative&amp;theme=spat#comments">spät</a>');
    expect(page).not.toContain('>spat</a>');
    const filtered = await (await handler()(get(`${drillDown}&theme=spat&tone=negative`), LOCAL)).text();
    expect(filtered).toContain('mentioning “spät”');
    // A filter typed by hand, with the accent, finds the same comments as the page's own link.
    const typed = await (await handler()(get(`${drillDown}&theme=Sp%C3%A4t&tone=negative`), LOCAL)).text();
    expect(typed).toContain('mentioning “spät”');
    for (const text of comments) expect(typed).toContain(text);
    const summary = (await (
      await handler()(get(drillDown.replace('/results/touchpoint', '/api/summary')), LOCAL)
    ).json()) as {
      touchpoint: { themes: { negative: { phrase: string; label: string; total: number }[] } };
    };
    expect(summary.touchpoint.themes.negative[0]).toMatchObject({ phrase: 'spat', label: 'spät', total: 3 });
  });

  it('applies filters from the query and keeps them in links', async () => {
    await seed();
    const page = await (await handler()(get('/results?touchpoint=help&from=2026-03-01&to=2026-03-12'), LOCAL)).text();
    expect(page).toContain('<strong>1</strong> responses');
    expect(page).toContain('<option selected>help</option>');
    expect(page).toContain('value="2026-03-01"');
    expect(page).toContain('href="/results/touchpoint?from=2026-03-01&amp;to=2026-03-12&amp;touchpoint=help"');
  });

  it('turns a URL token into a cookie and a clean URL, and never puts the token in links', async () => {
    const token = 'a-long-admin-token-0123456789';
    const h = handler(token);
    const first = await h(get(`/results?from=2026-03-01&token=${token}`), { clientAddress: '192.0.2.1' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/results?from=2026-03-01');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cx_admin=a-long-admin-token-0123456789; Path=\/; HttpOnly; SameSite=Strict/);
    const page = await (
      await h(get('/results?from=2026-03-01', { cookie: cookie.split(';')[0] }), { clientAddress: '192.0.2.1' })
    ).text();
    expect(page).toContain('Customer experience');
    expect(page).not.toContain(token);
    expect((await h(get('/results'), { clientAddress: '192.0.2.1' })).status).toBe(401);
  });

  it('answers 400 for a malformed date', async () => {
    expect((await handler()(get('/results?from=yesterday'), LOCAL)).status).toBe(400);
  });
});

describe('GET /api/summary', () => {
  it('is versioned, defaults to the last 30 days against the 30 before, and carries the page figures', async () => {
    await seed();
    const body = (await (await handler()(get('/api/summary'), LOCAL)).json()) as {
      version: number;
      period: { from: string; to: string };
      previousPeriod: { from: string; to: string };
      responses: { current: number };
      stages: {
        stage: string | null;
        touchpoints: { touchpoint: string; questions: { type: string; current: { n: number; tooFew: boolean } }[] }[];
      }[];
    };
    expect(body.version).toBe(2);
    expect(body.period).toEqual({ from: '2026-02-11', to: '2026-03-12' });
    expect(body.previousPeriod).toEqual({ from: '2026-01-12', to: '2026-02-10' });
    expect(body.responses.current).toBe(3);
    expect(
      body.stages[0].touchpoints.map((t) => [
        t.touchpoint,
        t.questions.map((q) => `${q.type}:${q.current.n}:${q.current.tooFew}`),
      ]),
    ).toEqual([
      ['checkout', ['csat:1:true', 'nps:2:true']],
      ['help', ['thumbs:1:true']],
    ]);
  });

  it('exports the summary as CSV, one row per touchpoint and question', async () => {
    await seed();
    const csv = await (await handler()(get('/export/summary.csv'), LOCAL)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'period_from,period_to,stage,touchpoint,question_id,type,level,measure,unit,n,value,ci95_low,ci95_high,previous_n,previous_value,change,z,significant,direction',
    );
    expect(lines).toHaveLength(4);
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

describe('exports honour the page’s filters', () => {
  const withStage = (p: ReturnType<typeof payload>, stage: string) => ({ ...p, context: { ...p.context, stage } });
  const seeded = {
    purchaseEn: withStage(payload({ createdAt: '2026-03-10T12:00:00.000Z', answers: [answer('nps', 9)] }), 'purchase'),
    purchaseDe: withStage(
      payload({
        createdAt: '2026-03-11T12:00:00.000Z',
        answers: [answer('nps', 3)],
        context: { url: 'u', locale: 'de' },
      }),
      'purchase',
    ),
    support: withStage(
      payload({ createdAt: '2026-03-11T13:00:00.000Z', touchpoint: 'help', answers: [answer('thumbs', 1)] }),
      'support',
    ),
    noStageOld: payload({ createdAt: '2026-01-05T12:00:00.000Z', touchpoint: 'help', answers: [answer('thumbs', 0)] }),
  };
  type Name = keyof typeof seeded;
  const nameOf = (id: string) => (Object.keys(seeded) as Name[]).find((name) => seeded[name].id === id);
  beforeEach(async () => {
    for (const p of Object.values(seeded)) await store.insertResponse(record(p));
  });

  const ndjson = async (query: string) =>
    (await (await handler()(get(`/export.ndjson${query}`), LOCAL)).text())
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => nameOf((JSON.parse(line) as { id: string }).id));
  const csv = async (query: string) => {
    const rows = (await (await handler()(get(`/export.csv${query}`), LOCAL)).text()).trim().split('\r\n').slice(1);
    return [...new Set(rows.map((row) => nameOf(row.split(',')[0])))];
  };

  it.each<[string, Name[]]>([
    ['', ['noStageOld', 'purchaseEn', 'purchaseDe', 'support']],
    ['?stage=purchase', ['purchaseEn', 'purchaseDe']],
    ['?stage=support', ['support']],
    ['?locale=de', ['purchaseDe']],
    ['?touchpoint=help', ['noStageOld', 'support']],
    ['?from=2026-03-11&to=2026-03-11', ['purchaseDe', 'support']],
    ['?stage=purchase&locale=en&from=2026-03-01&to=2026-03-12', ['purchaseEn']],
    ['?stage=nowhere', []],
  ])('raw exports %s', async (query, expected) => {
    expect(await ndjson(query)).toEqual(expected);
    expect(await csv(query)).toEqual(expected);
  });

  it.each([
    ['?stage=purchase', ['checkout']],
    ['?stage=support', ['help']],
    ['?touchpoint=help', ['help']],
    ['?locale=de', ['checkout']],
  ])('the summary CSV and JSON %s', async (query, touchpoints) => {
    const lines = (await (await handler()(get(`/export/summary.csv${query}`), LOCAL)).text()).trim().split('\r\n');
    expect([...new Set(lines.slice(1).map((line) => line.split(',')[3]))]).toEqual(touchpoints);
    const body = (await (await handler()(get(`/api/summary${query}`), LOCAL)).json()) as {
      stages: { touchpoints: { touchpoint: string }[] }[];
    };
    expect(body.stages.flatMap((s) => s.touchpoints.map((t) => t.touchpoint))).toEqual(touchpoints);
  });

  it('links each page to exports of exactly what it shows, period included', async () => {
    const page = await (await handler()(get('/results?stage=purchase&locale=de'), LOCAL)).text();
    const href = /<a href="([^"]+)">All answers \(CSV\)<\/a>/.exec(page)?.[1].replaceAll('&amp;', '&');
    expect(href).toBe('/export.csv?from=2026-02-11&to=2026-03-12&locale=de&stage=purchase');
    expect(await csv(href?.slice('/export.csv'.length) ?? '')).toEqual(['purchaseDe']);
    const detail = await (await handler()(get('/results/touchpoint?touchpoint=help&from='), LOCAL)).text();
    const all = /<a href="([^"]+)">All answers \(CSV\)<\/a>/.exec(detail)?.[1].replaceAll('&amp;', '&');
    expect(await csv(all?.slice('/export.csv'.length) ?? '')).toEqual(['noStageOld', 'support']);
  });
});
