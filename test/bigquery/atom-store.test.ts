/**
 * The Atom import's records through BigQuery and back (src/bigquery/atom-store.ts), on the fake BigQuery's engine:
 * a month's upserted records become the two tables' load rows, and the one-partition query reads them back as the
 * same records — a conversation row whole, a message with what atom_messages keeps.
 */
import fc from 'fast-check';
import { checkScript, SqlEngine } from '../../dev/fake-bigquery/engine';
import type { AtomRow } from '../../src/atom/rows';
import { conversationFromRow, type StoredRow } from '../../src/atom/stored-rows';
import {
  ATOM_TABLES,
  atomMonthRecords,
  storedAtomRow,
  storedAtomRowsSql,
  type AtomTableId,
} from '../../src/bigquery/atom-store';
import { convertRows } from '../../src/bigquery/rows';
import { HISTORY_TABLES } from '../../src/bigquery/schema';
import { KIND_NAMES } from '../../src/core/pricing/message-kinds';
import { DATASET } from './billing-helpers';

const ZONE = 'America/Bogota';
let engine: SqlEngine;

beforeAll(async () => {
  engine = await SqlEngine.open();
  await engine.createDataset(DATASET.projectId, DATASET.datasetId);
  for (const table of ATOM_TABLES)
    await engine.createTable(DATASET.projectId, DATASET.datasetId, table, HISTORY_TABLES[table].fields);
});
afterAll(() => engine.close());

async function readBack(table: AtomTableId, month: string): Promise<StoredRow[]> {
  const { query, queryParameters } = storedAtomRowsSql(DATASET, table, month);
  const result = await engine.run(
    checkScript(query),
    queryParameters.map((p) => ({ name: p.name, type: p.parameterType.type, value: p.parameterValue.value })),
  );
  const rest = result.rows.map((cells) => ({ f: cells.map((v) => ({ v })) }));
  return convertRows(result.fields, rest, 0).map((r) => storedAtomRow(table, month, r));
}

const text = fc.constantFrom('', 'Ventas', 'Lucía', 'a;b "c"', '+57 300 123 4567');
const anAtomRow = (message: boolean): fc.Arbitrary<AtomRow> =>
  fc.record({
    id: fc.constantFrom('', 'C-1', 'C-2', '00123'),
    start: fc
      .tuple(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
      )
      .map(([d, h, s]) => `2025-10-${pad(d)} ${pad(h)}:${pad(s)}:${pad(s)}`),
    contact: fc.constantFrom('573001234567', '573109876543'),
    line: fc.constantFrom('', '+57 601 765 4321'),
    group: text,
    agent: text,
    typification: text,
    closingType: fc.constantFrom('' as const, 'manual' as const, 'automatic' as const),
    origin: text,
    campaign: text,
    conversations: message ? fc.constant(1) : fc.integer({ min: 0, max: 9 }),
    messageKind: message ? fc.constantFrom(...KIND_NAMES) : fc.constant('' as const),
  });
const pad = (n: number) => String(n).padStart(2, '0');

const byJson = (rows: StoredRow[]) =>
  rows
    .map((r) => JSON.stringify({ ...r, cells: r.cells.map((c) => (c instanceof Date ? c.getTime() : c)) }))
    .sort();

test('a month’s records loaded and read back are the same records (messages without their Audit fields)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(anAtomRow(false), { maxLength: 12 }),
      fc.array(anAtomRow(true), { maxLength: 12 }),
      async (conversations, messages) => {
        const records = [...conversations, ...messages].map((r, i) =>
          conversationFromRow(r, '2025-10', `file-${i % 2}.csv`, ZONE),
        );
        const rows = atomMonthRecords('2025-10', [
          ...records,
          // Another month's record is not this month's row.
          conversationFromRow(
            { ...fc.sample(anAtomRow(false), { numRuns: 1, seed: 9 })[0], start: '2025-09-30 23:00:00' },
            '2025-09',
            'x.csv',
            ZONE,
          ),
        ]);
        expect(rows.atom_conversations).toHaveLength(conversations.length);
        expect(rows.atom_messages).toHaveLength(messages.length);
        for (const table of ATOM_TABLES)
          await engine.loadNdjson(
            DATASET.projectId,
            DATASET.datasetId,
            table,
            HISTORY_TABLES[table].fields,
            rows[table].map((r) => JSON.stringify(r)).join('\n'),
            { column: 'month', month: '2025-10-01' },
          );
        const blankAudit = (r: StoredRow): StoredRow =>
          r.message ? { ...r, cells: r.cells.map((c, k) => (k >= 5 && k <= 10 ? '' : c)) } : r;
        const back = [
          ...(await readBack('atom_conversations', '2025-10')),
          ...(await readBack('atom_messages', '2025-10')),
        ];
        expect(byJson(back)).toEqual(byJson(records.map(blankAudit)));
      },
    ),
    { numRuns: 20 },
  );
});
