/**
 * META_ANALYTICS's table: one row per bucket and requested breakdown, then volume and cost. Headers are English,
 * or Spanish when the spreadsheet locale starts with "es" (the BILLED_* convention); column order never changes.
 */

import {
  isSpanish,
  makeDate,
  type SheetContext,
  type Table,
  type TableCell,
} from '../core/formulas/sheet-context';
import { splitDayKey, type DayKey } from '../core/time';
import { ZoneCalendar } from '../core/zone-calendar';
import type { AnalyticsRow, Dimension } from './analytics';

export type TableColumn = 'line' | 'country' | 'pricingModel' | 'category' | 'type' | 'tier';

type HeaderKey = 'day' | TableColumn | 'volume' | 'cost';

const HEADERS: Record<'en' | 'es', Record<HeaderKey, string>> = {
  en: {
    day: 'Day',
    line: 'Line',
    country: 'Country',
    pricingModel: 'Pricing model',
    category: 'Category',
    type: 'Type',
    tier: 'Tier',
    volume: 'Volume',
    cost: 'Cost',
  },
  es: {
    day: 'Día',
    line: 'Línea',
    country: 'País',
    pricingModel: 'Modelo de precio',
    category: 'Categoría',
    type: 'Tipo',
    tier: 'Nivel',
    volume: 'Volumen',
    cost: 'Costo',
  },
};

/** What Meta must break the data down by to fill the columns (pricing model comes from the API used, not Meta). */
export function dimensionsFor(columns: readonly TableColumn[]): Dimension[] {
  return columns.filter((c): c is Dimension => c !== 'pricingModel');
}

/** Meta's costs are decimals; summing them as doubles leaves noise such as 12.340000000000002. */
export function roundCost(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

interface Group {
  day: string;
  values: string[];
  volume: number;
  cost: number | null;
}

/**
 * `lineLabels` maps the digits Meta reports to the line's display number. A group's cost is blank when any of its
 * rows came without cost (partner credit line), never a partial sum.
 */
export function analyticsTable(
  rows: readonly AnalyticsRow[],
  columns: readonly TableColumn[],
  sheet: SheetContext,
  lineLabels: ReadonlyMap<string, string>,
): Table {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const values = columns.map((c) => {
      const v = row[c] ?? '';
      return c === 'line' ? (lineLabels.get(v) ?? v) : v;
    });
    const key = JSON.stringify([row.day, ...values]);
    let group = groups.get(key);
    if (!group) {
      group = { day: row.day, values, volume: 0, cost: 0 };
      groups.set(key, group);
    }
    group.volume += row.volume;
    group.cost = group.cost === null || row.cost === null ? null : group.cost + row.cost;
  }
  const sorted = [...groups.values()].sort((a, b) =>
    compareTuples([a.day, ...a.values], [b.day, ...b.values]),
  );
  const calendar = new ZoneCalendar(sheet.timeZone);
  const headers = HEADERS[isSpanish(sheet) ? 'es' : 'en'];
  return [
    [headers.day, ...columns.map((c) => headers[c]), headers.volume, headers.cost],
    ...sorted.map((g): TableCell[] => [
      makeDate(sheet, midnightOf(g.day, calendar)),
      ...g.values,
      g.volume,
      g.cost === null ? '' : roundCost(g.cost),
    ]),
  ];
}

/** The Date Sheets shows as that calendar day: local midnight in the spreadsheet's zone. */
function midnightOf(isoDay: string, calendar: ZoneCalendar): number {
  const { year, month, day } = splitDayKey(Number(isoDay.replace(/-/g, '')) as DayKey);
  return calendar.instantOf(year, month, day);
}

function compareTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
