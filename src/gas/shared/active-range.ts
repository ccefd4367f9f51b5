import type { SheetRangeRef } from '../../rpc/contract';

/**
 * The user's current selection, for the sidebar's "use selection" buttons. From a sidebar, getActiveRange
 * reflects what the user has selected in the open spreadsheet; null when Sheets reports no active range.
 */
export function getActiveRange(): SheetRangeRef | null {
  const range = SpreadsheetApp.getActiveRange();
  if (!range) return null;
  return { sheet: range.getSheet().getName(), range: range.getA1Notation() };
}
