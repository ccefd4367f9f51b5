/**
 * META_BILLED, META_COST and META_ANALYTICS through the built bundle against the fake Graph server: values checked
 * against the fake's own generator (expectedTotals), argument handling, and the result cache (fetch counters).
 */
import type { FakeGraphServer } from '../../dev/fake-graph';
import { createDataset } from '../../dev/fake-graph/generator';
import type { AppsScriptRuntime } from '../../dev/runtime';
import { expectedTotals, type RecordFilter } from '../../dev/fake-graph/generator';
import {
  connect,
  connectedRuntime,
  DATASET,
  fetches,
  useGraph,
  thrown,
  TOKEN,
  withOtherGraph,
} from './meta-helpers';

const server = useGraph();
let graph: FakeGraphServer;

beforeEach(() => {
  graph = server();
});

const totals = (f: RecordFilter) => expectedTotals(DATASET, f);
const BR = '+55 11 4002-8922';
const MX = '+52 55 1234 5678';
const CO = '+57 601 765 4321';
const digits = (n: string) => n.replace(/\D/g, '');
type Row = [Date, ...(string | number)[]];
const analytics = (rt: AppsScriptRuntime, ...args: unknown[]): Row[] =>
  rt.runCustomFunction('META_ANALYTICS', ...args) as Row[];

