/**
 * Formula evaluation for the emulated spreadsheet, by HyperFormula (dev-only, GPL-v3 key; never bundled).
 *
 * Design: the SpreadsheetModel keeps what was entered; when a computed value is read after a change, the
 * engine rebuilds a HyperFormula workbook from the model and keeps a snapshot of every formula sheet.
 * Custom functions are HyperFormula plugin functions that call the bundle through the runtime (one
 * CUSTOM_FUNCTION execution each). Sheets re-runs a custom function only when an argument changes or the
 * formula is edited (https://developers.google.com/apps-script/guides/sheets/functions#optimization), so a
 * result is cached by (cell, formula, argument values): an unchanged call is never executed twice.
 * HyperFormula reserves a spill area before it evaluates, so a table of a new size is evaluated once,
 * its size remembered, and the workbook rebuilt from the cache — still one execution.
 */
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type SerializedNamedExpression,
  type SimpleCellAddress,
} from 'hyperformula';
import { format as formatNumber } from 'numfmt';
import { quoteSheetName, type GridBox } from './a1';
import { bcp47, dateToSerial, readValue, type Cell, type StoredValue } from './cell-types';
import { isDate } from './realm';

/**
 * What the engine reads of a sheet. SheetModel implements it; an interface, because the model owns its engine
 * (spreadsheet-model.ts imports this module, never the other way).
 */
export interface FormulaSheet {
  readonly name: string;
  readonly maxRows: number;
  readonly maxColumns: number;
  hasFormulas(): boolean;
  cell(row: number, column: number): Cell | undefined;
  forEachCell(fn: (row: number, column: number, cell: Cell) => void): void;
  a1(box: GridBox): string;
}

/** What the engine reads of the spreadsheet (SpreadsheetModel implements it). */
export interface FormulaWorkbook {
  /** Bumped on every change. */
  readonly version: number;
  /** Sheets changed since the last evaluation ('all': unknown); the engine empties it when it reads it. */
  dirty: Set<FormulaSheet> | 'all';
  readonly sheets: readonly FormulaSheet[];
  readonly namedRanges: readonly {
    readonly name: string;
    readonly sheet: FormulaSheet;
    readonly box: GridBox;
  }[];
  readonly timeZone: string;
  readonly locale: string;
  getSheet(name: string): FormulaSheet | undefined;
}

/** How the runtime runs a custom function for a cell (see AppsScriptRuntime.runCustomFunction). */
export interface CustomFunctionHost {
  /** The script's global function names (upper-cased), callable from a cell. */
  names(): string[];
  /** One CUSTOM_FUNCTION execution; throws what the function throws. */
  call(name: string, args: unknown[]): unknown;
}

export interface ComputedCell {
  value: StoredValue;
  /** Why a formula failed (a custom function's thrown message, HyperFormula's explanation). */
  message?: string;
  /** The value is a date (a date built-in, or a Date a custom function returned). */
  isDate: boolean;
}

/** Sheets' error values as getValue() reads them. CYCLE is #REF! in Sheets ("Circular dependency detected"). */
const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NAME: '#NAME?',
  VALUE: '#VALUE!',
  NUM: '#NUM!',
  NA: '#N/A',
  CYCLE: '#REF!',
  REF: '#REF!',
  // HyperFormula's #SPILL!: Sheets shows #REF! ("Array result was not expanded because it would overwrite data").
  SPILL: '#REF!',
  ERROR: '#ERROR!',
};

const cellKey = (sheet: number, row: number, col: number): string => `${sheet}:${row}:${col}`;

interface CachedCall {
  fingerprint: string;
  result: { ok: true; table: StoredValue[][]; dates: boolean[][] } | { ok: false; message: string };
}

function fingerprint(args: unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) => (v === undefined ? '\u0000undefined' : v));
}

/** A custom function's return value as cells: a scalar is 1×1, a 1-D array spills down (UNCONFIRMED). */
function resultTable(result: unknown, timeZone: string): { table: StoredValue[][]; dates: boolean[][] } {
  const rows: unknown[][] = Array.isArray(result)
    ? result.map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]))
    : [[result]];
  const width = Math.max(1, ...rows.map((r) => r.length));
  const table: StoredValue[][] = [];
  const dates: boolean[][] = [];
  for (const row of rows.length ? rows : [[]]) {
    const out: StoredValue[] = [];
    const flags: boolean[] = [];
    for (let c = 0; c < width; c++) {
      const v = row[c];
      flags.push(isDate(v));
      if (isDate(v)) out.push(dateToSerial(v, timeZone));
      else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out.push(v);
      else out.push(''); // null, undefined, objects: blank (UNCONFIRMED what Sheets shows)
    }
    table.push(out);
    dates.push(flags);
  }
  return { table, dates };
}

