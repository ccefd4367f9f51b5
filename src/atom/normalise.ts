/** A raw table (from CSV, XLSX or an existing sheet) → the kind of report, the column mapping and normalised rows. */
import { contactDigits } from '../core/contacts/phone-number';
import { readStartColumn, type DateReading } from './dates';
import { AtomFileError } from './errors';
import {
  ATOM_FIELDS,
  detectColumns,
  foldHeader,
  recognisedCount,
  type AtomField,
  type AtomMapping,
} from './fields';
import { MESSAGE_KIND_LIST, messageKindOf, type MessageKind } from './message-kinds';
import { parseNumber, usesDecimalComma } from './numbers';
import { cellText, isBlankRecord, type RawCell, type RawRecord, type RawTable } from './raw-table';
import type { AtomReportKind, AtomRow, ClosingType, RejectedRow } from './rows';

export interface ParseOptions {
  /** XLSX: the sheet to read (default the first). */
  sheet?: string;
  /** Field → header, overriding detection; '' leaves the field unmapped. */
  mapping?: AtomMapping;
  /** How to read ambiguous dd/mm vs mm/dd dates when the column does not decide (default true). */
  dayFirst?: boolean;
  /** The import's clock, bounding plausible start dates (the latest is the end of next year); default the current time. */
  now?: Date;
}

export interface AtomParseResult {
  kind: AtomReportKind;
  /** XLSX: every sheet of the workbook; [] for CSV. */
  sheets: string[];
  header: string[];
  /** Field → the header it was read from. */
  mapping: AtomMapping;
  /** Headers no field uses: kept out of the rows. */
  unknownColumns: string[];
  rows: AtomRow[];
  warnings: string[];
  rejected: RejectedRow[];
  /** How the start column's day/month order was decided; null without a start column. */
  dates: DateReading | null;
  /** Row number of the header in the file. */
  headerRow: number;
}

const HEADER_SEARCH = 10;

/** The header is the first row with at least two known column names (a report may open with title lines). */
function findHeader(records: readonly RawRecord[], fileName: string): number {
  const candidates = records
    .slice(0, HEADER_SEARCH + 20)
    .filter((r) => !isBlankRecord(r.cells))
    .slice(0, HEADER_SEARCH);
  if (candidates.length === 0) throw new AtomFileError(fileName, 'the file is empty');
  const scored = candidates.map((r) => recognisedCount(r.cells.map(cellText)));
  const at = scored.findIndex((s) => s >= 2);
  const chosen = at >= 0 ? at : scored.findIndex((s) => s >= 1);
  if (chosen < 0) {
    const shown = candidates[0].cells
      .map(cellText)
      .filter((h) => h !== '')
      .slice(0, 8);
    throw new AtomFileError(
      fileName,
      `no recognisable columns: the first row holds ${shown.map((h) => `"${h}"`).join(', ')}; ` +
        'expected Atom headers such as Fecha de inicio, Contacto, Grupo, Tipificación, Campaña, Conversaciones',
    );
  }
  return records.indexOf(candidates[chosen]);
}

const AUTOMATIC_TYPIFICATIONS = new Set([
  'cierredeconversacionautomatico',
  'automaticconversationclosure',
  'cierreautomatico',
]);
const MANUAL_WORDS = new Set(['manual', 'agente', 'agent', 'asesor', 'supervisor', 'usuario', 'user']);
const AUTOMATIC_WORDS = new Set([
  'automatico',
  'automatica',
  'automatic',
  'auto',
  'sistema',
  'system',
  'bot',
  'inactividad',
]);

function closingTypeOf(raw: string, typification: string): ClosingType | undefined {
  const folded = foldHeader(raw);
  if (folded !== '') {
    if (MANUAL_WORDS.has(folded)) return 'manual';
    if (AUTOMATIC_WORDS.has(folded) || AUTOMATIC_TYPIFICATIONS.has(folded)) return 'automatic';
    return undefined;
  }
  if (typification === '') return '';
  return AUTOMATIC_TYPIFICATIONS.has(foldHeader(typification)) ? 'automatic' : 'manual';
}

