/** What a CSV or a worksheet is read into before its columns are recognised. */

/** A cell as the file holds it: CSV gives text, XLSX also numbers (dates are serial numbers) and booleans. */
export type RawCell = string | number | boolean | null;

export interface RawRecord {
  /** The row number the user sees: in the sheet, or the record's position in the CSV (header = 1). */
  row: number;
  cells: RawCell[];
}

export interface RawTable {
  records: RawRecord[];
  /** CSV rows must have as many fields as the header; a worksheet's rows simply end at their last value. */
  fixedWidth: boolean;
  /** The CSV delimiter, for the decimal-comma guess ('' for XLSX). */
  delimiter: string;
  /** XLSX: the workbook's date system (serials counted from 1904 instead of 1900). */
  date1904: boolean;
}

export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

export function isBlankRecord(cells: readonly RawCell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
