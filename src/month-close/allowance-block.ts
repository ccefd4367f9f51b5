/**
 * The free-allowance block of "Billing YYYY-MM", under the rest of the sheet: per line, the free service messages
 * used, left and the day they ran out, then their running total by day (one column per line) that those read. All
 * live formulas over "Meta data" (Meta's FREE_CUSTOMER_SERVICE volume), so a later import or an edit there updates
 * it; plain SUMIFS and MINIFS, which Sheets evaluates cell by cell (SUMIFS does not expand inside ARRAYFORMULA).
 * When the history is in BigQuery there is no "Meta data": the running totals are values from the month's rows
 * (the import writes them again), and the per-line figures stay formulas over them.
 * A month without a per-line allowance gets a one-line note.
 */
import { addDays, dayKeyToIso, daysInMonth } from '../core/time';
import { ALLOWANCE_FROM, FREE_SERVICE_TYPE, perLineAllowance } from './allowance';
import { columnLetters, wholeColumn } from './atom-range';
import { COUNT_FORMAT, DATE_FORMAT } from './formats';
import { DATA_SHEET, type MonthCloseLabels } from './labels';
import type { MetaUsageRow } from './figures';
import { COL, digitsOf } from './meta-data-sheet';
import { firstDay, type CalendarMonth } from './month';

/** The lowest chart (anchored at A33, 320 px high) ends about row 48. */
export const ALLOWANCE_TOP = 50;
/** Lines per band of the running table: columns B to N, left of the charts (O36, O53) and the Atom block (W). */
const BAND = 13;

export interface AllowanceCell {
  row: number;
  column: number;
  value: string | number | Date | { formula: string };
  format?: string;
}

/** Cells from row `top`, column A; `dayDate` makes a yyyy-MM-dd day's cell. */
export function allowanceBlock(
  month: CalendarMonth,
  lines: readonly string[],
  top: number,
  labels: MonthCloseLabels,
  dayDate: (isoDay: string) => Date,
  /** The month's Meta rows of every line when they are not in "Meta data" (BigQuery); null: live formulas. */
  monthRows: readonly MetaUsageRow[] | null = null,
): AllowanceCell[] {
  const cells: AllowanceCell[] = [];
  const put = (row: number, column: number, value: AllowanceCell['value'], format?: string) =>
    cells.push({ row, column, value, format });
  const l = labels.allowance;
  const allowance = perLineAllowance(month);
  put(top, 1, l.title);
  if (allowance === null) {
    put(top + 1, 1, `${l.none} ${ALLOWANCE_FROM}`);
    return cells;
  }
  l.header.forEach((h, i) => put(top + 1, 1 + i, h));
  const days = daysInMonth(month.year, month.month);
  const data = (c: number) => wholeColumn(DATA_SHEET, c + 1);
  const runningTop = top + lines.length + 3;
  put(runningTop, 1, l.running);
  lines.forEach((line, k) => {
    const header = runningTop + 1 + Math.floor(k / BAND) * (days + 2);
    const [first, last] = [header + 1, header + days];
    const x = columnLetters(2 + (k % BAND));
    if (k % BAND === 0) {
      put(header, 1, labels.dailyHeader[0]);
      for (let d = 0; d < days; d++)
        put(first + d, 1, dayDate(dayKeyToIso(addDays(firstDay(month), d))), DATE_FORMAT);
    }
    put(header, 2 + (k % BAND), line);
    const running = monthRows && freeServiceRunning(monthRows, month, line, days);
    for (let r = first; r <= last; r++) {
      const formula =
        `=SUMIFS(${data(COL.volume)}, ${data(COL.line)}, ${x}$${header}, ${data(COL.type)}, ` +
        `"${FREE_SERVICE_TYPE}", ${data(COL.day)}, ">="&$A$${first}, ${data(COL.day)}, "<="&$A${r})`;
      put(r, 2 + (k % BAND), running ? running[r - first] : { formula }, COUNT_FORMAT);
    }
    const row = top + 2 + k;
    put(row, 1, line);
    put(row, 2, { formula: `=${x}${last}` }, COUNT_FORMAT);
    put(row, 3, { formula: `=MAX(0, ${allowance}-B${row})` }, COUNT_FORMAT);
    put(
      row,
      4,
      {
        formula: `=IF(B${row}<${allowance}, "", MINIFS($A$${first}:$A$${last}, ${x}$${first}:${x}$${last}, ">="&${allowance}))`,
      },
      DATE_FORMAT,
    );
  });
  return cells;
}

/** The line's free service messages from the 1st to each day of the month, as the SUMIFS above sum them. */
function freeServiceRunning(
  rows: readonly MetaUsageRow[],
  month: CalendarMonth,
  line: string,
  days: number,
): number[] {
  const digits = digitsOf(line);
  const byDay = new Array<number>(days).fill(0);
  const prefix = dayKeyToIso(firstDay(month)).slice(0, 8);
  for (const r of rows) {
    if (r.type === FREE_SERVICE_TYPE && r.day.startsWith(prefix) && digitsOf(r.line ?? '') === digits)
      byDay[Number(r.day.slice(8)) - 1] += r.volume;
  }
  let sum = 0;
  return byDay.map((v) => (sum += v));
}
