/**
 * Shared set-up for the month-close bundle tests: a connected runtime (Bogota spreadsheet, São Paulo WABA, the
 * fake Graph server), Atom group and campaign sheets, and views of what the import wrote.
 */
import type { AppsScriptRuntime } from '../../dev/runtime';
import { spreadsheetSnapshot } from '../../dev/preview/snapshot';
import type { MonthCloseResult, RunMonthCloseRequest } from '../../src/rpc/contract';

export const GROUPS_SHEET = 'Atom groups';
export const CAMPAIGNS_SHEET = 'Atom campaigns';
export const GROUPS = [
  ['Group', 'Closed conversations'],
  ['Ventas', 2],
  ['Soporte', 3],
  ['Cobranza', 5],
];
export const CAMPAIGNS = [
  ['Campaign', 'Conversations'],
  ['Black Friday', 120],
  ['Welcome', 50],
  ['Reactivation', 100],
];

/** Text cells are entered as typed, so a leading apostrophe keeps formula-looking names as text. */
export function seedAtomSheets(rt: AppsScriptRuntime, groups = GROUPS, campaigns = CAMPAIGNS): void {
  const typed = (rows: unknown[][]) => rows.map((r) => r.map((c) => (typeof c === 'string' ? `'${c}` : c)));
  rt.spreadsheet.insertSheet(GROUPS_SHEET);
  rt.spreadsheet.setValues(`'${GROUPS_SHEET}'!A1:B${groups.length}`, typed(groups));
  rt.spreadsheet.insertSheet(CAMPAIGNS_SHEET);
  rt.spreadsheet.setValues(`'${CAMPAIGNS_SHEET}'!A1:B${campaigns.length}`, typed(campaigns));
}

export const WITH_ATOM: Omit<RunMonthCloseRequest, 'month'> = {
  groups: { sheet: GROUPS_SHEET, range: `A1:B${GROUPS.length}` },
  campaigns: { sheet: CAMPAIGNS_SHEET, range: 'A:B' },
};

export function runImport(rt: AppsScriptRuntime, request: RunMonthCloseRequest): MonthCloseResult {
  return rt.runFromSidebar('runMonthClose', request) as MonthCloseResult;
}

/** Every sheet as Sheets shows it: display values, formulas, number formats, charts. */
export function snapshot(rt: AppsScriptRuntime): ReturnType<typeof spreadsheetSnapshot> {
  return spreadsheetSnapshot(rt.spreadsheet);
}

/** The snapshot without what legitimately changes between identical imports: import times and the ledger. */
export function stableSnapshot(rt: AppsScriptRuntime): unknown {
  const s = snapshot(rt);
  return s.sheets
    .filter((sheet) => sheet.name !== 'Imports')
    .map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row, r) =>
        row.map((cell, c) => {
          const importTime =
            (sheet.name === 'Meta data' && c === 10 && r > 0) ||
            (sheet.name.startsWith('Billing ') && r === 10 && c === 1);
          return importTime ? { ...cell, display: '<import time>' } : cell;
        }),
      ),
    }));
}
