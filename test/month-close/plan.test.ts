/**
 * The month close's plan, pure: what Meta's answer may replace of the stored history (stored-history.ts) and the
 * grid cells the writes add (grid-growth.ts), checked against Apps Script's limits (core/write-plan/limits.ts).
 */
import type { MetaUsageRow } from '../../src/month-close/figures';
import { dataRowsInserted, peakCellsAdded } from '../../src/month-close/grid-growth';
import { dataRowsOf, rewriteBlock, type CellCalendar } from '../../src/month-close/meta-data-sheet';
import { parseMonth } from '../../src/month-close/month';
import { historyNoteText } from '../../src/month-close/card-notes';
import { decideHistory, lookbackFirstDay, storedRowsOf } from '../../src/month-close/stored-history';
import {
  checkCellsFit,
  checkTextCells,
  checkTimeLeft,
  PlanLimitError,
} from '../../src/core/write-plan/limits';
import { ZoneCalendar } from '../../src/core/zone-calendar';
import { metaRow } from '../support/meta-rows';

const cells: CellCalendar = { calendar: new ZoneCalendar('America/Bogota'), makeDate: (ms) => new Date(ms) };
const OCT = parseMonth('2025-10');
const LINES = new Map([
  ['1555', '+1 555'],
  ['1666', '+1 666'],
]);

const row = (day: string, line: string, volume: number): MetaUsageRow =>
  metaRow({ day, line, volume, cost: volume / 10 });

/** The block an import wrote (Meta's rows of October for both lines), and as Sheets reads it back. */
function storedBlock(rows: MetaUsageRow[]) {
  const written = rewriteBlock(
    { values: [], formats: [] },
    OCT,
    null,
    dataRowsOf(rows, LINES, 'BRL'),
    0,
    cells,
  );
  const unquote = (v: unknown) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);
  return { written, values: written.values.map((r) => r.map(unquote)), formats: written.formats };
}

const OCTOBER = ['2025-10-01', '2025-10-02', '2025-10-20'].flatMap((d) => [
  row(d, '1555', 10),
  row(d, '1666', 5),
]);

describe('stored history', () => {
  const block = storedBlock(OCTOBER);
  const stored = storedRowsOf(block.values, OCT, null, cells);

  it('reads the stored rows back as Meta rows (lines by their digits)', () => {
    expect(stored).toHaveLength(6);
    expect(stored[0]).toMatchObject({ lineDigits: '1555', usage: { day: '2025-10-01' } });
    expect(stored[0].usage).toMatchObject({ volume: 10, cost: 1, country: 'BR', tier: null, line: '+1 555' });
    expect(storedRowsOf(block.values, OCT, new Set(['1666']), cells)).toHaveLength(3);
  });

  it('an empty answer keeps every stored row, and says so', () => {
    const d = decideHistory(OCT, [], stored, '2024-11-15');
    expect(d.kept).toHaveLength(6);
    expect(d.usage.reduce((s, r) => s + r.volume, 0)).toBe(45);
    expect(d.notes).toEqual([{ code: 'noData', month: '2025-10', kept: 6 }]);
    expect(d.notes.map(historyNoteText)).toEqual([
      'Meta returned no data for 2025-10; the 6 stored rows were kept',
    ]);
    // The block is rewritten with the stored rows as they were.
    expect(rewriteBlock(block, OCT, null, [], 1, cells, d.keeps)).toEqual(block.written);
  });

  it('past the lookback, a (day, line) Meta no longer returns keeps its rows; the days it returns are replaced', () => {
    const answer = [
      row('2025-10-02', '1555', 12),
      row('2025-10-20', '1555', 11),
      row('2025-10-20', '1666', 6),
    ];
    const d = decideHistory(OCT, answer, stored, '2025-10-03');
    expect(d.kept.map((k) => `${k.usage.day} ${k.lineDigits}`)).toEqual([
      '2025-10-01 1555',
      '2025-10-01 1666',
      '2025-10-02 1666',
    ]);
    expect(d.usage.reduce((s, r) => s + r.volume, 0)).toBe(12 + 11 + 6 + 10 + 5 + 5);
    expect(d.notes).toEqual([{ code: 'pastLookback', month: '2025-10', days: 2, kept: 3 }]);
    expect(d.notes.map(historyNoteText)).toEqual([
      'Meta no longer returns 2 day(s) of 2025-10 (past its one-year lookback); the 3 stored rows of those days were kept',
    ]);
  });

  it('within the lookback a smaller answer replaces, and says how many rows it replaced with how many', () => {
    const d = decideHistory(OCT, [row('2025-10-20', '1555', 11)], stored, '2024-11-15');
    expect(d.kept).toEqual([]);
    expect(d.notes).toEqual([{ code: 'replaced', month: '2025-10', replaced: 6, rows: 1 }]);
    expect(d.notes.map(historyNoteText)).toEqual([
      "Meta's answer replaced the 6 stored rows of 2025-10 with 1",
    ]);
    expect(decideHistory(OCT, OCTOBER, stored, '2024-11-15').notes).toEqual([]);
  });

  it('stored rows in a currency no account answered in are another account’s history: kept, never replaced', () => {
    // The block an import of the USD account wrote; the BRL account connected now answers the same days and lines.
    const usd = storedBlock(OCTOBER);
    usd.values.forEach((r) => (r[9] = 'USD'));
    const storedUsd = storedRowsOf(usd.values, OCT, null, cells);
    expect(storedUsd[0].usage.currency).toBe('USD');
    const answer = [row('2025-10-20', '1555', 11)];
    const d = decideHistory(OCT, answer, storedUsd, '2024-11-15', 'BRL');
    expect(d.kept).toHaveLength(6);
    expect(d.keeps('2025-10-20', '1555', 'USD')).toBe(true);
    expect(d.keeps('2025-10-20', '1555', 'BRL')).toBe(false);
    // Once the USD account answers too (it is a former account), its rows are replaced as usual.
    const both = decideHistory(
      OCT,
      [...answer, { ...row('2025-10-01', '1555', 1), currency: 'USD' }],
      storedUsd,
      '2024-11-15',
      'BRL',
    );
    expect(both.kept).toEqual([]);
  });

  it('the lookback starts the same date a year back', () => {
    expect(lookbackFirstDay(20261020)).toBe('2025-10-20');
    expect(lookbackFirstDay(20280229)).toBe('2027-02-29'); // between 28 February and 1 March
  });
});

