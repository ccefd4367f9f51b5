/** A1 notation ("Data!A2:C10", "'My sheet'!B:B", "2:4", "A1") parsing and formatting. */

export interface GridBox {
  row: number; // 1-based
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ParsedA1 {
  sheetName?: string;
  /** Missing bounds (whole columns "A:B", whole rows "2:4", open "A2:C") are filled from the sheet size. */
  resolve(maxRows: number, maxColumns: number): GridBox;
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

interface Corner {
  column?: number;
  row?: number;
}

function corner(text: string): Corner | null {
  const m = PART.exec(text);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  return { column: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** Parses A1 notation; returns null when it is not valid (Apps Script then says "Range not found"). */
export function parseA1(notation: string): ParsedA1 | null {
  let sheetName: string | undefined;
  let cells = notation.trim();
  const bang = cells.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = cells.slice(0, bang);
    cells = cells.slice(bang + 1);
    if (sheetName.startsWith("'") && sheetName.endsWith("'") && sheetName.length >= 2) {
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    }
  }
  const [startText, endText, extra] = cells.split(':');
  if (extra !== undefined || !startText) return null;
  const start = corner(startText);
  const end = endText === undefined ? start : corner(endText);
  if (!start || !end) return null;
  // A single cell needs both a column and a row ("A" alone is not a range).
  if (endText === undefined && (start.column === undefined || start.row === undefined)) return null;
  if ((start.column === undefined) !== (end.column === undefined) && end.row === undefined) return null;
  return {
    sheetName,
    resolve(maxRows: number, maxColumns: number): GridBox {
      const c1 = start.column ?? 1;
      const r1 = start.row ?? 1;
      const c2 = end.column ?? (start.column === undefined ? maxColumns : c1);
      const r2 = end.row ?? maxRows;
      const [top, bottom] = r1 <= r2 ? [r1, r2] : [r2, r1];
      const [left, right] = c1 <= c2 ? [c1, c2] : [c2, c1];
      return { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 };
    },
  };
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatA1(box: GridBox): string {
  const first = `${columnLetters(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return first;
  return `${first}:${columnLetters(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}
