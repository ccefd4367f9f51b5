/**
 * The billing rules in GoogleSQL (src/bigquery/billing-sql.ts), run on the fake BigQuery's engine, give exactly
 * the JS engine's breakdown on random message logs across the three eras (24-hour conversations, delivered
 * templates from 2025-07-01, in-window utility and service beyond the per-line allowance from 2026-10-01), free
 * entry points, and allowances small enough to run out.
 */
import fc from 'fast-check';
import { SqlEngine } from '../../dev/fake-bigquery/engine';
import {
  billedBreakdownSql,
  billedByCategorySql,
  billedDailySql,
  carriedStateSql,
  type BillingScope,
  type SqlQuery,
} from '../../src/bigquery/billing-sql';
import { carryChangedSql, replaceCarrySql } from '../../src/bigquery/carry-sql';
import { PRICING_RULES, type PricingRule } from '../../src/core/pricing/rules';
import { daysInMonth } from '../../src/core/time';
import { ZoneCalendar } from '../../src/core/zone-calendar';
import {
  createMessagesTable,
  DATASET,
  carryState,
  jsBreakdown,
  runQuery,
  sqlBreakdown,
  storeLog,
  type BreakdownRow,
  type LoggedMessage,
} from './billing-helpers';

let engine: SqlEngine;

beforeAll(async () => {
  engine = await SqlEngine.open();
  await createMessagesTable(engine);
});

afterAll(() => engine.close());

const HALF_HOUR = 1_800_000;
/** Starts of four-day stretches: an allowance month end, the two switches, a month end under the line allowance. */
const ANCHORS = [Date.UTC(2023, 5, 28), Date.UTC(2025, 5, 28), Date.UTC(2026, 8, 28), Date.UTC(2026, 9, 29)];
const ZONES = ['America/Bogota', 'America/Sao_Paulo', 'America/Santiago', 'UTC'];

/** The engine's rules with allowances of 2 and 3 instead of 1,000 (and none after 2024-11-01's unlimited one). */
const SMALL_ALLOWANCES: readonly PricingRule[] = PRICING_RULES.map((r) =>
  r.freeServicePerMonth === 1000 ? { ...r, freeServicePerMonth: r.freeServiceScope === 'line' ? 2 : 3 } : r,
);

// Half-hour steps put messages exactly 24 h and 72 h apart (the windows' edges) often; ±1 ms just inside/outside.
const message = (anchor: number): fc.Arbitrary<LoggedMessage> =>
  fc.record({
    ms: fc
      .tuple(fc.integer({ min: 0, max: 4 * 48 }), fc.constantFrom(0, 0, 0, 1, -1))
      .map(([steps, jitter]) => anchor + steps * HALF_HOUR + jitter),
    line: fc.constantFrom('5730001', '5730002'),
    contact: fc.constantFrom('573001', '573002'),
    // user and user_ad often enough to open windows and free entry points
    kind: fc.constantFrom(0, 0, 1, 2, 3, 3, 4, 5, 6, 6, 6),
  });

const scenario = fc.record({
  zone: fc.constantFrom(...ZONES),
  rules: fc.constantFrom(PRICING_RULES, SMALL_ALLOWANCES),
  log: fc
    .subarray(ANCHORS, { minLength: 1, maxLength: 2 })
    .chain((anchors) =>
      fc.array(fc.oneof(...anchors.map(message)), { minLength: 1, maxLength: 100, size: 'max' }),
    ),
});

function scopeOf(log: readonly LoggedMessage[], timeZone: string, rules: readonly PricingRule[]) {
  const calendar = new ZoneCalendar(timeZone);
  const days = log.map((m) => calendar.dayKeyAt(m.ms));
  const first = Math.min(...days);
  return { dataset: DATASET, timeZone, readFrom: first, firstDay: first, lastDay: Math.max(...days), rules };
}

test("the SQL breakdown is the JS engine's on random logs across the eras and the allowance", async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ zone, rules, log }) => {
      await storeLog(engine, log, zone);
      const sql = await sqlBreakdown(engine, billedBreakdownSql(scopeOf(log, zone, rules)));
      expect(sql).toEqual(jsBreakdown(log, zone, rules));
    }),
    { numRuns: 100 },
  );
}, 120_000);

