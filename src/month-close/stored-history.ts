/**
 * What Meta's answer may replace in "Meta data" (the history that outlives Meta's one-year lookback): an empty
 * answer never replaces the month's stored rows, and a day Meta no longer returns (past its lookback) keeps its
 * stored rows. Within the lookback Meta's answer is the truth and replaces the stored rows — and when it has fewer
 * rows, the result says how many it replaced with how many. Keyed by (day, line): the unit Meta answers for.
 * Lookback: https://developers.facebook.com/docs/whatsapp/business-management-api/analytics (1 year since
 * 2025-12-01; /work/shared/reference/meta-2026.md).
 */
import { isBlank } from '../core/sheet-args/cells';
import { dayKeyToIso, type DayKey } from '../core/time';
import type { HistoryNote } from './card-notes';
import type { MetaUsageRow } from './figures';
import { COL, dayOfCell, digitsOf, type CellCalendar } from './meta-data-sheet';
import { firstDay, lastDay, monthKey, type CalendarMonth } from './month';

/**
 * The first day Meta's analytics still answer for (yyyy-MM-dd), `today` in the account's zone: the same date a
 * year back (a 29 February gives "yyyy-02-29" of a common year, which orders between the 28th and 1 March).
 */
export function lookbackFirstDay(today: DayKey): string {
  return dayKeyToIso(today - 10_000);
}

/** A stored "Meta data" row of the month, read back as one of Meta's rows (for the month's figures). */
export interface StoredRow {
  lineDigits: string;
  usage: MetaUsageRow;
}

/** The block's rows of the month for the imported lines (`lineDigits` null = every line). */
export function storedRowsOf(
  block: readonly unknown[][],
  month: CalendarMonth,
  lineDigits: ReadonlySet<string> | null,
  cells: CellCalendar,
): StoredRow[] {
  const from = dayKeyToIso(firstDay(month));
  const to = dayKeyToIso(lastDay(month));
  const stored: StoredRow[] = [];
  for (const values of block) {
    if (values.every(isBlank)) continue;
    const day = dayOfCell(values[COL.day], cells);
    if (day === null || day < from || day > to) continue;
    const line = String(values[COL.line] ?? '');
    const digits = digitsOf(line);
    if (lineDigits !== null && !lineDigits.has(digits)) continue;
    const text = (i: number) => (isBlank(values[i]) ? null : String(values[i]));
    const cost = values[COL.cost];
    stored.push({
      lineDigits: digits,
      usage: {
        day,
        line: line || null,
        country: text(2),
        pricingModel: values[3] === 'message' ? 'message' : 'conversation',
        category: text(4),
        type: text(COL.type),
        tier: text(6),
        volume: Number(values[COL.volume]) || 0,
        cost: typeof cost === 'number' ? cost : null,
        currency: text(COL.currency) ?? undefined,
      },
    });
  }
  return stored;
}

/**
 * The month's stored rows kept outside the spreadsheet (BigQuery), of the imported lines: as storedRowsOf reads
 * them from the sheet, each with its currency (the account's when it has none).
 */
export function storedRowsFrom(
  rows: readonly MetaUsageRow[],
  lineDigits: ReadonlySet<string> | null,
  currency: string,
): StoredRow[] {
  return rows
    .map((usage) => ({
      lineDigits: digitsOf(usage.line ?? ''),
      usage: { ...usage, currency: usage.currency ?? currency },
    }))
    .filter((s) => lineDigits === null || lineDigits.has(s.lineDigits));
}

export interface HistoryDecision {
  /** Stored rows kept beside Meta's answer (the sheet keeps them as they are). */
  kept: StoredRow[];
  /** Whether a stored row of (day, line digits, currency) stays. */
  keeps(day: string, lineDigits: string, currency?: string): boolean;
  /** Rows the month's figures are computed from: Meta's answer and the kept rows. */
  usage: MetaUsageRow[];
  /** Said on the result card, the Billing sheet and the ledger; none when the answer simply replaced. */
  notes: HistoryNote[];
}

/** How many stored rows one day, line and currency has: what the rule decides on (BigQuery counts them). */
export interface StoredGroup {
  day: string;
  lineDigits: string;
  currency?: string;
  rows: number;
}

/** `items` counted by `key`: each key's first group (`group` of its first item) with its count in `rows`. */
export function countBy<T, G extends { rows: number }>(
  items: readonly T[],
  key: (item: T) => string,
  group: (item: T) => G,
): G[] {
  const groups = new Map<string, G>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k) ?? group(item);
    g.rows++;
    groups.set(k, g);
  }
  return [...groups.values()];
}

/** The stored rows counted per day, line digits and currency. */
export function groupsOf(stored: readonly StoredRow[]): StoredGroup[] {
  return countBy(
    stored,
    ({ lineDigits, usage }) => `${usage.day}|${lineDigits}|${usage.currency ?? ''}`,
    ({ lineDigits, usage }) => ({ day: usage.day, lineDigits, currency: usage.currency, rows: 0 }),
  );
}

/**
 * `answer` is Meta's rows for the month (lines already those imported), `stored` the month's stored rows of the
 * same lines, `lookbackFrom` the first day Meta still answers for (yyyy-MM-dd).
 */
export function decideHistory(
  month: CalendarMonth,
  answer: readonly MetaUsageRow[],
  stored: readonly StoredRow[],
  lookbackFrom: string,
  /**
   * The connected account's currency: a stored row in a currency no account answered in is another account's
   * history (one this connection never replaced), so it stays. Blank: currencies are not told apart.
   */
  currency = '',
  /**
   * Every stored row of those lines, counted: the rule and its notes go by them, so `stored` may hold only the
   * rows of the groups kept (the history in BigQuery reads back no others).
   */
  groups = groupsOf(stored),
): HistoryDecision {
  const key = (day: string, digits: string) => `${day}|${digits}`;
  const answered = new Set(answer.map((r) => key(r.day, digitsOf(r.line ?? ''))));
  const currencies = new Set(answer.map((r) => r.currency || currency));
  const keepAll = answer.length === 0;
  const keeps = (day: string, digits: string, rowCurrency = '') =>
    keepAll ||
    (!!currency && !!rowCurrency && !currencies.has(rowCurrency)) ||
    (day < lookbackFrom && !answered.has(key(day, digits)));
  const kept = stored.filter((s) => keeps(s.usage.day, s.lineDigits, s.usage.currency));
  const usage = [...answer, ...kept.map((s) => s.usage)];
  const keptGroups = groups.filter((g) => keeps(g.day, g.lineDigits, g.currency));
  const count = (gs: readonly StoredGroup[]) => gs.reduce((n, g) => n + g.rows, 0);
  const storedRows = count(groups);
  const keptRows = count(keptGroups);
  const m = monthKey(month);
  const notes: HistoryNote[] = [];
  if (keepAll) {
    if (storedRows) notes.push({ code: 'noData', month: m, kept: storedRows });
  } else {
    const days = new Set(keptGroups.map((g) => g.day)).size;
    if (days) notes.push({ code: 'pastLookback', month: m, days, kept: keptRows });
    const replaced = storedRows - keptRows;
    if (answer.length < replaced) notes.push({ code: 'replaced', month: m, replaced, rows: answer.length });
  }
  return { kept, keeps, usage, notes };
}
