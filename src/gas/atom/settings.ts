/**
 * What the Atom import remembers in DOCUMENT properties (shared by every editor): the mapping per report kind,
 * the closed-conversations option, where each month's group and campaign tables are (for the month close),
 * and the state of a file being staged batch by batch.
 */
import type { AtomMapping, ClosedConversationsCount } from '../../atom';
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

export function readMonthRanges(): MonthRanges {
  return read<MonthRanges>(RANGES_KEY, {});
}

export function writeMonthRanges(ranges: MonthRanges): void {
  write(RANGES_KEY, ranges);
}

/** The group and campaign tables the last Atom import wrote for a month; null when it wrote none. */
export function atomRangesFor(
  month: string,
): { groups: SheetRangeRef | null; campaigns: SheetRangeRef | null } | null {
  return readMonthRanges()[month] ?? null;
}
