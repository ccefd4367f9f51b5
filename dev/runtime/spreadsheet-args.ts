/** Argument checks Range, Sheet and Spreadsheet share, with Apps Script's messages. */
import { AppsScriptException } from './exception';
import type { Access, ServiceObject } from './service';
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
