/**
 * Shared by the BILLED_* bundle tests: a spreadsheet in a given zone and locale with the built
 * bundle loaded, where a formula's range arguments are seeded as columns (or rows) of a Data sheet
 * and passed as references, the way a cell formula such as =F(A2:A9, B2:B9, 7) reaches the script.
 */
import type { AppsScriptRuntime } from '../../dev/runtime';
import { loadBundle } from '../../dev/runtime/testing/bundle';

/** Spreadsheet zones on both sides of UTC (Madrid +1/+2, Bogotá −5). */
export const ZONES = ['Europe/Madrid', 'America/Bogota'] as const;
export type Zone = (typeof ZONES)[number];

/** The cells of one range argument, as seeded (numbers, text, "" for empty, date cells from `at`). */
export type Cells = readonly unknown[];

const COLUMNS = 'ABCDEFGHIJ';

export class BilledSheet {
  readonly rt: AppsScriptRuntime;

  constructor(timeZone: string, locale = 'en_US') {
    this.rt = loadBundle({ spreadsheet: { timeZone, locale } });
  }

  /** A date cell at the local wall time "YYYY-MM-DD[ HH:mm[:ss]]" in the spreadsheet's zone. */
  at(local: string): Date {
    return this.rt.sheetDate(local);
  }

  /** Midnight of a local day as the Node Date a returned date cell becomes. */
  day(local: string): Date {
    return new Date(this.at(local).getTime());
  }

  /**
   * Seeds each range argument from row 2 of its own column (or, `across`, from column A of its own
   * row) and calls `fn` with those references followed by the scalar arguments.
   */
  call(fn: string, ranges: readonly Cells[], ...scalars: unknown[]): unknown {
    return this.run(fn, ranges, scalars, false);
  }

  /** Like `call`, with every range laid out as a row instead of a column. */
  callAcross(fn: string, ranges: readonly Cells[], ...scalars: unknown[]): unknown {
    return this.run(fn, ranges, scalars, true);
  }

  /** Seeds each range as `call` does and returns the references, for arguments in any order. */
  seed(ranges: readonly Cells[], across = false): unknown[] {
    return ranges.map((cells, k) => {
      const column = COLUMNS[k];
      if (across) {
        const row = k + 2;
        this.rt.spreadsheet.setValues(`Data!A${row}`, [[...cells]]);
        return this.rt.range(`Data!A${row}:${COLUMNS[cells.length - 1]}${row}`);
      }
      this.rt.spreadsheet.setValues(
        `Data!${column}2`,
        cells.map((v) => [v]),
      );
      return this.rt.range(`Data!${column}2:${column}${cells.length + 1}`);
    });
  }

  private run(fn: string, ranges: readonly Cells[], scalars: unknown[], across: boolean): unknown {
    return this.rt.runCustomFunction(fn, ...this.seed(ranges, across), ...scalars);
  }
}

/** A table Sheets can show: a header and rows of equal width, every cell text, a finite number or a date. */
export function expectSheetTable(value: unknown): unknown[][] {
  expect(Array.isArray(value)).toBe(true);
  const table = value as unknown[][];
  expect(table.length).toBeGreaterThan(0);
  const width = table[0].length;
  for (const row of table) {
    expect(row).toHaveLength(width);
    for (const cell of row) {
      const ok =
        typeof cell === 'string' ||
        (typeof cell === 'number' && Number.isFinite(cell)) ||
        (cell instanceof Date && !Number.isNaN(cell.getTime()));
      expect({ cell, ok }).toEqual({ cell, ok: true });
    }
  }
  return table;
}
