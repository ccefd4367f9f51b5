/**
 * The sheets the import owns are found by name. A sheet of that name that someone else made (its header row is not
 * ours in either language) is never written over: the import stops before writing anything.
 */
import { MonthCloseInputError } from '../../month-close';
import { literalRow } from '../../core/sheet-output/literal-text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface OwnedSheet {
  sheet: Sheet | null;
  /** The header row as read; null when the sheet is new or empty. */
  header: unknown[] | null;
}

/** The sheet, or null when missing; `headers` are the accepted header rows (English, Spanish). */
export function ownedSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  headers: readonly (readonly string[])[],
  headerRow = 1,
  headerColumn = 1,
): OwnedSheet {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) return { sheet: null, header: null };
  if (sheet.getLastRow() < headerRow) return { sheet, header: null };
  // The longest accepted header, as far as the sheet reaches (an older, narrower layout may be accepted too).
  const width = Math.min(Math.max(...headers.map((h) => h.length)), sheet.getMaxColumns() - headerColumn + 1);
  const header = sheet.getRange(headerRow, headerColumn, 1, width).getValues()[0];
  if (!headers.some((h) => h.every((text, i) => header[i] === text))) {
    throw new MonthCloseInputError(
      `The sheet "${name}" was not made by Atom Billing (its header row differs) — rename it so the import can ` +
        'create its own',
    );
  }
  return { sheet, header };
}

/** Headers follow the spreadsheet's locale: a header written under the other language is rewritten (one call). */
export function refreshHeader(
  sheet: Sheet,
  header: readonly unknown[] | null,
  wanted: readonly string[],
): void {
  if (header && wanted.some((text, i) => header[i] !== text)) {
    sheet.getRange(1, 1, 1, wanted.length).setValues([literalRow(wanted)]);
  }
}
