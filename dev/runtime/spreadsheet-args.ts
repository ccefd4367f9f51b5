/** Argument checks Range, Sheet and Spreadsheet share, with Apps Script's messages. */
import type { GridBox } from './a1';
import { AppsScriptException } from './exception';
import { type Access, type ServiceObject } from './service';
import type { SheetModel } from './spreadsheet-model';

const argType = (v: unknown): string =>
  v === null || v === undefined
    ? 'null'
    : Array.isArray(v)
      ? 'Object[]'
      : typeof v === 'object'
        ? 'Object'
        : typeof v;

/** Apps Script's message for arguments no overload accepts; type names are JavaScript's (UNCONFIRMED detail). */
export function signatureError(kind: string, method: string, args: readonly unknown[]): AppsScriptException {
  return new AppsScriptException(
    `The parameters (${args.map(argType).join(',')}) don't match the method signature for SpreadsheetApp.${kind}.${method}.`,
  );
}

/** Row/column arguments must be whole numbers (getRange(1.5, 1) is refused, not rounded). */
export function coordinates(kind: string, method: string, args: readonly unknown[]): number[] {
  if (args.some((a) => typeof a !== 'number' || !Number.isInteger(a)))
    throw signatureError(kind, method, args);
  return args as number[];
}

export function checkBox(sheet: SheetModel, box: GridBox): GridBox {
  const { row, column, numRows, numColumns } = box;
  if (row < 1) throw new AppsScriptException('The starting row of the range is too small.');
  if (column < 1) throw new AppsScriptException('The starting column of the range is too small.');
  if (numRows < 1) throw new AppsScriptException('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new AppsScriptException('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return box;
}

/** The 2-D argument of setValues/setFormulas/setNumberFormats, checked like Apps Script. */
export function grid(data: unknown, box: GridBox, method: string): unknown[][] {
  if (!Array.isArray(data) || data.some((r) => !Array.isArray(r)))
    throw signatureError('Range', method, [data]);
  const rows = data as unknown[][];
  if (rows.length !== box.numRows) {
    throw new AppsScriptException(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${box.numRows}.`,
    );
  }
  for (const r of rows) {
    if (r.length !== box.numColumns) {
      throw new AppsScriptException(
        `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${box.numColumns}.`,
      );
    }
  }
  return rows;
}

/** An object of a deleted sheet fails every call (wording UNCONFIRMED). */
export function guardDeleted(
  target: ServiceObject & { readonly methods: Record<string, Access> },
  sheet: () => SheetModel,
): void {
  const self = target as unknown as Record<string, unknown>;
  for (const name of Object.keys(target.methods)) {
    const impl = self[name];
    if (typeof impl !== 'function') continue;
    self[name] = (...args: unknown[]): unknown => {
      if (sheet().deleted) throw new AppsScriptException('This sheet has been deleted.');
      return (impl as (...a: unknown[]) => unknown).apply(target, args);
    };
  }
}
