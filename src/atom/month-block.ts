/**
 * The Atom block of a "Billing YYYY-MM" sheet as a rectangle of cells: the closed-conversations option,
 * unique contacts, then the group, campaign and daily-origin tables stacked in three columns (so the block
 * never widens with the data). The group and campaign tables are (label, count) with a header row: the
 * shape the month close's BILLED_BY_GROUP / BILLED_BY_CAMPAIGN read.
 */
import type { AtomMonthTables } from './month-tables';
import type { AtomSheetLabels } from './sheet-labels';

/** A day cell: the adapter writes it as a date at local midnight. */
export interface DayCell {
  day: string;
}

export type BlockCell = string | number | DayCell;

export const BLOCK_WIDTH = 3;

export interface MonthBlock {
  cells: BlockCell[][];
  /** Rows (0-based within the block) of each table's header and its number of data rows. */
  groups: { headerRow: number; rows: number };
  campaigns: { headerRow: number; rows: number };
  daily: { headerRow: number; rows: number };
}

const pad = (row: BlockCell[]): BlockCell[] => [
  ...row,
  ...Array<BlockCell>(BLOCK_WIDTH - row.length).fill(''),
];

export function monthBlock(tables: AtomMonthTables, labels: AtomSheetLabels): MonthBlock {
  const l = labels.block;
  const cells: BlockCell[][] = [
    pad([l.title(tables.month)]),
    pad([
      l.closedCount,
      tables.groupsFrom === 'report' ? l.fromReport : l.closedCountValue[tables.closedCount],
    ]),
    pad([l.uniqueContacts, tables.uniqueContacts ?? '']),
    pad([]),
  ];
  const table = (header: string[], rows: BlockCell[][]) => {
    const headerRow = cells.length;
    cells.push(pad(header), ...rows.map(pad), pad([]));
    return { headerRow, rows: rows.length };
  };
  const groups = table(
    l.groupsHeader,
    tables.groups.map((g) => [g.label, g.conversations]),
  );
  const campaigns = table(
    l.campaignsHeader,
    tables.campaigns.map((c) => [c.label, c.conversations]),
  );
  const daily = table(
    l.dailyHeader,
    tables.daily.map((d) => [{ day: d.day }, d.origin === '' ? l.noOrigin : d.origin, d.conversations]),
  );
  cells.pop();
  return { cells, groups, campaigns, daily };
}
