import type { MetaUsageRow } from '../../src/month-close/figures';
import {
  dataRowFormats,
  dataRowsOf,
  dayOfCell,
  monthBlock,
  rewriteBlock,
  type CellCalendar,
} from '../../src/month-close/meta-data-sheet';
import { parseMonth } from '../../src/month-close/month';
import { monthCloseLabels } from '../../src/month-close/labels';
import { tierLabel } from '../../src/month-close/tier-label';

const EN = monthCloseLabels('en_US');
const ES = monthCloseLabels('es_CO');
import { ZoneCalendar } from '../../src/core/zone-calendar';
import { bogota } from '../core/helpers';

const cells: CellCalendar = { calendar: new ZoneCalendar('America/Bogota'), makeDate: (ms) => new Date(ms) };
const LABELS = new Map([
  ['551140028922', '+55 11 4002-8922'],
  ['525512345678', '+52 55 1234 5678'],
]);
const OCT = parseMonth('2025-10');
const IMPORTED = Date.UTC(2025, 10, 15, 17);

function meta(
  day: string,
  line: string,
  category: string,
  volume: number,
  extra: Partial<MetaUsageRow> = {},
): MetaUsageRow {
  return {
    day,
    line,
    country: 'BR',
    pricingModel: 'message',
    category,
    type: 'REGULAR',
    tier: '0:MAX',
    volume,
    cost: volume / 10,
    ...extra,
  };
}

/** A row as getValues returns it from the sheet (text without its apostrophe). */
function sheetRow(day: [number, number, number], line: string, category: string, volume: number): unknown[] {
  return [
    bogota(...day),
    line,
    'BR',
    'message',
    category,
    'REGULAR',
    '0:MAX',
    volume,
    volume / 10,
    'BRL',
    bogota(2025, 11, 1),
  ];
}

describe('dataRowsOf', () => {
  it('labels lines by display number, keeps one row per key and sorts by day then keys', () => {
    const rows = dataRowsOf(
      [
        meta('2025-10-02', '551140028922', 'UTILITY', 5),
        meta('2025-10-01', '525512345678', 'MARKETING', 3),
        meta('2025-10-01', '551140028922', 'MARKETING', 4),
        meta('2025-10-01', '551140028922', 'MARKETING', 1),
      ],
      LABELS,
      'BRL',
    );
    expect(rows.map((r) => [r.day, r.line, r.category, r.volume, r.cost])).toEqual([
      ['2025-10-01', '+52 55 1234 5678', 'MARKETING', 3, 0.3],
      ['2025-10-01', '+55 11 4002-8922', 'MARKETING', 5, 0.5],
      ['2025-10-02', '+55 11 4002-8922', 'UTILITY', 5, 0.5],
    ]);
  });
});

describe('monthBlock', () => {
  const days = ['2025-09-29', '2025-09-30', '2025-10-01', null, '2025-10-31', '2025-11-01'];
  it('is the run of the month (blank rows included) between earlier and later days', () => {
    expect(monthBlock(days, OCT)).toEqual({ start: 2, end: 5 });
  });
  it('is empty where the month would go when it has no rows', () => {
    expect(monthBlock(['2025-09-30', '2025-11-01'], OCT)).toEqual({ start: 1, end: 1 });
    expect(monthBlock([], OCT)).toEqual({ start: 0, end: 0 });
    expect(monthBlock(['2025-12-01'], OCT)).toEqual({ start: 0, end: 0 });
  });
  it('a re-sorted sheet is rewritten whole', () => {
    expect(monthBlock(['2025-11-01', '2025-10-01'], OCT)).toEqual({ start: 0, end: 2 });
  });
});

