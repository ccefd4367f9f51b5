/**
 * Writes a month's Atom block on its "Billing YYYY-MM" sheet (created when the month has not been closed yet):
 * one clear of the block's columns, one setValues, one number format for the days.
 */
import { BLOCK_WIDTH, monthBlock } from '../../atom/month-block';
import type { AtomMonthTables } from '../../atom/month-tables';
import type { AtomSheetLabels } from '../../atom/sheet-labels';
import { summarySheetName } from '../../core/month-close/labels';
import { literalText } from '../../core/sheet-output/literal-text';
import { zonedTimeToEpoch } from '../../core/time';
import type { SheetRangeRef, WrittenSheet } from '../../rpc/contract';
import { ensureRows, sheetOrNew } from './sheet-io';

/** Column X: right of the month close's own tables, and within a new sheet's 26 columns (X:Z). */
export const BLOCK_COLUMN = 24;

const letter = (column: number): string => String.fromCharCode(64 + column);

function a1(firstRow: number, rows: number, firstColumn: number, columns: number): string {
  return `${letter(firstColumn)}${firstRow}:${letter(firstColumn + columns - 1)}${firstRow + rows - 1}`;
}

export interface WrittenMonthBlock {
  sheet: WrittenSheet;
  /** Header row + data of each table; null when the month has none. */
  groups: SheetRangeRef | null;
  campaigns: SheetRangeRef | null;
}

export function writeMonthBlock(
  tables: AtomMonthTables,
  labels: AtomSheetLabels,
  timeZone: string,
): WrittenMonthBlock {
  const sheet = sheetOrNew(summarySheetName(tables.month));
  const block = monthBlock(tables, labels);
  ensureRows(sheet, block.cells.length);
  sheet.getRange(1, BLOCK_COLUMN, sheet.getMaxRows(), BLOCK_WIDTH).clearContent();
  const values = block.cells.map((row) =>
    row.map((cell) => {
      if (typeof cell === 'string') return literalText(cell);
      if (typeof cell === 'number') return cell;
      const [y, m, d] = cell.day.split('-').map(Number);
      return new Date(zonedTimeToEpoch(y, m, d, timeZone));
    }),
  );
  sheet.getRange(1, BLOCK_COLUMN, values.length, BLOCK_WIDTH).setValues(values);
  if (block.daily.rows > 0) {
    sheet
      .getRange(block.daily.headerRow + 2, BLOCK_COLUMN, block.daily.rows, 1)
      .setNumberFormat('yyyy-mm-dd');
  }
  const name = sheet.getName();
  const range = (t: { headerRow: number; rows: number }): SheetRangeRef | null =>
    t.rows === 0 ? null : { sheet: name, range: a1(t.headerRow + 1, t.rows + 1, BLOCK_COLUMN, 2) };
  return {
    sheet: { name, sheetId: sheet.getSheetId() },
    groups: range(block.groups),
    campaigns: range(block.campaigns),
  };
}
