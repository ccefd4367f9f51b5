/**
 * The "Meta data" sheet: Meta's daily rows kept in Sheets (Meta only looks back one year). One row per
 * (day, line, country, pricing model, category, type, tier), sorted by day then those keys.
 *
 * Keyed upsert: an import replaces exactly the month's rows of the lines it imported. Because rows are sorted by
 * day, a month's rows are one contiguous block; only that block is rewritten (rows after it shift when its length
 * changes), so every other row stays as it was. Blank rows inside the block (left by an import that failed while
 * writing) are dropped, which is how a re-run repairs it.
 */
import { isBlank } from '../core/sheet-args/cells';
import { cellInstant } from '../core/sheet-args/date-times';
import { literalRow } from '../core/sheet-output/literal-text';
import { dayKeyToIso } from '../core/time';
import type { ZoneCalendar } from '../core/zone-calendar';
import { sumCosts } from '../core/exact/cost-sum';
import type { MetaUsageRow } from './figures';
import { COUNT_FORMAT, DATE_FORMAT, DATE_TIME_FORMAT, GENERAL_FORMAT, moneyFormat } from './formats';
import { firstDay, lastDay, type CalendarMonth } from './month';

export const DATA_COLUMNS = 12;
const KEY_COLUMNS = 7;
/**
 * 0-based columns (the Atom reconciliation sums volume by day and type with SUMIFS). The tier's readable range is
 * the last column, not beside the code: inserting a column would move the columns those formulas read.
 */
export const COL = {
  day: 0,
  line: 1,
  type: 5,
  tier: 6,
  volume: 7,
  cost: 8,
  currency: 9,
  importedAt: 10,
  tierLabel: 11,
} as const;

export interface DataRow {
  /** yyyy-MM-dd */
  day: string;
  line: string;
  country: string;
  pricingModel: string;
  category: string;
  type: string;
  tier: string;
  volume: number;
  cost: number | null;
  currency: string;
}

/** How cells are made and read in this spreadsheet: its zone, and Dates of the realm Sheets reads. */
export interface CellCalendar {
  calendar: ZoneCalendar;
  makeDate(epochMs: number): Date;
}

export function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * Meta's rows for the sheet: lines shown by their display number (`lineLabels`: digits → label), one row per key
 * (Meta sends one per key already; summing makes a duplicate impossible), sorted.
 */
export function dataRowsOf(
  rows: readonly MetaUsageRow[],
  lineLabels: ReadonlyMap<string, string>,
  currency: string,
): DataRow[] {
  const byKey = new Map<string, DataRow>();
  for (const r of rows) {
    const line = r.line === null ? '' : (lineLabels.get(digitsOf(r.line)) ?? r.line);
    const row: DataRow = {
      day: r.day,
      line,
      country: r.country ?? '',
      pricingModel: r.pricingModel,
      category: r.category ?? '',
      type: r.type ?? '',
      tier: r.tier ?? '',
      volume: r.volume,
      cost: r.cost,
      currency: r.currency || currency,
    };
    // Rows of two accounts never merge across currencies.
    const key = JSON.stringify([...keyOf(row), row.currency]);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, row);
    else {
      seen.volume += row.volume;
      seen.cost = sumCosts([seen.cost, row.cost]);
    }
  }
  return [...byKey.values()].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
}

