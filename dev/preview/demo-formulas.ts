/**
 * Just enough of Sheets' formula evaluation for the demo: `=NAME(arg, …)` where each argument is a range
 * (`'Atom log'!A2:A61`, or `B4` on the formula's own sheet), "text" or a number. The custom function runs
 * through the offline runtime exactly as Sheets would call it; a table result spills right and down.
 */
import type { AppsScriptRuntime } from '../runtime';
import type { CellValue } from '../runtime/spreadsheet-model';

function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function argument(runtime: AppsScriptRuntime, text: string, sheetName: string): unknown {
  if (/^".*"$/.test(text)) return text.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return runtime.range(text.includes('!') ? text : `'${sheetName}'!${text}`);
}

/** Enters `formula` at `cell` ("Billing!B2") with the value(s) the custom function returns. */
export function enterDemoFormula(runtime: AppsScriptRuntime, cell: string, formula: string): void {
  const call = /^=([A-Z_]+)\((.*)\)$/.exec(formula);
  if (!call) throw new Error(`demo formula not understood: ${formula}`);
  const { sheet, box } = runtime.spreadsheet.locate(cell);
  const args = splitArguments(call[2]).map((a) => argument(runtime, a, sheet.name));
  let result: unknown;
  try {
    result = runtime.runCustomFunction(call[1], ...args);
  } catch (error) {
    result = `#ERROR! ${(error as Error).message}`;
  }
  const table = (Array.isArray(result) ? result : [[result]]) as CellValue[][];
  // Spilled cells hold values as returned (a custom function's strings are never parsed as input).
  table.forEach((row, r) =>
    row.forEach((value, c) => {
      const first = r === 0 && c === 0;
      sheet.setCell(
        box.row + r,
        box.column + c,
        first ? { value, formula } : value === '' ? undefined : { value },
      );
    }),
  );
}
