/**
 * XLSX exports → a raw table, with fflate's unzip and the streaming XML reader: the workbook's sheet list,
 * the shared strings and one worksheet. Cells keep their type: shared and inline strings, numbers
 * (dates are serial numbers in the workbook's date system), booleans, error values as their text.
 */
import { Unzip, UnzipInflate, type Unzipped } from 'fflate';
import { AtomFileError } from './errors';
import type { RawCell, RawRecord, RawTable } from './raw-table';
import { scanXml, XmlSyntaxError } from './xml-scan';

export interface XlsxTable extends RawTable {
  /** Every sheet of the workbook, in order. */
  sheets: string[];
  /** The sheet read. */
  sheet: string;
}

interface WorkbookSheet {
  name: string;
  path: string;
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const unescapeOoxml = (text: string): string =>
  text.indexOf('_x') < 0
    ? text
    : text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * Limits against zip bombs, checked while inflating so a bomb stops within its first megabytes: the parts read at
 * most 256 MiB uncompressed (a 200,000-row export's sheet is far below), and cell references within Excel's grid
 * (1,048,576 rows × 16,384 columns, https://support.microsoft.com/en-us/office/excel-specifications-and-limits).
 */
const MAX_UNCOMPRESSED = 256 * 1024 * 1024;
const MAX_ROW = 1_048_576;
const MAX_COLUMNS = 16_384;

class TooLarge extends Error {}

function unzip(bytes: Uint8Array, fileName: string, wanted: (name: string) => boolean): Unzipped {
  const files: Unzipped = {};
  let total = 0;
  let unfinished = 0;
  try {
    if (!hasEndOfDirectory(bytes)) throw new Error('the end of the zip directory is missing');
    const unzipper = new Unzip((file) => {
      if (!wanted(file.name)) return;
      const chunks: Uint8Array[] = [];
      unfinished++;
      file.ondata = (err, chunk, final) => {
        if (err) throw err;
        total += chunk.length;
        if (total > MAX_UNCOMPRESSED) throw new TooLarge();
        chunks.push(chunk);
        if (!final) return;
        files[file.name] = concat(chunks) as Unzipped[string];
        unfinished--;
      };
      file.start();
    });
    unzipper.register(UnzipInflate);
    unzipper.push(bytes, true);
    // The streaming reader never reaches the central directory, so a cut file shows as a part left unfinished.
    if (unfinished > 0) throw new Error('the file ends inside a part');
  } catch (e) {
    if (e instanceof TooLarge) {
      throw new AtomFileError(
        fileName,
        `the XLSX file expands to more than ${MAX_UNCOMPRESSED / 1024 / 1024} MB of data, more than an Atom export holds; it may be a zip bomb`,
      );
    }
    throw new AtomFileError(
      fileName,
      `the XLSX file is corrupt and cannot be opened (${(e as Error).message})`,
    );
  }
  return files;
}

/** A zip ends with its end-of-central-directory record (PK\\5\\6, 22 bytes plus a comment of up to 65,535). */
function hasEndOfDirectory(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) return true;
  }
  return false;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function readXml(
  part: Uint8Array,
  partName: string,
  fileName: string,
  handler: Parameters<typeof scanXml>[1],
): void {
  try {
    scanXml(part, handler);
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      throw new AtomFileError(fileName, `the XLSX file is corrupt (${partName}: ${e.message})`);
    }
    throw e;
  }
}

function readWorkbook(
  files: Unzipped,
  fileName: string,
): { sheets: WorkbookSheet[]; date1904: boolean; sharedStrings: string } {
  const workbook = files['xl/workbook.xml'];
  if (!workbook) {
    throw new AtomFileError(
      fileName,
      'this is not an XLSX workbook (no xl/workbook.xml): the file is corrupt or in another format',
    );
  }
  const targets = new Map<string, string>();
  let sharedStrings = 'xl/sharedStrings.xml';
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (rels) {
    readXml(rels, 'workbook.xml.rels', fileName, {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id || !a.Target) return;
        targets.set(a.Id, partPath(a.Target));
        if (a.Type?.endsWith('/sharedStrings')) sharedStrings = partPath(a.Target);
      },
    });
  }
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  readXml(workbook, 'workbook.xml', fileName, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const relId = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
      sheets.push({
        name: a.name ?? '',
        path: targets.get(relId) ?? `xl/worksheets/sheet${sheets.length + 1}.xml`,
      });
    },
  });
  if (sheets.length === 0) throw new AtomFileError(fileName, 'the workbook has no sheets');
  return { sheets, date1904, sharedStrings };
}

