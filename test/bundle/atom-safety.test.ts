/**
 * Issue 15 through the built bundle: an Atom import never loses stored rows, never half-writes a sheet and is refused
 * before its first write (every sheet, named range and setting as it was) when its plan would cross one of Apps
 * Script's limits — the 10 million cells, 50,000 characters a cell, 9 KB a property.
 */
import type { AppsScriptRuntime } from '../../dev/runtime';
import { manualClock } from '../../dev/runtime';
import { formatA1 } from '../../dev/runtime/a1';
import { spreadsheetSnapshot } from '../../dev/preview/snapshot';
import { atomSheetLabels } from '../../src/atom/sheet-labels';
import type { MonthCloseSetup } from '../../src/rpc/contract';
import { loadBundle } from '../../dev/runtime/testing/bundle';
import { atomRuntime, AUDIT_HEADER, importParsed, namedMonthRanges, parsedCsv } from './atom-helpers';

jest.setTimeout(120_000);

/** Everything an import may change: cells, formats and formulas, grids, named ranges, document properties. */
function state(rt: AppsScriptRuntime): unknown {
  return {
    sheets: spreadsheetSnapshot(rt.spreadsheet, { maxRows: 1200 }),
    grids: rt.spreadsheet.sheets.map((s) => [s.name, s.maxRows, s.maxColumns, s.hidden]),
    named: rt.spreadsheet.namedRanges.map((n) => [n.name, n.sheet.name, formatA1(n.box)]),
    properties: [...rt.properties.document],
  };
}

const audit = (id: string, start: string, typification = 'Venta'): string[] => [
  id,
  start,
  '+57 300 123 4567',
  'Ventas',
  'Lucía',
  typification,
  'Manual',
  'Campaña de flujo',
  '',
];

describe('a per-message log and the Audit export of the same month coexist (point 2)', () => {
  const MESSAGE_HEADER = ['ID Conversación', 'Fecha y hora', 'Teléfono', 'Tipo de mensaje', 'Grupo'];
  const messages = parsedCsv(
    [
      MESSAGE_HEADER,
      ['M-1', '04/10/2025 09:00:00', '+57 310 0000001', 'Usuario', 'Ventas'],
      ['M-1', '04/10/2025 09:05:00', '+57 310 0000001', 'Servicio', 'Ventas'],
      ['M-2', '04/10/2025 12:00:00', '+57 320 0000002', 'Marketing', 'Ventas'],
    ],
    'mensajes-octubre.csv',
  );
  const conversations = parsedCsv(
    [
      AUDIT_HEADER,
      audit('M-1', '04/10/2025 09:00'),
      audit('M-2', '04/10/2025 12:00'),
      audit('C-9', '05/10/2025 10:00'),
    ],
    'auditoria-octubre.csv',
  );
  const labels = atomSheetLabels('es_CO');
  const kinds = (rt: AppsScriptRuntime) =>
    rt.spreadsheet
      .sheet('Atom conversations')
      .values('B2:N7')
      .map((r) => [r[0], r[12]]);
  const expected = [
    ['M-1', ''],
    ['M-2', ''],
    ['C-9', ''],
    ['M-1', 'user'],
    ['M-1', 'service'],
    ['M-2', 'marketing'],
  ];

  it.each([
    ['the Audit export after the message log', [messages, conversations]],
    ['the message log after the Audit export', [conversations, messages]],
  ])('%s keeps the other kind’s rows and the reconciliation table', (_, files) => {
    const rt = atomRuntime();
    importParsed(rt, files[0], files[0] === messages ? 'mensajes-octubre.csv' : 'auditoria-octubre.csv');
    const second = importParsed(
      rt,
      files[1],
      files[1] === messages ? 'mensajes-octubre.csv' : 'auditoria-octubre.csv',
    );
    expect(second).toMatchObject({ committed: true, rowsWritten: 3, replaced: 0 });
    expect(kinds(rt)).toEqual(expected);
    const month = rt.spreadsheet.sheet('Billing 2025-10');
    expect(month.values('W4:X4')).toEqual([[labels.block.reconciliation, labels.block.reconciliationBelow]]);
    // A conversation in both exports counts once, by its Audit row: three closed conversations, three contacts' worth.
    expect(month.values('W6:X7')).toEqual([
      ['Ventas', 3],
      ['', ''],
    ]);
    // Re-importing either kind replaces only its own rows.
    expect(importParsed(rt, messages, 'mensajes-octubre.csv')).toMatchObject({ replaced: 3 });
    expect(importParsed(rt, conversations, 'auditoria-octubre.csv')).toMatchObject({ replaced: 3 });
    expect(kinds(rt)).toEqual(expected);
  });
});