/** Open-ended ranges ("A2:A", "B1:K") that Sheets allows and HyperFormula does not: close them at the sheet's end. */
function closeOpenRanges(formula: string, maxRows: (sheet: string | undefined) => number): string {
  return formula.replace(
    /((?:'(?:[^']|'')+'|[A-Za-z0-9_]+)!)?(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_(!$])/g,
    (_whole, sheet: string | undefined, start: string, end: string) => {
      const name = sheet
        ?.slice(0, -1)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      return `${sheet ?? ''}${start}:${end}${maxRows(name)}`;
    },
  );
}

export class FormulaEngine {
  private evaluatedVersion = -1;
  private evaluating = false;
  private snapshot = new Map<FormulaSheet, Map<string, ComputedCell>>();
  private readonly calls = new Map<string, CachedCall>();
  private readonly sizes = new Map<string, ArraySize>();
  /** The sheets the last evaluation read. */
  private inputs = new Set<FormulaSheet>();
  host?: CustomFunctionHost;

  constructor(private readonly model: FormulaWorkbook) {}

  /** The computed value of a formula cell or a cell a formula spilled into; undefined for other cells. */
  computed(sheet: FormulaSheet, row: number, column: number): ComputedCell | undefined {
    this.refresh();
    return this.snapshot.get(sheet)?.get(cellKey(0, row, column));
  }

  /** The message of a formula that failed (the note Sheets shows over #ERROR!), or undefined. */
  errorMessage(sheet: FormulaSheet, row: number, column: number): string | undefined {
    return this.computed(sheet, row, column)?.message;
  }

  /** The last row/column that holds a computed value on `sheet` (spilled tables count as content). */
  extent(sheet: FormulaSheet): { lastRow: number; lastColumn: number } {
    this.refresh();
    let lastRow = 0;
    let lastColumn = 0;
    for (const [key, cell] of this.snapshot.get(sheet) ?? []) {
      if (cell.value === '') continue;
      const [, r, c] = key.split(':').map(Number);
      lastRow = Math.max(lastRow, r);
      lastColumn = Math.max(lastColumn, c);
    }
    return { lastRow, lastColumn };
  }

  /** Rebuilds after a change. A read made by a custom function during evaluation sees the previous snapshot. */
  private refresh(): void {
    if (this.evaluating || this.evaluatedVersion === this.model.version) return;
    const dirty = this.model.dirty;
    this.model.dirty = new Set();
    // Writes to sheets no formula reads (a large data sheet, say) leave every computed value as it was.
    if (dirty !== 'all' && [...dirty].every((s) => !this.inputs.has(s) && !s.hasFormulas())) {
      this.evaluatedVersion = this.model.version;
      return;
    }
    if (!this.model.sheets.some((s) => s.hasFormulas())) {
      this.snapshot = new Map();
      this.evaluatedVersion = this.model.version;
      return;
    }
    this.evaluating = true;
    try {
      this.snapshot = this.evaluate();
      this.evaluatedVersion = this.model.version;
    } finally {
      this.evaluating = false;
    }
  }

  private evaluate(): Map<FormulaSheet, Map<string, ComputedCell>> {
    const used = new Set<string>();
    for (let pass = 0; ; pass++) {
      const actual = new Map<string, { table: StoredValue[][]; dates: boolean[][] }>();
      const hf = this.build(used, actual);
      try {
        const resized = [...actual].filter(([key, r]) => {
          const predicted = this.sizes.get(key) ?? ArraySize.scalar();
          const size = new ArraySize(r.table[0].length, r.table.length);
          if (predicted.width === size.width && predicted.height === size.height) return false;
          this.sizes.set(key, size);
          return true;
        });
        if (resized.length === 0 || pass >= 3) {
          for (const key of this.calls.keys()) if (!used.has(key)) this.calls.delete(key);
          return this.read(hf, actual);
        }
      } finally {
        hf.destroy();
      }
    }
  }