test('the daily table and the breakdown by kind sum the breakdown; days outside the reported ones are read, not reported', async () => {
  const zone = 'America/Bogota';
  const at = (d: number, h: number) => Date.UTC(2026, 9, d, h + 5);
  // A customer writes on Oct 1; utility answers inside the window are charged from 2026-10-01; three service
  // messages on one line with an allowance of 2 charge the third.
  const log: LoggedMessage[] = [
    { ms: at(1, 9), line: '5730001', contact: '573001', kind: 0 },
    { ms: at(1, 10), line: '5730001', contact: '573001', kind: 3 },
    { ms: at(1, 11), line: '5730001', contact: '573001', kind: 6 },
    { ms: at(2, 11), line: '5730001', contact: '573002', kind: 6 },
    { ms: at(2, 12), line: '5730001', contact: '573003', kind: 6 },
    { ms: at(2, 13), line: '5730002', contact: '573003', kind: 2 },
  ];
  await storeLog(engine, log, zone);
  const scope = {
    dataset: DATASET,
    timeZone: zone,
    readFrom: 20261001,
    firstDay: 20261002,
    lastDay: 20261002,
  };
  const run = async (query: SqlQuery) => (await runQuery(engine, query)).rows;
  const rules = SMALL_ALLOWANCES;
  expect(await sqlBreakdown(engine, billedBreakdownSql({ ...scope, rules }))).toEqual(
    jsBreakdown(log, zone, rules).filter((r) => r.day === '2026-10-02'),
  );
  expect(await run(billedDailySql({ ...scope, rules }))).toEqual([['2026-10-02', '2', '1']]);
  expect(await run(billedByCategorySql({ ...scope, rules }))).toEqual([
    ['message', 'marketing', '1', '0'],
    ['message', 'service', '1', '1'],
  ]);
});

describe('edges random logs reach rarely', () => {
  const same = async (log: LoggedMessage[], zone: string, rules: readonly PricingRule[] = PRICING_RULES) => {
    await storeLog(engine, log, zone);
    const js = jsBreakdown(log, zone, rules);
    expect(await sqlBreakdown(engine, billedBreakdownSql(scopeOf(log, zone, rules)))).toEqual(js);
    return js;
  };

  test('units of two lines at one instant take an account allowance in line order', async () => {
    const t = Date.UTC(2023, 5, 10, 15);
    const log = ['5730002', '5730001'].flatMap((line) =>
      ['573001', '573002'].map((contact) => ({ ms: t, line, contact, kind: 6 })),
    );
    const rows = await same(log, 'UTC', SMALL_ALLOWANCES);
    expect(rows.map((r) => [r.line, r.charged, r.free])).toEqual([
      ['5730001', 0, 2],
      ['5730002', 1, 1],
    ]);
  });

  test('a utility conversation opened before the switch covers a utility template after it', async () => {
    const log: LoggedMessage[] = [
      { ms: Date.UTC(2025, 5, 30, 20), line: '5730001', contact: '573001', kind: 3 },
      { ms: Date.UTC(2025, 6, 1, 10), line: '5730001', contact: '573001', kind: 3 },
      { ms: Date.UTC(2025, 6, 1, 21), line: '5730001', contact: '573001', kind: 3 },
    ];
    const rows = await same(log, 'UTC');
    expect(rows.map((r) => [r.day, r.model, r.charged, r.free])).toEqual([
      ['2025-06-30', 'conversation', 1, 0],
      ['2025-07-01', 'message', 1, 1],
    ]);
  });

  test('a month of daily marketing templates opens a conversation chain of 31', async () => {
    const log = Array.from({ length: 62 }, (_, i) => ({
      ms: Date.UTC(2024, 2, 1) + i * 12 * 3_600_000,
      line: '5730001',
      contact: '573001',
      kind: 2,
    }));
    const rows = await same(log, 'America/Bogota');
    expect(rows.reduce((n, r) => n + r.charged, 0)).toBe(31);
  });
});

