/**
 * Writing rows with their number formats in as few Spreadsheet calls as honest: one setValues, then one
 * setNumberFormats over just the rows whose formats differ from what the sheet holds there — known from a read
 * before writing. Rows whose formats are unknown (just inserted or past what was read: Google documents no
 * formatting for rows that Sheet.insertRows* adds) are always formatted, so a month's rows never show unformatted,
 * and a re-import of unchanged formats is the one setValues.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Formats at each target row as read before writing; a missing entry is a row whose formats are unknown. */
export type KnownFormats = readonly (readonly string[] | undefined)[];

export function sameRow(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((f, i) => f === b[i]);
}

export function writeFormattedRows(
  sheet: Sheet,
  firstRow: number,
  values: readonly unknown[][],
  formats: readonly string[][],
  known: KnownFormats,
): void {
  if (!values.length) return;
  const columns = values[0].length;
  sheet.getRange(firstRow, 1, values.length, columns).setValues(values as unknown[][]);
  let first = -1;
  let last = -1;
  formats.forEach((row, i) => {
    if (sameRow(known[i], row)) return;
    if (first < 0) first = i;
    last = i;
  });
  // After the values: a Date written into an unformatted cell gets a date-time format, which this replaces.
  if (first >= 0) {
    sheet
      .getRange(firstRow + first, 1, last - first + 1, columns)
      .setNumberFormats(formats.slice(first, last + 1));
  }
}
