/**
 * A new data sheet only as wide as its table. insertSheet makes a 1000 × 26 grid, and Sheets counts every cell of
 * every sheet's grid, empty or not, against a spreadsheet's 10 million cells
 * (https://support.google.com/drive/answer/37603): an 11-column sheet grown to 100,000 rows would take 2.6 million
 * cells instead of 1.1 million. Trimmed once, when made (one deleteColumns of empty columns); a sheet that already
 * exists keeps its width, whoever widened it.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function insertNarrowSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  columns: number,
): Sheet {
  const sheet = spreadsheet.insertSheet(name);
  const extra = sheet.getMaxColumns() - columns;
  if (extra > 0) sheet.deleteColumns(columns + 1, extra);
  return sheet;
}
