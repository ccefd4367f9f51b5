/**
 * Writes a month's Atom block on its "Billing YYYY-MM" sheet, in columns W:Z (right of the month close's tables,
 * which end at V). A month not closed yet gets the sheet with the month close's title in A1, so the month close
 * later recognises it as its own. One setValues (blanks over what a longer previous block left), one setNumberFormats.
 */
import { ATOM_BLOCK_COLUMN, type BlockLayout, type MonthBlock } from '../../atom';
import { ALL_LABELS, columnLetters, monthCloseLabels, summarySheetName } from '../../month-close';
import { literalText } from '../../core/sheet-output/literal-text';
import { zonedTimeToEpoch } from '../../core/time';
import { ownedSheet } from '../shared/owned-sheet';
import { ensureRows } from './sheet-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The month's sheet if it is ours (or missing: null); throws, before anything is written, for a stranger's sheet. */
export function checkedMonthSheet(month: string): Sheet | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return ownedSheet(
    spreadsheet,
    summarySheetName(month),
    ALL_LABELS.map((l) => [l.title(month)]),
  ).sheet;
}

export interface WrittenMonthBlock {
  sheet: Sheet;
  /** A1 ranges: the tables' rows (header and capacity), and each table with rows (null: the month has none). */
  table: string;
  groups: string | null;
  campaigns: string | null;
}

function tableRange(layout: BlockLayout, offset: number, width: number): string {
  const first = columnLetters(ATOM_BLOCK_COLUMN + offset);
  const last = columnLetters(ATOM_BLOCK_COLUMN + offset + width - 1);
  const header = layout.headerRow + 1;
  return `${first}${header}:${last}${header + layout.capacity}`;
}

/**
 * `capacity`: what the block already on the sheet holds (null: no block yet). A block that needs more inserts the extra rows before the
 * tables' last row: every range that reads them (the month close's BILLED_BY_GROUP / BILLED_BY_CAMPAIGN, a user's
 * own formula) spans the insertion and grows with it, as Sheets adjusts references
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsBefore(Integer,Integer)).
 * The month close's own cells end far above (its tables start at row 3; only BILLED_BY_GROUP's spill reaches down).
 */
export function writeMonthBlock(
  existing: Sheet | null,
  month: string,
  block: MonthBlock,
  timeZone: string,
  capacity: number | null,
): WrittenMonthBlock {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const layout = block.layout;
  let sheet = existing;
  // An empty sheet of the month's name is one an import made and was cut off before titling: it is titled now.
  if (!sheet || sheet.getLastRow() === 0) {
    sheet ??= spreadsheet.insertSheet(summarySheetName(month));
    sheet.getRange(1, 1).setValue(monthCloseLabels(spreadsheet.getSpreadsheetLocale()).title(month));
  } else if (capacity !== null && layout.capacity > capacity) {
    sheet.insertRowsBefore(layout.headerRow + 1 + capacity, layout.capacity - capacity);
  }
  ensureRows(sheet, block.cells.length);
  const values: unknown[][] = block.cells.map((row) =>
    row.map((cell) => {
      if (typeof cell === 'string') return literalText(cell);
      if (typeof cell === 'number') return cell;
      // setValues enters a "=" string as a formula, as typed input is.
      if ('formula' in cell) return cell.formula;
      const [y, m, d] = cell.day.split('-').map(Number);
      return new Date(zonedTimeToEpoch(y, m, d, timeZone));
    }),
  );
  // Blanks over what a longer previous block left, in the same call: the tables are never seen empty between two.
  const blank = block.cells[0].map(() => '');
  const height = values.length;
  for (let r = height; r < sheet.getLastRow(); r++) values.push(blank);
  sheet.getRange(1, ATOM_BLOCK_COLUMN, values.length, layout.width).setValues(values);
  // After the values: a Date written into an unformatted cell gets a date-time format, which this replaces.
  sheet.getRange(1, ATOM_BLOCK_COLUMN, height, layout.width).setNumberFormats(block.formats);
  return {
    sheet,
    table: tableRange(layout, 0, layout.width),
    groups: block.rows.groups > 0 ? tableRange(layout, layout.groups, 2) : null,
    campaigns: block.rows.campaigns > 0 ? tableRange(layout, layout.campaigns, 2) : null,
  };
}
