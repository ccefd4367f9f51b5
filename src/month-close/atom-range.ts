/**
 * The Atom data finance points the import at: a sheet and a two-column range (label, conversations) whose first row
 * is a header. The summary's BILLED_BY_* formulas read the rows under the header, so they stay live.
 */
import type { CardNote } from './card-notes';
import { MonthCloseInputError } from './month';

/** Existing data in the spreadsheet: a sheet's name and an A1 range on it (e.g. `A1:B20`, `A:B`). */
export interface SheetRangeRef {
  sheet: string;
  range: string;
}

export interface AtomRange {
  sheet: string;
  /** 1-based; `lastRow` null for an open-ended range such as A:B. */
  firstRow: number;
  lastRow: number | null;
  /** 1-based column of the labels; the conversations are in the next one. */
  column: number;
}

const A1 = /^\$?([A-Z]{1,3})(?:\$?(\d+))?:\$?([A-Z]{1,3})(?:\$?(\d+))?$/;

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A whole column: rows inserted above a range shift it (the month close inserts rows into Meta data as it upserts
 * a month), a whole column never moves. Headers and captions in it are text, which SUMIFS neither sums nor
 * matches with a day.
 */
export function wholeColumn(sheet: string, column: number): string {
  const letters = columnLetters(column);
  return `${quoteSheetName(sheet)}!$${letters}:$${letters}`;
}

/**
 * `what` names the field in messages ("groups", "campaigns"). The range may also carry the sheet
 * (`'Atom groups'!A1:B20`), as typed or copied from the name box.
 */
export function parseAtomRange(what: string, sheet: unknown, range: unknown): AtomRange {
  let sheetName = typeof sheet === 'string' ? sheet.trim() : '';
  let a1 = typeof range === 'string' ? range.trim().toUpperCase() : '';
  const bang = a1.lastIndexOf('!');
  if (bang >= 0) {
    const quoted = String(range).trim().slice(0, bang);
    sheetName = quoted.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    a1 = a1.slice(bang + 1);
  }
  if (!sheetName) throw new MonthCloseInputError(`The ${what} range needs a sheet name`);
  const m = A1.exec(a1);
  if (!m) {
    throw new MonthCloseInputError(
      `The ${what} range "${String(range).slice(0, 40)}" must be two columns in A1 notation, e.g. A1:B20 or A:B`,
    );
  }
  const [first, last] = [columnNumber(m[1]), columnNumber(m[3])];
  if (last !== first + 1) {
    throw new MonthCloseInputError(
      `The ${what} range ${a1} must be exactly two columns: the label, then the conversations`,
    );
  }
  const top = m[2] === undefined ? 1 : Number(m[2]);
  const bottom = m[4] === undefined ? null : Number(m[4]);
  if (top < 1 || (bottom !== null && bottom < top + 1)) {
    throw new MonthCloseInputError(
      `The ${what} range ${a1} must hold a header row and at least one row of data`,
    );
  }
  return { sheet: sheetName, firstRow: top, lastRow: bottom, column: first };
}

/** `'Sheet'!A2:A20` (or `A2:A` open-ended): one column under the header, for a formula. */
export function dataColumnRef(range: AtomRange, offset: 0 | 1): string {
  const letters = columnLetters(range.column + offset);
  const end = range.lastRow === null ? letters : `${letters}${range.lastRow}`;
  return `${quoteSheetName(range.sheet)}!${letters}${range.firstRow + 1}:${end}`;
}

/** The A1 text of the whole range (header included), as stored to prefill the sidebar. */
export function rangeA1(range: AtomRange): string {
  const a = columnLetters(range.column);
  const b = columnLetters(range.column + 1);
  return range.lastRow === null && range.firstRow === 1
    ? `${a}:${b}`
    : `${a}${range.firstRow}:${b}${range.lastRow ?? ''}`;
}

/** Sheet names are always quoted in formulas; a quote inside is doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Where each month's Atom tables are (from the Atom import), by month key. */
export type MonthAtomTables = Record<
  string,
  { groups: SheetRangeRef | null; campaigns: SheetRangeRef | null }
>;

const BILLING_SHEET = /^Billing (\d{4}-\d{2})$/;

/** The first column's letters of an A1 range (`W5:X305` → W); tables grow downwards, so rows do not identify one. */
function firstColumn(a1: string): string {
  return /^\$?([A-Za-z]{1,3})/.exec(a1.trim())?.[1].toUpperCase() ?? '';
}

/**
 * The month whose Atom table a range points at: a "Billing YYYY-MM" sheet's month, or the month of an Atom table on
 * the same sheet and columns; null for a sheet of the user's own (which the month close cannot date).
 */
export function tableMonthOf(ref: SheetRangeRef, tables: MonthAtomTables): string | null {
  const billing = BILLING_SHEET.exec(ref.sheet);
  if (billing) return billing[1];
  const column = firstColumn(ref.range);
  for (const [month, t] of Object.entries(tables)) {
    for (const table of [t.groups, t.campaigns]) {
      if (table && table.sheet === ref.sheet && firstColumn(table.range) === column) return month;
    }
  }
  return null;
}

/** The other month a range's table belongs to when it is not `month`'s; null when it is the month's or undated. */
export function otherMonthOf(
  ref: SheetRangeRef | null | undefined,
  month: string,
  tables: MonthAtomTables,
): string | null {
  if (!ref) return null;
  const owner = tableMonthOf(ref, tables);
  return owner !== null && owner !== month ? owner : null;
}

/** The result card's notes for the groups and campaigns ranges that are another month's Atom tables. */
export function otherMonthNotes(
  groups: SheetRangeRef | null | undefined,
  campaigns: SheetRangeRef | null | undefined,
  month: string,
  tables: MonthAtomTables,
): CardNote[] {
  return (
    [
      ['groups', groups],
      ['campaigns', campaigns],
    ] as const
  ).flatMap(([what, ref]) => {
    const owner = otherMonthOf(ref, month, tables);
    if (!ref || !owner) return [];
    return [
      { code: 'otherMonthTable', what, range: `${quoteSheetName(ref.sheet)}!${ref.range}`, month, owner },
    ];
  });
}
