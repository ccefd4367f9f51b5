/** The pure side of an Atom import: the keyed upsert, the month tables, their block layout and the batches. */
import type { AtomRow } from '../../src/atom';
import { splitIntoBatches } from '../../src/atom/batches';
import { upsertRecords, type StoredRecord } from '../../src/atom/import-store';
import { monthBlock, TABLE_CAPACITY, tableCapacity } from '../../src/atom/month-block';
import { monthTables, type MonthConversation } from '../../src/atom/month-tables';
import { atomSheetLabels } from '../../src/atom/sheet-labels';
import { atomRow } from '../support/atom-rows';

interface Rec extends StoredRecord {
  tag: string;
}
const rec = (month: string, id: string, startMs: number | null, tag: string): Rec => ({
  month,
  id,
  startMs,
  tag,
});

describe('upsertRecords', () => {
  const stored = [
    rec('2025-09', 'A', 10, 'old'),
    rec('2025-10', 'B', 20, 'old'),
    rec('2025-10', '', 30, 'no id'),
  ];

  it('by id: replaces the ids in the file, keeps the rest, last duplicate wins, sorted by month, start, id', () => {
    const out = upsertRecords(stored, [
      rec('2025-10', 'B', 25, 'new'),
      rec('2025-08', 'C', 5, 'x'),
      rec('2025-08', 'C', 6, 'y'),
    ]);
    expect(out.rows.map((r) => `${r.month}/${r.id}/${r.tag}`)).toEqual([
      '2025-08/C/y',
      '2025-09/A/old',
      '2025-10/B/new',
      '2025-10//no id',
    ]);
    expect(out).toMatchObject({ replaced: 1, added: 2, duplicatesInFile: 1, byId: true });
  });

  it('without ids: every stored row of the months in the file goes, other months stay', () => {
    const out = upsertRecords(stored, [rec('2025-10', '', 40, 'new'), rec('2025-10', '', null, 'undated')]);
    expect(out.rows.map((r) => `${r.month}/${r.tag}`)).toEqual([
      '2025-09/old',
      '2025-10/undated',
      '2025-10/new',
    ]);
    expect(out).toMatchObject({ replaced: 2, added: 2, byId: false });
  });

  it('an empty import changes nothing', () => {
    expect(upsertRecords(stored, []).rows).toEqual(
      [...stored].sort((a, b) => a.month.localeCompare(b.month)),
    );
  });
});

const conv = (over: Partial<MonthConversation>): MonthConversation => ({
  day: '2025-02-01',
  id: '',
  message: false,
  contact: '',
  group: '',
  closingType: 'manual',
  origin: 'Inbound',
  campaign: '',
  conversations: 1,
  ...over,
});

