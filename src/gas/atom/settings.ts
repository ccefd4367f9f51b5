/**
 * What the Atom import remembers in DOCUMENT properties (shared by every editor): the mapping per report kind,
 * the closed-conversations option and the state of a file being staged batch by batch; and, as named ranges, where
 * each month's group and campaign tables are (for the month close).
 */
import { TABLE_CAPACITY, type AtomMapping, type ClosedConversationsCount } from '../../atom';
import { checkPropertyValue } from '../../core/write-plan/limits';
import type { AtomImportKind, SheetRangeRef } from '../../rpc/contract';

const SETTINGS_KEY = 'atomBilling.atom.settings';
const STAGING_KEY = 'atomBilling.atom.staging';
const RANGES_KEY = 'atomBilling.atom.monthRanges';

export interface AtomSettings {
  mappings: Partial<Record<AtomImportKind, AtomMapping>>;
  closedConversations: ClosedConversationsCount;
}

/** A file being imported: which batch comes next, how many rows arrived and the staging cells holding them. */
export interface StagingState {
  fileName: string;
  kind: AtomImportKind;
  count: number;
  next: number;
  received: number;
  cells: number;
  user: string;
  /** The history in BigQuery: the batches are in atom_staging (no staging cells). */
  bigQuery?: StagedInBigQuery;
}

export interface StagedInBigQuery {
  importId: string;
  /** `YYYY-MM` of the rows staged so far, sorted. */
  months: string[];
  /** Some row has a message kind (a per-message log). */
  messages: boolean;
  /** Every row so far is a conversation with an id (the upsert goes by id). */
  allIds: boolean;
  /** The transaction was sent: the next run finishes this import (its job found by id) before anything else. */
  committing?: { closedCount: ClosedConversationsCount };
}

/**
 * Each month's Atom tables, as the month close's groups/campaigns inputs, and the rows each table has on the month's
 * sheet (absent: TABLE_CAPACITY, as every import wrote before tables could grow).
 */
export type MonthRanges = Record<
  string,
  { groups: SheetRangeRef | null; campaigns: SheetRangeRef | null; capacity?: number }
>;

function read<T>(key: string, fallback: T): T {
  const text = PropertiesService.getDocumentProperties().getProperty(key);
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value));
}

/** Refuses, before the first write, a setting larger than one property holds. */
export function checkSettings(fileName: string, settings: AtomSettings): void {
  checkPropertyValue(`${fileName}: the column mapping to remember`, JSON.stringify(settings));
}

export function checkStaging(state: StagingState): void {
  checkPropertyValue(`${state.fileName}: the state of its import`, JSON.stringify(state));
}

export function readSettings(): AtomSettings {
  const s = read<Partial<AtomSettings>>(SETTINGS_KEY, {});
  return {
    mappings: s.mappings ?? {},
    closedConversations: s.closedConversations === 'manual' ? 'manual' : 'all',
  };
}

export function writeSettings(settings: AtomSettings): void {
  write(SETTINGS_KEY, settings);
}

export function readStaging(): StagingState | null {
  return read<StagingState | null>(STAGING_KEY, null);
}

export function writeStaging(state: StagingState | null): void {
  if (state) write(STAGING_KEY, state);
  else PropertiesService.getDocumentProperties().deleteProperty(STAGING_KEY);
}

type Range = GoogleAppsScript.Spreadsheet.Range;
type Table = 'Tables' | 'Groups' | 'Campaigns';

/**
 * Each month's tables are named ranges, three a month — the block's table rows (header and capacity), and the group
 * and campaign tables when the month has them — so nothing that grows with months lives in one 9 KB property, and
 * rows inserted inside a table (by a later import growing it, or by hand) grow its range as Sheets moves the name.
 */
const rangeName = (table: Table, month: string): string => `AtomBilling_${table}_${month.replace('-', '_')}`;
const NAMED = /^AtomBilling_Tables_(\d{4})_(\d{2})$/;

const refOf = (range: Range | null): SheetRangeRef | null =>
  range && { sheet: range.getSheet().getName(), range: range.getA1Notation() };

/** A month's tables from its named ranges; null when it has none (not imported, or by a version before them). */
function namedMonth(month: string): MonthRanges[string] | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const tables = spreadsheet.getRangeByName(rangeName('Tables', month));
  if (!tables) return null;
  return {
    groups: refOf(spreadsheet.getRangeByName(rangeName('Groups', month))),
    campaigns: refOf(spreadsheet.getRangeByName(rangeName('Campaigns', month))),
    capacity: tables.getNumRows() - 1,
  };
}

/** The months a version before named ranges remembered, in one document property. */
function legacyMonthRanges(): MonthRanges {
  return read<MonthRanges>(RANGES_KEY, {});
}

export function readMonthRanges(): MonthRanges {
  const ranges = legacyMonthRanges();
  for (const named of SpreadsheetApp.getActiveSpreadsheet().getNamedRanges()) {
    const m = NAMED.exec(named.getName());
    const month = m && `${m[1]}-${m[2]}`;
    const tables = month && namedMonth(month);
    if (month && tables) ranges[month] = tables;
  }
  return ranges;
}

/** The rows each table of a month's Atom block holds on its sheet; null when no import wrote the block. */
export function atomMonthCapacity(month: string): number | null {
  const tables = namedMonth(month) ?? legacyMonthRanges()[month];
  return tables ? (tables.capacity ?? TABLE_CAPACITY) : null;
}

/** The group and campaign tables the last Atom import wrote for a month; null when it wrote none. */
export function atomRangesFor(
  month: string,
): { groups: SheetRangeRef | null; campaigns: SheetRangeRef | null } | null {
  return namedMonth(month) ?? legacyMonthRanges()[month] ?? null;
}

/**
 * Names a month's tables on `sheet`; the month leaves the old property, which only ever shrinks now. A name already
 * on the right cells stays (an import that grew the tables grew it too): the tables' name, the capacity a re-run
 * reads, is never missing between a removal and its replacement (a name is unique, so a changed one goes first).
 */
export function rememberMonthTables(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  month: string,
  tables: { table: string; groups: string | null; campaigns: string | null },
): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const a1: Record<Table, string | null> = {
    Tables: tables.table,
    Groups: tables.groups,
    Campaigns: tables.campaigns,
  };
  for (const table of ['Tables', 'Groups', 'Campaigns'] as const) {
    const name = rangeName(table, month);
    const range = a1[table];
    const current = refOf(spreadsheet.getRangeByName(name));
    if (current?.sheet === sheet.getName() && current.range === range) continue;
    if (current) spreadsheet.removeNamedRange(name);
    if (range) spreadsheet.setNamedRange(name, sheet.getRange(range));
  }
  const legacy = legacyMonthRanges();
  if (!(month in legacy)) return;
  delete legacy[month];
  if (Object.keys(legacy).length > 0) write(RANGES_KEY, legacy);
  else PropertiesService.getDocumentProperties().deleteProperty(RANGES_KEY);
}
