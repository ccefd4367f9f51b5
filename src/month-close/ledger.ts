/**
 * The "Imports" ledger: one row appended per import, never rewritten. The previous import of the same month,
 * account and lines is what Δ units and Δ cost are measured against (a different selection of lines is a
 * different figure, not drift).
 */
import { isBlank } from '../core/sheet-args/cells';
import { cellInstant } from '../core/sheet-args/date-times';
import { literalRow } from '../core/sheet-output/literal-text';
import type { ZoneCalendar } from '../core/zone-calendar';
import { costDifference } from '../core/exact/cost-sum';
import { COUNT_FORMAT, DATE_TIME_FORMAT, GENERAL_FORMAT, moneyFormat } from './formats';
import {
  isAllLines,
  isScheduledRun,
  readCostToAllocateSource,
  readStatus,
  type MonthCloseLabels,
} from './labels';
import type { LastAllocation } from './cost-to-allocate';
import { digitsOf } from './meta-data-sheet';
import type { MonthStatus } from './month';

export const LEDGER_COLUMNS = 17;
/** Column O (1-based): the import's notes, where the daily refresh's budget alerts are recorded too. */
export const LEDGER_NOTES_COLUMN = 15;
/** Ledgers made before the Notes (then the cost-to-allocate) columns have the first 14; still ours (columns added). */
export const LEDGER_OWNED_COLUMNS = 14;

export interface LedgerEntry extends LastAllocation {
  importedAtMs: number;
  user: string;
  /** YYYY-MM */
  month: string;
  wabaId: string;
  /** Display numbers; empty = all lines. */
  lines: string[];
  rowsWritten: number;
  billedUnits: number;
  cost: number | null;
  /** "Meta", the rate cards that priced the month ("rate card BRL 2025-10-01"), or '' without a cost. */
  costSource: string;
  currency: string;
  status: MonthStatus;
  deltaUnits: number | null;
  deltaCost: number | null;
  scheduled: boolean;
  /** What the import kept or replaced that the figures alone do not say (src/month-close/stored-history.ts). */
  notes: string;
}

/** Rows added when the ledger is full: a thousand imports before it grows again. */
const LEDGER_GROWTH = 1000;

/** Rows the ledger's grid grows by so that row `lastWritten` exists. */
export function ledgerRowsAdded(lastWritten: number, maxRows: number): number {
  return lastWritten > maxRows ? lastWritten - maxRows + LEDGER_GROWTH : 0;
}

export function linesKey(lines: readonly string[]): string {
  return lines.length ? lines.map(digitsOf).sort().join(',') : '*';
}

export function ledgerRow(
  entry: LedgerEntry,
  labels: MonthCloseLabels,
  makeDate: (ms: number) => Date,
): unknown[] {
  const [user, month, waba, lines] = literalRow([
    entry.user,
    entry.month,
    entry.wabaId,
    entry.lines.length ? entry.lines.join(', ') : labels.allLines,
  ]);
  return [
    makeDate(entry.importedAtMs),
    user,
    month,
    waba,
    lines,
    entry.rowsWritten,
    entry.billedUnits,
    entry.cost ?? '',
    ...literalRow([entry.currency, labels.status[entry.status]]),
    entry.deltaUnits ?? '',
    entry.deltaCost ?? '',
    ...literalRow([
      entry.scheduled ? labels.run.scheduled : labels.run.manual,
      entry.costSource,
      entry.notes,
    ]),
    entry.costToAllocate ?? '',
    ...literalRow([entry.costToAllocateSource ? labels.costToAllocateFrom[entry.costToAllocateSource] : '']),
  ];
}

export function ledgerRowFormats(currency: string): string[] {
  const money = moneyFormat(currency);
  return [
    DATE_TIME_FORMAT,
    GENERAL_FORMAT,
    GENERAL_FORMAT,
    GENERAL_FORMAT,
    GENERAL_FORMAT,
    COUNT_FORMAT,
    COUNT_FORMAT,
    money,
    GENERAL_FORMAT,
    GENERAL_FORMAT,
    COUNT_FORMAT,
    money,
    GENERAL_FORMAT,
    GENERAL_FORMAT,
    GENERAL_FORMAT,
    money,
    GENERAL_FORMAT,
  ];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The ledger's rows (header excluded) as entries; rows someone edited beyond recognition are skipped. */
export function readLedger(rows: readonly unknown[][], calendar: ZoneCalendar): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const r of rows) {
    if (r.every(isBlank)) continue;
    const at = cellInstant(r[0], calendar);
    const status = readStatus(r[9]);
    const billedUnits = num(r[6]);
    if (at === undefined || status === null || billedUnits === null || typeof r[2] !== 'string') continue;
    const lineText = String(r[4] ?? '');
    entries.push({
      importedAtMs: at,
      user: String(r[1] ?? ''),
      month: r[2],
      wabaId: String(r[3] ?? ''),
      lines: isAllLines(lineText) || lineText === '' ? [] : lineText.split(/,\s*/),
      rowsWritten: num(r[5]) ?? 0,
      billedUnits,
      cost: num(r[7]),
      costSource: String(r[13] ?? ''),
      currency: String(r[8] ?? ''),
      status,
      deltaUnits: num(r[10]),
      deltaCost: num(r[11]),
      scheduled: isScheduledRun(r[12]),
      notes: String(r[LEDGER_NOTES_COLUMN - 1] ?? ''),
      costToAllocate: num(r[15]),
      costToAllocateSource: readCostToAllocateSource(r[16]),
    });
  }
  return entries;
}

export function previousImport(
  entries: readonly LedgerEntry[],
  month: string,
  wabaId: string,
  lines: readonly string[],
): LedgerEntry | null {
  const key = linesKey(lines);
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.month === month && e.wabaId === wabaId && linesKey(e.lines) === key) return e;
  }
  return null;
}

export function drift(
  current: { billedUnits: number; cost: number | null },
  previous: { billedUnits: number; cost: number | null } | null,
): { deltaUnits: number | null; deltaCost: number | null } {
  if (!previous) return { deltaUnits: null, deltaCost: null };
  return {
    deltaUnits: current.billedUnits - previous.billedUnits,
    deltaCost: costDifference(current.cost, previous.cost),
  };
}

/** The latest import of each month, newest month first, at most `limit`. */
export function latestPerMonth(entries: readonly LedgerEntry[], limit: number): LedgerEntry[] {
  const byMonth = new Map<string, LedgerEntry>();
  for (const e of entries) byMonth.set(e.month, e);
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? 1 : -1)).slice(0, limit);
}
