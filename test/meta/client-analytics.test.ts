import { expectedTotals } from '../../dev/fake-graph/generator';
import { approximateCost, billableUnits, type AnalyticsRow } from '../../src/meta/analytics';
import { resolveWabaTimeZone } from '../../src/meta/timezones';
import { harness } from './helpers';

const SAO_PAULO = { timeZone: 'America/Sao_Paulo', zoneSource: 'waba' as const };
const opts = (h: { clock: { now(): number } }) => ({ deadlineAt: h.clock.now() + 20_000 });

function sum(rows: AnalyticsRow[], pick: (r: AnalyticsRow) => number): number {
  return rows.reduce((s, r) => s + pick(r), 0);
}

describe('fetchAnalytics against the fake Graph router', () => {
  test('a range across 2025-07-01 uses conversation_analytics before and pricing_analytics from the switch', () => {
    const h = harness({ seed: 7 });
    const result = h.client.fetchAnalytics({ fromDay: 20250629, toDay: 20250702, zone: SAO_PAULO }, opts(h));
    const modelByDay = new Map(result.rows.map((r) => [r.day, r.pricingModel]));
    expect([...modelByDay]).toEqual([
      ['2025-06-29', 'conversation'],
      ['2025-06-30', 'conversation'],
      ['2025-07-01', 'message'],
      ['2025-07-02', 'message'],
    ]);
    // Both chunks went out together, in one fetchAll.
    expect(h.batches).toHaveLength(1);
    expect(h.batches[0].map((r) => decodeURIComponent(r.url).match(/fields=(\w+)/)?.[1])).toEqual([
      'conversation_analytics',
      'pricing_analytics',
    ]);
    // Buckets start at midnight São Paulo (03:00Z).
    expect(result.rows.every((r) => (r.start - 3 * 3600) % 86400 === 0 && r.end - r.start === 86400)).toBe(
      true,
    );
  });

  test('volumes, billable units and cost equal the seeded generator, day by day', () => {
    const h = harness({ seed: 42 });
    const result = h.client.fetchAnalytics({ fromDay: 20250601, toDay: 20250731, zone: SAO_PAULO }, opts(h));
    const ds = h.state.dataset;
    for (const [fromDay, toDay] of [
      [20250601, 20250630],
      [20250701, 20250731],
      [20250704, 20250704],
    ]) {
      const expected = expectedTotals(ds, { fromDay, toDay });
      const iso = (k: number) => `${String(k).slice(0, 4)}-${String(k).slice(4, 6)}-${String(k).slice(6)}`;
      const rows = result.rows.filter((r) => r.day >= iso(fromDay) && r.day <= iso(toDay));
      expect(sum(rows, (r) => r.volume)).toBe(expected.volume);
      expect(billableUnits(rows)).toBe(expected.billable);
      expect(approximateCost(rows)).toBeCloseTo(expected.costMicros / 1e6, 6);
      // Every dimension was asked for, so each row is one generator record.
      expect(rows).toHaveLength(expected.records);
    }
  });

  test('filters by line, country and category are sent to Meta and honoured', () => {
    const h = harness({ seed: 42 });
    const line = h.state.dataset.lines[1]; // MX line
    const result = h.client.fetchAnalytics(
      {
        fromDay: 20250901,
        toDay: 20250915,
        zone: SAO_PAULO,
        lines: [line.displayPhoneNumber],
        countries: ['MX', 'CO'],
        categories: ['MARKETING', 'UTILITY'],
      },
      opts(h),
    );
    const expected = expectedTotals(h.state.dataset, {
      fromDay: 20250901,
      toDay: 20250915,
      lines: [line.digits],
      countries: ['MX', 'CO'],
      categories: ['MARKETING', 'UTILITY'],
    });
    expect(expected.volume).toBeGreaterThan(0);
    expect(sum(result.rows, (r) => r.volume)).toBe(expected.volume);
    expect(new Set(result.rows.map((r) => r.line))).toEqual(new Set([line.digits]));
    expect(new Set(result.rows.map((r) => r.category))).toEqual(new Set(['MARKETING', 'UTILITY']));
  });

  test('DAILY and MONTHLY totals agree; MONTHLY rows are dated the first of the month', () => {
    const h = harness({ seed: 3 });
    const query = { fromDay: 20250501, toDay: 20250831, zone: SAO_PAULO, dimensions: ['category' as const] };
    const daily = h.client.fetchAnalytics({ ...query, granularity: 'DAILY' }, opts(h));
    const monthly = h.client.fetchAnalytics({ ...query, granularity: 'MONTHLY' }, opts(h));
    expect(sum(monthly.rows, (r) => r.volume)).toBe(sum(daily.rows, (r) => r.volume));
    expect(billableUnits(monthly.rows)).toBe(billableUnits(daily.rows));
    expect(new Set(monthly.rows.map((r) => r.day))).toEqual(
      new Set(['2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01']),
    );
  });

  test('a year goes out as 12 month requests in a single fetchAll', () => {
    const h = harness({ seed: 42 });
    const result = h.client.fetchAnalytics(
      { fromDay: 20250101, toDay: 20251231, zone: SAO_PAULO, dimensions: ['type'] },
      opts(h),
    );
    expect(h.batches).toHaveLength(1);
    expect(h.batches[0]).toHaveLength(12);
    expect(result.requestCount).toBe(12);
    expect(sum(result.rows, (r) => r.volume)).toBe(
      expectedTotals(h.state.dataset, { fromDay: 20250101, toDay: 20251231 }).volume,
    );
  });

  test('paging.next is followed (edge form pages), giving the same rows as one page', () => {
    const query = { fromDay: 20250620, toDay: 20250710, zone: SAO_PAULO };
    const single = harness({ seed: 11 });
    const paged = harness({ seed: 11, pageSize: 40 });
    const one = single.client.fetchAnalytics(query, opts(single));
    const many = paged.client.fetchAnalytics(query, opts(paged));
    expect(many.rows).toEqual(one.rows);
    // Field-form first pages, then edge-form follow-ups for both APIs.
    const followUps = paged.state.requests.filter((r) => r.url.includes('after='));
    expect(followUps.some((r) => r.path.endsWith('/pricing_analytics'))).toBe(true);
    expect(followUps.some((r) => r.path.endsWith('/conversation_analytics'))).toBe(true);
    expect(many.requestCount).toBe(2 + followUps.length);
    expect(many.rows.length).toBeGreaterThan(40 * followUps.length);
    // Meta's next links carry access_token; the client strips it and keeps using the header.
    expect(paged.state.requests.every((r) => !r.tokenInUrl && r.authorized)).toBe(true);
  });

  test('each row is dated by its bucket start in the WABA zone, across a DST change (Santiago, timezone_id 41)', () => {
    const h = harness({ seed: 5, timezoneId: '41' });
    const zone = resolveWabaTimeZone('41', 'Europe/London');
    expect(zone).toEqual({ timeZone: 'America/Santiago', zoneSource: 'waba', zoneConfidence: 'confirmed' });
    const result = h.client.fetchAnalytics(
      { fromDay: 20250906, toDay: 20250908, zone, dimensions: [] },
      opts(h),
    );
    const buckets = [...new Map(result.rows.map((r) => [r.day, [r.start, r.end]])).entries()];
    expect(buckets).toEqual([
      ['2025-09-06', [Date.UTC(2025, 8, 6, 4) / 1000, Date.UTC(2025, 8, 7, 4) / 1000]],
      // Clocks jump from 00:00 to 01:00: the day starts at 01:00 -03 and lasts 23 hours.
      ['2025-09-07', [Date.UTC(2025, 8, 7, 4) / 1000, Date.UTC(2025, 8, 8, 3) / 1000]],
      ['2025-09-08', [Date.UTC(2025, 8, 8, 3) / 1000, Date.UTC(2025, 8, 9, 3) / 1000]],
    ]);
    expect(result.zoneSource).toBe('waba');
  });

  test('a timezone_id with no known name falls back to the spreadsheet zone and says so', () => {
    // The fake's WABA is in Mexico City (UTC-6) under id 500 (no name source); the sheet is in Bogotá (UTC-5).
    const h = harness({ seed: 8, timezoneId: '500', timeZone: 'America/Mexico_City' });
    const account = h.client.readAccount(opts(h));
    const zone = resolveWabaTimeZone(account.waba.timezoneId, 'America/Bogota');
    expect(zone.zoneSource).toBe('spreadsheet');
    const result = h.client.fetchAnalytics(
      { fromDay: 20251001, toDay: 20251003, zone, dimensions: [] },
      opts(h),
    );
    expect(result.zoneSource).toBe('spreadsheet');
    expect(result.timeZone).toBe('America/Bogota');
    // The request spans Bogotá midnights 2025-10-01T05:00Z .. 2025-10-04T05:00Z. Meta's buckets start at Mexico
    // City midnight (06:00Z), i.e. 01:00 in Bogotá: three buckets fall inside, each dated its own day.
    expect([...new Set(result.rows.map((r) => r.day))]).toEqual(['2025-10-01', '2025-10-02', '2025-10-03']);
    expect(result.rows[0].start).toBe(Date.UTC(2025, 9, 1, 6) / 1000);
  });

  test('missing cost (partner credit line) gives null cost; billable units still work', () => {
    const h = harness({ seed: 42, costAvailable: false });
    const result = h.client.fetchAnalytics({ fromDay: 20250801, toDay: 20250805, zone: SAO_PAULO }, opts(h));
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((r) => r.cost === null)).toBe(true);
    expect(billableUnits(result.rows)).toBe(
      expectedTotals(h.state.dataset, { fromDay: 20250801, toDay: 20250805 }).billable,
    );
    expect(() => approximateCost(result.rows)).toThrow(/partner's credit line/);
  });

  test('the missingCost fault drops cost from one answer only', () => {
    const h = harness({ seed: 42 });
    h.state.faults.push({ spec: { kind: 'missingCost' }, remaining: 1 });
    const first = h.client.fetchAnalytics({ fromDay: 20250801, toDay: 20250801, zone: SAO_PAULO }, opts(h));
    const second = h.client.fetchAnalytics({ fromDay: 20250801, toDay: 20250801, zone: SAO_PAULO }, opts(h));
    expect(first.rows.every((r) => r.cost === null)).toBe(true);
    expect(second.rows.every((r) => typeof r.cost === 'number')).toBe(true);
  });

  test('empty data gives no rows, not an error', () => {
    const h = harness({ seed: 42 });
    h.state.faults.push({ spec: { kind: 'emptyData' }, remaining: 1 });
    const result = h.client.fetchAnalytics({ fromDay: 20250801, toDay: 20250802, zone: SAO_PAULO }, opts(h));
    expect(result.rows).toEqual([]);
  });

  test('a per-message-only category skips the conversation-era months instead of sending a bad filter', () => {
    const h = harness({ seed: 42 });
    const result = h.client.fetchAnalytics(
      { fromDay: 20250501, toDay: 20250731, zone: SAO_PAULO, categories: ['AUTHENTICATION_INTERNATIONAL'] },
      opts(h),
    );
    expect(h.batches[0]).toHaveLength(1);
    expect(decodeURIComponent(h.batches[0][0].url)).toContain('pricing_analytics');
    expect(result.rows.every((r) => r.category === 'AUTHENTICATION_INTERNATIONAL')).toBe(true);
    expect(sum(result.rows, (r) => r.volume)).toBe(
      expectedTotals(h.state.dataset, {
        fromDay: 20250701,
        toDay: 20250731,
        categories: ['AUTHENTICATION_INTERNATIONAL'],
      }).volume,
    );
  });

  test('requested dimensions decide the breakdown; type is always kept for billable units', () => {
    const h = harness({ seed: 42 });
    const result = h.client.fetchAnalytics(
      { fromDay: 20250801, toDay: 20250801, zone: SAO_PAULO, dimensions: ['country'] },
      opts(h),
    );
    expect(result.rows.every((r) => r.line === null && r.category === null && r.tier === null)).toBe(true);
    expect(result.rows.every((r) => r.country !== null && r.type !== null)).toBe(true);
  });
});