describe('META_BILLED and META_COST', () => {
  it('October 2025 (per-message pricing): billable units and cost as the fake was seeded', () => {
    const { rt } = connectedRuntime(graph);
    const expected = totals({ fromDay: 20251001, toDay: 20251031 });
    expect(rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31')).toBe(expected.billable);
    expect(rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31')).toBeCloseTo(
      expected.costMicros / 1e6,
      6,
    );
  });

  it('date cells (local midnight in the spreadsheet zone) mean the same calendar days as ISO text', () => {
    const { rt } = connectedRuntime(graph);
    expect(rt.runCustomFunction('META_BILLED', rt.sheetDate('2025-06-20'), rt.sheetDate('2025-07-10'))).toBe(
      totals({ fromDay: 20250620, toDay: 20250710 }).billable,
    );
  });

  it('a range across the 2025-07-01 pricing switch adds conversation-based and per-message units', () => {
    const { rt } = connectedRuntime(graph);
    const before = totals({ fromDay: 20250625, toDay: 20250630 }).billable;
    const after = totals({ fromDay: 20250701, toDay: 20250705 }).billable;
    expect(before).toBeGreaterThan(0);
    expect(rt.runCustomFunction('META_BILLED', '2025-06-25', '2025-07-05')).toBe(before + after);
  });

  it('lines as one cell or a range of phone numbers, in any formatting', () => {
    const { rt } = connectedRuntime(graph);
    rt.spreadsheet.setValues('Sheet1!A1:A2', [[BR], ['0052-55-1234-5678']]);
    const oct = { fromDay: 20251001, toDay: 20251031 };
    expect(rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31', CO)).toBe(
      totals({ ...oct, lines: [digits(CO)] }).billable,
    );
    expect(rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31', rt.range('Sheet1!A1:A2'))).toBe(
      totals({ ...oct, lines: [digits(BR), digits(MX)] }).billable,
    );
  });

  it('category, in any case', () => {
    const { rt } = connectedRuntime(graph);
    const expected = totals({ fromDay: 20251001, toDay: 20251031, categories: ['MARKETING'] });
    expect(rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31', '', 'marketing')).toBe(
      expected.billable,
    );
    expect(rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31', '', 'Marketing')).toBeCloseTo(
      expected.costMicros / 1e6,
      6,
    );
  });

  it.each([
    [['yesterday', '2025-10-31'], 'META_BILLED: start is not a date ("yesterday")'],
    [['2025-10-31', '2025-10-01'], 'META_BILLED: start (2025-10-31) is after end (2025-10-01)'],
    [['2025-10-01', ''], 'META_BILLED: end is required'],
    [
      ['2025-10-01', '2025-10-31', '+57 300 123 4567'],
      /^META_BILLED: lines \+573001234567 is not a line of the connected WhatsApp Business Account \(its lines: \+55 11 4002-8922, \+52 55 1234 5678, \+57 601 765 4321;/,
    ],
    [['2025-10-01', '2025-10-31', 'sales'], 'META_BILLED: lines row 1 is not a phone number ("sales")'],
    [
      ['2025-10-01', '2025-10-31', '', 'PROMO'],
      /^META_BILLED: category must be one of AI_BOT, AUTHENTICATION, .*UTILITY \("PROMO"\)$/,
    ],
  ])('bad arguments %j → %s, without fetching', (args, message) => {
    const { rt } = connectedRuntime(graph);
    expect(() => rt.runCustomFunction('META_BILLED', ...args)).toThrow(message);
    expect(fetches(rt)).toBe(0);
  });
});

describe('META_ANALYTICS', () => {
  it('DAILY by line and country: English headers, one row per day × line × country, values from the seed', () => {
    const { rt } = connectedRuntime(graph);
    const table = analytics(rt, '2025-10-01', '2025-10-03', 'DAILY', 'country, line');
    expect(table[0]).toEqual(['Day', 'Line', 'Country', 'Volume', 'Cost']);
    const body = table.slice(1);
    // Every record of a day is one line × country × category × type; grouping by line × country keeps each pair once.
    const pairs = new Set<string>();
    for (let day = 20251001; day <= 20251003; day++) {
      for (const l of DATASET.lines) {
        for (const c of DATASET.countries) {
          if (totals({ fromDay: day, toDay: day, lines: [l.digits], countries: [c] }).records)
            pairs.add(`${day}|${l.digits}|${c}`);
        }
      }
    }
    expect(body).toHaveLength(pairs.size);
    const row = body.find(
      (r) => r[1] === CO && r[2] === 'PE' && r[0].toISOString() === '2025-10-02T05:00:00.000Z',
    );
    const pe = totals({ fromDay: 20251002, toDay: 20251002, lines: [digits(CO)], countries: ['PE'] });
    expect(row).toEqual([new Date('2025-10-02T05:00:00.000Z'), CO, 'PE', pe.volume, pe.costMicros / 1e6]);
    const all = totals({ fromDay: 20251001, toDay: 20251003 });
    expect(body.reduce((s, r) => s + (r[3] as number), 0)).toBe(all.volume);
  });

  it('MONTHLY buckets start on the first day asked for, and agree with the daily totals', () => {
    const { rt } = connectedRuntime(graph);
    const table = analytics(rt, '2025-09-15', '2025-10-20', 'monthly', 'category');
    const byMonth = new Map<string, number>();
    for (const r of table.slice(1)) {
      const key = r[0].toISOString();
      byMonth.set(key, (byMonth.get(key) ?? 0) + (r[2] as number));
    }
    expect([...byMonth]).toEqual([
      ['2025-09-15T05:00:00.000Z', totals({ fromDay: 20250915, toDay: 20250930 }).volume],
      ['2025-10-01T05:00:00.000Z', totals({ fromDay: 20251001, toDay: 20251020 }).volume],
    ]);
    const marketing = table
      .slice(1)
      .find((r) => r[0].toISOString().startsWith('2025-10-01') && r[1] === 'MARKETING');
    const expected = totals({ fromDay: 20251001, toDay: 20251020, categories: ['MARKETING'] });
    expect(marketing?.slice(2)).toEqual([expected.volume, expected.costMicros / 1e6]);
  });

  it('Spanish headers in a Spanish-locale spreadsheet; pricing model and type across the switch; dimensions as a range', () => {
    const { rt } = connectedRuntime(graph, { locale: 'es_CO' });
    rt.spreadsheet.setValues('Sheet1!B1:B2', [['pricing model'], ['type']]);
    const table = analytics(rt, '2025-06-30', '2025-07-01', 'DAILY', rt.range('Sheet1!B1:B2'));
    expect(table[0]).toEqual(['Día', 'Modelo de precio', 'Tipo', 'Volumen', 'Costo']);
    const cell = (iso: string, model: string, type: string) =>
      table.slice(1).find((r) => r[0].toISOString().startsWith(iso) && r[1] === model && r[2] === type)?.[3];
    expect(cell('2025-06-30', 'conversation', 'REGULAR')).toBe(
      totals({ fromDay: 20250630, toDay: 20250630, types: ['REGULAR'] }).volume,
    );
    expect(cell('2025-07-01', 'message', 'FREE_CUSTOMER_SERVICE')).toBe(
      totals({ fromDay: 20250701, toDay: 20250701, types: ['FREE_CUSTOMER_SERVICE'] }).volume,
    );
  });

  it('no dimensions: one row per day with the totals', () => {
    const { rt } = connectedRuntime(graph);
    const table = analytics(rt, '2025-10-01', '2025-10-02');
    const day = (d: number) => totals({ fromDay: d, toDay: d });
    expect(table).toEqual([
      ['Day', 'Volume', 'Cost'],
      [new Date('2025-10-01T05:00:00.000Z'), day(20251001).volume, day(20251001).costMicros / 1e6],
      [new Date('2025-10-02T05:00:00.000Z'), day(20251002).volume, day(20251002).costMicros / 1e6],
    ]);
  });

  it.each([
    [
      ['2025-10-01', '2025-10-02', 'WEEKLY'],
      'META_ANALYTICS: granularity must be DAILY or MONTHLY ("WEEKLY")',
    ],
    [
      ['2025-10-01', '2025-10-02', 'DAILY', 'line,campaign'],
      'META_ANALYTICS: dimensions must name line, country, pricing model, category, type or tier ("campaign")',
    ],
  ])('bad arguments %j → %s', (args, message) => {
    const { rt } = connectedRuntime(graph);
    expect(() => rt.runCustomFunction('META_ANALYTICS', ...args)).toThrow(message);
  });
});

describe('an account billed through a partner credit line (no cost from Meta)', () => {
  it('META_COST says so, META_BILLED still works, META_ANALYTICS leaves cost blank', async () => {
    await graph.configure({ costAvailable: false });
    const { rt } = connectedRuntime(graph);
    expect(() => rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31')).toThrow(
      "META_COST: Meta returns no cost for this WhatsApp Business Account (it is billed through a partner's credit line) — use META_BILLED for units",
    );
    expect(rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31')).toBe(
      totals({ fromDay: 20251001, toDay: 20251031 }).billable,
    );
    const table = analytics(rt, '2025-10-01', '2025-10-01');
    expect(table[1][2]).toBe('');
  });
});

describe('result cache (document cache; counted with the runtime fetch counter)', () => {
  it('an identical formula makes no fetch; META_COST reuses what META_BILLED fetched', () => {
    const { rt } = connectedRuntime(graph);
    rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31', CO);
    const first = fetches(rt);
    expect(first).toBe(1);
    rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31', CO);
    rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31', CO);
    expect(fetches(rt)).toBe(first);
    rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31', BR);
    expect(fetches(rt)).toBe(first + 1);
  });

  it('a closed month is kept 6 hours', () => {
    const { rt, clock } = connectedRuntime(graph);
    const billed = () => rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31');
    billed();
    clock.advance(6 * 3600_000 - 1000);
    billed();
    expect(fetches(rt)).toBe(1);
    clock.advance(2000);
    expect(billed()).toBe(totals({ fromDay: 20251001, toDay: 20251031 }).billable);
    expect(fetches(rt)).toBe(2);
  });

  it('a range touching the open month (November 2025 in the WABA zone) is kept 10 minutes', () => {
    const { rt, clock } = connectedRuntime(graph);
    const billed = () => rt.runCustomFunction('META_BILLED', '2025-10-25', '2025-11-14');
    billed();
    const first = fetches(rt);
    clock.advance(10 * 60_000 - 1000);
    billed();
    expect(fetches(rt)).toBe(first);
    clock.advance(2000);
    billed();
    expect(fetches(rt)).toBe(2 * first);
  });

  it('a result over 100 KB is cached in chunks; one too large for the cache is just fetched again', () => {
    const { rt } = connectedRuntime(graph);
    const allDims = 'line,country,pricing model,category,type,tier';
    const august = () => analytics(rt, '2025-08-01', '2025-08-31', 'DAILY', allDims);
    const table = august();
    expect(table.length).toBeGreaterThan(1000);
    const keys = rt.cache.document.keys();
    expect(keys.some((k) => /\.1$/.test(k))).toBe(true);
    expect(keys.every((k) => k.length <= 250)).toBe(true);
    const afterFirst = fetches(rt);
    expect(august()).toEqual(table);
    expect(fetches(rt)).toBe(afterFirst);

    const year = () => rt.runCustomFunction('META_ANALYTICS', '2024-11-01', '2025-10-31', 'DAILY', allDims);
    const before = fetches(rt);
    year();
    const perCall = fetches(rt) - before;
    year();
    expect(fetches(rt) - before).toBe(2 * perCall);
  });

  it('after reconnecting to another WABA, the same formula fetches that WABA’s figures, not the cached ones', () => {
    const otherWaba = { seed: 7, wabaId: '200000000000077' };
    const october = { fromDay: 20251001, toDay: 20251031 };
    return withOtherGraph({ token: TOKEN, ...otherWaba }, (other) => {
      const { rt } = connectedRuntime(graph);
      const billed = () => rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31');
      expect(billed()).toBe(totals(october).billable);
      connect(rt, other, TOKEN, otherWaba.wabaId);
      rt.resetCounters();
      const expected = expectedTotals(createDataset(otherWaba), october).billable;
      expect(expected).not.toBe(totals(october).billable);
      expect(billed()).toBe(expected);
      expect(fetches(rt)).toBe(1);
    });
  });

  it('cache keys do not depend on who asks, and contain no token', () => {
    const { rt } = connectedRuntime(graph);
    rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31');
    const keys = rt.cache.document.keys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^atomBilling\.meta\.rows\.[A-Za-z0-9_-]{43}=$/);
    expect(thrown(() => rt.runCustomFunction('META_BILLED', '2025-10-31', '2025-10-01')).message).toMatch(
      /^META_BILLED: /,
    );
  });
});