describe('grid growth', () => {
  it("a new data sheet peaks at Sheets' 1000 × 26 before it is narrowed, then grows by its rows", () => {
    expect(peakCellsAdded([{ before: null, narrowTo: 11, rowsAdded: 0, columnsAdded: 0 }])).toBe(26_000);
    expect(peakCellsAdded([{ before: null, narrowTo: 11, rowsAdded: 3000, columnsAdded: 0 }])).toBe(44_000);
    expect(
      peakCellsAdded([
        { before: null, narrowTo: 11, rowsAdded: 2630, columnsAdded: 0 },
        { before: null, rowsAdded: 0 },
        { before: { rows: 1000, columns: 14 }, narrowTo: 15, rowsAdded: 0, columnsAdded: 1 },
      ]),
    ).toBe(39_930 + 26_000 + 1000);
  });

  it('a block in the middle inserts its growth; at the end it fills the blank rows first', () => {
    const block = { start: 10, end: 20, dataRows: 40, newLength: 25, maxRows: 1000, firstDataRow: 2 };
    expect(dataRowsInserted(block)).toBe(15);
    expect(dataRowsInserted({ ...block, end: 40, newLength: 40 })).toBe(0);
    expect(dataRowsInserted({ ...block, end: 40, newLength: 1000 })).toBe(11);
    expect(dataRowsInserted({ ...block, newLength: 5 })).toBe(0);
  });

  it('the cells check names the cells needed, free and the largest sheets', () => {
    expect(() =>
      checkCellsFit('The month close of 2025-10', 9_950_000, 66_000, [{ name: 'Old', cells: 9e6 }]),
    ).toThrow(
      'The month close of 2025-10 needs 66,000 more cells, but the spreadsheet has 50,000 of its 10,000,000 cells free; nothing was written. Archive or delete sheets you no longer need — the largest are "Old" (9,000,000) — or move older months to another spreadsheet, then import again',
    );
    expect(() => checkCellsFit('x', 9_950_000, 50_000, [])).not.toThrow();
  });
});

describe('other limits', () => {
  it('a text cell over 50,000 characters is named by sheet, row and column', () => {
    const rows = [
      ['ok', 1],
      ['x', 'y'.repeat(50_001)],
    ];
    expect(() => checkTextCells('Meta data', rows, 2)).toThrow(
      '"Meta data" row 3, column 2 holds 50,001 characters; a Google Sheets cell holds at most 50,000. Nothing was written',
    );
  });

  it('a commit is not started with less than the reserve of the 6 minutes left', () => {
    expect(() => checkTimeLeft('The month close of 2025-10', 0, 300_001, 60_000)).toThrow(PlanLimitError);
    expect(() => checkTimeLeft('The month close of 2025-10', 0, 300_000, 60_000)).not.toThrow();
  });
});
