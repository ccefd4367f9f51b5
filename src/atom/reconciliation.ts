/**
 * The reconciliation of a month's Atom messages with Meta's bill, as live formulas: one BILLED_BREAKDOWN over the
 * message rows of "Atom conversations" (on its own sheet, its table is five columns wide and the month's Atom block
 * only four), and on the month's sheet, per day, the charged units of that table beside Meta's billed units from
 * "Meta data" (the month close's definition: REGULAR rows), their difference and the share of days that agree.
 */
import { BILLABLE_TYPE } from '../month-close/figures';
import { columnLetters, quoteSheetName, wholeColumn } from '../month-close/atom-range';
import { DATA_SHEET } from '../month-close/labels';
import { COL as META_COL } from '../month-close/meta-data-sheet';
import { BREAKDOWN_SHEET, CONVERSATIONS_SHEET } from './sheet-labels';

/** A cell written as a formula (every other string of the block is literal text). */
export interface FormulaCell {
  formula: string;
}

/** 1-based columns of "Atom conversations" that BILLED_BREAKDOWN reads (and the store reads back): start, contact, message kind. */
export const MESSAGE_LOG_COLUMNS = { start: 3, contact: 4, kind: 14 } as const;

/** BILLED_BREAKDOWN's formula cell on its sheet, under a caption row; its table's header is the row itself. */
export const BREAKDOWN_FORMULA_ROW = 2;
/** BILLED_BREAKDOWN's columns without lines: date, pricing model, category, charged units, free units. */
const BREAKDOWN_DATE = 1;
const BREAKDOWN_CHARGED = 4;
/** The sheet's width: the table's five columns (the caption above it is one cell). */
export const BREAKDOWN_WIDTH = 5;

/** Open-ended from `row` on, so messages appended by hand below the imported ones count too. */
function columnFrom(sheet: string, column: number, row: number): string {
  const letters = columnLetters(column);
  return `${quoteSheetName(sheet)}!$${letters}$${row}:$${letters}`;
}

/** BILLED_BREAKDOWN over the message rows, which the store keeps as one block from `firstRow` down. */
export function breakdownFormula(firstRow: number): string {
  const { start, contact, kind } = MESSAGE_LOG_COLUMNS;
  const log = [start, contact, kind].map((c) => columnFrom(CONVERSATIONS_SHEET, c, firstRow));
  return `=BILLED_BREAKDOWN(${log.join(', ')})`;
}

/** The block's cells that a day row's formulas refer to (sheet row, 1-based; the block's first column). */
export interface DayRowRef {
  row: number;
  column: number;
}

const cell = (column: number, row: number): string => `${columnLetters(column)}${row}`;

export function atomUnitsFormula(at: DayRowRef): string {
  return (
    `=SUMIFS(${wholeColumn(BREAKDOWN_SHEET, BREAKDOWN_CHARGED)}, ` +
    `${wholeColumn(BREAKDOWN_SHEET, BREAKDOWN_DATE)}, ${cell(at.column, at.row)})`
  );
}

export function metaUnitsFormula(at: DayRowRef): string {
  const column = (c: number) => wholeColumn(DATA_SHEET, c + 1);
  return (
    `=SUMIFS(${column(META_COL.volume)}, ${column(META_COL.day)}, ${cell(at.column, at.row)}, ` +
    `${column(META_COL.type)}, "${BILLABLE_TYPE}")`
  );
}

export function differenceFormula(at: DayRowRef): string {
  return `=${cell(at.column + 1, at.row)}-${cell(at.column + 2, at.row)}`;
}

/**
 * Days that agree among the days with units on either side (a day with none on both says nothing); blank while no
 * day has units. Rows `first`..`last` of the day table, whose first column is `column`.
 */
export function agreeingShareFormula(column: number, first: number, last: number): string {
  const range = (offset: number) => `${cell(column + offset, first)}:${cell(column + offset, last)}`;
  const [atom, meta, difference] = [range(1), range(2), range(3)];
  const idle = `COUNTIFS(${atom}, 0, ${meta}, 0)`;
  const active = `ROWS(${difference})-${idle}`;
  return `=IF(${active}=0, "", (COUNTIF(${difference}, 0)-${idle})/(${active}))`;
}
