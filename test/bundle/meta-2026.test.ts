/**
 * Meta as it stands in 2026, through the built bundle against the fake Graph server: Latin-American WABA time zones
 * (Mexico City 94, Montevideo 138) put Meta's daily buckets on the WABA's calendar days, and the categories and
 * types Meta added (and unknown future ones) reach META_ANALYTICS as their own rows and META_BILLED / META_COST.
 */
import { createDataset, expectedTotals, type DatasetOptions } from '../../dev/fake-graph/generator';
import type { AppsScriptRuntime } from '../../dev/runtime';
import { connect, metaRuntime, thrown, TOKEN, withOtherGraph } from './meta-helpers';

type Row = [Date, ...(string | number)[]];
const analytics = (rt: AppsScriptRuntime, ...args: unknown[]): Row[] =>
  rt.runCustomFunction('META_ANALYTICS', ...args) as Row[];

describe.each([
  // Mexico City (UTC-6) read from a Los Angeles sheet (UTC-7 in October): Mexico's midnight is 23:00 the day before
  // there, so reading Meta's days in the sheet's zone would shift every bucket onto the previous date.
  ['94', 'America/Mexico_City', 'America/Los_Angeles'],
  // Montevideo (UTC-3) read from a Bogotá sheet (UTC-5): the sheet's days would miss Montevideo's first bucket.
  ['138', 'America/Montevideo', 'America/Bogota'],
])('a WABA with timezone_id %s (%s) in a %s spreadsheet', (timezoneId, wabaZone, sheetZone) => {
  const options: DatasetOptions = { seed: 7, timezoneId };
  const ds = createDataset(options);

  it('connects with the WABA zone, confirmed', () =>
    withOtherGraph({ token: TOKEN, ...options }, (graph) => {
      const { rt } = metaRuntime({ timeZone: sheetZone });
      expect(connect(rt, graph, TOKEN, ds.waba.id)).toMatchObject({
        timeZone: wabaZone,
        zoneSource: 'waba',
        zoneConfidence: 'confirmed',
      });
    }));

  /** Day (ms), volume and cost rows of META_ANALYTICS for 2025-10-01..04. */
  const dailyTable = (rt: AppsScriptRuntime) =>
    analytics(rt, '2025-10-01', '2025-10-04')
      .slice(1)
      .map(([d, v, c]) => [d.getTime(), v, c]);

  it('the same WABA under an id the add-on cannot map is read in the sheet zone: other days (what this test guards)', () =>
    withOtherGraph({ token: TOKEN, seed: 7, timezoneId: '500', timeZone: wabaZone }, (graph) => {
      const { rt } = metaRuntime({ timeZone: sheetZone });
      expect(connect(rt, graph, TOKEN, ds.waba.id)).toMatchObject({ zoneConfidence: 'fallback' });
      const volumes = dailyTable(rt).map(([, v]) => v);
      const wabaDays = [20251001, 20251002, 20251003, 20251004].map(
        (day) => expectedTotals(ds, { fromDay: day, toDay: day }).volume,
      );
      expect(volumes).not.toEqual(wabaDays);
    }));

  it("puts each daily bucket on the WABA's calendar day, dated at that day's midnight in the sheet", () =>
    withOtherGraph({ token: TOKEN, ...options }, (graph) => {
      const { rt } = metaRuntime({ timeZone: sheetZone });
      connect(rt, graph, TOKEN, ds.waba.id);
      const table = analytics(rt, '2025-10-01', '2025-10-04');
      expect(table[0]).toEqual(['Day', 'Volume', 'Cost']);
      const expected = [20251001, 20251002, 20251003, 20251004].map((day) => {
        const t = expectedTotals(ds, { fromDay: day, toDay: day });
        const iso = `${String(day).slice(0, 4)}-${String(day).slice(4, 6)}-${String(day).slice(6)}`;
        return [rt.sheetDate(iso).getTime(), t.volume, t.costMicros / 1e6];
      });
      expect(table.slice(1).map(([d, v, c]) => [d.getTime(), v, Number(c)])).toEqual(
        expected.map(([d, v, c]) => [d, v, expect.closeTo(c, 6)]),
      );
      // Billable units of one WABA day are that day's REGULAR volume, not a neighbour's.
      expect(rt.runCustomFunction('META_BILLED', '2025-10-02', '2025-10-02')).toBe(
        expectedTotals(ds, { fromDay: 20251002, toDay: 20251002 }).billable,
      );
    }));
});

