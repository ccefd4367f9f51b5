import { billedBreakdown } from '../../src/core/formulas/breakdown';
import { billedConversations } from '../../src/core/formulas/conversations';
import type { SheetContext } from '../../src/core/formulas/sheet-context';
import { priceMessages } from '../../src/core/pricing/engine';
import { parseKind } from '../../src/core/pricing/message-kinds';
import { PRICING_RULES } from '../../src/core/pricing/rules';
import { ZoneCalendar } from '../../src/core/zone-calendar';
import { column } from './helpers';

/** [timestamp (ISO local text or Date), contact, kind] */
export type Row = [string | Date, string | number, string];

export function logArgs(rows: readonly Row[]) {
  return {
    timestamps: column(...rows.map((r) => r[0])),
    contacts: column(...rows.map((r) => r[1])),
    kinds: column(...rows.map((r) => r[2])),
  };
}

export function charged(sheet: SheetContext, rows: readonly Row[], category?: string): number {
  return billedConversations({ ...logArgs(rows), category }, sheet);
}

/** Breakdown rows with the date as yyyy-MM-dd in the sheet's zone, for readable expectations. */
export function breakdown(
  sheet: SheetContext,
  rows: readonly Row[],
): Array<[string, string, string, number, number]> {
  const cal = new ZoneCalendar(sheet.timeZone);
  return billedBreakdown(logArgs(rows), sheet)
    .slice(1)
    .map(([date, model, category, c, f]) => {
      const key = String(cal.dayKeyAt((date as Date).getTime()));
      return [
        `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6)}`,
        model as string,
        category as string,
        c as number,
        f as number,
      ];
    });
}

/** The engine with the dated table's off entries switched on (the reported 2026-10-01 change). */
export function chargedWithAllRulesOn(timeZone: string, rows: readonly Row[]): number {
  const cal = new ZoneCalendar(timeZone);
  const times = rows.map(([t]) => {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(t as string);
    if (!m) throw new Error(`bad test timestamp ${String(t)}`);
    const [y, mo, d, h, mi] = m.slice(1).map(Number);
    return cal.instantOf(y, mo, d, h, mi);
  });
  const log = {
    times,
    contacts: rows.map((r) => String(r[1])),
    kinds: rows.map((r) => parseKind(r[2]) as number),
  };
  return priceMessages(
    log,
    cal,
    PRICING_RULES.map((r) => ({ ...r, enabled: true })),
  ).chargedUnits();
}
