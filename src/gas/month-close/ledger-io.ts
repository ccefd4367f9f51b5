/** Reads the "Imports" ledger and appends one row per import (never rewriting earlier rows). */
import { ALL_LABELS, LEDGER_SHEET, type MonthCloseLabels } from '../../core/month-close/labels';
import {
  LEDGER_COLUMNS,
  ledgerRow,
  ledgerRowFormats,
  readLedger,
  type LedgerEntry,
} from '../../core/month-close/ledger';
import { GENERAL_FORMAT } from '../../core/month-close/formats';
import { literalRow } from '../../core/sheet-output/literal-text';
import type { ZoneCalendar } from '../../core/zone-calendar';
import { ownedSheet } from './owned-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LedgerRead {
  sheet: Sheet | null;
  hasHeader: boolean;
  entries: LedgerEntry[];
}

export function readLedgerSheet(spreadsheet: Spreadsheet, calendar: ZoneCalendar): LedgerRead {
  const { sheet, header } = ownedSheet(
    spreadsheet,
    LEDGER_SHEET,
    ALL_LABELS.map((l) => l.ledgerHeader),
  );
  const rows = sheet ? sheet.getLastRow() - 1 : 0;
  const entries =
    sheet && rows > 0 ? readLedger(sheet.getRange(2, 1, rows, LEDGER_COLUMNS).getValues(), calendar) : [];
  return { sheet, hasHeader: header !== null, entries };
}

export function appendLedgerRow(
  spreadsheet: Spreadsheet,
  read: LedgerRead,
  entry: LedgerEntry,
  labels: MonthCloseLabels,
  makeDate: (ms: number) => Date,
): Sheet {
  const row = ledgerRow(entry, labels, makeDate);
  const formats = ledgerRowFormats(entry.currency);
  if (!read.sheet || !read.hasHeader) {
    const sheet = read.sheet ?? spreadsheet.insertSheet(LEDGER_SHEET);
    const range = sheet.getRange(1, 1, 2, LEDGER_COLUMNS);
    range.setValues([literalRow(labels.ledgerHeader), row]);
    range.setNumberFormats([new Array<string>(LEDGER_COLUMNS).fill(GENERAL_FORMAT), formats]);
    sheet.setFrozenRows(1);
    return sheet;
  }
  const sheet = read.sheet;
  sheet.appendRow(row);
  sheet.getRange(sheet.getLastRow(), 1, 1, LEDGER_COLUMNS).setNumberFormats([formats]);
  return sheet;
}
