import { billedBreakdown } from '../../src/core/formulas/breakdown';
import { billedConversations } from '../../src/core/formulas/conversations';
import type { SheetContext } from '../../src/core/formulas/sheet-context';
import { ZoneCalendar } from '../../src/core/zone-calendar';
import { column } from './helpers';

/** [timestamp (ISO local text or Date), contact, kind, line (optional: all rows or none)] */
export type Row = [string | Date, string | number, string, (string | number)?];

export function logArgs(rows: readonly Row[]) {
  const withLines = rows.some((r) => r.length > 3);
  return {
    timestamps: column(...rows.map((r) => r[0])),
    contacts: column(...rows.map((r) => r[1])),
    kinds: column(...rows.map((r) => r[2])),
    ...(withLines ? { lines: column(...rows.map((r) => r[3])) } : {}),
  };
}

export function charged(sheet: SheetContext, rows: readonly Row[], category?: string): number {
  return billedConversations({ ...logArgs(rows), category }, sheet);
}

/** Breakdown rows with the date as yyyy-MM-dd in the sheet's zone, for readable expectations. */
export function breakdown(sheet: SheetContext, rows: readonly Row[]): Array<Array<string | number>> {
  const cal = new ZoneCalendar(sheet.timeZone);
  return billedBreakdown(logArgs(rows), sheet)
    .slice(1)
    .map(([date, ...rest]) => {
      const key = String(cal.dayKeyAt((date as Date).getTime()));
      return [`${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6)}`, ...(rest as Array<string | number>)];
    });
}
