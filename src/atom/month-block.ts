/**
 * The Atom block of a "Billing YYYY-MM" sheet, in columns W:Z right of the month close's own tables (which end
 * at V): the closed-conversations option and unique contacts on top; closed conversations by group (W:X) and
 * conversations by campaign (Y:Z) under one header row, each with a fixed range of TABLE_CAPACITY rows so the
 * month close's BILLED_BY_GROUP / BILLED_BY_CAMPAIGN formulas (which skip blank rows) always read exactly these
 * tables, whatever a later import holds; then conversations started per day by origin below those ranges, and
 * below that, when the month has messages with kinds, the day-by-day reconciliation with Meta (live formulas).
 * (Four columns, because a new sheet has 26 and the offline runtime cannot add columns yet.)
 */
import { UserFacingError } from '../core/errors';
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
/** Rows reserved for each of the group and campaign tables. */
export const TABLE_CAPACITY = 300;

/** Offsets within the block (0-based rows and columns). */
export const BLOCK_LAYOUT = {
  headerRow: 4,
  groups: 0,
  campaigns: 2,
  dailyHeaderRow: 4 + TABLE_CAPACITY + 3,
  width: 4,
} as const;

export interface MonthBlock {
  cells: BlockCell[][];
  /** Data rows of each table (under its header row). */
  rows: { groups: number; campaigns: number; daily: number };
  /** The reconciliation's share row (0-based in the block) and its day rows under the header; null without one. */
  reconciliation: { shareRow: number; days: number } | null;
}

export class AtomTableTooLongError extends UserFacingError {
  constructor(month: string, what: string, rows: number) {
    super(`${month} has ${rows} ${what}; the month's Atom table holds at most ${TABLE_CAPACITY}`);
    this.name = 'AtomTableTooLongError';
  }
}

export function monthBlock(tables: AtomMonthTables, labels: AtomSheetLabels): MonthBlock {
  const l = labels.block;
  const { headerRow, dailyHeaderRow, width } = BLOCK_LAYOUT;
  if (tables.groups.length > TABLE_CAPACITY)
    throw new AtomTableTooLongError(tables.month, 'groups', tables.groups.length);
  if (tables.campaigns.length > TABLE_CAPACITY) {
    throw new AtomTableTooLongError(tables.month, 'campaigns', tables.campaigns.length);
  }
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
    BLOCK_LAYOUT.groups,
    l.groupsHeader,
    tables.groups.map((g) => [g.label, g.conversations]),
  );
  table(
    headerRow,
    BLOCK_LAYOUT.campaigns,
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
          { formula: atomUnitsFormula(at) },
          { formula: metaUnitsFormula(at) },
          { formula: differenceFormula(at) },
        ];
      }),
    );
  }
  return {
    cells,
    rows: { groups: tables.groups.length, campaigns: tables.campaigns.length, daily: daily.length },
    reconciliation: days.length > 0 ? { shareRow, days: days.length } : null,
  };
}
