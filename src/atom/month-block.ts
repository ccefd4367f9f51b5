/**
 * The Atom block of a "Billing YYYY-MM" sheet, in columns W:Z right of the month close's tables (which end at V): the
 * closed-conversations option and unique contacts on top; closed conversations by group (W:X) and conversations by
 * campaign (Y:Z) under one header row, each with a fixed range of rows (its capacity) so the month close's
 * BILLED_BY_GROUP / BILLED_BY_CAMPAIGN formulas (which skip blank rows) always read exactly these tables, whatever a
 * later import holds; then conversations started per day by origin below those ranges, and below that, when the month
 * has messages with kinds, the day-by-day reconciliation with Meta (live formulas). A month with more groups or
 * campaigns than the capacity grows it (the adapter inserts rows inside the ranges, so formulas that read them grow
 * too); it never shrinks. (Four columns, because a new sheet has 26 and the offline runtime cannot add columns yet.)
 */
import { COUNT_FORMAT, DATE_FORMAT, GENERAL_FORMAT, SHARE_FORMAT } from '../month-close/formats';
import type { AtomMonthTables } from './month-tables';
import {
  agreeingShareFormula,
  atomUnitsFormula,
  differenceFormula,
  metaUnitsFormula,
  type FormulaCell,
} from './reconciliation';
import type { AtomSheetLabels } from './sheet-labels';

/** A day cell: the adapter writes it as a date at local midnight. */
export interface DayCell {
  day: string;
}

export type BlockCell = string | number | DayCell | FormulaCell;

/** Column W: the month close leaves every column from here on alone. */
export const ATOM_BLOCK_COLUMN = 23;
/** Rows reserved for each of the group and campaign tables, at least. */
export const TABLE_CAPACITY = 300;
/** A capacity grows in steps, so a month that gains a few groups a day does not insert rows on every import. */
const CAPACITY_STEP = 100;

/** Offsets within the block (0-based rows and columns) for tables of `capacity` rows. */
export function blockLayout(capacity: number) {
  return {
    capacity,
    headerRow: 4,
    groups: 0,
    campaigns: 2,
    dailyHeaderRow: 4 + capacity + 3,
    width: 4,
  } as const;
}

export type BlockLayout = ReturnType<typeof blockLayout>;

/** The capacity the month's tables need: never less than `current` (formulas point at those rows). */
export function tableCapacity(
  tables: Pick<AtomMonthTables, 'groups' | 'campaigns'>,
  current = TABLE_CAPACITY,
): number {
  const needed = Math.max(tables.groups.length, tables.campaigns.length);
  return needed <= current ? current : Math.ceil(needed / CAPACITY_STEP) * CAPACITY_STEP;
}

export interface MonthBlock {
  layout: BlockLayout;
  cells: BlockCell[][];
  /** The number format of each cell: days as dates, the reconciliation's counts and share as the month close's. */
  formats: string[][];
  /** Data rows of each table (under its header row). */
  rows: { groups: number; campaigns: number; daily: number };
  /** The reconciliation's share row (0-based in the block) and its day rows under the header; null without one. */
  reconciliation: { shareRow: number; days: number } | null;
}

/** `current`: the capacity the month's sheet already has (TABLE_CAPACITY for a sheet without the block). */
/**
 * `atomUnits`: each day's charged units as values (the history in BigQuery, where no sheet holds the log for a
 * formula to read); without it, the live SUMIFS over "Atom billable units". `metaUnits` likewise for Meta's billed
 * units (without it, the SUMIFS over "Meta data").
 */
export function monthBlock(
  tables: AtomMonthTables,
  labels: AtomSheetLabels,
  current = TABLE_CAPACITY,
  atomUnits?: ReadonlyMap<string, number>,
  metaUnits?: ReadonlyMap<string, number>,
): MonthBlock {
  const l = labels.block;
  const layout = blockLayout(tableCapacity(tables, current));
  const { headerRow, dailyHeaderRow, width } = layout;
  const daily = tables.daily.map((d): BlockCell[] => [
    { day: d.day },
    d.origin === '' ? l.noOrigin : d.origin,
    d.conversations,
  ]);
  const days = tables.reconciliationDays;
  const shareRow = dailyHeaderRow + 1 + daily.length + 1;
  const height =
    days.length > 0
      ? shareRow + 2 + days.length
      : daily.length > 0
        ? dailyHeaderRow + 1 + daily.length
        : headerRow + 1 + Math.max(tables.groups.length, tables.campaigns.length);
  const cells: BlockCell[][] = Array.from({ length: height }, () => Array<BlockCell>(width).fill(''));
  const put = (row: number, column: number, values: readonly BlockCell[]) =>
    values.forEach((v, k) => (cells[row][column + k] = v));
  put(0, 0, [l.title(tables.month)]);
  put(1, 0, [
    l.closedCount,
    tables.groupsFrom === 'report' ? l.fromReport : l.closedCountValue[tables.closedCount],
  ]);
  put(2, 0, [l.uniqueContacts, tables.uniqueContacts ?? '']);
  put(3, 0, [l.reconciliation, days.length > 0 ? l.reconciliationBelow : l.reconciliationNone]);
  const table = (row: number, column: number, header: readonly string[], rows: BlockCell[][]) => {
    put(row, column, header);
    rows.forEach((r, i) => put(row + 1 + i, column, r));
  };
  table(
    headerRow,
    layout.groups,
    l.groupsHeader,
    tables.groups.map((g) => [g.label, g.conversations]),
  );
  table(
    headerRow,
    layout.campaigns,
    l.campaignsHeader,
    tables.campaigns.map((c) => [c.label, c.conversations]),
  );
  if (daily.length > 0) table(dailyHeaderRow, 0, l.dailyHeader, daily);
  if (days.length > 0) {
    // Sheet rows are 1-based and the block starts at row 1.
    const firstDayRow = shareRow + 3;
    const lastDayRow = firstDayRow + days.length - 1;
    put(shareRow, 0, [
      l.agreeingShare,
      { formula: agreeingShareFormula(ATOM_BLOCK_COLUMN, firstDayRow, lastDayRow) },
    ]);
    table(
      shareRow + 1,
      0,
      l.reconciliationHeader,
      days.map((day, i) => {
        const at = { row: firstDayRow + i, column: ATOM_BLOCK_COLUMN };
        return [
          { day },
          atomUnits ? (atomUnits.get(day) ?? 0) : { formula: atomUnitsFormula(at) },
          metaUnits ? (metaUnits.get(day) ?? 0) : { formula: metaUnitsFormula(at) },
          { formula: differenceFormula(at) },
        ];
      }),
    );
  }
  const formats = cells.map((row) =>
    row.map((c): string => (typeof c === 'object' && 'day' in c ? DATE_FORMAT : GENERAL_FORMAT)),
  );
  if (days.length > 0) {
    formats[shareRow][1] = SHARE_FORMAT;
    for (let i = 0; i < days.length; i++) formats[shareRow + 2 + i].fill(COUNT_FORMAT, 1);
  }
  return {
    layout,
    cells,
    formats,
    rows: { groups: tables.groups.length, campaigns: tables.campaigns.length, daily: daily.length },
    reconciliation: days.length > 0 ? { shareRow, days: days.length } : null,
  };
}