/** A spreadsheet with `free` of its 10 million cells left: an "Archive" sheet one column wide takes the rest. */
function nearlyFull(free: number): AppsScriptRuntime {
  const rt = atomRuntime();
  const used = rt.spreadsheet.cellCount();
  rt.spreadsheet.insertSheet('Archive').resize(10_000_000 - used - free, 1);
  return rt;
}

describe('too few cells free: refused before the first write (point 3)', () => {
  const october = parsedCsv(
    [AUDIT_HEADER, audit('C-1', '01/10/2025 08:15'), audit('C-2', '02/10/2025 09:00')],
    'auditoria-octubre.csv',
  );

  it('a one-batch import that needs a new data sheet and a new month sheet, every time it is tried', () => {
    const rt = nearlyFull(30_000);
    const before = state(rt);
    const message =
      'The Atom import of "auditoria-octubre.csv" needs 40,000 more cells, but the spreadsheet has 30,000 of its ' +
      '10,000,000 cells free; nothing was written. Archive or delete sheets you no longer need — the largest are ' +
      '"Archive" (9,944,000), "Sheet1" (26,000) — or move older months to another spreadsheet, then import again';
    expect(() => importParsed(rt, october, 'auditoria-octubre.csv')).toThrow(message);
    expect(state(rt)).toEqual(before);
    expect(() => importParsed(rt, october, 'auditoria-octubre.csv')).toThrow(message);
    expect(state(rt)).toEqual(before);
  });

  it('a month table that grows past the cells free', () => {
    const rt = atomRuntime();
    importParsed(rt, october, 'auditoria-octubre.csv');
    // 350 groups: the tables grow from 300 to 400 rows, 100 rows × 26 columns of "Billing 2025-10".
    const many = parsedCsv(
      [
        AUDIT_HEADER,
        ...Array.from({ length: 350 }, (_, i) => [
          ...audit(`G-${i}`, '03/10/2025 10:00').slice(0, 3),
          `Grupo ${i}`,
          ...audit('', '').slice(4),
        ]),
      ],
      'grupos-octubre.csv',
    );
    const used = rt.spreadsheet.cellCount();
    rt.spreadsheet.insertSheet('Archive').resize(10_000_000 - used - 2_000, 1);
    const before = state(rt);
    expect(() => importParsed(rt, many, 'grupos-octubre.csv')).toThrow(
      /^The Atom import of "grupos-octubre.csv" needs 2,600 more cells, but the spreadsheet has 2,000 of its/,
    );
    expect(state(rt)).toEqual(before);
  });

  it('a file in batches, refused at its first batch: the staging sheet would not fit', () => {
    const rt = nearlyFull(20_000);
    const before = state(rt);
    expect(() => importParsed(rt, october, 'auditoria-octubre.csv', {}, 1)).toThrow(
      /^The Atom import of "auditoria-octubre.csv" needs 26,000 more cells, but the spreadsheet has 20,000 of/,
    );
    expect(state(rt)).toEqual(before);
  });
});

