/**
 * An Atom import's commit as a pure plan: from what the adapter read (the stored rows, the Atom blocks already on the
 * months' sheets, the sheets' grids), every write the commit will make — the data sheet's rows, the "Atom billable
 * units" formula, each month's block — and the checks against Apps Script's limits, made before the first write:
 * Sheets has no transactions, so a write refused half-way would leave stored rows cleared or sheets half-written.
 */
import { CATEGORY_COUNT } from '../core/pricing/message-kinds';
import {
  cellsAdded,
  checkCellText,
  NEW_SHEET_GRID,
  type Grid,
  type GridChange,
} from '../core/write-plan/limits';
import { summarySheetName } from '../month-close/labels';
import { AtomFileError } from './errors';
import type { AtomMapping } from './fields';
import { upsertRecords } from './import-store';
import { monthBlock, TABLE_CAPACITY, type MonthBlock } from './month-block';
import {
  monthCounts,
  tablesFromCounts,
  type ClosedConversationsCount,
  type MonthCounts,
} from './month-tables';
import { BREAKDOWN_FORMULA_ROW, BREAKDOWN_WIDTH } from './reconciliation';
import { TEXT_FIELDS, type AtomImportKind, type AtomRow } from './rows';
import {
  BREAKDOWN_SHEET,
  CAMPAIGNS_SHEET,
  CONVERSATIONS_SHEET,
  GROUPS_SHEET,
  type AtomSheetLabels,
} from './sheet-labels';
import {
  aggregateFromRow,
  conversationFromRow,
  labelledCount,
  monthConversation,
  type StoredRow,
} from './stored-rows';

/** Every text is written as literal text: Sheets counts its leading apostrophe. */
const LITERAL_PREFIX = 1;

/**
 * Every cell an import's rows put on a sheet fits in a Sheets cell: the file name (the source-file column) and each
 * text field. `firstRow`: the number of the first of `rows` among the rows the file imports (1 for its first batch).
 */
export function checkRowCells(
  fileName: string,
  mapping: AtomMapping,
  rows: readonly AtomRow[],
  firstRow = 1,
): void {
  checkCellText(fileName, () => `The file name "${fileName.slice(0, 40)}…"`, LITERAL_PREFIX);
  rows.forEach((row, i) => {
    for (const field of TEXT_FIELDS) {
      checkCellText(
        row[field],
        () => `${fileName}: imported row ${firstRow + i}, column "${mapping[field] ?? field}",`,
        LITERAL_PREFIX,
      );
    }
  });
}

/** The month of each row (its start's, else the month given for the file) and the months touched, in order. */
export function importMonths(
  fileName: string,
  rows: readonly AtomRow[],
  month: string | null | undefined,
): { months: string[]; touched: string[] } {
  const months = rows.map((r, i) => {
    if (r.start !== '') return r.start.slice(0, 7);
    if (month) return month;
    throw new AtomFileError(fileName, `row ${i + 1} has no start date: choose the month the report covers`);
  });
  return { months, touched: [...new Set(months)].sort() };
}

export interface AtomImportRead {
  fileName: string;
  kind: AtomImportKind;
  rows: readonly AtomRow[];
  months: readonly string[];
  touched: readonly string[];
  timeZone: string;
  labels: AtomSheetLabels;
  closedCount: ClosedConversationsCount;
  stores: Record<AtomImportKind, readonly StoredRow[]>;
  /** Rows each table of a touched month's Atom block already holds on its sheet; null: no block there yet. */
  capacities: readonly (number | null)[];
  /** By month, each day's charged Atom units as values (the history in BigQuery); absent: live formulas. */
  atomUnits?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** By month, Meta's billed units per day as values (the month's Meta rows in BigQuery); absent: live formulas. */
  metaUnits?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** By month, the conversations' counts from BigQuery's aggregates (the rows are not read back); absent: counted here. */
  counts?: ReadonlyMap<string, MonthCounts>;
}

export interface AtomImportPlan {
  /** The data sheet the import upserts, rewritten whole: its header and every row, stored ones kept as read. */
  table: { name: string; header: readonly string[]; rows: unknown[][] };
  replaced: number;
  added: number;
  duplicatesInFile: number;
  /** "Atom billable units": rewritten by a conversations import (null: no messages); undefined: left alone. */
  breakdown?: { firstRow: number; days: number } | null;
  months: { month: string; block: MonthBlock; capacity: number | null }[];
}

const TABLES = {
  conversations: CONVERSATIONS_SHEET,
  groups: GROUPS_SHEET,
  campaigns: CAMPAIGNS_SHEET,
} as const;

