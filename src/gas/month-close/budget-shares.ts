/**
 * Atom's groups and campaigns of the month as the summary's split reads them (the same ranges, labels and weights,
 * through readParties), for the budgets of a group or campaign. Read only when there is such a budget; a table the
 * split cannot read either (its formula's cell says why) gives those budgets no status.
 */
import { readParties } from '../../core/formulas/allocation-table';
import { argRef } from '../../core/sheet-args/arg-errors';
import { UserFacingError } from '../../core/errors';
import type { AtomRange, Budget, BudgetShares } from '../../month-close';

type Table = { range: AtomRange; rows: number } | null;

export function readBudgetShares(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  budgets: readonly Budget[],
  tables: { group: Table; campaign: Table },
): BudgetShares {
  const shares: BudgetShares = {};
  for (const scope of ['group', 'campaign'] as const) {
    const table = tables[scope];
    if (!table || table.rows < 1 || !budgets.some((b) => b.scope === scope)) continue;
    const { range } = table;
    const values = spreadsheet
      .getSheetByName(range.sheet)!
      .getRange(range.firstRow + 1, range.column, table.rows, 2)
      .getValues();
    const column = (c: number) => values.map((r) => [r[c]]);
    try {
      const context = { timeZone: spreadsheet.getSpreadsheetTimeZone(), locale: '' };
      shares[scope] = readParties(
        argRef('Budgets', scope),
        column(0),
        argRef('Budgets', 'weight'),
        column(1),
        '',
        context,
      );
    } catch (e) {
      if (!(e instanceof UserFacingError)) throw e;
    }
  }
  return shares;
}