  private build(
    used: Set<string>,
    actual: Map<string, { table: StoredValue[][]; dates: boolean[][] }>,
  ): HyperFormula {
    const sheets = this.model.sheets;
    const maxRows = (name: string | undefined): number =>
      (name === undefined ? undefined : this.model.getSheet(name))?.maxRows ?? 1000;
    const needed = this.neededSheets();
    this.inputs = needed;
    const contents: Record<string, (string | number | boolean | null)[][]> = {};
    for (const sheet of sheets) {
      const grid: (string | number | boolean | null)[][] = [];
      if (needed.has(sheet)) {
        sheet.forEachCell((row, column, cell) => {
          const line = (grid[row - 1] ??= []);
          line[column - 1] = cell.formula
            ? closeOpenRanges(cell.formula, (n) => (n === undefined ? sheet.maxRows : maxRows(n)))
            : typeof cell.value === 'string'
              ? cell.value === ''
                ? null
                : `'${cell.value}` // stays text: HyperFormula parses unquoted strings like typed input
              : cell.value;
        });
        for (let r = 0; r < grid.length; r++) grid[r] ??= [];
      }
      contents[sheet.name] = grid;
    }
    const named: SerializedNamedExpression[] = this.model.namedRanges.map((n) => ({
      name: n.name,
      expression: `=${quoteSheetName(n.sheet.name)}!${absolute(n.sheet, n.box)}`,
    }));
    const plugins = [
      ...HyperFormula.getAllFunctionPlugins(),
      this.customPlugin(used, actual),
      textPlugin(this.model),
    ];
    return HyperFormula.buildFromSheets(
      contents,
      {
        licenseKey: 'gpl-v3',
        functionPlugins: plugins,
        smartRounding: false, // Sheets keeps full double precision; HyperFormula rounds to 10 digits by default
        useArrayArithmetic: true,
        maxRows: Math.max(...sheets.map((s) => s.maxRows), 1000),
        maxColumns: Math.max(...sheets.map((s) => s.maxColumns), 26),
        // Apps Script's setFormula takes English syntax whatever the locale: "," between arguments, "." decimals.
        functionArgSeparator: ',',
        decimalSeparator: '.',
      },
      named,
    );
  }

  /** Formula sheets, every sheet a formula or named range mentions (others are left empty for speed). */
  private neededSheets(): Set<FormulaSheet> {
    const needed = new Set<FormulaSheet>(this.model.namedRanges.map((n) => n.sheet));
    const texts: string[] = [];
    for (const sheet of this.model.sheets)
      if (sheet.hasFormulas()) {
        needed.add(sheet);
        sheet.forEachCell((_r, _c, cell) => {
          if (cell.formula) texts.push(cell.formula.toLowerCase());
        });
      }
    const all = texts.join('\n');
    for (const sheet of this.model.sheets) if (all.includes(sheet.name.toLowerCase())) needed.add(sheet);
    return needed;
  }

  private read(
    hf: HyperFormula,
    actual: Map<string, { table: StoredValue[][]; dates: boolean[][] }>,
  ): Map<FormulaSheet, Map<string, ComputedCell>> {
    const out = new Map<FormulaSheet, Map<string, ComputedCell>>();
    this.model.sheets.forEach((sheet) => {
      if (!sheet.hasFormulas()) return;
      const id = hf.getSheetId(sheet.name);
      if (id === undefined) return;
      const cells = new Map<string, ComputedCell>();
      const values = hf.getSheetValues(id);
      values.forEach((line, r) =>
        line.forEach((v, c) => {
          const address: SimpleCellAddress = { sheet: id, row: r, col: c };
          const entered = sheet.cell(r + 1, c + 1);
          if (entered && !entered.formula && entered.value !== '') return;
          if (!entered?.formula && !hf.isCellPartOfArray(address)) return;
          cells.set(cellKey(0, r + 1, c + 1), this.cellOf(hf, address, v, actual));
        }),
      );
      out.set(sheet, cells);
    });
    return out;
  }

