import { createDataset, dailyRecords, expectedTotals, expectedVolume } from '../../dev/fake-graph/generator';
import {
  createFakeGraphState,
  type FakeGraphOptions,
  type FakeGraphState,
  handleGraphRequest,
} from '../../dev/fake-graph/router';

const T = 'tok';
const WABA = '102290129340398';

/** Parsed Graph JSON; tests walk it freely, so it is loosely typed on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = any;

function get(
  state: FakeGraphState,
  url: string,
  headers: Record<string, string> = { authorization: `Bearer ${T}` },
) {
  const res = handleGraphRequest({ method: 'GET', url, headers: { host: 'h.test', ...headers } }, state);
  const json: LooseJson = res.headers['content-type']?.startsWith('application/json')
    ? JSON.parse(res.body)
    : null;
  return { ...res, json };
}
const fresh = (o: FakeGraphOptions = {}) => createFakeGraphState({ token: T, seed: 42, ...o });
const edge = (api: string, q: Record<string, string>) =>
  `/v25.0/${WABA}/${api}?` +
  Object.entries(q)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
const s = (y: number, m: number, d: number, h: number) => String(Date.UTC(y, m - 1, d, h) / 1000);

describe('fake Graph data', () => {
  test('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(dailyRecords(createDataset({ seed: 1 }), 20250910).map((r) => r.volume));
    expect(JSON.stringify(dailyRecords(createDataset({ seed: 1 }), 20250910).map((r) => r.volume))).toBe(a);
    expect(JSON.stringify(dailyRecords(createDataset({ seed: 2 }), 20250910).map((r) => r.volume))).not.toBe(
      a,
    );
  });

  test('covers every category and type of both pricing models, on several lines and LatAm markets', () => {
    const ds = createDataset({ seed: 42 });
    const pairs = (day: number) => new Set(dailyRecords(ds, day).map((r) => `${r.category}/${r.type}`));
    expect(pairs(20250310)).toEqual(
      new Set([
        'MARKETING/REGULAR',
        'UTILITY/REGULAR',
        'AUTHENTICATION/REGULAR',
        'SERVICE/REGULAR',
        'SERVICE/FREE_TIER',
        'MARKETING/FREE_ENTRY_POINT',
        'SERVICE/FREE_ENTRY_POINT',
      ]),
    );
    expect(pairs(20250910)).toEqual(
      new Set([
        'MARKETING/REGULAR',
        'UTILITY/REGULAR',
        'AUTHENTICATION/REGULAR',
        'AUTHENTICATION_INTERNATIONAL/REGULAR',
        'UTILITY/FREE_CUSTOMER_SERVICE',
        'SERVICE/FREE_CUSTOMER_SERVICE',
        'MARKETING/FREE_ENTRY_POINT',
      ]),
    );
    const records = dailyRecords(ds, 20250910);
    expect(new Set(records.map((r) => r.line.id)).size).toBe(3);
    expect(new Set(records.map((r) => r.country))).toEqual(new Set(['BR', 'MX', 'CO', 'AR', 'CL', 'PE']));
    expect(
      records.filter((r) => r.type !== 'REGULAR').every((r) => r.tier === null && r.costMicros === 0),
    ).toBe(true);
  });

  test('weekdays are busier than weekends', () => {
    const ds = createDataset({ seed: 42 });
    const total = (day: number) => dailyRecords(ds, day).reduce((n, r) => n + r.volume, 0);
    // 2025-09-08..12 is Monday–Friday, 13–14 the weekend.
    const weekday = [20250908, 20250909, 20250910, 20250911, 20250912].map(total);
    const weekend = [20250913, 20250914].map(total);
    expect(Math.min(...weekday)).toBeGreaterThan(Math.max(...weekend));
  });

  test('no data outside the dataset’s days', () => {
    expect(dailyRecords(createDataset({ seed: 1, firstDay: 20250101 }), 20241231)).toEqual([]);
  });
});

describe('fake Graph router', () => {
  test('DAILY and MONTHLY agree per category and type for every month on both sides of the switch', () => {
    const st = fresh();
    for (const [api, month, next] of [
      ['conversation_analytics', [2025, 5], [2025, 6]],
      ['pricing_analytics', [2025, 7], [2025, 8]],
    ] as const) {
      const q = {
        start: s(month[0], month[1], 1, 3),
        end: s(next[0], next[1], 1, 3),
        dimensions:
          api === 'pricing_analytics'
            ? '["PRICING_CATEGORY","PRICING_TYPE"]'
            : '["CONVERSATION_CATEGORY","CONVERSATION_TYPE"]',
      };
      const totals = (granularity: string) => {
        const out = new Map<string, number>();
        for (const p of get(st, edge(api, { ...q, granularity })).json.data[0].data_points) {
          const key = `${p.pricing_category ?? p.conversation_category}/${p.pricing_type ?? p.conversation_type}`;
          out.set(key, (out.get(key) ?? 0) + (p.volume ?? p.conversation));
        }
        return out;
      };
      expect(totals('MONTHLY')).toEqual(totals('DAILY'));
    }
  });

  test('buckets start at midnight in the WABA zone (Los Angeles, timezone_id 1, PDT → PST)', () => {
    const st = fresh({ timezoneId: '1' });
    const res = get(
      st,
      edge('pricing_analytics', { start: s(2025, 11, 1, 7), end: s(2025, 11, 4, 8), granularity: 'DAILY' }),
    );
    const starts = [...new Set(res.json.data[0].data_points.map((p: { start: number }) => p.start))];
    // DST ends on 2025-11-02: midnight is 07:00Z before, 08:00Z after.
    expect(starts).toEqual([
      Date.UTC(2025, 10, 1, 7) / 1000,
      Date.UTC(2025, 10, 2, 7) / 1000,
      Date.UTC(2025, 10, 3, 8) / 1000,
    ]);
  });

  test('totals from the router match expectedVolume for a filtered query', () => {
    const st = fresh();
    const res = get(
      st,
      edge('pricing_analytics', {
        start: s(2025, 8, 1, 3),
        end: s(2025, 8, 11, 3),
        granularity: 'MONTHLY',
        country_codes: '["AR","CL"]',
        pricing_types: 'REGULAR',
      }),
    );
    const sum = res.json.data[0].data_points.reduce((n: number, p: { volume: number }) => n + p.volume, 0);
    expect(sum).toBe(
      expectedVolume(42, { fromDay: 20250801, toDay: 20250810, countries: ['AR', 'CL'], types: ['REGULAR'] }),
    );
    expect(sum).toBeGreaterThan(0);
  });

  test('conversation_analytics has nothing from 2025-07-01; pricing_analytics nothing before', () => {
    const st = fresh();
    const q = { start: s(2025, 6, 29, 3), end: s(2025, 7, 3, 3), granularity: 'DAILY' };
    const days = (api: string) =>
      new Set(get(st, edge(api, q)).json.data[0].data_points.map((p: { start: number }) => p.start));
    expect(days('conversation_analytics')).toEqual(
      new Set([Number(s(2025, 6, 29, 3)), Number(s(2025, 6, 30, 3))]),
    );
    expect(days('pricing_analytics')).toEqual(new Set([Number(s(2025, 7, 1, 3)), Number(s(2025, 7, 2, 3))]));
  });

  test('field expansion answers in field form with the WABA fields alongside', () => {
    const st = fresh();
    const fields = `currency,timezone_id,pricing_analytics.start(${s(2025, 8, 1, 3)}).end(${s(2025, 8, 2, 3)}).granularity(DAILY).dimensions(PRICING_CATEGORY,PRICING_TYPE,TIER,COUNTRY)`;
    const res = get(st, `/v25.0/${WABA}?fields=${encodeURIComponent(fields)}`);
    expect(res.json.currency).toBe('BRL');
    expect(res.json.timezone_id).toBe('25');
    const points = res.json.pricing_analytics.data[0].data_points;
    expect(points.length).toBeGreaterThan(0);
    // Tier only on REGULAR rows, as Meta does.
    expect(
      points.every(
        (p: { pricing_type: string; tier?: string }) =>
          (p.pricing_type === 'REGULAR') === (p.tier !== undefined),
      ),
    ).toBe(true);
    expect(points.reduce((n: number, p: { volume: number }) => n + p.volume, 0)).toBe(
      expectedTotals(st.dataset, { fromDay: 20250801, toDay: 20250801 }).volume,
    );
  });

  test('token: bearer header or access_token query accepted; anything else is 190', () => {
    const st = fresh();
    expect(get(st, `/v25.0/${WABA}?fields=id`).status).toBe(200);
    expect(get(st, `/v25.0/${WABA}?fields=id&access_token=${T}`, {}).status).toBe(200);
    for (const headers of [{}, { authorization: 'Bearer nope' }] as Record<string, string>[]) {
      const res = get(st, `/v25.0/${WABA}?fields=id`, headers);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe(190);
    }
    expect(st.requests.map((r) => r.tokenInUrl)).toEqual([false, true, false, false]);
  });

  test.each([
    ['unknown dimension', { dimensions: '["FOO"]', granularity: 'DAILY' }, 'dimensions[0]'],
    ['TIER without COUNTRY', { dimensions: '["TIER","PRICING_CATEGORY"]', granularity: 'DAILY' }, 'TIER'],
    ['HALF_HOUR', { granularity: 'HALF_HOUR' }, 'granularity'],
  ])('%s → error 100', (_label, extra, mentions) => {
    const res = get(
      st0(),
      edge('pricing_analytics', { start: s(2025, 8, 1, 3), end: s(2025, 8, 2, 3), ...extra }),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(100);
    expect(res.json.error.message).toContain(mentions);
  });

  test('a missing start → error 100 naming it; an unknown field → error 100', () => {
    const res = get(st0(), edge('pricing_analytics', { end: '1', granularity: 'DAILY' }));
    expect(res.json.error).toMatchObject({ code: 100, message: '(#100) The parameter start is required' });
    expect(get(st0(), `/v25.0/${WABA}?fields=nope`).json.error.code).toBe(100);
  });

  test('faults are one-shot by default, "next N", or always; control endpoints manage them', () => {
    const st = fresh();
    const control = (method: string, url: string, body?: unknown) =>
      handleGraphRequest(
        { method, url, headers: {}, body: body === undefined ? undefined : JSON.stringify(body) },
        st,
      );
    control('POST', '/__fake/faults', [
      { kind: 'http500' },
      { kind: 'throttle17', times: 2, regainMinutes: 4 },
    ]);
    const statuses = [1, 2, 3, 4].map(() => get(st, `/v25.0/${WABA}?fields=id`));
    expect(statuses.map((r) => r.status)).toEqual([500, 400, 400, 200]);
    expect(statuses[1].json.error.code).toBe(17);
    expect(
      JSON.parse(statuses[1].headers['x-business-use-case-usage'])[WABA][0].estimated_time_to_regain_access,
    ).toBe(4);
    control('POST', '/__fake/faults', { kind: 'http503', times: 'always' });
    expect(get(st, `/v25.0/${WABA}?fields=id`).status).toBe(503);
    expect(get(st, `/v25.0/${WABA}?fields=id`).status).toBe(503);
    control('DELETE', '/__fake/faults');
    expect(get(st, `/v25.0/${WABA}?fields=id`).status).toBe(200);
    expect(JSON.parse(control('GET', '/__fake/requests').body)).toHaveLength(7);
  });
});

function st0(): FakeGraphState {
  return fresh();
}

describe('fake Graph v27.0 (meta-2026.md §6: what v27 removes for new apps)', () => {
  test.each([
    ['multi-ID requests', `/v27.0/${WABA}?ids=${WABA},1&fields=id`, /Multi-ID/],
    ['date_format', `/v27.0/${WABA}?fields=id&date_format=U`, /date_format/],
    ['method override', `/v27.0/${WABA}?fields=id&method=post`, /Method override/],
    ['JSONP', `/v27.0/${WABA}?fields=id&callback=cb`, /JSONP/],
    ['field aliases', `/v27.0/${WABA}?fields=${encodeURIComponent('id,name.as(label)')}`, /Field aliases/],
  ])('refuses %s with a Graph error body (code 100)', (_what, url, message) => {
    const res = get(fresh(), url);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      type: 'OAuthException',
      code: 100,
      message: expect.stringMatching(message),
    });
    expect(typeof res.json.error.fbtrace_id).toBe('string');
  });

  test('v27.0 answers the plain requests the client sends; v26.0 still takes date_format', () => {
    expect(get(fresh(), `/v27.0/${WABA}?fields=id,currency`).json).toMatchObject({ id: WABA });
    expect(get(fresh(), `/v26.0/${WABA}?fields=id&date_format=U`).status).toBe(200);
  });
});
