/**
 * Apps Script's limits that an import's plan is checked against before its first write: Sheets and Apps Script
 * refuse past them only part-way through (they have no transactions), so an import that would cross one must be
 * refused while every sheet is still as it was.
 * https://developers.google.com/apps-script/guides/services/quotas (cells per spreadsheet, characters per cell,
 * property value and store sizes, execution time); https://support.google.com/drive/answer/37603 (10 M cells).
 */
import { UserFacingError } from '../errors';

export const APPS_SCRIPT_LIMITS = {
  /** Every cell of every sheet's grid counts, empty or not. */
  cellsPerSpreadsheet: 10_000_000,
  charactersPerCell: 50_000,
  /** UTF-8 bytes of one property value. */
  propertyValueBytes: 9 * 1024,
  /** UTF-8 bytes of one store's keys and values together. */
  propertyStoreBytes: 500 * 1024,
  executionMs: 6 * 60_000,
} as const;

/** An import refused before its first write: every sheet and setting is as it was. */
export class PlanLimitError extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = 'PlanLimitError';
  }
}

export const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The grid cells a plan adds must fit beside those the spreadsheet already has. `what` names the import
 * ("The month close of 2025-10"), `largest` the sheets that hold the most cells, to say what to archive or delete.
 */
export function checkCellsFit(
  what: string,
  cellsNow: number,
  cellsAdded: number,
  largest: readonly { name: string; cells: number }[],
): void {
  const free = Math.max(0, APPS_SCRIPT_LIMITS.cellsPerSpreadsheet - cellsNow);
  if (cellsAdded <= free) return;
  const biggest = [...largest]
    .sort((a, b) => b.cells - a.cells)
    .slice(0, 3)
    .map((s) => `"${s.name}" (${count(s.cells)})`);
  throw new PlanLimitError(
    `${what} needs ${count(cellsAdded)} more cells, but the spreadsheet has ${count(free)} of its ` +
      `${count(APPS_SCRIPT_LIMITS.cellsPerSpreadsheet)} cells free; nothing was written. Archive or delete ` +
      `sheets you no longer need${biggest.length ? ` — the largest are ${biggest.join(', ')}` : ''} — or move ` +
      'older months to another spreadsheet, then import again',
  );
}

/** A sheet's grid: Sheets counts every cell of it, empty or not. */
export interface Grid {
  rows: number;
  columns: number;
}

/**
 * The grid insertSheet makes (1000 rows × 26 columns), whatever is trimmed from it afterwards
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)).
 */
export const NEW_SHEET_GRID: Grid = { rows: 1000, columns: 26 };

/** One sheet's grid before a plan's writes (null: the plan inserts it) and after them. */
export interface GridChange {
  before: Grid | null;
  after: Grid;
}

const area = (g: Grid): number => g.rows * g.columns;

/**
 * The most cells a plan's sheet changes add at any moment, made in order: a new sheet first takes insertSheet's
 * whole grid (a narrow sheet is trimmed only after), so its peak is the larger of that grid and its final size.
 */
export function cellsAdded(changes: readonly GridChange[]): number {
  let done = 0;
  let peak = 0;
  for (const { before, after } of changes) {
    const grown = area(after) - (before ? area(before) : 0);
    peak = Math.max(peak, done + Math.max(grown, before ? 0 : area(NEW_SHEET_GRID)));
    done += grown;
  }
  return peak;
}

const bytes = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
};

/** The UTF-8 size Apps Script counts for a property value. */
export const utf8Bytes = bytes;

/**
 * A text cell longer than Sheets holds; `where` names the file or sheet, row and column for the message.
 * `written`: the characters the write adds to the text (1 for the apostrophe of literal text, which Sheets counts).
 */
export function checkCellText(text: string, where: () => string, written = 0): void {
  if (text.length + written <= APPS_SCRIPT_LIMITS.charactersPerCell) return;
  throw new PlanLimitError(
    `${where()} holds ${count(text.length)} characters; a Google Sheets cell holds at most ` +
      `${count(APPS_SCRIPT_LIMITS.charactersPerCell - written)}. Nothing was written`,
  );
}

/** A property value the plan would store must fit in one property (9 KB). */
export function checkPropertyValue(what: string, value: string): void {
  const size = bytes(value);
  if (size <= APPS_SCRIPT_LIMITS.propertyValueBytes) return;
  throw new PlanLimitError(
    `${what} would take ${count(size)} bytes, but Apps Script stores at most ` +
      `${count(APPS_SCRIPT_LIMITS.propertyValueBytes)} bytes in one setting; nothing was written`,
  );
}

/** Every text cell of the rows a plan writes to `sheet` (a sheet or file name) from row `firstRow` on. */
export function checkTextCells(sheet: string, rows: readonly (readonly unknown[])[], firstRow: number): void {
  rows.forEach((values, r) =>
    values.forEach((value, c) => {
      if (typeof value === 'string')
        checkCellText(value, () => `"${sheet}" row ${firstRow + r}, column ${c + 1}`);
    }),
  );
}

/**
 * Enough of the execution's time must be left to commit the plan: Apps Script ends an execution at 6 minutes
 * wherever it is, so a commit that could not finish is not started. `startedAtMs` is when the execution began.
 */
export function checkTimeLeft(what: string, startedAtMs: number, nowMs: number, reserveMs: number): void {
  const left = APPS_SCRIPT_LIMITS.executionMs - (nowMs - startedAtMs);
  if (left >= reserveMs) return;
  throw new PlanLimitError(
    `${what} ran out of time (6-minute limit) before writing; nothing was written — run it again`,
  );
}
