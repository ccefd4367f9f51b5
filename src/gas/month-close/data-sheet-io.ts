/**
 * Reads and writes the "Meta data" sheet for one month's upsert: the Day column and the month's block are read
 * first; the write is at most one row insert or delete (so rows after the block shift, untouched), one setValues
 * and one setNumberFormats — whatever the number of rows.
 */
import { ALL_LABELS, DATA_SHEET, type MonthCloseLabels } from '../../core/month-close/labels';
import {
  DATA_COLUMNS,
  dataHeaderFormats,
  dayOfCell,
  monthBlock,
  rewriteBlock,
  type CellCalendar,
  type DataBlock,
  type DataRow,
} from '../../core/month-close/meta-data-sheet';
import type { CalendarMonth } from '../../core/month-close/month';
import { literalRow } from '../../core/sheet-output/literal-text';
import { ownedSheet } from './owned-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface DataSheetRead {
  sheet: Sheet | null;
  hasHeader: boolean;
  block: DataBlock;
  values: unknown[][];
  formats: string[][];
}

const FIRST_DATA_ROW = 2;

export function readDataSheet(
  spreadsheet: Spreadsheet,
  month: CalendarMonth,
  cells: CellCalendar,
): DataSheetRead {
  const { sheet, header } = ownedSheet(
    spreadsheet,
    DATA_SHEET,
    ALL_LABELS.map((l) => l.dataHeader),
  );
  const empty = { start: 0, end: 0 };
  const rows = sheet ? sheet.getLastRow() - 1 : 0;
  if (!sheet || rows < 1) return { sheet, hasHeader: header !== null, block: empty, values: [], formats: [] };
  const days = sheet
    .getRange(FIRST_DATA_ROW, 1, rows, 1)
    .getValues()
    .map((r) => dayOfCell(r[0], cells));
  const block = monthBlock(days, month);
  if (block.end === block.start) return { sheet, hasHeader: true, block, values: [], formats: [] };
  const range = sheet.getRange(FIRST_DATA_ROW + block.start, 1, block.end - block.start, DATA_COLUMNS);
  return { sheet, hasHeader: true, block, values: range.getValues(), formats: range.getNumberFormats() };
}

export interface DataSheetPlan {
  read: DataSheetRead;
  rows: { values: unknown[][]; formats: string[][] };
}

export function planDataSheet(
  read: DataSheetRead,
  month: CalendarMonth,
  lineDigits: ReadonlySet<string> | null,
  fresh: readonly DataRow[],
  importedAtMs: number,
  cells: CellCalendar,
): DataSheetPlan {
  return { read, rows: rewriteBlock(read, month, lineDigits, fresh, importedAtMs, cells) };
}

export function writeDataSheet(
  spreadsheet: Spreadsheet,
  plan: DataSheetPlan,
  labels: MonthCloseLabels,
): Sheet {
  const { read, rows } = plan;
  let sheet = read.sheet;
  let values = rows.values;
  let formats = rows.formats;
  let firstRow = FIRST_DATA_ROW + read.block.start;
  const oldLength = read.block.end - read.block.start;
  if (!sheet || !read.hasHeader) {
    // A new (or emptied) sheet: the header goes out with the rows, in the same calls.
    sheet ??= spreadsheet.insertSheet(DATA_SHEET);
    values = [literalRow(labels.dataHeader), ...values];
    formats = [dataHeaderFormats(), ...formats];
    firstRow = 1;
    sheet.setFrozenRows(1);
  }
  const newLength = rows.values.length;
  if (newLength > oldLength) {
    sheet.insertRowsAfter(FIRST_DATA_ROW + read.block.start - 1 + oldLength, newLength - oldLength);
  } else if (newLength < oldLength) {
    const from = FIRST_DATA_ROW + read.block.start + newLength;
    const count = oldLength - newLength;
    // Sheets refuses to delete every non-frozen row; a block at the very end is cleared instead.
    if (sheet.getMaxRows() - count <= 1) sheet.getRange(from, 1, count, DATA_COLUMNS).clear();
    else sheet.deleteRows(from, count);
  }
  if (values.length) {
    const range = sheet.getRange(firstRow, 1, values.length, DATA_COLUMNS);
    range.setValues(values);
    range.setNumberFormats(formats);
  }
  return sheet;
}
