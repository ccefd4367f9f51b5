/**
 * The "Atom billable units" sheet: one BILLED_BREAKDOWN over the message rows of "Atom conversations", which the
 * months' reconciliation tables sum by day. Rewritten by every import of conversations, since an import moves the
 * block of message rows (conversation rows sort before it).
 */
import {
  ALL_ATOM_LABELS,
  type AtomSheetLabels,
  BREAKDOWN_FORMULA_ROW,
  BREAKDOWN_SHEET,
  BREAKDOWN_WIDTH,
  breakdownFormula,
} from '../../atom';
import { CATEGORY_COUNT } from '../../core/pricing/message-kinds';
import { literalText } from '../../core/sheet-output/literal-text';
import { ownedSheet } from '../shared/owned-sheet';
import { narrowSheet } from '../shared/narrow-sheet';
import { ensureRows } from './sheet-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet if it is ours (null when missing); throws, before anything is written, for a stranger's sheet. */
export function checkedBreakdownSheet(): Sheet | null {
  return ownedSheet(
    SpreadsheetApp.getActiveSpreadsheet(),
    BREAKDOWN_SHEET,
    ALL_ATOM_LABELS.map((l) => l.breakdownCaption),
  ).sheet;
}

/**
 * `firstRow`: the first message row of "Atom conversations"; `days`: how many days its messages cover (the table
 * has a row per day, pricing model and category, and a sheet must hold its rows). No message: the formula goes,
 * and the months' tables, if any, read zeros.
 */
export function writeBreakdownSheet(
  existing: Sheet | null,
  labels: AtomSheetLabels,
  messages: { firstRow: number; days: number } | null,
): Sheet | null {
  if (!existing && !messages) return null;
  const sheet = narrowSheet(
    SpreadsheetApp.getActiveSpreadsheet(),
    existing,
    BREAKDOWN_SHEET,
    BREAKDOWN_WIDTH,
  );
  if (messages) ensureRows(sheet, BREAKDOWN_FORMULA_ROW + 2 * CATEGORY_COUNT * messages.days);
  sheet
    .getRange(1, 1, BREAKDOWN_FORMULA_ROW, 1)
    .setValues([
      [literalText(labels.breakdownCaption[0])],
      [messages ? breakdownFormula(messages.firstRow) : ''],
    ]);
  return sheet;
}
