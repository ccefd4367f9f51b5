/**
 * META_ANALYTICS's table: one row per bucket and requested breakdown, then volume, cost and where the cost comes
 * from (Meta, or the rate cards where Meta gives none). Headers are English, or Spanish when the spreadsheet locale
 * starts with "es" (the BILLED_* convention); column order never changes. Costs are summed exactly (each of Meta's
 * decimals as written) and shown as the nearest double of the exact sum.
 */
import { DecimalSum, decimalOf, exactToNumber, type ExactDecimal } from '../core/exact/decimal';

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

type HeaderKey = 'day' | TableColumn | 'volume' | 'cost' | 'costSource';

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
    costSource: 'Cost source',
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
    costSource: 'Origen del costo',
  },
};

/** What Meta must break the data down by to fill the columns (pricing model comes from the API used, not Meta). */
export function dimensionsFor(columns: readonly TableColumn[]): Dimension[] {
  return columns.filter((c): c is Dimension => c !== 'pricingModel');
}

/** A row with its exact cost (null when nothing could price it) and where that cost comes from. */
export interface CostedRow extends AnalyticsRow {
  exactCost: ExactDecimal | null;
  /** "Meta", "rate card BRL 2025-10-01", "free", or why there is no cost. */
  costSource: string;
}

export const META_COST_SOURCE = 'Meta';
/** Free rows Meta sent without a cost: they cost nothing, which is only worth saying when nothing else is there. */
export const FREE_COST_SOURCE = 'free';

/** Rows as Meta sent them: its cost where it gave one, none (and no source yet) elsewhere. */
export function withMetaCosts(rows: readonly AnalyticsRow[]): CostedRow[] {
  return rows.map((r) =>
    r.cost === null
      ? { ...r, exactCost: null, costSource: '' }
      : { ...r, exactCost: decimalOf(r.cost), costSource: META_COST_SOURCE },
  );
}

interface Group {
  day: string;
  values: string[];
  volume: number;
  cost: DecimalSum | null;
  /** Sources of the costed rows, and why the others have no cost. */
  sources: Set<string>;
  reasons: Set<string>;
}

/**
 * `lineLabels` maps the digits Meta reports to the line's display number. A group's cost is blank when any of its
 * rows has no cost, never a partial sum; its source then says why.
 */
export function analyticsTable(
  rows: readonly CostedRow[],
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
      group = {
        day: row.day,
        values,
        volume: 0,
        cost: new DecimalSum(),
        sources: new Set(),
        reasons: new Set(),
      };
      groups.set(key, group);
    }
    group.volume += row.volume;
    if (row.exactCost === null) group.cost = null;
    else group.cost?.add(row.exactCost);
    if (row.costSource) (row.exactCost === null ? group.reasons : group.sources).add(row.costSource);
  }
  const sorted = [...groups.values()].sort((a, b) =>
    compareTuples([a.day, ...a.values], [b.day, ...b.values]),
  );
  const calendar = new ZoneCalendar(sheet.timeZone);
  const headers = HEADERS[isSpanish(sheet) ? 'es' : 'en'];
  return [
    [headers.day, ...columns.map((c) => headers[c]), headers.volume, headers.cost, headers.costSource],
    ...sorted.map((g): TableCell[] => [
      makeDate(sheet, midnightOf(g.day, calendar)),
      ...g.values,
      g.volume,
      g.cost === null ? '' : exactToNumber(g.cost.value),
      sourceText(g),
    ]),
  ];
}

function sourceText(g: Group): string {
  if (g.cost === null) return [...g.reasons].join(' + ');
  const charged = [...g.sources].filter((s) => s !== FREE_COST_SOURCE);
  return charged.length ? charged.join(' + ') : [...g.sources].join(' + ');
}

/** The Date Sheets shows as that calendar day: local midnight in the spreadsheet's zone. */
export function midnightOf(isoDay: string, calendar: ZoneCalendar): number {
  const { year, month, day } = splitDayKey(Number(isoDay.replace(/-/g, '')) as DayKey);
  return calendar.instantOf(year, month, day);
}

function compareTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