function keyOf(row: DataRow): string[] {
  return [row.day, row.line, row.country, row.pricingModel, row.category, row.type, row.tier];
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** The yyyy-MM-dd of a Day cell (a date, or ISO text someone typed), or null. */
export function dayOfCell(value: unknown, cells: CellCalendar): string | null {
  const ms = cellInstant(value, cells.calendar);
  return ms === undefined ? null : dayKeyToIso(cells.calendar.dayKeyAt(ms));
}

/** Data rows [start, end) (0-based, header excluded) that the month's upsert rewrites. */
export interface DataBlock {
  start: number;
  end: number;
}

/**
 * The month's block in the Day column: after the last row of an earlier day, before the first row of a later day.
 * A sheet someone re-sorted (days out of order) is rewritten whole, still sorted, so no row is lost or doubled.
 */
export function monthBlock(days: readonly (string | null)[], month: CalendarMonth): DataBlock {
  const from = dayKeyToIso(firstDay(month));
  const to = dayKeyToIso(lastDay(month));
  let previous = '';
  for (const day of days) {
    if (day === null) continue;
    if (day < previous) return { start: 0, end: days.length };
    previous = day;
  }
  let start = 0;
  let end = days.length;
  days.forEach((day, i) => {
    if (day !== null && day < from) start = i + 1;
  });
  for (let i = days.length - 1; i >= start; i--) {
    const day = days[i];
    if (day !== null && day > to) end = i;
  }
  return { start, end };
}

export interface BlockRewrite {
  values: unknown[][];
  formats: string[][];
}

/**
 * The block's new content: its rows outside the upsert (other lines, other months of a re-sorted sheet) as they
 * were — same values, same formats — plus Meta's rows for the month, all sorted; fully blank rows dropped.
 * `lineDigits` null = every line was imported; `keeps` says which stored rows of the month stay beside Meta's
 * (src/month-close/stored-history.ts).
 */
export function rewriteBlock(
  block: { values: readonly unknown[][]; formats: readonly string[][] },
  month: CalendarMonth,
  lineDigits: ReadonlySet<string> | null,
  fresh: readonly DataRow[],
  importedAtMs: number,
  cells: CellCalendar,
  keeps: (day: string, lineDigits: string, currency: string) => boolean = () => false,
  /** The readable tier range of a tier code (src/month-close/tier-label.ts) in the spreadsheet's language. */
  tierRange: (code: string) => string = (code) => code,
): BlockRewrite {
  const from = dayKeyToIso(firstDay(month));
  const to = dayKeyToIso(lastDay(month));
  const entries: { key: string[]; values: unknown[]; formats: string[] }[] = [];
  block.values.forEach((values, i) => {
    if (values.every(isBlank)) return;
    const day = dayOfCell(values[COL.day], cells);
    const inMonth = day !== null && day >= from && day <= to;
    const line = digitsOf(String(values[COL.line] ?? ''));
    if (
      day !== null &&
      inMonth &&
      (lineDigits === null || lineDigits.has(line)) &&
      !keeps(day, line, String(values[COL.currency] ?? ''))
    )
      return;
    // A row of the layout before the tier range (11 columns) gets it too.
    const formats = dataRowFormats('');
    block.formats[i].slice(0, COL.tierLabel).forEach((f, c) => (formats[c] = f));
    entries.push({
      // A row whose day cannot be read sorts after the dated ones, in its old order.
      key: [day ?? '\uffff', ...values.slice(1, KEY_COLUMNS).map((v) => String(v ?? ''))],
      values: literalRow([...values.slice(0, COL.tierLabel), tierRange(String(values[COL.tier] ?? ''))]),
      formats,
    });
  });
  const importedAt = cells.makeDate(importedAtMs);
  for (const row of fresh) {
    entries.push({
      key: keyOf(row),
      values: [
        cells.makeDate(midnight(row.day, cells)),
        ...literalRow([row.line, row.country, row.pricingModel, row.category, row.type, row.tier]),
        row.volume,
        row.cost ?? '',
        ...literalRow([row.currency]),
        importedAt,
        ...literalRow([tierRange(row.tier)]),
      ],
      formats: dataRowFormats(row.currency),
    });
  }
  // Array.prototype.sort is stable: equal keys keep their order.
  entries.sort((a, b) => compareKeys(a.key, b.key));
  return { values: entries.map((e) => e.values), formats: entries.map((e) => e.formats) };
}

function midnight(isoDay: string, cells: CellCalendar): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  return cells.calendar.instantOf(y, m, d);
}

export function dataRowFormats(currency: string): string[] {
  const formats = new Array<string>(DATA_COLUMNS).fill(GENERAL_FORMAT);
  formats[COL.day] = DATE_FORMAT;
  formats[COL.volume] = COUNT_FORMAT;
  formats[COL.cost] = moneyFormat(currency);
  formats[COL.importedAt] = DATE_TIME_FORMAT;
  return formats;
}

export function dataHeaderFormats(): string[] {
  return new Array<string>(DATA_COLUMNS).fill(GENERAL_FORMAT);
}