describe('categories and types Meta added', () => {
  const options: DatasetOptions = { seed: 3, newCategories: true };
  const ds = createDataset(options);
  const NEW = [
    'MARKETING_LITE',
    'MARKETING_LITE_DYNAMIC',
    'GROUP_MARKETING',
    'GROUP_MARKETING_LITE',
    'GROUP_UTILITY',
    'AI_BOT',
  ];

  it('META_ANALYTICS shows every category and type Meta returns, known or not, as its own rows', () =>
    withOtherGraph({ token: TOKEN, ...options }, (graph) => {
      const { rt } = metaRuntime();
      connect(rt, graph, TOKEN, ds.waba.id);
      const table = analytics(rt, '2026-10-01', '2026-10-02', 'DAILY', 'category, type');
      expect(table[0]).toEqual(['Day', 'Category', 'Type', 'Volume', 'Cost']);
      const pairs = new Set(table.slice(1).map((r) => `${r[1]} ${r[2]}`));
      for (const category of NEW) expect(pairs).toContain(`${category} REGULAR`);
      expect(pairs).toContain('GROUP_SERVICE FREE_GROUP_CUSTOMER_SERVICE');
      expect(pairs).toContain('FUTURE_CATEGORY FUTURE_TYPE');
      // Nothing dropped: the table adds up to every record the fake sent.
      const all = expectedTotals(ds, { fromDay: 20261001, toDay: 20261002 });
      expect(table.slice(1).reduce((s, r) => s + (r[3] as number), 0)).toBe(all.volume);
      const future = expectedTotals(ds, {
        fromDay: 20261001,
        toDay: 20261002,
        categories: ['FUTURE_CATEGORY'],
      });
      expect(future.volume).toBeGreaterThan(0);
      expect(table.filter((r) => r[1] === 'FUTURE_CATEGORY').reduce((s, r) => s + (r[3] as number), 0)).toBe(
        future.volume,
      );
    }));

  it('META_BILLED counts REGULAR rows of every category; META_BILLED / META_COST filter by any category of the enum', () =>
    withOtherGraph({ token: TOKEN, ...options }, (graph) => {
      const { rt } = metaRuntime();
      connect(rt, graph, TOKEN, ds.waba.id);
      const oct = { fromDay: 20261001, toDay: 20261003 };
      expect(rt.runCustomFunction('META_BILLED', '2026-10-01', '2026-10-03')).toBe(
        expectedTotals(ds, oct).billable,
      );
      for (const [typed, category] of [
        ['marketing lite', 'MARKETING_LITE'],
        ['Marketing_Lite_Dynamic', 'MARKETING_LITE_DYNAMIC'],
        ['group-marketing', 'GROUP_MARKETING'],
        ['GROUP_MARKETING_LITE', 'GROUP_MARKETING_LITE'],
        ['group utility', 'GROUP_UTILITY'],
        ['ai_bot', 'AI_BOT'],
        ['GROUP_SERVICE', 'GROUP_SERVICE'],
      ]) {
        const expected = expectedTotals(ds, { ...oct, categories: [category] });
        expect([typed, rt.runCustomFunction('META_BILLED', '2026-10-01', '2026-10-03', '', typed)]).toEqual([
          typed,
          expected.billable,
        ]);
        expect(rt.runCustomFunction('META_COST', '2026-10-01', '2026-10-03', '', typed)).toBeCloseTo(
          expected.costMicros / 1e6,
          6,
        );
      }
      // Free group service is no billable unit.
      expect(rt.runCustomFunction('META_BILLED', '2026-10-01', '2026-10-03', '', 'GROUP_SERVICE')).toBe(0);
    }));

  it('a category outside Meta’s enum is a clear error naming the accepted values', () =>
    withOtherGraph({ token: TOKEN, ...options }, (graph) => {
      const { rt } = metaRuntime();
      connect(rt, graph, TOKEN, ds.waba.id);
      expect(
        thrown(() => rt.runCustomFunction('META_BILLED', '2026-10-01', '2026-10-03', '', 'FUTURE_CATEGORY'))
          .message,
      ).toBe(
        'META_BILLED: category must be one of AI_BOT, AUTHENTICATION, AUTHENTICATION_INTERNATIONAL, GROUP_MARKETING, ' +
          'GROUP_MARKETING_LITE, GROUP_SERVICE, GROUP_UTILITY, MARKETING, MARKETING_LITE, MARKETING_LITE_DYNAMIC, ' +
          'REFERRAL_CONVERSION, SERVICE, UTILITY ("FUTURE_CATEGORY")',
      );
    }));
});