describe('rewriteBlock: the keyed upsert of one month', () => {
  const block = [
    sheetRow([2025, 10, 1], '+52 55 1234 5678', 'MARKETING', 9),
    sheetRow([2025, 10, 1], '+55 11 4002-8922', 'MARKETING', 1),
    new Array(11).fill(''),
    sheetRow([2025, 10, 2], '+55 11 4002-8922', 'UTILITY', 2),
  ];
  const formats = block.map(() => dataRowFormats('BRL'));
  const fresh = dataRowsOf([meta('2025-10-01', '551140028922', 'MARKETING', 4)], LABELS, 'BRL');

  it('replaces the rows of the lines imported, keeps the others as they were, drops blank rows', () => {
    const out = rewriteBlock(
      { values: block, formats },
      OCT,
      new Set(['551140028922']),
      fresh,
      IMPORTED,
      cells,
    );
    expect(out.values).toHaveLength(2);
    expect(out.values[0][0]).toBe(block[0][0]);
    expect(out.values[0].slice(1, 8)).toEqual([
      "'+52 55 1234 5678",
      "'BR",
      "'message",
      "'MARKETING",
      "'REGULAR",
      "'0:MAX",
      9,
    ]);
    expect(out.values[0][10]).toBe(block[0][10]);
    expect(out.values[1].slice(1, 9)).toEqual([
      "'+55 11 4002-8922",
      "'BR",
      "'message",
      "'MARKETING",
      "'REGULAR",
      "'0:MAX",
      4,
      0.4,
    ]);
    expect((out.values[1][0] as Date).getTime()).toBe(bogota(2025, 10, 1).getTime());
    expect((out.values[1][10] as Date).getTime()).toBe(IMPORTED);
    expect(out.formats).toEqual([dataRowFormats('BRL'), dataRowFormats('BRL')]);
  });

  it('all lines imported: every row of the month is replaced', () => {
    const out = rewriteBlock({ values: block, formats }, OCT, null, fresh, IMPORTED, cells);
    expect(out.values).toHaveLength(1);
    expect(out.values[0][7]).toBe(4);
  });

  it('keeps a kept row’s own formats', () => {
    const custom = formats.map((f, i) => (i === 0 ? f.map(() => '0.0') : f));
    const out = rewriteBlock(
      { values: block, formats: custom },
      OCT,
      new Set(['551140028922']),
      fresh,
      IMPORTED,
      cells,
    );
    // The block was read in the layout before the tier range: the row gets the column, in General.
    expect(out.formats[0]).toEqual([...new Array(11).fill('0.0'), 'General']);
  });

  it('every row gets its tier range beside the stored columns, in the spreadsheet language', () => {
    const range = (code: string) => tierLabel(code, ES);
    const tiered = dataRowsOf(
      [meta('2025-10-01', '551140028922', 'UTILITY', 1, { tier: '750001:MAX' })],
      LABELS,
      'BRL',
    );
    const out = rewriteBlock(
      { values: block, formats },
      OCT,
      new Set(['1']),
      tiered,
      IMPORTED,
      cells,
      undefined,
      range,
    );
    expect(out.values.map((r) => [r[6], r[11]])).toEqual([
      ["'0:MAX", "'cualquier volumen"],
      ["'0:MAX", "'cualquier volumen"],
      ["'750001:MAX", "'750.001+"],
      ["'0:MAX", "'cualquier volumen"],
    ]);
  });

  it('external text is written literally, so a formula-looking value stays text', () => {
    const evil = dataRowsOf(
      [meta('2025-10-05', '551140028922', '=HYPERLINK("x","y")', 1, { country: '+1', tier: '@SUM(A1)' })],
      LABELS,
      'BRL',
    );
    const out = rewriteBlock({ values: [], formats: [] }, OCT, null, evil, IMPORTED, cells);
    expect(out.values[0].slice(2, 7)).toEqual([
      "'+1",
      "'message",
      '\'=HYPERLINK("x","y")',
      "'REGULAR",
      "'@SUM(A1)",
    ]);
  });

  it('rewriting its own output gives the same cells (idempotent)', () => {
    const once = rewriteBlock({ values: [], formats: [] }, OCT, null, fresh, IMPORTED, cells);
    const readBack = once.values.map((r) => r.map((c) => (typeof c === 'string' ? c.slice(1) : c)));
    const twice = rewriteBlock(
      { values: readBack, formats: once.formats },
      OCT,
      null,
      fresh,
      IMPORTED,
      cells,
    );
    expect(twice).toEqual(once);
  });
});

describe('tierLabel', () => {
  it.each([
    ['0:750000', '0–750,000', '0–750.000'],
    ['750001:MAX', '750,001+', '750.001+'],
    ['25000001:50000000', '25,000,001–50,000,000', '25.000.001–50.000.000'],
    ['0:MAX', 'any volume', 'cualquier volumen'],
    ['', '', ''],
    ['TIER_X', 'TIER_X', 'TIER_X'],
  ])('%s reads as %s (English) and %s (Spanish)', (code, en, es) => {
    expect(tierLabel(code, EN)).toBe(en);
    expect(tierLabel(code, ES)).toBe(es);
  });
});

describe('dayOfCell', () => {
  it('reads date cells in the spreadsheet zone, ISO text, and nothing else', () => {
    expect(dayOfCell(bogota(2025, 10, 1), cells)).toBe('2025-10-01');
    expect(dayOfCell(bogota(2025, 10, 1, 23, 59), cells)).toBe('2025-10-01');
    expect(dayOfCell('2025-10-02', cells)).toBe('2025-10-02');
    expect(dayOfCell('', cells)).toBeNull();
    expect(dayOfCell('Day', cells)).toBeNull();
  });
});

it('formats: dates yyyy-mm-dd, counts without decimals, money in the currency’s minor units', () => {
  expect(dataRowFormats('BRL')).toEqual([
    'yyyy-mm-dd',
    'General',
    'General',
    'General',
    'General',
    'General',
    'General',
    '#,##0',
    '#,##0.00',
    'General',
    'yyyy-mm-dd hh:mm:ss',
    'General',
  ]);
  expect(dataRowFormats('CLP')[8]).toBe('#,##0');
  expect(dataRowFormats('KWD')[8]).toBe('#,##0.000');
});
