/**
 * XLSX exports → a raw table, with fflate's unzip and the streaming XML reader: the workbook's sheet list,
 * the shared strings and one worksheet. Cells keep their type: shared and inline strings, numbers
 * (dates are serial numbers in the workbook's date system), booleans, error values as their text.
 */
import { unzipSync, type Unzipped } from 'fflate';
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

function unzip(bytes: Uint8Array, fileName: string, wanted: (name: string) => boolean): Unzipped {
  try {
    return unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch (e) {
    throw new AtomFileError(
      fileName,
      `the XLSX file is corrupt and cannot be opened (${(e as Error).message})`,
    );
  }
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
          cells = [];
          col = -1;
          break;
        case 'c':
          col = a.r ? columnIndex(a.r) : col + 1;
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
