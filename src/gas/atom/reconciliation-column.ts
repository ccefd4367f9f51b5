/**
 * Refreshes one column of a month's reconciliation day table (the Atom block of "Billing YYYY-MM") with values:
 * with the history in BigQuery, the month close brings Meta's units after the Atom import wrote the block, and an
 * import of an earlier month changes the state a later month starts with.
 */
import { ATOM_BLOCK_COLUMN, daysOf, RECONCILIATION_COLUMN, reconciliationHeaderRow } from '../../atom';

/**
 * Writes `units` (by yyyy-MM-dd; asked for only when the table is there) into the column; false: no table, or no
 * units to write (null).
 */
export function writeReconciliationColumn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  month: string,
  column: keyof typeof RECONCILIATION_COLUMN,
  units: () => ReadonlyMap<string, number> | null,
): boolean {
  const last = sheet.getLastRow();
  if (last === 0) return false;
  const header = reconciliationHeaderRow(sheet.getRange(1, ATOM_BLOCK_COLUMN, last, 2).getValues());
  if (header === null) return false;
  const days = daysOf(month);
  const byDay = units();
  if (!byDay) return false;
  // The block's rows are the sheet's from row 1; the day rows follow the header, every day of the month.
  sheet
    .getRange(header + 2, ATOM_BLOCK_COLUMN + RECONCILIATION_COLUMN[column], days.length, 1)
    .setValues(days.map((day) => [byDay.get(day) ?? 0]));
  return true;
}