function kindOf(columns: Partial<Record<AtomField, number>>): AtomReportKind {
  const has = (f: AtomField): boolean => columns[f] !== undefined;
  if (has('id') || (has('start') && !has('conversations'))) return 'conversations';
  if (has('conversations') && has('campaign')) return 'campaigns';
  if (has('conversations') && has('group')) return 'groups';
  return 'unknown';
}

/** Checks CSV rows have the header's width (trailing empty fields beyond it are a harmless export habit). */
function checkWidths(records: readonly RawRecord[], width: number, fileName: string): void {
  const short: number[] = [];
  const long: number[] = [];
  for (const r of records) {
    if (isBlankRecord(r.cells)) continue;
    if (r.cells.length < width) short.push(r.row);
    else if (r.cells.slice(width).some((c) => cellText(c) !== '')) long.push(r.row);
  }
  const list = (rows: number[]): string =>
    rows.slice(0, 5).join(', ') + (rows.length > 5 ? ` and ${rows.length - 5} more` : '');
  // Both kinds are named (the first bad row first): fixing only the one reported would fail again on the other.
  const problems = [
    { rows: short, text: 'fewer' },
    { rows: long, text: 'more' },
  ]
    .filter((p) => p.rows.length > 0)
    .sort((a, b) => a.rows[0] - b.rows[0])
    .map(
      (p) =>
        `row ${list(p.rows)} ${p.rows.length > 1 ? 'have' : 'has'} ${p.text} fields than the header (${width})`,
    );
  if (problems.length > 0) {
    throw new AtomFileError(
      fileName,
      `${problems.join('; ')}${short.length ? '; the file looks cut or badly exported' : ''} — export the report from Atom again`,
    );
  }
}

