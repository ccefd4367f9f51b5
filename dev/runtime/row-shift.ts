/**
 * Sheets keeps formulas pointing at the same data when rows are inserted or deleted: references below the
 * change move, ranges that span it grow or shrink, and a reference to a deleted cell becomes #REF!
 * (Sheet.insertRowsBefore / deleteRows; https://developers.google.com/apps-script/reference/spreadsheet/sheet).
 */
/** The sheet whose rows moved; formulas name it by `name` (the model passes its SheetModel). */
export interface ShiftedSheet {
  readonly name: string;
}

/** count > 0: `count` rows inserted before row `at`; count < 0: rows at..at-count-1 deleted. */
export interface RowShift<S extends ShiftedSheet = ShiftedSheet> {
  sheet: S;
  at: number;
  count: number;
}

const REF =
  /((?:'(?:[^']|'')+'|[A-Za-z0-9_]+)!)?(?<![A-Za-z0-9_.$:])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?::(\$?[A-Za-z]{1,3})(?:(\$?)(\d+))?)?(?![A-Za-z0-9_(!])/g;

function movedRow(row: number, shift: RowShift): number | undefined {
  if (shift.count > 0) return row >= shift.at ? row + shift.count : row;
  const last = shift.at - shift.count - 1;
  if (row < shift.at) return row;
  return row > last ? row + shift.count : undefined;
}

function shiftRefs(text: string, onOwnSheet: boolean, shift: RowShift): string {
  return text.replace(
    REF,
    (
      whole,
      prefix: string | undefined,
      c1: string,
      d1: string,
      r1: string,
      c2?: string,
      d2?: string,
      r2?: string,
    ) => {
      const name = prefix
        ?.slice(0, -1)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      const targets = name === undefined ? onOwnSheet : name.toLowerCase() === shift.sheet.name.toLowerCase();
      if (!targets) return whole;
      const top = Number(r1);
      if (c2 === undefined) {
        const row = movedRow(top, shift);
        return row === undefined ? '#REF!' : `${prefix ?? ''}${c1}${d1}${row}`;
      }
      const bottom = r2 === undefined ? undefined : Number(r2);
      let newTop = movedRow(top, shift);
      let newBottom = bottom === undefined ? undefined : movedRow(bottom, shift);
      if (shift.count < 0) {
        const last = shift.at - shift.count - 1;
        // A range losing its first or last rows keeps the rest; losing all of them is #REF!.
        if (newTop === undefined) newTop = bottom !== undefined && bottom <= last ? undefined : shift.at;
        if (bottom !== undefined && newBottom === undefined)
          newBottom = top >= shift.at ? undefined : shift.at - 1;
        if (newTop === undefined || (bottom !== undefined && (newBottom === undefined || newBottom < newTop)))
          return '#REF!';
      } else if (bottom !== undefined && top < shift.at && bottom >= shift.at) {
        newTop = top;
      }
      const end = r2 === undefined ? c2 : `${c2}${d2 ?? ''}${newBottom}`;
      return `${prefix ?? ''}${c1}${d1}${newTop}:${end}`;
    },
  );
}

/** The formula with its references to the shifted sheet moved; text in double quotes is left alone. */
export function shiftFormulaRows(formula: string, onOwnSheet: boolean, shift: RowShift): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : shiftRefs(part, onOwnSheet, shift)))
    .join('');
}
