/**
 * Stage, then commit: the batches of a file wait on a staging sheet and only the last batch writes the data
 * sheets, so a failure in any batch leaves every sheet the user relies on as it was. A one-batch file is never
 * staged.
 */
import { ATOM_FIELDS } from '../../atom/fields';
import type { AtomRow, ClosingType } from '../../atom/rows';
import { STAGING_SHEET } from '../../atom/sheet-labels';
import { literalRow } from '../../core/sheet-output/literal-text';
import { ensureRows, sheetNamed, sheetOrNew } from './sheet-io';

const WIDTH = ATOM_FIELDS.length;

export function discardStaging(): void {
  const sheet = sheetNamed(STAGING_SHEET);
  if (sheet) SpreadsheetApp.getActiveSpreadsheet().deleteSheet(sheet);
}

/** Appends a batch below the `staged` rows already there: one setValues. */
export function stageRows(staged: number, rows: readonly AtomRow[]): void {
  if (rows.length === 0) return;
  const sheet = sheetOrNew(STAGING_SHEET);
  ensureRows(sheet, staged + rows.length);
  const cells = rows.map((r) => literalRow(ATOM_FIELDS.map((f) => r[f])));
  sheet.getRange(staged + 1, 1, rows.length, WIDTH).setValues(cells);
}

/** The staged rows, in the order they arrived: one getValues. */
export function readStagedRows(staged: number): AtomRow[] {
  if (staged === 0) return [];
  const sheet = sheetNamed(STAGING_SHEET);
  if (!sheet || sheet.getLastRow() < staged) return [];
  return sheet
    .getRange(1, 1, staged, WIDTH)
    .getValues()
    .map((cells) => {
      const text = (i: number): string => String(cells[i] ?? '');
      return {
        id: text(0),
        start: text(1),
        contact: text(2),
        line: text(3),
        group: text(4),
        agent: text(5),
        typification: text(6),
        closingType: text(7) as ClosingType,
        origin: text(8),
        campaign: text(9),
        conversations: Number(cells[10]),
      };
    });
}