export function normaliseTable(
  table: RawTable,
  fileName: string,
  options: ParseOptions,
  sheets: string[],
): AtomParseResult {
  const headerIndex = findHeader(table.records, fileName);
  const headerRecord = table.records[headerIndex];
  const header = headerRecord.cells.map(cellText);
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const { columns, unknown } = detectColumns(header, options.mapping);
  if (Object.keys(columns).length === 0) {
    throw new AtomFileError(fileName, 'no column is mapped to an Atom field');
  }
  const data = table.records.slice(headerIndex + 1);
  if (table.fixedWidth) checkWidths(data, header.length, fileName);
  const records = data.filter((r) => !isBlankRecord(r.cells));
  const kind = kindOf(columns);
  const at = (r: RawRecord, f: AtomField): RawCell => {
    const c = columns[f];
    return c === undefined ? null : (r.cells[c] ?? null);
  };
  const startCol = columns.start;
  const startHeader = startCol === undefined ? '' : header[startCol];
  const starts =
    startCol === undefined
      ? null
      : readStartColumn(
          records.map((r) => at(r, 'start')),
          options.dayFirst,
          table.date1904,
          options.now ?? new Date(),
        );
  const decimalComma = usesDecimalComma(
    records.map((r) => at(r, 'conversations')),
    table.delimiter,
  );

  // A kind is only usable with the start and contact BILLED_BREAKDOWN prices it by.
  const kindColumn = columns.messageKind;
  const readsKinds = kindColumn !== undefined && startCol !== undefined && columns.contact !== undefined;
  const kinds = new Map<string, MessageKind | '' | undefined>();
  const kindOfCell = (raw: string): MessageKind | '' | undefined => {
    if (!kinds.has(raw)) kinds.set(raw, messageKindOf(raw));
    return kinds.get(raw);
  };

  const rows: AtomRow[] = [];
  const rejected: RejectedRow[] = [];
  const notPhones: string[] = [];
  let unknownClosing = 0;
  // A few distinct closing types and typifications repeat over every row: fold each pair once.
  const closings = new Map<string, ClosingType | undefined>();
  const closingOf = (raw: string, typification: string): ClosingType | undefined => {
    const key = `${raw}\u0000${typification}`;
    if (!closings.has(key)) closings.set(key, closingTypeOf(raw, typification));
    return closings.get(key);
  };
  records.forEach((r, i) => {
    const reject = (reason: string): void => {
      rejected.push({ row: r.row, reason });
    };
    let start = '';
    if (starts) {
      const v = starts.values[i];
      // The column is named: a date's reason alone does not say which of the file's dates it is.
      if (typeof v !== 'string') return reject(`${startHeader}: ${v.reason}`);
      start = v;
    }
    if (kind === 'conversations' && starts && start === '') return reject('no start date');
    let conversations = 1;
    if (columns.conversations !== undefined) {
      const raw = at(r, 'conversations');
      const n = parseNumber(raw, decimalComma);
      if (n === undefined) return reject(`conversations "${cellText(raw)}" is not a number`);
      if (n < 0) return reject(`conversations ${n} is negative`);
      conversations = n;
    }
    const rawContact = at(r, 'contact');
    const digits = contactDigits(typeof rawContact === 'string' ? rawContact.trim() : rawContact);
    let messageKind: MessageKind | '' = '';
    if (readsKinds) {
      const raw = cellText(at(r, 'messageKind'));
      const read = kindOfCell(raw);
      if (read === undefined) return reject(`message kind "${raw}" is not one of ${MESSAGE_KIND_LIST}`);
      if (read !== '' && !digits) {
        return reject(`a ${read} message needs a phone number in the contact column`);
      }
      messageKind = read;
    }
    if (digits === undefined) notPhones.push(`row ${r.row}: "${cellText(rawContact)}"`);
    const contact = digits ?? '';
    const typification = cellText(at(r, 'typification'));
    let closingType = closingOf(cellText(at(r, 'closingType')), typification);
    if (closingType === undefined) {
      unknownClosing++;
      closingType = '';
    }
    rows.push({
      id: cellText(at(r, 'id')),
      start,
      contact,
      line: cellText(at(r, 'line')),
      group: cellText(at(r, 'group')),
      agent: cellText(at(r, 'agent')),
      typification,
      closingType,
      origin: cellText(at(r, 'origin')),
      campaign: cellText(at(r, 'campaign')),
      conversations,
      messageKind,
    });
  });

  const warnings: string[] = [];
  if (kind === 'unknown') {
    warnings.push(
      'the columns do not tell which Atom report this is: map a start date or id (conversations), or a count with a group or campaign',
    );
  }
  if (kindColumn !== undefined && !readsKinds) {
    warnings.push(
      'message kinds are ignored without a start and a contact column: the reconciliation with Meta needs all three',
    );
  }
  if (kind === 'conversations' && startCol === undefined) {
    warnings.push('no start date column: choose the month to import into');
  }
  if (starts?.reading.conflicting) {
    warnings.push(
      `the start dates mix day-first and month-first rows; read as ${starts.reading.order === 'dayFirst' ? 'dd/mm' : 'mm/dd'}, rows that do not fit are rejected`,
    );
  } else if (starts && (starts.reading.decidedBy === 'default' || starts.reading.decidedBy === 'option')) {
    warnings.push(
      `no start date settles day and month; read as ${starts.reading.order === 'dayFirst' ? 'dd/mm (day first)' : 'mm/dd (month first)'}`,
    );
  }
  if (notPhones.length > 0) {
    warnings.push(
      `${notPhones.length} row(s) have a contact that is not a phone number (${notPhones.slice(0, 3).join('; ')}): they count as conversations, not as contacts`,
    );
  }
  if (unknownClosing > 0)
    warnings.push(`${unknownClosing} row(s) have a closing type that is neither manual nor automatic`);

  const mapping: AtomMapping = {};
  for (const f of ATOM_FIELDS) if (columns[f] !== undefined) mapping[f] = header[columns[f]];
  return {
    kind,
    sheets,
    header,
    mapping,
    unknownColumns: unknown,
    rows,
    warnings,
    rejected,
    dates: starts ? starts.reading : null,
    headerRow: headerRecord.row,
  };
}
