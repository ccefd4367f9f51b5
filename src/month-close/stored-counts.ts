/**
 * The month's stored history when it is kept in BigQuery, read as counts first (issue 19 point 4): the rows per
 * day, line and currency are all the history rule (stored-history.ts) needs to decide, so only the rows of the
 * groups it keeps — and, when some lines are imported, the other lines' rows the month's partition keeps — are
 * read back. At a timely close Meta answers every day: none.
 */
import type { MetaUsageRow } from './figures';
import { digitsOf } from './meta-data-sheet';
import type { CalendarMonth } from './month';
import { countBy, decideHistory, lookbackFirstDay, type StoredGroup } from './stored-history';
import type { DayKey } from '../core/time';

/** The stored rows of one day, line (as stored) and currency. */
export interface StoredCount {
  day: string;
  line: string | null;
  currency: string;
  rows: number;
}

/** The month's stored history as the plan takes it when it is kept outside the spreadsheet. */
export interface StoredMonth {
  /** Every stored row of the month, every line, counted. */
  counts: readonly StoredCount[];
  /** The rows read back: at least those of the counts storedCountsToRead picks. */
  rows: readonly MetaUsageRow[];
}

/** The imported lines' digits; null = every line. */
export function importedLineDigits(lines: readonly { displayPhoneNumber: string }[]): Set<string> | null {
  return lines.length ? new Set(lines.map((l) => digitsOf(l.displayPhoneNumber))) : null;
}

/** The counts of the imported lines, as the rule's groups. */
export function importedGroups(
  counts: readonly StoredCount[],
  lineDigits: ReadonlySet<string> | null,
): StoredGroup[] {
  return counts
    .map((c) => ({ day: c.day, lineDigits: digitsOf(c.line ?? ''), currency: c.currency, rows: c.rows }))
    .filter((g) => lineDigits === null || lineDigits.has(g.lineDigits));
}

const countKey = (day: string, line: string | null, currency: string) =>
  JSON.stringify([day, line, currency]);

/** Rows counted as the store counts them (the sheet's rows of a month not in BigQuery yet). */
export function countsOf(rows: readonly MetaUsageRow[], accountCurrency: string): StoredCount[] {
  const currency = (r: MetaUsageRow) => r.currency ?? accountCurrency;
  return countBy(
    rows,
    (r) => countKey(r.day, r.line, currency(r)),
    (r) => ({ day: r.day, line: r.line, currency: currency(r), rows: 0 }),
  );
}

/**
 * The counts whose rows the month close must read back: the groups the rule keeps beside Meta's `answer`, and the
 * lines not imported (the month's partition is replaced whole).
 */
export function storedCountsToRead(
  month: CalendarMonth,
  answer: readonly MetaUsageRow[],
  counts: readonly StoredCount[],
  lines: readonly { displayPhoneNumber: string }[],
  today: DayKey,
  accountCurrency: string,
): StoredCount[] {
  const lineDigits = importedLineDigits(lines);
  const { keeps } = decideHistory(
    month,
    answer,
    [],
    lookbackFirstDay(today),
    accountCurrency,
    importedGroups(counts, lineDigits),
  );
  return counts.filter((c) => {
    const digits = digitsOf(c.line ?? '');
    return (lineDigits !== null && !lineDigits.has(digits)) || keeps(c.day, digits, c.currency);
  });
}

/** Of `rows` (a superset read back), those of `counts` alone. */
export function rowsOfCounts(
  rows: readonly MetaUsageRow[],
  counts: readonly StoredCount[],
  accountCurrency: string,
): MetaUsageRow[] {
  const keys = new Set(counts.map((c) => countKey(c.day, c.line, c.currency)));
  return rows.filter((r) => keys.has(countKey(r.day, r.line, r.currency ?? accountCurrency)));
}