  private cellOf(
    hf: HyperFormula,
    address: SimpleCellAddress,
    v: unknown,
    actual: Map<string, { table: StoredValue[][]; dates: boolean[][] }>,
  ): ComputedCell {
    if (v instanceof DetailedCellError)
      return { value: ERROR_TEXT[v.type] ?? v.value, isDate: false, message: v.message };
    if (v === null || v === undefined) return { value: '', isDate: false };
    const value = v as StoredValue;
    // A custom function's Date (at the table's own cell), or a date built-in (DATE, EOMONTH…).
    for (const [key, r] of actual) {
      const [s, row, col] = key.split(':').map(Number);
      if (s !== address.sheet) continue;
      const dr = address.row - row;
      const dc = address.col - col;
      if (dr >= 0 && dc >= 0 && dr < r.table.length && dc < r.table[0].length)
        return { value, isDate: r.dates[dr][dc] };
    }
    const type = hf.getCellValueDetailedType(address);
    return { value, isDate: type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' };
  }

  /** A plugin with one function per script global: Sheets lets a cell call any top-level function. */
  private customPlugin(
    used: Set<string>,
    actual: Map<string, { table: StoredValue[][]; dates: boolean[][] }>,
  ): FunctionPluginDefinition {
    const engine = {
      sizes: this.sizes,
      run: (name: string, key: string, args: unknown[]) => this.run(name, key, args),
      argument: (value: unknown, sheet: number, cell?: SimpleCellAddress) =>
        this.argument(value, sheet, cell),
    };
    // A custom function cannot take a built-in's name (the guide's naming rule): the built-in wins.
    const builtIns = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
    const names = (this.host?.names() ?? []).filter(
      (n) => /^[A-Z][A-Z0-9_.]*$/.test(n) && !n.endsWith('_') && !builtIns.has(n),
    );
    const implemented = Object.fromEntries(
      names.map((n) => [
        n,
        {
          method: 'call',
          sizeOfResultArrayMethod: 'size',
          vectorizationForbidden: true,
          parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
          repeatLastArgs: 1,
        },
      ]),
    );
    HyperFormula.getLanguage('enGB').extendFunctions(Object.fromEntries(names.map((n) => [n, n])));
    class CustomFunctions extends FunctionPlugin {
      static implementedFunctions = implemented;
      size(_ast: unknown, state: { formulaAddress: SimpleCellAddress }): ArraySize {
        const a = state.formulaAddress;
        return engine.sizes.get(cellKey(a.sheet, a.row, a.col)) ?? ArraySize.scalar();
      }
      call(
        ast: { procedureName: string; args: unknown[] },
        state: { formulaAddress: SimpleCellAddress },
      ): unknown {
        const a = state.formulaAddress;
        const key = cellKey(a.sheet, a.row, a.col);
        const args: unknown[] = [];
        for (const argAst of ast.args) {
          const value = (this as unknown as { evaluateAst(x: unknown, s: unknown): unknown }).evaluateAst(
            argAst,
            state,
          );
          const converted = engine.argument(value, a.sheet, referencedCell(argAst, a));
          if (converted instanceof CellError) return converted;
          args.push(converted);
        }
        const call = engine.run(ast.procedureName, key, args);
        used.add(key);
        if (!call.ok) return new CellError(ErrorType.ERROR, call.message);
        actual.set(key, call);
        const size = engine.sizes.get(key) ?? ArraySize.scalar();
        // Fill the reserved area: a smaller table than last time leaves the rest blank.
        // The reserved area's size exactly (HyperFormula cannot shrink it); a resized table gets another pass.
        const data = Array.from({ length: size.height }, (_r, r) =>
          Array.from({ length: size.width }, (_c, c) => {
            const v = call.table[r]?.[c];
            return v === undefined || v === '' ? EmptyValue : v;
          }),
        );
        return data.length === 1 && data[0].length === 1 ? data[0][0] : SimpleRangeValue.onlyValues(data);
      }
    }
    return CustomFunctions as unknown as FunctionPluginDefinition;
  }

  /** One execution per (cell, arguments): Sheets re-runs a custom function only when its arguments change. */
  private run(name: string, key: string, args: unknown[]): CachedCall['result'] {
    const print = `${name}(${fingerprint(args)})`;
    const cached = this.calls.get(key);
    if (cached?.fingerprint === print) return cached.result;
    let result: CachedCall['result'];
    try {
      const value = this.host?.call(name, args);
      result = { ok: true, ...resultTable(value, this.model.timeZone) };
    } catch (e) {
      result = { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    this.calls.set(key, { fingerprint: print, result });
    return result;
  }

  /**
   * An argument as the guide describes it: a range is a row-major 2-D array (one cell: its value), empty
   * cells "", dates Date objects, percentages decimals. An error in a referenced cell is the call's result
   * (the function is not called; UNCONFIRMED), an omitted argument undefined.
   */
  argument(value: unknown, sheetIndex: number, cell?: SimpleCellAddress): unknown {
    if (value instanceof CellError) return value;
    if (isDateNumber(value)) return readValue(scalar(value) as number, 'yyyy-mm-dd', this.model.timeZone);
    if (cell && typeof scalar(value) === 'number')
      return this.dateAware(
        this.model.sheets[cell.sheet],
        cell.row + 1,
        cell.col + 1,
        scalar(value) as number,
      );
    if (value instanceof SimpleRangeValue) {
      const range = value.range;
      const sheet = range ? this.model.sheets[range.start.sheet] : this.model.sheets[sheetIndex];
      const rows = value.rawData().map((line, r) =>
        line.map((cell, c) => {
          if (cell instanceof CellError) return ERROR_TEXT[cell.type] ?? '#ERROR!';
          const raw = scalar(cell);
          if (!range || typeof raw !== 'number') return raw;
          return this.dateAware(sheet, range.start.row + r + 1, range.start.col + c + 1, raw);
        }),
      );
      return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
    }
    return scalar(value);
  }

  private dateAware(sheet: FormulaSheet, row: number, column: number, raw: number): unknown {
    const cell = sheet.cell(row, column);
    if (cell && !cell.formula) return readValue(raw, cell.numberFormat, this.model.timeZone);
    const computed = this.snapshot.get(sheet)?.get(cellKey(0, row, column));
    return computed?.isDate && !cell?.numberFormat
      ? readValue(raw, 'yyyy-mm-dd', this.model.timeZone)
      : readValue(raw, cell?.numberFormat, this.model.timeZone);
  }
}

/** The cell a single-cell reference argument ("A1", "Data!B2") points at, for its number format. */
function referencedCell(ast: unknown, formulaAddress: SimpleCellAddress): SimpleCellAddress | undefined {
  const ref = ast as {
    type?: string;
    reference?: { toSimpleCellAddress(a: SimpleCellAddress): SimpleCellAddress };
  };
  return ref.type === 'CELL_REFERENCE' && ref.reference
    ? ref.reference.toSimpleCellAddress(formulaAddress)
    : undefined;
}

/** A date a built-in computed (HyperFormula's DateNumber / DateTimeNumber). */
function isDateNumber(v: unknown): boolean {
  const kind = v !== null && typeof v === 'object' ? v.constructor.name : '';
  return kind === 'DateNumber' || kind === 'DateTimeNumber';
}

function scalar(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return '';
  if (v !== null && typeof v === 'object' && 'val' in v) return (v as { val: number }).val; // a typed number
  return v;
}

function absolute(
  sheet: FormulaSheet,
  box: { row: number; column: number; numRows: number; numColumns: number },
): string {
  const a1 = sheet.a1(box).split('!').pop() ?? '';
  return a1.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** TEXT(value, format) as Sheets formats it: the number-format engine in the spreadsheet's locale. */
function textPlugin(model: FormulaWorkbook): FunctionPluginDefinition {
  class SheetsText extends FunctionPlugin {
    static implementedFunctions = {
      TEXT: {
        method: 'text',
        parameters: [
          { argumentType: FunctionArgumentType.SCALAR },
          { argumentType: FunctionArgumentType.STRING },
        ],
      },
    };
    text(ast: { args: unknown[] }, state: unknown): unknown {
      const self = this as unknown as {
        runFunction(a: unknown, s: unknown, m: unknown, f: (v: unknown, p: string) => unknown): unknown;
        metadata(n: string): unknown;
      };
      return self.runFunction(ast.args, state, self.metadata('TEXT'), (v, pattern) => {
        try {
          return formatNumber(pattern, scalar(v) as number, { locale: bcp47(model.locale), throws: true });
        } catch {
          return new CellError(ErrorType.VALUE, `TEXT: invalid format ${pattern}`);
        }
      });
    }
  }
  return SheetsText as unknown as FunctionPluginDefinition;
}
