/**
 * The emulated spreadsheet's data: sheets, cells (value, formula, number format), charts. Tests seed and
 * inspect it directly; the SpreadsheetApp emulation (spreadsheet-app.ts) reads and writes it.
 * Values live here as Node values; Dates are instants (a Node Date), re-created in the vm on read.
 */
import { formatA1, parseA1, quoteSheetName, type GridBox } from './a1';
import { isDate } from './realm';
import { AppsScriptException } from './service';

export type CellValue = string | number | boolean | Date;

export interface Cell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
}

/**
 * What getValues()/getValue() return for a formula cell: the runtime does not evaluate formulas, and
 * returning the formula text would hide bugs (Apps Script returns the computed value, never the text).
 * A test can seed a computed value with SpreadsheetModel.setFormula(a1, formula, value).
 */
export const FORMULA_MARKER = '#FORMULA';

/** getNumberFormat() of a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = 'General';

export interface ChartRecord {
  chartId: number;
  type: string;
  /** A1 notation including the sheet, e.g. "Summary!A1:B13". */
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export class SheetModel {
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  readonly charts: ChartRecord[] = [];
  /** Columns passed to autoResizeColumns (a visual no-op here). */
  readonly autoResizedColumns = new Set<number>();
  private readonly rows: (Cell | undefined)[][] = [];

  constructor(
    public name: string,
    readonly sheetId: number,
    private readonly locale: () => string,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  setCell(row: number, column: number, cell: Cell | undefined): void {
    const r = (this.rows[row - 1] ??= []);
    r[column - 1] = cell;
  }

  /** Writes a value as Sheets does for typed input (formulas, "'" text, numbers). */
  enter(row: number, column: number, input: unknown): void {
    const prev = this.cell(row, column);
    const next = enteredCell(input, this.locale());
    if (prev?.numberFormat) next.numberFormat = prev.numberFormat;
    this.setCell(row, column, isEmpty(next) ? undefined : next);
  }

  private hasContent(row: number, column: number): boolean {
    const c = this.cell(row, column);
    return c !== undefined && (c.formula !== undefined || c.value !== '');
  }

  /** Last row with content (0 for an empty sheet), like Sheet.getLastRow(). */
  get lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const cells = this.rows[r - 1] ?? [];
      for (let c = 1; c <= cells.length; c++) if (this.hasContent(r, c)) return r;
    }
    return 0;
  }

  get lastColumn(): number {
    let last = 0;
    this.rows.forEach((cells, i) => {
      for (let c = cells.length; c > last; c--) if (this.hasContent(i + 1, c)) last = c;
    });
    return last;
  }

  read<T>(box: GridBox, pick: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < box.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < box.numColumns; c++) row.push(pick(this.cell(box.row + r, box.column + c)));
      out.push(row);
    }
    return out;
  }

  /** Values as getValues() returns them ("" for empty, FORMULA_MARKER for unevaluated formulas). */
  values(a1?: string): CellValue[][] {
    return this.read(this.box(a1), cellValue);
  }

  formulas(a1?: string): string[][] {
    return this.read(this.box(a1), (c) => c?.formula ?? '');
  }

  numberFormats(a1?: string): string[][] {
    return this.read(this.box(a1), (c) => c?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  /** Seeds cells from the top-left of `a1` (defaults to A1); strings are parsed like typed input. */
  setValues(a1: string, values: readonly (readonly unknown[])[]): void {
    const { row, column } = this.box(a1);
    values.forEach((cells, r) => cells.forEach((v, c) => this.enter(row + r, column + c, v)));
  }

  /** The box of `a1` on this sheet, or the data range when omitted. */
  box(a1?: string): GridBox {
    if (a1 === undefined)
      return {
        row: 1,
        column: 1,
        numRows: Math.max(1, this.lastRow),
        numColumns: Math.max(1, this.lastColumn),
      };
    const parsed = parseA1(a1);
    if (!parsed) throw new AppsScriptException('Range not found');
    return parsed.resolve(this.maxRows, this.maxColumns);
  }

  a1(box: GridBox): string {
    return `${quoteSheetName(this.name)}!${formatA1(box)}`;
  }

  insertRows(after: number, count: number): void {
    this.rows.splice(after, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
  }
}

function isEmpty(cell: Cell): boolean {
  return cell.value === '' && cell.formula === undefined && cell.numberFormat === undefined;
}

export function cellValue(cell: Cell | undefined): CellValue {
  if (!cell) return '';
  return isDate(cell.value) ? new Date(cell.value.getTime()) : cell.value;
}

function decimalSeparator(locale: string): string {
  try {
    return (
      new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1.5).find((p) => p.type === 'decimal')
        ?.value ?? '.'
    );
  } catch {
    return '.';
  }
}

/**
 * The cell Sheets stores for a value written by setValue(s) (user-entered input, not RAW):
 * "=..." is a formula (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)),
 * a leading "'" forces text and is not part of the value, and plain numerals become numbers (the decimal
 * separator follows the spreadsheet locale). Dates, percentages and currency strings are NOT parsed here.
 */
function enteredCell(input: unknown, locale: string): Cell {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  const text = String(input);
  if (text.startsWith('=') && text.length > 1) return { value: FORMULA_MARKER, formula: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const sep = decimalSeparator(locale);
  const numeral = new RegExp(`^[+-]?\\d+(\\${sep}\\d+)?([eE][+-]?\\d+)?$`).exec(text.trim());
  if (numeral) return { value: Number(text.trim().replace(sep, '.')) };
  return { value: text };
}

let nextSpreadsheetId = 1;

export interface SpreadsheetSettings {
  name?: string;
  timeZone?: string;
  locale?: string;
}

export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  readonly sheets: SheetModel[] = [];
  activeSheet: SheetModel;
  /** Each sheet's selection (the user's, in the UI); a sheet never selected has A1 selected, as in Sheets. */
  private readonly selections = new Map<SheetModel, GridBox>();
  private nextSheetId = 0;
  private nextChartId = 1;

  constructor(settings: SpreadsheetSettings = {}) {
    this.id = `offline-spreadsheet-${nextSpreadsheetId++}`;
    this.name = settings.name ?? 'Untitled spreadsheet';
    this.timeZone = settings.timeZone ?? 'America/Bogota';
    this.locale = settings.locale ?? 'es_CO';
    this.activeSheet = this.insertSheet('Sheet1');
  }

  getSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheet(name: string): SheetModel {
    const s = this.getSheet(name);
    if (!s) throw new Error(`No sheet named "${name}" in the emulated spreadsheet`);
    return s;
  }

  insertSheet(name: string, index = this.sheets.length): SheetModel {
    if (this.getSheet(name)) {
      throw new AppsScriptException(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const sheet = new SheetModel(name, this.nextSheetId++, () => this.locale);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) {
      throw new AppsScriptException("You can't remove all the sheets in a document.");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }

  /** The active sheet's selection (SpreadsheetApp.getActiveRange). */
  activeRange(): { sheet: SheetModel; box: GridBox } {
    const sheet = this.activeSheet;
    return { sheet, box: this.selections.get(sheet) ?? { row: 1, column: 1, numRows: 1, numColumns: 1 } };
  }

  /** Selects `a1` ("Sheet!A1:B2") as the user would with the mouse: its sheet becomes the active one. */
  select(a1: string): void {
    const { sheet, box } = this.locate(a1);
    this.selections.set(sheet, box);
    this.activeSheet = sheet;
  }

  /** Resolves "Sheet!A1:B2" (or "A1:B2" on the active sheet). */
  locate(a1: string): { sheet: SheetModel; box: GridBox } {
    const parsed = parseA1(a1);
    const sheet = parsed?.sheetName === undefined ? this.activeSheet : this.getSheet(parsed.sheetName);
    if (!parsed || !sheet) throw new AppsScriptException('Range not found');
    return { sheet, box: parsed.resolve(sheet.maxRows, sheet.maxColumns) };
  }

  /** Seeds values at `a1` ("Data!A2"), creating the sheet if needed; strings are parsed like typed input. */
  setValues(a1: string, values: readonly (readonly unknown[])[]): void {
    const name = parseA1(a1)?.sheetName;
    if (name !== undefined && !this.getSheet(name)) this.insertSheet(name);
    const { sheet, box } = this.locate(a1);
    sheet.setValues(formatA1(box), values);
  }

  /** Seeds a formula together with the value Sheets would have computed for it. */
  setFormula(a1: string, formula: string, computedValue: CellValue = FORMULA_MARKER): void {
    const { sheet, box } = this.locate(a1);
    const prev = sheet.cell(box.row, box.column);
    sheet.setCell(box.row, box.column, { ...prev, formula, value: computedValue });
  }

  getValues(a1: string): CellValue[][] {
    const { sheet, box } = this.locate(a1);
    return sheet.read(box, cellValue);
  }

  getFormulas(a1: string): string[][] {
    const { sheet, box } = this.locate(a1);
    return sheet.read(box, (c) => c?.formula ?? '');
  }

  getNumberFormats(a1: string): string[][] {
    const { sheet, box } = this.locate(a1);
    return sheet.read(box, (c) => c?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  charts(): (ChartRecord & { sheet: string })[] {
    return this.sheets.flatMap((s) => s.charts.map((c) => ({ ...c, sheet: s.name })));
  }

  newChartId(): number {
    return this.nextChartId++;
  }
}
