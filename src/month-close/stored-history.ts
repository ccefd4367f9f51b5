/**
 * "Meta data" is the history that outlives Meta's one-year lookback, so Meta's answer replaces the month's stored
 * rows only where Meta still has the data:
 * - an empty answer replaces nothing (a month past the lookback, or an answer gone wrong): every stored row is kept;
 * - days before the lookback that Meta no longer returns keep their stored rows (the days it does return are
 *   replaced, day by day);
 * - within the lookback Meta's answer is the truth, and a smaller one replaces the stored rows — saying so.
 * The month's figures are computed from what the sheet holds after the import: Meta's rows and the kept ones.
 * https://developers.facebook.com/docs/whatsapp/business-management-api/analytics (lookback of 1 year since
 * 2025-12-01; shared/reference/meta-2026.md §3).
 */
import { isBlank } from '../core/sheet-args/cells';
import type { MetaUsageRow } from './figures';
import { COL, dayOfCell, digitsOf, type CellCalendar, type DataRow } from './meta-data-sheet';
import { firstDay, lastDay, monthKey, type CalendarMonth } from './month';
import { dayKeyToIso } from '../core/time';

/** How far back Meta's analytics answer, in days counted from today. */
export const META_LOOKBACK_DAYS = 365;

export interface HistoryDecision {
  /** Days of the month whose stored rows (of the lines imported) stay as they are. */
  keptDays: ReadonlySet<string>;
  /** The stored rows kept, as usage rows for the month's figures. */
  kept: MetaUsageRow[];
  /** Stored rows of the month (lines imported) that Meta's rows replace. */
  replaced: number;
  /** What the result card, the month's sheet and the ledger say; null when Meta's answer simply replaced the month. */
  note: string | null;
}

const count = (n: number): string => n.toLocaleString('en-US');
const rowsOf = (n: number): string => `${count(n)} row${n === 1 ? '' : 's'}`;

/** The month's stored rows of the lines imported (null: every line), read back as Meta's usage rows. */
export function storedMonthRows(
  values: readonly unknown[][],
  month: CalendarMonth,
  lineDigits: ReadonlySet<string> | null,
  cells: CellCalendar,
): MetaUsageRow[] {
  const from = dayKeyToIso(firstDay(month));
  const to = dayKeyToIso(lastDay(month));
  const text = (v: unknown): string | null => (isBlank(v) ? null : String(v));
  const rows: MetaUsageRow[] = [];
  const numberOr = <T>(v: unknown, otherwise: T): number | T => (typeof v === 'number' ? v : otherwise);
  for (const v of values) {
    const day = dayOfCell(v[COL.day], cells);
    if (day === null || day < from || day > to) continue;
    if (lineDigits !== null && !lineDigits.has(digitsOf(String(v[COL.line] ?? '')))) continue;
    rows.push({
      day,
      line: text(v[COL.line]),
      country: text(v[2]),
      pricingModel: v[3] === 'conversation' ? 'conversation' : 'message',
      category: text(v[4]),
      type: text(v[COL.type]),
      tier: text(v[6]),
      volume: numberOr(v[COL.volume], 0),
      cost: numberOr(v[COL.cost], null),
    });
  }
  return rows;
}

/** `lookbackFrom`: the first day (yyyy-MM-dd) Meta still answers for. */
export function keepStoredHistory(
  month: CalendarMonth,
  stored: readonly MetaUsageRow[],
  fresh: readonly DataRow[],
  lookbackFrom: string,
): HistoryDecision {
  const label = monthKey(month);
  if (fresh.length === 0) {
    const keptDays = new Set(stored.map((r) => r.day));
    return {
      keptDays,
      kept: [...stored],
      replaced: 0,
      note: stored.length
        ? `Meta returned no data for ${label}; the ${count(stored.length)} stored ${stored.length === 1 ? 'row was' : 'rows were'} kept`
        : null,
    };
  }
  const answered = new Set(fresh.map((r) => r.day));
  const kept = stored.filter((r) => r.day < lookbackFrom && !answered.has(r.day));
  const keptDays = new Set(kept.map((r) => r.day));
  const replaced = stored.length - kept.length;
  const notes: string[] = [];
  if (kept.length) {
    notes.push(
      `Meta no longer returns ${count(keptDays.size)} day${keptDays.size === 1 ? '' : 's'} of ${label} (past its ` +
        `one-year lookback); the ${rowsOf(kept.length)} stored for them were kept`,
    );
  }
  if (fresh.length < replaced) {
    notes.push(
      `Meta returned ${rowsOf(fresh.length)} for ${label} where ${count(replaced)} were stored; they replace them`,
    );
  }
  return { keptDays, kept, replaced, note: notes.length ? notes.join('. ') : null };
}