describe('month by month, with the state carried from month to month', () => {
  /** Four-day stretches across month ends: into the message model, into the line allowance, a month later. */
  const MONTH_ENDS = [Date.UTC(2025, 5, 28), Date.UTC(2026, 8, 28), Date.UTC(2026, 9, 29)];
  const carriedScenario = fc.record({
    zone: fc.constantFrom(...ZONES),
    rules: fc.constantFrom(PRICING_RULES, SMALL_ALLOWANCES),
    log: fc
      .constantFrom(...MONTH_ENDS)
      .chain((end) => fc.array(message(end), { minLength: 1, maxLength: 100, size: 'max' })),
  });

  /** Each month of the log's months read alone, with the state carried from the month before (`carry` stores it). */
  async function monthByMonth(
    log: LoggedMessage[],
    zone: string,
    rules: readonly PricingRule[],
    carry = async (scope: BillingScope) => {
      await carryState(engine, carriedStateSql(scope));
    },
  ): Promise<BreakdownRow[]> {
    await storeLog(engine, log, zone);
    const calendar = new ZoneCalendar(zone);
    const days = log.map((m) => calendar.dayKeyAt(m.ms));
    const rows: BreakdownRow[] = [];
    for (let month = Math.floor(Math.min(...days) / 100); month <= Math.floor(Math.max(...days) / 100);) {
      const [year, m] = [Math.floor(month / 100), month % 100];
      const firstDay = month * 100 + 1;
      const scope = {
        dataset: DATASET,
        timeZone: zone,
        readFrom: firstDay,
        firstDay,
        lastDay: month * 100 + daysInMonth(year, m),
        rules,
        carried: true,
      };
      rows.push(...(await sqlBreakdown(engine, billedBreakdownSql(scope))));
      await carry(scope);
      month = m === 12 ? (year + 1) * 100 + 1 : month + 1;
    }
    return rows;
  }

  test('a referral answered inside a free entry point is not carried as pending', async () => {
    const at = (month: number, day: number, hour: number) => Date.UTC(2026, month - 1, day, hour);
    const thread = { line: '5730001', contact: '573001' };
    const log: LoggedMessage[] = [
      { ...thread, ms: at(9, 27, 12), kind: 1 },
      { ...thread, ms: at(9, 27, 13), kind: 2 },
      { ...thread, ms: at(9, 30, 10), kind: 1 },
      { ...thread, ms: at(9, 30, 11), kind: 2 },
      { ...thread, ms: at(10, 1, 1), kind: 2 },
    ];
    const rows = await monthByMonth(log, 'UTC', PRICING_RULES);
    expect(rows).toEqual(jsBreakdown(log, 'UTC', PRICING_RULES));
    expect(rows.at(-1)).toMatchObject({ day: '2026-10-01', category: 'marketing', charged: 1, free: 0 });
  });

  test("each month read alone with its carried state gives the JS engine's answer on the whole log", async () => {
    await fc.assert(
      fc.asyncProperty(carriedScenario, async ({ zone, rules, log }) => {
        expect(await monthByMonth(log, zone, rules)).toEqual(jsBreakdown(log, zone, rules));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  test('the carry kept by its DML transaction (replaceCarrySql) gives the same; carryChangedSql counts the rows that differ', async () => {
    const changed = async (scope: BillingScope) =>
      Number((await runQuery(engine, carryChangedSql(scope))).rows[0][0]);
    const inTransaction = async (scope: BillingScope) => {
      const fresh = (await runQuery(engine, carriedStateSql(scope))).rows.length;
      // storeLog emptied billing_carry: every fresh row differs from the stored (none).
      expect(await changed(scope)).toBe(fresh);
      await runQuery(engine, replaceCarrySql(scope));
      expect(await changed(scope)).toBe(0);
    };
    await fc.assert(
      fc.asyncProperty(carriedScenario, async ({ zone, rules, log }) => {
        expect(await monthByMonth(log, zone, rules, inTransaction)).toEqual(jsBreakdown(log, zone, rules));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
