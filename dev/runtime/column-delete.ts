/**
 * What Sheet.deleteColumns would have to move besides cells
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#deletecolumnscolumnposition,-howmany).
 * Sheets rewrites formulas, named ranges, protected ranges and charts that point at or right of the deleted
 * columns; the runtime does not model that, so it names the first such thing and the deletion is refused
 * rather than leaving them pointing at the wrong cells.
 */
import { columnNumber } from './a1';
import type { SpreadsheetModel, SheetModel } from './spreadsheet-model';

/** A reference: optional sheet prefix, then a cell, a whole column or a range of either ("A1", "$B:$C", "A2:D"). */
const REF =
  /((?:'(?:[^']|'')+'|[A-Za-z0-9_]+)!)?(?<![A-Za-z0-9_.$:])\$?([A-Za-z]{1,3})(\$?\d+)?(?::\$?([A-Za-z]{1,3})(\$?\d+)?)?(?![A-Za-z0-9_(!])/g;

/** The rightmost column of `target` that `formula` (on sheet `own`) refers to; 0 when it refers to none. */
function rightmostColumn(formula: string, own: SheetModel, target: SheetModel): number {
  let rightmost = 0;
  const outsideQuotes = formula.split(/"(?:[^"]|"")*"/).join('""');
  for (const m of outsideQuotes.matchAll(REF)) {
    const [, prefix, c1, r1, c2] = m;
    // Bare letters without a row or a colon ("IF", "TRUE") are names, not references.
    if (r1 === undefined && c2 === undefined) continue;
    const name = prefix
      ?.slice(0, -1)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    const sheet = name === undefined ? own : target.name.toLowerCase() === name.toLowerCase() ? target : null;
    if (sheet !== target) continue;
    rightmost = Math.max(rightmost, columnNumber(c1), c2 ? columnNumber(c2) : 0);
  }
  return rightmost;
}

/** What deleting columns `first`.. of `sheet` would move and the runtime cannot; null when nothing. */
export function unmodelledColumnShift(
  model: SpreadsheetModel,
  sheet: SheetModel,
  first: number,
): string | null {
  for (const own of model.sheets) {
    let found: string | null = null;
    own.forEachCell((row, column, cell) => {
      if (found || !cell.formula) return;
      if ((own === sheet && column >= first) || rightmostColumn(cell.formula, own, sheet) >= first)
        found = `the formula in ${own.a1({ row, column, numRows: 1, numColumns: 1 })}`;
    });
    if (found) return found;
  }
  const reaches = (s: SheetModel, column: number, numColumns: number) =>
    s === sheet && column + numColumns - 1 >= first;
  const named = model.namedRanges.find((n) => reaches(n.sheet, n.box.column, n.box.numColumns));
  if (named) return `the named range ${named.name}`;
  for (const p of model.protections)
    if (p.type === 'RANGE' && p.box && reaches(p.sheet, p.box.column, p.box.numColumns))
      return `the protected range ${p.sheet.a1(p.box)}`;
  for (const s of model.sheets)
    for (const chart of s.charts) {
      const ranges = chart.ranges.map((a1) => model.locate(a1));
      if (
        (s === sheet && chart.position.column >= first) ||
        ranges.some(({ sheet: on, box }) => reaches(on, box.column, box.numColumns))
      )
        return `a chart on ${s.name} (${chart.ranges.join(', ')})`;
    }
  return null;
}
