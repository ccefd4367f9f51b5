/**
 * Reads and writes the "Meta data" sheet for one month's upsert: the Day column and the month's block are read
 * first; the write is at most one row insert or delete (so rows after the block shift, untouched), one setValues
 * and, only for rows whose formats are not already right, one setNumberFormats — whatever the number of rows.
 */
import {
  ALL_LABELS,
  type CalendarMonth,
  type CellCalendar,
  DATA_COLUMNS,
  DATA_SHEET,
  type DataBlock,
  dataHeaderFormats,
  dataRowsInserted,
  dayOfCell,
  monthBlock,
  type MonthCloseLabels,
  OLD_DATA_HEADERS,
} from '../../month-close';
import { literalRow } from '../../core/sheet-output/literal-text';
import { narrowSheet } from '../shared/narrow-sheet';
import { writeFormattedRows } from './formatted-rows';
import { ownedSheet, refreshHeader, type OwnedSheet } from '../shared/owned-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface DataSheetRead extends OwnedSheet {
  /** Data rows below the header (up to the last row with content). */
  dataRows: number;
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
  const { sheet, header } = ownedSheet(spreadsheet, DATA_SHEET, [
    ...ALL_LABELS.map((l) => l.dataHeader),
    ...OLD_DATA_HEADERS,
  ]);
  const dataRows = sheet ? Math.max(0, sheet.getLastRow() - 1) : 0;
  if (!sheet || dataRows < 1) {
    return { sheet, header, dataRows, block: { start: 0, end: 0 }, values: [], formats: [] };
  }
  const days = sheet
    .getRange(FIRST_DATA_ROW, 1, dataRows, 1)
    .getValues()
    .map((r) => dayOfCell(r[0], cells));
  // A sheet without the tier-range column (older versions) is rewritten whole, so every row gets it.
  const old = !ALL_LABELS.some((l) => l.dataHeader.every((text, i) => header?.[i] === text));
  const block = old ? { start: 0, end: dataRows } : monthBlock(days, month);
  if (block.end === block.start) return { sheet, header, dataRows, block, values: [], formats: [] };
  const width = Math.min(DATA_COLUMNS, sheet.getMaxColumns());
  const range = sheet.getRange(FIRST_DATA_ROW + block.start, 1, block.end - block.start, width);
  return { sheet, header, dataRows, block, values: range.getValues(), formats: range.getNumberFormats() };
}

export interface DataSheetPlan {
  read: DataSheetRead;
  rows: { values: unknown[][]; formats: string[][] };
}

/** The block's change, for src/month-close/grid-growth.ts (the grid's rows added apart). */
export function dataGrowthOf(read: DataSheetRead, newLength: number) {
  return { ...read.block, dataRows: read.dataRows, newLength, firstDataRow: FIRST_DATA_ROW };
}

export function writeDataSheet(
  spreadsheet: Spreadsheet,
  plan: DataSheetPlan,
  labels: MonthCloseLabels,
): Sheet {
  const { read, rows } = plan;
  const sheet = narrowSheet(spreadsheet, read.sheet, DATA_SHEET, DATA_COLUMNS);
  const missing = DATA_COLUMNS - sheet.getMaxColumns();
  if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
  const oldLength = read.block.end - read.block.start;
  const newLength = rows.values.length;
  const blockRow = FIRST_DATA_ROW + read.block.start;
  // Formats of the block's rows as read; inserted rows, and the blank rows past the data, are unknown.
  const known: (string[] | undefined)[] = read.formats.slice(0, newLength);
  if (read.header) refreshHeader(sheet, read.header, labels.dataHeader);
  else if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  const atEnd = read.block.end === read.dataRows;
  const inserted = dataRowsInserted({ ...dataGrowthOf(read, newLength), maxRows: sheet.getMaxRows() });
  if (inserted > 0) {
    // A block at the end fills the blank rows below the data first; the sheet grows only by what is missing.
    sheet.insertRowsAfter(atEnd ? sheet.getMaxRows() : blockRow + oldLength - 1, inserted);
  } else if (newLength < oldLength) {
    const from = blockRow + newLength;
    const count = oldLength - newLength;
    // Sheets refuses to delete every non-frozen row; a block at the very end is cleared instead.
    if (sheet.getMaxRows() - count <= 1) sheet.getRange(from, 1, count, DATA_COLUMNS).clear();
    else sheet.deleteRows(from, count);
  }
  if (read.header) {
    writeFormattedRows(sheet, blockRow, rows.values, rows.formats, known);
  } else {
    // A new (or emptied) sheet: the header goes out with the rows, in the same calls.
    writeFormattedRows(
      sheet,
      1,
      [literalRow(labels.dataHeader), ...rows.values],
      [dataHeaderFormats(), ...rows.formats],
      [],
    );
  }
  return sheet;
}
