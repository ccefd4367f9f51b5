/**
 * Reading an Atom export: a file's bytes (CSV or XLSX) or a sheet's cells → normalised rows. The sidebar's entry
 * (it parses in the browser); kept out of src/atom's index so the server bundle carries no CSV or zip reader.
 */
import { readCsv } from './csv';
import { AtomFileError } from './errors';
import { normaliseTable, type AtomParseResult, type ParseOptions } from './normalise';
import type { RawCell } from './raw-table';
import { readXlsx } from './xlsx';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: legacy .xls, and also every password-protected .xlsx (Excel encrypts into one). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Text files have no NUL bytes in their first kilobytes unless they are UTF-16 (which has a BOM here). */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.subarray(0, 8192).includes(0);
}

export function parseAtomExport(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): AtomParseResult {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new AtomFileError(
      fileName,
      `the file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 50 MB — export a shorter date range`,
    );
  }
  if (bytes.length === 0) throw new AtomFileError(fileName, 'the file is empty');
  const ext = extensionOf(fileName);
  if (startsWith(bytes, OLE2)) {
    throw new AtomFileError(
      fileName,
      ext === 'xlsx'
        ? 'the workbook is password-protected (encrypted); open it in Excel, remove the password and save it again'
        : 'old Excel (.xls) files are not supported; export the report as .xlsx or .csv',
    );
  }
  if (startsWith(bytes, PDF))
    throw new AtomFileError(fileName, 'PDF files are not supported; export the report as .xlsx or .csv');
  if (startsWith(bytes, ZIP) || ext === 'xlsx') {
    if (!startsWith(bytes, ZIP))
      throw new AtomFileError(fileName, 'the XLSX file is corrupt (it is not a zip archive)');
    const table = readXlsx(bytes, fileName, options.sheet);
    return normaliseTable(table, fileName, options, table.sheets);
  }
  const binary = looksBinary(bytes);
  // Named as text (or unnamed) but binary inside: not "an unsupported format", a file that is not an export at all.
  if (binary && ['csv', 'tsv', 'txt', ''].includes(ext)) {
    throw new AtomFileError(
      fileName,
      'not a readable Atom export: it holds binary data, not the text of a CSV export — export the report from Atom again as .csv or .xlsx',
    );
  }
  if (['xls', 'pdf', 'ods', 'numbers', 'docx', 'json'].includes(ext) || binary) {
    throw new AtomFileError(
      fileName,
      `this format${ext ? ` (.${ext})` : ''} is not supported; export the report as .xlsx or .csv`,
    );
  }
  return normaliseTable(readCsv(bytes, fileName), fileName, options, []);
}

/**
 * The cells of a sheet that already holds an export (read by the server, dates as wall-time text), normalised
 * the same way as a file.
 */
export function parseAtomCells(
  cells: readonly (readonly RawCell[])[],
  sheetName: string,
  options: ParseOptions = {},
): AtomParseResult {
  const records = cells.map((row, i) => ({ row: i + 1, cells: [...row] }));
  return normaliseTable(
    { records, fixedWidth: false, delimiter: '', date1904: false },
    sheetName,
    options,
    [],
  );
}
