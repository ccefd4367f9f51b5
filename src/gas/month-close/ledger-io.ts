/**
 * Reads the "Imports" ledger and appends one row per import (never rewriting earlier rows). The rows below the
 * last entry carry the entry formats ahead of time (set when the sheet is made or grows), so an append is one
 * setValues; the formats are written again only when the next row's, read first, are not the entry's.
 */
import {
  ALL_LABELS,
  GENERAL_FORMAT,
  LEDGER_COLUMNS,
  LEDGER_OWNED_COLUMNS,
  LEDGER_SHEET,
  type LedgerEntry,
  ledgerRow,
  ledgerRowFormats,
  ledgerRowsAdded,
  type MonthCloseLabels,
  readLedger,
} from '../../month-close';
import { literalRow } from '../../core/sheet-output/literal-text';
import type { WrittenSheet } from '../../rpc/contract';
import type { ZoneCalendar } from '../../core/zone-calendar';
import { narrowSheet, writtenSheet } from '../shared/narrow-sheet';
import { sameRow } from './formatted-rows';
import { ownedSheet, refreshHeader, type OwnedSheet } from '../shared/owned-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LedgerRead extends OwnedSheet {
  entries: LedgerEntry[];
  /** The row the next entry goes to, and its formats as read (null when the sheet has no such row yet). */
  next: { row: number; formats: string[] | null };
}

export function readLedgerSheet(spreadsheet: Spreadsheet, calendar: ZoneCalendar): LedgerRead {
  const owned = ownedSheet(
    spreadsheet,
    LEDGER_SHEET,
    ALL_LABELS.map((l) => l.ledgerHeader.slice(0, LEDGER_OWNED_COLUMNS)),
  );
  const { sheet } = owned;
  if (!sheet || !owned.header) return { ...owned, entries: [], next: { row: 2, formats: null } };
  // A ledger made before the Notes or cost-to-allocate columns is narrower: read what it has (added when writing).
  const width = Math.min(sheet.getMaxColumns(), LEDGER_COLUMNS);
  const rows = sheet.getLastRow() - 1;
  const values = sheet.getRange(1, 1, rows + 1, width).getValues();
  const entries = rows > 0 ? readLedger(values.slice(1), calendar) : [];
  const row = rows + 2;
  const formats = row <= sheet.getMaxRows() ? sheet.getRange(row, 1, 1, width).getNumberFormats()[0] : null;
  return { sheet, header: values[0], entries, next: { row, formats } };
}

export function appendLedgerRow(
  spreadsheet: Spreadsheet,
  read: LedgerRead,
  entry: LedgerEntry,
  labels: MonthCloseLabels,
  makeDate: (ms: number) => Date,
): WrittenSheet {
  const row = ledgerRow(entry, labels, makeDate);
  const formats = ledgerRowFormats(entry.currency);
  // A ledger made before the Notes or cost-to-allocate columns gains them (the plan counted their cells).
  const missing = read.sheet ? LEDGER_COLUMNS - read.sheet.getMaxColumns() : 0;
  if (read.sheet && missing > 0) read.sheet.insertColumnsAfter(read.sheet.getMaxColumns(), missing);
  if (!read.sheet || !read.header) {
    // A new (or emptied) sheet: every row's formats in one call, then header and first entry in one setValues.
    const sheet = narrowSheet(spreadsheet, read.sheet, LEDGER_SHEET, LEDGER_COLUMNS);
    formatRowsFrom(sheet, 1, formats, new Array<string>(LEDGER_COLUMNS).fill(GENERAL_FORMAT));
    const target = sheet.getRange(1, 1, 2, LEDGER_COLUMNS);
    // Named before the entry's setValues: that write is the import's last call (its commit).
    const written = writtenSheet(sheet);
    target.setValues([literalRow(labels.ledgerHeader), row]);
    return written;
  }
  const sheet = read.sheet;
  refreshHeader(sheet, read.header, labels.ledgerHeader);
  const { formats: nextFormats } = read.next;
  if (!sameRow(nextFormats ?? undefined, formats)) formatRowsFrom(sheet, read.next.row, formats);
  const target = sheet.getRange(read.next.row, 1, 1, LEDGER_COLUMNS);
  const written = writtenSheet(sheet);
  target.setValues([row]);
  return written;
}

/**
 * Gives the entry formats to every row from `firstRow` down (the header's to the first, when given), adding rows
 * when the sheet ends before the rows about to be written. Values are written after, into cells already
 * formatted (a Date keeps the cell's date format).
 */
function formatRowsFrom(sheet: Sheet, firstRow: number, formats: readonly string[], header?: string[]): void {
  const lastWritten = firstRow + (header ? 1 : 0);
  const added = ledgerRowsAdded(lastWritten, sheet.getMaxRows());
  if (added > 0) sheet.insertRowsAfter(sheet.getMaxRows(), added);
  const rows = Array.from({ length: sheet.getMaxRows() - firstRow + 1 }, () => [...formats]);
  if (header) rows[0] = header;
  sheet.getRange(firstRow, 1, rows.length, LEDGER_COLUMNS).setNumberFormats(rows);
}