function readSharedStrings(part: Uint8Array | undefined, fileName: string): string[] {
  const strings: string[] = [];
  if (!part) return strings;
  let current = '';
  let inText = false;
  let phonetic = 0;
  readXml(part, 'sharedStrings.xml', fileName, {
    get capturing() {
      return inText && phonetic === 0;
    },
    open(name, _a, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh' && !selfClosing) phonetic++;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(unescapeOoxml(current));
    },
    text(value) {
      current += value;
    },
  });
  return strings;
}

function columnIndex(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col - 1;
}

function readWorksheet(part: Uint8Array, shared: readonly string[], fileName: string): RawRecord[] {
  const records: RawRecord[] = [];
  let row = 0;
  let cells: RawCell[] = [];
  let col = -1;
  let type = 'n';
  let value = '';
  let capturing = false;
  let inInline = false;
  let phonetic = 0;
  readXml(part, 'worksheet', fileName, {
    get capturing() {
      return capturing && phonetic === 0;
    },
    open(name, a, selfClosing) {
      switch (name) {
        case 'row':
          row = a.r ? Number(a.r) : row + 1;
          if (!(row >= 1 && row <= MAX_ROW)) {
            throw new AtomFileError(
              fileName,
              `row ${a.r ?? row} is outside Excel's ${MAX_ROW.toLocaleString('en-US')} rows`,
            );
          }
          cells = [];
          col = -1;
          break;
        case 'c':
          col = a.r ? columnIndex(a.r) : col + 1;
          if (col >= MAX_COLUMNS) {
            throw new AtomFileError(
              fileName,
              `cell ${a.r ?? col + 1} is outside Excel's ${MAX_COLUMNS.toLocaleString('en-US')} columns (row ${row})`,
            );
          }
          type = a.t ?? 'n';
          value = '';
          break;
        case 'v':
          capturing = !selfClosing;
          break;
        case 'is':
          inInline = true;
          break;
        case 't':
          capturing = inInline && !selfClosing;
          break;
        case 'rPh':
          if (!selfClosing) phonetic++;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capturing = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          while (cells.length < col) cells.push(null);
          cells[col] = cellValue(type, value, shared);
          break;
        case 'row':
          records.push({ row, cells });
          break;
      }
    },
    text(v) {
      value += v;
    },
  });
  return records;
}

function cellValue(type: string, value: string, shared: readonly string[]): RawCell {
  switch (type) {
    case 's':
      return shared[Number(value)] ?? null;
    case 'inlineStr':
    case 'str':
      return unescapeOoxml(value);
    case 'b':
      return value === '1' || value === 'true';
    case 'e':
    case 'd':
      return value;
    default: {
      if (value.trim() === '') return null;
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
  }
}

export function readXlsx(bytes: Uint8Array, fileName: string, sheetName?: string): XlsxTable {
  const meta = unzip(
    bytes,
    fileName,
    (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels',
  );
  const { sheets, date1904, sharedStrings } = readWorkbook(meta, fileName);
  const chosen = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!chosen) {
    throw new AtomFileError(
      fileName,
      `there is no sheet named "${sheetName}" (the workbook has ${sheets.map((s) => `"${s.name}"`).join(', ')})`,
    );
  }
  const parts = unzip(bytes, fileName, (name) => name === chosen.path || name === sharedStrings);
  const sheetPart = parts[chosen.path];
  if (!sheetPart)
    throw new AtomFileError(fileName, `the XLSX file is corrupt: sheet "${chosen.name}" is missing`);
  const shared = readSharedStrings(parts[sharedStrings], fileName);
  return {
    records: readWorksheet(sheetPart, shared, fileName),
    fixedWidth: false,
    delimiter: '',
    date1904,
    sheets: sheets.map((s) => s.name),
    sheet: chosen.name,
  };
}