describe('monthTables', () => {
  const rows = [
    conv({ group: 'Ventas', contact: '1', campaign: 'BF' }),
    conv({ group: 'Ventas', contact: '1', closingType: 'automatic', day: '2025-02-28', origin: 'Outbound' }),
    conv({ group: 'Soporte', contact: '2', closingType: '', campaign: 'BF' }),
    conv({ group: 'Cobranza', contact: '3', day: '' }),
  ];

  it('counts closed conversations by group (both closures by default), campaigns, unique contacts', () => {
    const t = monthTables('2025-02', rows, { groups: [], campaigns: [] }, 'all');
    expect(t.groups).toEqual([
      { label: 'Ventas', conversations: 2 },
      { label: 'Cobranza', conversations: 1 },
    ]);
    expect(t.campaigns).toEqual([{ label: 'BF', conversations: 2 }]);
    expect(t.uniqueContacts).toBe(3);
    expect([t.groupsFrom, t.campaignsFrom]).toEqual(['conversations', 'conversations']);
  });

  it('manual typifications only leaves the automatic closures out', () => {
    const t = monthTables('2025-02', rows, { groups: [], campaigns: [] }, 'manual');
    expect(t.groups).toEqual([
      { label: 'Cobranza', conversations: 1 },
      { label: 'Ventas', conversations: 1 },
    ]);
  });

  it('has every day of the month for every origin, undated rows left out', () => {
    const t = monthTables('2025-02', rows, { groups: [], campaigns: [] }, 'all');
    expect(t.daily).toHaveLength(28 * 2);
    expect(t.daily.slice(0, 2)).toEqual([
      { day: '2025-02-01', origin: 'Inbound', conversations: 2 },
      { day: '2025-02-01', origin: 'Outbound', conversations: 0 },
    ]);
    expect(t.daily.at(-1)).toEqual({ day: '2025-02-28', origin: 'Outbound', conversations: 1 });
  });

  it("Atom's own reports, when imported for the month, replace the counts", () => {
    const t = monthTables(
      '2025-02',
      rows,
      {
        groups: [
          { label: 'X', conversations: 7 },
          { label: 'X', conversations: 1 },
        ],
        campaigns: [],
      },
      'manual',
    );
    expect(t.groups).toEqual([{ label: 'X', conversations: 8 }]);
    expect(t.groupsFrom).toBe('report');
    expect(monthTables('2025-02', [], { groups: [], campaigns: [] }, 'all')).toMatchObject({
      groupsFrom: 'none',
      campaignsFrom: 'none',
      daily: [],
      uniqueContacts: null,
    });
  });

  it('lays the block out in four columns: groups and campaigns side by side in fixed ranges, days below', () => {
    const t = monthTables('2025-02', rows, { groups: [], campaigns: [] }, 'all');
    const block = monthBlock(t, atomSheetLabels('en_US'));
    expect(block.cells.every((r) => r.length === 4)).toBe(true);
    expect(block.cells.slice(0, 8)).toEqual([
      ['Atom data 2025-02', '', '', ''],
      ['Closed conversations by group count', 'manual typifications and automatic closures', '', ''],
      ['Unique contacts', 3, '', ''],
      [
        'Reconciliation with Meta',
        'none: no row of the month has a message kind (map a message-kind column)',
        '',
        '',
      ],
      ['Group', 'Closed conversations', 'Campaign', 'Conversations'],
      ['Ventas', 2, 'BF', 2],
      ['Cobranza', 1, '', ''],
      ['', '', '', ''],
    ]);
    const daily = 4 + TABLE_CAPACITY + 3;
    expect(block.cells[daily]).toEqual(['Day', 'Origin', 'Conversations started', '']);
    expect(block.cells[daily + 1]).toEqual([{ day: '2025-02-01' }, 'Inbound', 2, '']);
    expect(block.rows).toEqual({ groups: 2, campaigns: 1, daily: 56 });
    expect(block.reconciliation).toBeNull();
    expect(block.cells).toHaveLength(daily + 1 + 56);
  });

  it('grows the tables in steps of 100 rows for a month with more groups, and never shrinks them', () => {
    const many = Array.from({ length: TABLE_CAPACITY + 1 }, (_, i) => conv({ group: `G${i}` }));
    const t = monthTables('2025-02', many, { groups: [], campaigns: [] }, 'all');
    const grown = monthBlock(t, atomSheetLabels('en_US'));
    expect(grown.layout).toMatchObject({ capacity: 400, dailyHeaderRow: 4 + 400 + 3 });
    // The 301st group, in the block's row 306 (0-based 305), beyond the first 300.
    expect(grown.rows.groups).toBe(TABLE_CAPACITY + 1);
    expect(grown.cells[4 + TABLE_CAPACITY + 1]).toEqual(['G99', 1, '', '']);
    const few = monthTables('2025-02', many.slice(0, 2), { groups: [], campaigns: [] }, 'all');
    expect(monthBlock(few, atomSheetLabels('en_US'), 400).layout.capacity).toBe(400);
    expect(tableCapacity({ groups: [], campaigns: t.groups.slice(0, 250) })).toBe(TABLE_CAPACITY);
  });
});

describe('splitIntoBatches', () => {
  const row = (i: number): AtomRow =>
    atomRow({ id: `C-${i}`, start: '2025-10-01 00:00:00', contact: '573001234567', group: 'Ventas' });
  const rows = Array.from({ length: 25 }, (_, i) => row(i));

  it('caps rows per batch and keeps every row once, in order', () => {
    const batches = splitIntoBatches(rows, 10);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual(rows);
  });

  it('caps the JSON size of a batch too', () => {
    const size = JSON.stringify(rows[0]).length;
    const batches = splitIntoBatches(rows, 100, size * 4 + 10);
    expect(batches.every((b) => JSON.stringify(b).length <= size * 4 + 10)).toBe(true);
    expect(batches.flat()).toEqual(rows);
  });

  it('an empty file is one empty batch, so the import still commits', () => {
    expect(splitIntoBatches([], 10)).toEqual([[]]);
  });
});
