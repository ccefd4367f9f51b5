/** Stage, then commit: a file sent in batches writes nothing until its last batch, and a failed batch leaves the sheets as they were. */
import { manualClock, type AppsScriptRuntime } from '../../dev/runtime';
import { parseAtomCells } from '../../src/atom/parse';
import type { AtomRow } from '../../src/atom';
import type { AtomSheetCells, ImportAtomRowsRequest } from '../../src/rpc/contract';
import { loadBundle } from '../../dev/runtime/testing/bundle';
import { atomRuntime, AUDIT_HEADER, importParsed, parsedCsv } from './atom-helpers';

function auditRows(n: number, day = 5): string[][] {
  return [
    AUDIT_HEADER,
    ...Array.from({ length: n }, (_, i) => [
      `C-${i + 1}`,
      `${String(day).padStart(2, '0')}/10/2025 ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      String(573000000000 + (i % 7)),
      ['Ventas', 'Soporte', 'Cobranza'][i % 3],
      'Ana',
      'Fin positivo',
      'Manual',
      'Mensaje restante',
      '',
    ]),
  ];
}

function snapshot(rt: AppsScriptRuntime): Record<string, unknown[][]> {
  return Object.fromEntries(rt.spreadsheet.sheets.map((s) => [s.name, s.values()]));
}

function send(
  rt: AppsScriptRuntime,
  rows: AtomRow[],
  index: number,
  count: number,
  extra: Partial<ImportAtomRowsRequest> = {},
) {
  return rt.runFromSidebar('importAtomRows', {
    kind: 'conversations',
    fileName: 'grande.csv',
    mapping: {},
    rows,
    batch: { index, count },
    ...extra,
  });
}

it('batches before the last only stage; the last commits and removes the staging sheet', () => {
  const rt = atomRuntime();
  const parsed = parsedCsv(auditRows(25), 'grande.csv');
  const batches = [parsed.rows.slice(0, 10), parsed.rows.slice(10, 20), parsed.rows.slice(20)];
  expect(send(rt, batches[0], 0, 3)).toMatchObject({ received: 10, committed: false });
  expect(send(rt, batches[1], 1, 3)).toMatchObject({ received: 20, committed: false });
  expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Atom import (staging)']);
  // Hidden, and the user stays on the sheet they were on.
  expect(rt.spreadsheet.sheet('Atom import (staging)').hidden).toBe(true);
  expect(rt.spreadsheet.activeSheet.name).toBe('Sheet1');
  // One column wide: Sheets counts every cell of the grid against the spreadsheet's 10 million.
  expect(rt.spreadsheet.sheet('Atom import (staging)').maxColumns).toBe(1);
  expect(send(rt, batches[2], 2, 3)).toMatchObject({ received: 25, committed: true, rowsWritten: 25 });
  expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual([
    'Sheet1',
    'Atom conversations',
    'Billing 2025-10',
  ]);
  // The data sheet is as wide as its table; the month's sheet keeps 26 columns for its Atom block (W:Z).
  expect(rt.spreadsheet.sheets.map((s) => s.maxColumns)).toEqual([26, 14, 26]);
  const ids = rt.spreadsheet.sheet('Atom conversations').values('B2:B26').flat();
  expect(new Set(ids).size).toBe(25);
  expect(rt.properties.document.has('atomBilling.atom.staging')).toBe(false);
});

it('a bad row in a later batch fails the import and leaves every sheet as it was; the file can then be imported again', () => {
  const rt = atomRuntime();
  importParsed(rt, parsedCsv(auditRows(4, 1), 'antes.csv'), 'antes.csv');
  const before = snapshot(rt);
  const parsed = parsedCsv(auditRows(6, 20), 'grande.csv');
  send(rt, parsed.rows.slice(0, 3), 0, 2);
  const bad = [...parsed.rows.slice(3, 5), { ...parsed.rows[5], start: '20/10/2025' }];
  expect(() => send(rt, bad, 1, 2)).toThrow(
    'grande.csv: row 3 of batch 2 cannot be imported: start "20/10/2025" is not yyyy-MM-dd HH:mm:ss',
  );
  const after = snapshot(rt);
  delete after['Atom import (staging)'];
  expect(after).toEqual(before);
  importParsed(rt, parsed, 'grande.csv');
  // C-1…C-4 of the second file replace the first file's, C-5 and C-6 are new.
  expect(rt.spreadsheet.sheet('Atom conversations').values()).toHaveLength(1 + 6);
});

it('a last batch the commit refuses removes the staging sheet too, and writes nothing', () => {
  const rt = atomRuntime();
  const rows = parsedCsv(auditRows(30), 'octubre.csv').rows;
  send(rt, rows.slice(0, 20), 0, 2);
  expect(rt.spreadsheet.sheet('Atom import (staging)').hidden).toBe(true);
  // Someone's own "Billing 2025-10" appears before the last batch: the commit stops before writing.
  rt.spreadsheet.setValues("'Billing 2025-10'!A1", [['mis cuentas']]);
  expect(() => send(rt, rows.slice(20), 1, 2)).toThrow(
    'The sheet "Billing 2025-10" was not made by Atom Billing (its header row differs)',
  );
  expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Billing 2025-10']);
  expect(rt.properties.document.has('atomBilling.atom.staging')).toBe(false);
});

it('a batch out of order, or one from a different file, is refused without writing', () => {
  const rt = atomRuntime();
  const parsed = parsedCsv(auditRows(4), 'grande.csv');
  expect(() => send(rt, parsed.rows, 1, 2)).toThrow(
    'grande.csv: batch 2 of 2 arrived without the batches before it (another import may have started); nothing was written — import the file again',
  );
  send(rt, parsed.rows.slice(0, 2), 0, 3);
  expect(() => send(rt, parsed.rows.slice(2), 2, 3)).toThrow(/^grande\.csv: batch 3 of 3 arrived without/);
  expect(() => send(rt, parsed.rows.slice(2), 1, 3, { fileName: 'otro.csv' })).toThrow(
    /^otro\.csv: batch 2 of 3/,
  );
  expect(rt.spreadsheet.getSheet('Atom conversations')).toBeUndefined();
});

it.each([
  [{ kind: 'unknown' }, 'x.csv: the report kind "unknown" cannot be imported; map the columns first'],
  [{ batch: { index: 2, count: 2 } }, 'x.csv: batch 2 of 2 is not a valid batch'],
  [{ month: '2025-13' }, 'x.csv: the month must be written YYYY-MM, not "2025-13"'],
  [{ rows: [{ id: 'a' }] }, 'x.csv: row 1 of batch 1 cannot be imported: contact is not text'],
  [{ closedConversations: 'some' }, 'x.csv: closedConversations must be "all" or "manual"'],
])('a request that did not come from the sidebar is refused: %j', (override, message) => {
  const rt = atomRuntime();
  const request = {
    kind: 'conversations',
    fileName: 'x.csv',
    mapping: {},
    rows: [],
    batch: { index: 0, count: 1 },
    ...override,
  };
  expect(() => rt.runFromSidebar('importAtomRows', request)).toThrow(message);
  expect(rt.spreadsheet.sheets).toHaveLength(1);
});

it('another import holding the document lock makes the batch wait, then fail with a plain message', () => {
  const rt = loadBundle({ clock: manualClock(Date.UTC(2025, 10, 3)) });
  const release = rt.holdDocumentLock();
  const parsed = parsedCsv(auditRows(2), 'x.csv');
  expect(() => send(rt, parsed.rows, 0, 1)).toThrow(
    'Another import is running in this spreadsheet; try again in a minute',
  );
  release();
  expect(send(rt, parsed.rows, 0, 1)).toMatchObject({ committed: true });
});

it('a staging batch is one write, whatever its size', () => {
  const rt = atomRuntime();
  const parsed = parsedCsv(auditRows(3000), 'grande.csv');
  send(rt, parsed.rows.slice(0, 1000), 0, 3);
  rt.resetCounters();
  send(rt, parsed.rows.slice(1000, 2000), 1, 3);
  const writes = Object.entries(rt.counters).filter(([k]) =>
    /^(Range\.set|Range\.clear|Sheet\.insert|Spreadsheet\.insertSheet)/.test(k),
  );
  expect(Object.fromEntries(writes)).toEqual({ 'Range.setValues': 1 });
  // Many rows to a cell: 2,000 staged rows hold a few cells of column A, not 2,000 rows of 26 cells.
  const staged = rt.spreadsheet
    .sheet('Atom import (staging)')
    .values('A1:A100')
    .flat()
    .filter((v) => v !== '');
  expect(staged.length).toBeLessThan(20);
});

it('an export already pasted into a sheet is read with its dates as text in the spreadsheet zone, then parsed like a file', () => {
  const rt = atomRuntime('America/Bogota');
  rt.spreadsheet.setValues('Sheet1!A1', [
    ['Fecha de inicio', 'Teléfono', 'Grupo'],
    [rt.sheetDate('2025-10-03 09:30'), 573001234567, 'Ventas'],
    ['04/10/2025', '+57 300 123 4568', 'Soporte'],
  ]);
  const sheet = rt.runFromSidebar('readAtomSheet', 'Sheet1') as AtomSheetCells;
  expect(sheet.cells[1]).toEqual(['2025-10-03 09:30:00', 573001234567, 'Ventas']);
  const parsed = parseAtomCells(sheet.cells, sheet.name);
  expect(parsed.rows.map((r) => [r.start, r.contact, r.group])).toEqual([
    ['2025-10-03 09:30:00', '573001234567', 'Ventas'],
    ['2025-10-04 00:00:00', '573001234568', 'Soporte'],
  ]);
  expect(() => rt.runFromSidebar('readAtomSheet', 'Nope')).toThrow('There is no sheet named "Nope"');
});