export function planAtomImport(read: AtomImportRead): AtomImportPlan {
  const { kind, timeZone, labels } = read;
  const incoming: StoredRow[] = read.rows.map((r, i) =>
    kind === 'conversations'
      ? conversationFromRow(r, read.months[i], read.fileName, timeZone)
      : aggregateFromRow(kind === 'groups' ? r.group : r.campaign, r, read.months[i], read.fileName),
  );
  const outcome = upsertRecords(read.stores[kind], incoming);
  const stores = { ...read.stores, [kind]: outcome.rows };
  const months = read.touched.map((month, k) => {
    const inMonth = (r: StoredRow) => r.month === month;
    const counts =
      read.counts?.get(month) ??
      monthCounts(
        stores.conversations.filter(inMonth).map((r) => monthConversation(r, timeZone)),
        read.closedCount,
      );
    const tables = tablesFromCounts(
      month,
      counts,
      {
        groups: stores.groups.filter(inMonth).map(labelledCount),
        campaigns: stores.campaigns.filter(inMonth).map(labelledCount),
      },
      read.closedCount,
    );
    const capacity = read.capacities[k];
    return {
      month,
      block: monthBlock(
        tables,
        labels,
        capacity ?? TABLE_CAPACITY,
        read.atomUnits?.get(month),
        read.metaUnits?.get(month),
      ),
      capacity,
    };
  });
  const header = {
    conversations: labels.conversationsHeader,
    groups: labels.groupsHeader,
    campaigns: labels.campaignsHeader,
  }[kind];
  return {
    table: { name: TABLES[kind], header, rows: outcome.rows.map((r) => r.cells) },
    replaced: outcome.replaced,
    added: outcome.added,
    duplicatesInFile: outcome.duplicatesInFile,
    ...(kind === 'conversations' ? { breakdown: messageBlock(outcome.rows, timeZone) } : {}),
    months,
  };
}

/** Where the message rows start in "Atom conversations" (they sort last) and how many days they cover. */
function messageBlock(
  rows: readonly StoredRow[],
  timeZone: string,
): { firstRow: number; days: number } | null {
  const first = rows.findIndex((r) => r.message);
  if (first < 0) return null;
  const days = new Set(rows.slice(first).map((r) => monthConversation(r, timeZone).day));
  return { firstRow: first + 2, days: days.size };
}

/**
 * Every text cell the plan writes fits, with the apostrophe that keeps it literal — the stored rows too, which the
 * data sheet rewrites (a text typed into the sheet by hand may fill a cell to the last character).
 */
export function checkPlanCells(plan: AtomImportPlan): void {
  const { name, header, rows } = plan.table;
  rows.forEach((cells, i) =>
    cells.forEach((cell, c) => {
      if (typeof cell === 'string') {
        checkCellText(cell, () => `"${name}" row ${i + 2}, column "${header[c]}",`, LITERAL_PREFIX);
      }
    }),
  );
  for (const { month, block } of plan.months) {
    block.cells.forEach((cells, i) =>
      cells.forEach((cell, c) => {
        if (typeof cell === 'string') {
          checkCellText(
            cell,
            () => `"${summarySheetName(month)}" row ${i + 1}, column ${c + 1} of the Atom block,`,
            LITERAL_PREFIX,
          );
        }
      }),
    );
  }
}

/** Rows "Atom billable units" needs: its caption and formula, and the breakdown's rows per day, model and category. */
export function breakdownRows(messages: { days: number } | null): number {
  return messages ? BREAKDOWN_FORMULA_ROW + 2 * CATEGORY_COUNT * messages.days : BREAKDOWN_FORMULA_ROW;
}

/** A sheet's grid (`before`; null: not there yet) grown to `rows`, `inserted` rows inserted inside it. */
function grownGrid(before: Grid | null, rows: number, columns: number, inserted = 0): GridChange {
  const base = before ?? { rows: NEW_SHEET_GRID.rows, columns };
  return { before, after: { rows: Math.max(base.rows + inserted, rows), columns: base.columns } };
}

/**
 * Every grid the plan grows or creates, in the order the commit writes them (`grid`: a sheet's grid as read; null
 * when it does not exist). A new data sheet is as narrow as its table; a new month sheet keeps insertSheet's grid.
 */
export function planGridChanges(plan: AtomImportPlan, grid: (sheet: string) => Grid | null): GridChange[] {
  const grown = (name: string, rows: number, columns: number) => grownGrid(grid(name), rows, columns);
  const changes = [grown(plan.table.name, plan.table.rows.length + 1, plan.table.header.length)];
  if (plan.breakdown !== undefined && (plan.breakdown || grid(BREAKDOWN_SHEET))) {
    changes.push(grown(BREAKDOWN_SHEET, breakdownRows(plan.breakdown), BREAKDOWN_WIDTH));
  }
  return [...changes, ...monthGridChanges(plan, grid)];
}

/** The month sheets' grids the plan grows or creates: all it changes when the rows are kept in BigQuery. */
export function monthGridChanges(plan: AtomImportPlan, grid: (sheet: string) => Grid | null): GridChange[] {
  return plan.months.map(({ month, block, capacity }) => {
    const inserted = capacity !== null ? Math.max(0, block.layout.capacity - capacity) : 0;
    return grownGrid(grid(summarySheetName(month)), block.cells.length, NEW_SHEET_GRID.columns, inserted);
  });
}

/** The cells the plan adds to the spreadsheet at its peak. */
export function planCellsAdded(plan: AtomImportPlan, grid: (sheet: string) => Grid | null): number {
  return cellsAdded(planGridChanges(plan, grid));
}