describe('a re-import with a cell longer than Sheets holds keeps the stored rows (point 4)', () => {
  const HEADER = AUDIT_HEADER.slice(1); // no ids: a re-import replaces the month's rows
  const row = (day: number, typification = 'Venta') =>
    audit('', `${String(day).padStart(2, '0')}/10/2025 10:00`, typification).slice(1);
  const stored = parsedCsv(
    [HEADER, ...Array.from({ length: 40 }, (_, i) => row(1 + (i % 28)))],
    'octubre.csv',
  );
  const long = 'x'.repeat(50_001);
  const message =
    'octubre-2.csv: imported row 2, column "Tipificación", holds 50,001 characters; a Google Sheets cell holds at ' +
    'most 49,999. Nothing was written';

  let rt: AppsScriptRuntime;
  beforeEach(() => {
    rt = atomRuntime();
    expect(importParsed(rt, stored, 'octubre.csv')).toMatchObject({ rowsWritten: 40 });
  });

  it('in one batch: refused naming the file, row and column; all 40 rows stay', () => {
    const before = state(rt);
    const again = parsedCsv([HEADER, row(3), row(4, long)], 'octubre-2.csv');
    expect(() => importParsed(rt, again, 'octubre-2.csv')).toThrow(message);
    expect(state(rt)).toEqual(before);
    expect(rt.spreadsheet.sheet('Atom conversations').values('A41:A42')).toEqual([['2025-10'], ['']]);
  });

  it('in batches: refused when the batch arrives, its staged batches discarded', () => {
    const before = state(rt);
    const again = parsedCsv([HEADER, row(3), row(4, long), row(5)], 'octubre-2.csv');
    expect(() => importParsed(rt, again, 'octubre-2.csv', {}, 1)).toThrow(message);
    expect(state(rt)).toEqual(before);
  });

  it('in batches, a row longer than a staging cell (each of its cells fits) is staged and imported', () => {
    const wide = 'y'.repeat(30_000);
    const again = parsedCsv(
      [HEADER, row(3), [...row(4, wide).slice(0, 3), wide, ...row(4, wide).slice(4)], row(5)],
      'octubre-2.csv',
    );
    expect(importParsed(rt, again, 'octubre-2.csv', {}, 1)).toMatchObject({
      committed: true,
      rowsWritten: 3,
    });
    expect(rt.spreadsheet.sheet('Atom conversations').values('G3:H3')).toEqual([[wide, wide]]);
    expect(rt.spreadsheet.getSheet('Atom import (staging)')).toBeUndefined();
  });
});

it('a stored cell filled by hand to the last character is named, not half-rewritten (point 4)', () => {
  const rt = atomRuntime();
  const october = parsedCsv([AUDIT_HEADER, audit('C-1', '01/10/2025 08:15')], 'auditoria.csv');
  importParsed(rt, october, 'auditoria.csv');
  rt.spreadsheet.sheet('Atom conversations').setValues('H2', [['x'.repeat(50_000)]]);
  const before = state(rt);
  const next = parsedCsv([AUDIT_HEADER, audit('C-2', '02/10/2025 08:15')], 'auditoria-2.csv');
  expect(() => importParsed(rt, next, 'auditoria-2.csv')).toThrow(
    '"Atom conversations" row 2, column "Tipificación", holds 50,000 characters; a Google Sheets cell holds at most ' +
      '49,999. Nothing was written',
  );
  expect(state(rt)).toEqual(before);
});

