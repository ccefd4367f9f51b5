/**
 * The sheets the import owns are found by name. A sheet of that name that someone else made (its header row is not
 * ours in either language) is never written over: the import stops before writing anything.
 */
import { MonthCloseInputError } from '../../core/month-close/month';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet, or null when missing; `headers` are the accepted header rows (English, Spanish). */
export function ownedSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  headers: readonly (readonly string[])[],
  headerRow = 1,
  headerColumn = 1,
): { sheet: Sheet | null; header: unknown[] | null } {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) return { sheet: null, header: null };
  if (sheet.getLastRow() < headerRow) return { sheet, header: null };
  const width = headers[0].length;
  const header = sheet.getRange(headerRow, headerColumn, 1, width).getValues()[0];
  if (!headers.some((h) => h.every((text, i) => header[i] === text))) {
    throw new MonthCloseInputError(
      `The sheet "${name}" was not made by Atom Billing (its header row differs) — rename it so the import can ` +
        'create its own',
    );
  }
  return { sheet, header };
}
