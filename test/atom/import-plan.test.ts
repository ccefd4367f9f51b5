/** The Atom import's plan, pure: what it writes, the cells it adds, the cells it refuses, and the kinds that coexist. */
import type { AtomRow } from '../../src/atom';
import {
  checkRowCells,
  importMonths,
  planAtomImport,
  planCellsAdded,
  planGridChanges,
  type AtomImportRead,
} from '../../src/atom/import-plan';
import { upsertRecords, type StoredRecord } from '../../src/atom/import-store';
import { atomSheetLabels } from '../../src/atom/sheet-labels';
import { conversationFromRow } from '../../src/atom/stored-rows';
import { cellsAdded, PlanLimitError } from '../../src/core/write-plan/limits';
import { atomRow } from '../support/atom-rows';

const TZ = 'America/Bogota';
const row = (over: Partial<AtomRow>): AtomRow =>
  atomRow({
    start: '2025-10-04 09:00:00',
    contact: '573001234567',
    group: 'Ventas',
    closingType: 'manual',
    ...over,
  });

function read(rows: AtomRow[], over: Partial<AtomImportRead> = {}): AtomImportRead {
  const { months, touched } = importMonths('f.csv', rows, null);
  return {
    fileName: 'f.csv',
    kind: 'conversations',
    rows,
    months,
    touched,
    timeZone: TZ,
    labels: atomSheetLabels('en_US'),
    closedCount: 'all',
    stores: { conversations: [], groups: [], campaigns: [] },
    capacities: touched.map(() => null),
    ...over,
  };
}

describe('upsertRecords: conversation rows and messages are two kinds', () => {
  const r = (id: string, message: boolean, tag: string): StoredRecord & { tag: string } => ({
    month: '2025-10',
    id,
    startMs: 1,
    message,
    tag,
  });
  const stored = [r('M-1', false, 'audit'), r('M-1', true, 'message'), r('M-2', true, 'message')];

  it('an Audit export replaces only conversation rows of its ids', () => {
    const out = upsertRecords(stored, [r('M-1', false, 'new audit')]);
    expect(out.rows.map((x) => x.tag)).toEqual(['new audit', 'message', 'message']);
    expect(out.replaced).toBe(1);
  });

  it('a message log replaces only the messages of its months', () => {
    const out = upsertRecords(stored, [r('M-3', true, 'new message')]);
    expect(out.rows.map((x) => x.tag)).toEqual(['audit', 'new message']);
    expect(out.replaced).toBe(2);
  });
});

describe('planAtomImport', () => {
  it('plans the data sheet, the breakdown and each month’s block from the stored and incoming rows', () => {
    const stored = [conversationFromRow(row({ id: 'M-1', messageKind: 'user' }), '2025-10', 'old.csv', TZ)];
    const plan = planAtomImport(
      read([row({ id: 'M-1' }), row({ id: 'C-2', start: '2025-11-02 10:00:00' })], {
        stores: { conversations: stored, groups: [], campaigns: [] },
      }),
    );
    expect(plan.table.name).toBe('Atom conversations');
    expect(plan.table.rows.map((r) => [r[0], r[1], r[13]])).toEqual([
      ['2025-10', 'M-1', ''],
      ['2025-11', 'C-2', ''],
      ['2025-10', 'M-1', 'user'],
    ]);
    expect(plan).toMatchObject({ replaced: 0, added: 2, breakdown: { firstRow: 4, days: 1 } });
    expect(plan.months.map((m) => [m.month, m.capacity, m.block.rows.groups])).toEqual([
      ['2025-10', null, 1],
      ['2025-11', null, 1],
    ]);
  });

  it('an aggregate report leaves "Atom billable units" alone; rows without a start take the month given', () => {
    const plan = planAtomImport(read([row({})], { kind: 'groups' }));
    expect(plan.table.name).toBe('Atom groups by month');
    expect(plan.breakdown).toBeUndefined();
    expect(importMonths('f.csv', [row({ start: '' })], '2025-09')).toEqual({
      months: ['2025-09'],
      touched: ['2025-09'],
    });
  });
});

describe('the cells a plan adds', () => {
  it('a new sheet takes insertSheet’s 1000 × 26 grid before it is trimmed', () => {
    expect(cellsAdded([{ before: null, after: { rows: 1000, columns: 14 } }])).toBe(26_000);
    expect(
      cellsAdded([
        { before: null, after: { rows: 1000, columns: 14 } },
        { before: null, after: { rows: 1000, columns: 26 } },
      ]),
    ).toBe(40_000);
    expect(cellsAdded([{ before: { rows: 10, columns: 2 }, after: { rows: 20, columns: 2 } }])).toBe(20);
  });

  it('new data sheet and month sheet; existing sheets grow by their rows and inserted table rows', () => {
    const plan = planAtomImport(read([row({ id: 'C-1' })]));
    expect(planCellsAdded(plan, () => null)).toBe(40_000);
    const grids: Record<string, { rows: number; columns: number }> = {
      'Atom conversations': { rows: 1000, columns: 14 },
      'Billing 2025-10': { rows: 1000, columns: 26 },
    };
    expect(planCellsAdded(plan, (name) => grids[name] ?? null)).toBe(0);
    const many = Array.from({ length: 350 }, (_, i) => row({ id: `G-${i}`, group: `G ${i}` }));
    const grown = planAtomImport(read(many, { capacities: [300] }));
    expect(planGridChanges(grown, (name) => grids[name] ?? null)[1]).toEqual({
      before: grids['Billing 2025-10'],
      after: { rows: 1100, columns: 26 },
    });
  });
});

describe('checkRowCells', () => {
  it('names the file, the imported row and the file’s column of a cell longer than Sheets holds', () => {
    const rows = [row({}), row({ typification: 'x'.repeat(50_000) })];
    expect(() => checkRowCells('f.csv', { typification: 'Tipificación' }, rows, 11)).toThrow(
      new PlanLimitError(
        'f.csv: imported row 12, column "Tipificación", holds 50,000 characters; a Google Sheets cell holds at ' +
          'most 49,999. Nothing was written',
      ),
    );
    expect(() => checkRowCells('f.csv', {}, [row({ agent: 'x'.repeat(49_999) })])).not.toThrow();
  });
});