describe('nothing that grows with months lives in one property (point 5)', () => {
  const clockAt = (iso: string) => manualClock(Date.parse(iso));
  const runtimeAt = (iso: string) =>
    loadBundle({
      spreadsheet: { timeZone: 'America/Bogota', locale: 'es_CO' },
      user: { email: 'ana@example.com', locale: 'es' },
      clock: clockAt(iso),
    });

  it('an export spanning 100 months: every month’s tables are named ranges the month close proposes', () => {
    const rt = runtimeAt('2025-04-20T12:00:00Z');
    const rows = Array.from({ length: 100 }, (_, k) => {
      const y = 2017 + Math.floor(k / 12);
      const m = String((k % 12) + 1).padStart(2, '0');
      return [
        `C-${k}`,
        `15/${m}/${y} 10:00`,
        '+57 300 123 4567',
        'Ventas',
        'Lucía',
        'Venta',
        'Manual',
        'Campaña',
        'Black Friday',
      ];
    });
    const result = importParsed(rt, parsedCsv([AUDIT_HEADER, ...rows], 'historia.csv'), 'historia.csv');
    expect(result.months).toHaveLength(100);
    const ranges = namedMonthRanges(rt);
    expect(Object.keys(ranges)).toHaveLength(100);
    expect(ranges['2017-01']).toEqual({
      groups: { sheet: 'Billing 2017-01', range: 'W5:X305' },
      campaigns: { sheet: 'Billing 2017-01', range: 'Y5:Z305' },
      capacity: 300,
    });
    expect(rt.properties.document.has('atomBilling.atom.monthRanges')).toBe(false);
    const setup = rt.runFromSidebar('getMonthCloseSetup') as MonthCloseSetup;
    expect(setup.defaultMonth).toBe('2025-04');
    expect(setup.groups).toEqual({ sheet: 'Billing 2025-04', range: 'W5:X305' });
    expect(setup.campaigns).toEqual({ sheet: 'Billing 2025-04', range: 'Y5:Z305' });
  });

  it('a mapping too large to remember is refused before the first write', () => {
    const rt = atomRuntime();
    const parsed = parsedCsv([AUDIT_HEADER, audit('C-1', '01/10/2025 08:15')], 'auditoria.csv');
    const before = state(rt);
    expect(() =>
      importParsed(rt, parsed, 'auditoria.csv', {
        mapping: { ...parsed.mapping, agent: 'A'.repeat(10_000) },
      }),
    ).toThrow(
      /^auditoria.csv: the column mapping to remember would take 10,\d{3} bytes, but Apps Script stores at most 9,216 bytes in one setting; nothing was written$/,
    );
    expect(state(rt)).toEqual(before);
  });

  it('a document whose months are in the old property keeps working, and moves a month to named ranges on its next import', () => {
    const rt = runtimeAt('2025-10-20T12:00:00Z');
    const october = parsedCsv([AUDIT_HEADER, audit('C-1', '01/10/2025 08:15')], 'auditoria.csv');
    importParsed(rt, october, 'auditoria.csv');
    // As the previous version left it: no named range, the months in one document property.
    const legacy = {
      '2025-10': {
        groups: { sheet: 'Billing 2025-10', range: 'W5:X305' },
        campaigns: null,
        capacity: 300,
      },
      '2025-09': { groups: { sheet: 'Billing 2025-09', range: 'W5:X305' }, campaigns: null, capacity: 300 },
    };
    rt.spreadsheet.namedRanges.splice(0);
    rt.properties.document.set('atomBilling.atom.monthRanges', JSON.stringify(legacy));
    const setup = () => rt.runFromSidebar('getMonthCloseSetup') as MonthCloseSetup;
    expect(setup().groups).toEqual({ sheet: 'Billing 2025-10', range: 'W5:X305' });

    importParsed(rt, october, 'auditoria.csv');
    expect(JSON.parse(rt.properties.document.get('atomBilling.atom.monthRanges')!)).toEqual({
      '2025-09': legacy['2025-09'],
    });
    expect(namedMonthRanges(rt)).toEqual({ '2025-10': legacy['2025-10'] });
    expect(setup().groups).toEqual({ sheet: 'Billing 2025-10', range: 'W5:X305' });
  });
});

describe('impossible dates (point 8)', () => {
  const rows = [
    AUDIT_HEADER,
    audit('C-1', '01/01/0001 10:00'),
    audit('C-2', '31/12/99 10:00'),
    audit('C-3', '15/10/2025 10:00'),
  ];

  it('the parser leaves out placeholder and far-future starts, naming row and column; no "Billing 0001-01" is made', () => {
    const rt = atomRuntime();
    const parsed = parsedCsv(rows, 'auditoria.csv');
    expect(parsed.rejected).toEqual([
      { row: 2, reason: expect.stringMatching(/^Fecha de inicio: 0001-01-01 is before 2014-01-01/) },
      { row: 3, reason: expect.stringMatching(/^Fecha de inicio: 2099-12-31 is after \d{4}-12-31/) },
    ]);
    importParsed(rt, parsed, 'auditoria.csv');
    expect(rt.spreadsheet.sheets.map((s) => s.name).filter((n) => n.startsWith('Billing '))).toEqual([
      'Billing 2025-10',
    ]);
  });

  it('rows that reach the server without the sidebar are checked again: refused naming file, row and column', () => {
    const rt = atomRuntime();
    const parsed = parsedCsv(
      rows.filter((_, i) => i !== 1 && i !== 2),
      'auditoria.csv',
    );
    const forged = { ...parsed, rows: [{ ...parsed.rows[0], start: '0001-01-01 10:00:00' }, ...parsed.rows] };
    const before = state(rt);
    expect(() => importParsed(rt, forged, 'auditoria.csv')).toThrow(
      /^auditoria\.csv: row 1 of batch 1 cannot be imported: column "Fecha de inicio": 0001-01-01 is before 2014-01-01/,
    );
    expect(state(rt)).toEqual(before);
  });
});
