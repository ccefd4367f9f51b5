/**
 * Meta's rows of a month into `meta_rows` and back (src/bigquery/meta-rows.ts), through the fake BigQuery's engine
 * and the client's row conversion: the same rows come back, each in its currency, the cost exact.
 */
import fc from 'fast-check';
import { checkScript, SqlEngine } from '../../dev/fake-bigquery/engine';
import {
  metaRowOf,
  metaRowsNdjson,
  storedMetaCountsSql,
  storedMetaRowsSql,
} from '../../src/bigquery/meta-rows';
import { convertRows } from '../../src/bigquery/rows';
import { HISTORY_TABLES } from '../../src/bigquery/schema';
import type { MetaUsageRow } from '../../src/month-close/figures';
import { countsOf, rowsOfCounts } from '../../src/month-close/stored-counts';
import type { SqlQuery } from '../../src/bigquery/billing-sql';
import { DATASET } from './billing-helpers';

let engine: SqlEngine;
const { fields } = HISTORY_TABLES.meta_rows;

beforeAll(async () => {
  engine = await SqlEngine.open();
  await engine.createDataset(DATASET.projectId, DATASET.datasetId);
  await engine.createTable(DATASET.projectId, DATASET.datasetId, 'meta_rows', fields);
});
afterAll(() => engine.close());

async function run({ query, queryParameters }: SqlQuery) {
  const result = await engine.run(
    checkScript(query),
    queryParameters.map((p) => ({ name: p.name, type: p.parameterType.type, value: p.parameterValue.value })),
  );
  const rest = result.rows.map((cells) => ({ f: cells.map((v) => ({ v })) }));
  return convertRows(result.fields, rest, 0);
}

async function stored(
  month: string,
  currency: string,
  only?: Parameters<typeof storedMetaRowsSql>[2],
): Promise<MetaUsageRow[]> {
  return (await run(storedMetaRowsSql(DATASET, month, only))).map((r) => metaRowOf(r, currency));
}

const aRow = (month: string) =>
  fc.record({
    day: fc.integer({ min: 1, max: 28 }).map((d) => `${month.slice(0, 8)}${String(d).padStart(2, '0')}`),
    line: fc.option(fc.constantFrom('+55 11 4002-8922', '+57 601 765 4321'), { nil: null }),
    country: fc.option(fc.constantFrom('BR', 'CO', 'MX'), { nil: null }),
    pricingModel: fc.constantFrom('conversation' as const, 'message' as const),
    category: fc.option(fc.constantFrom('MARKETING', 'UTILITY', 'SERVICE'), { nil: null }),
    type: fc.option(fc.constantFrom('REGULAR', 'FREE_CUSTOMER_SERVICE'), { nil: null }),
    tier: fc.option(fc.constantFrom('0:750000', '750001:MAX'), { nil: null }),
    volume: fc.integer({ min: 0, max: 1_000_000 }),
    // Meta's costs: up to 6 decimals (micros), as the Graph API gives them.
    cost: fc.option(
      fc.integer({ min: 0, max: 10_000_000_000 }).map((micros) => micros / 1_000_000),
      { nil: null },
    ),
    currency: fc.option(fc.constant('USD'), { nil: undefined }),
  });

/** The rows (each without a currency when it has none) loaded as October 2026's partition. */
async function loaded(rows: MetaUsageRow[]): Promise<MetaUsageRow[]> {
  const clean = rows.map(({ currency, ...r }) => (currency ? { ...r, currency } : r));
  await engine.loadNdjson(
    DATASET.projectId,
    DATASET.datasetId,
    'meta_rows',
    fields,
    metaRowsNdjson('2026-10-01', clean, 'BRL'),
    { column: 'month', month: '2026-10-01' },
  );
  return clean;
}

const order = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test('a month loaded and read back gives the same rows, each in its currency, the cost exact', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(aRow('2026-10-01'), { minLength: 1, maxLength: 30 }), async (rows) => {
      const clean = await loaded(rows);
      expect(order(await stored('2026-10-01', 'BRL'))).toEqual(order(clean));
    }),
    { numRuns: 25 },
  );
});

test('the month counted per day, line and currency; the rows of some of those counts read back alone', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(aRow('2026-10-01'), { minLength: 1, maxLength: 30 }),
      fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
      async (rows, picked) => {
        const clean = await loaded(rows);
        const counts = (await run(storedMetaCountsSql(DATASET, '2026-10-01'))).map((r) => ({
          day: String(r.day),
          line: r.line === null ? null : String(r.line),
          currency: String(r.currency),
          rows: Number(r.n),
        }));
        expect(order(counts)).toEqual(order(countsOf(clean, 'BRL')));
        const some = counts.filter((_, i) => picked[i]);
        if (!some.length) return;
        const read = await stored('2026-10-01', 'BRL', {
          days: [...new Set(some.map((c) => c.day))],
          lines: [...new Set(some.map((c) => c.line ?? ''))],
        });
        expect(order(rowsOfCounts(read, some, 'BRL'))).toEqual(order(rowsOfCounts(clean, some, 'BRL')));
      },
    ),
    { numRuns: 25 },
  );
});

test('a row of another month is refused before anything is sent', () => {
  const row: MetaUsageRow = {
    day: '2026-11-01',
    line: null,
    country: null,
    pricingModel: 'message',
    category: null,
    type: 'REGULAR',
    tier: null,
    volume: 1,
    cost: 0.01,
  };
  expect(() => metaRowsNdjson('2026-10-01', [row], 'BRL')).toThrow(
    'Meta row of 2026-11-01 outside the month 2026-10-01',
  );
});
