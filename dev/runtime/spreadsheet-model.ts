/**
 * The emulated spreadsheet's data: sheets, cells (value, formula, number format), charts, named ranges and
 * protections. Tests seed and inspect it directly; the SpreadsheetApp emulation (spreadsheet-app.ts, spreadsheet.ts,
 * sheet.ts, range.ts) reads and writes it. Cells hold what was entered (dates as serials, see cell-types.ts); formulas are computed
 * by the FormulaEngine when read.
 */
import { formatA1, parseA1, quoteSheetName, type GridBox } from './a1';
import {
  DEFAULT_NUMBER_FORMAT,
  MAX_SPREADSHEET_CELLS,
  readValue,
  tooManyCells,
  typedCell,
  type Cell,
  type StoredValue,
} from './cell-types';
import { displayValue } from './display-format';
import { AppsScriptException } from './exception';
import { FormulaEngine } from './formula-engine';
import { shiftFormulaRows, type RowShift } from './row-shift';

export { DEFAULT_NUMBER_FORMAT, type Cell } from './cell-types';
export type CellValue = StoredValue | Date;

export interface ChartRecord {
  /** Null until the chart is inserted (EmbeddedChart#getChartId). */
  chartId: string | null;
  type: string;
  /** A1 notation including the sheet, e.g. "Summary!A1:B13". */
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export interface NamedRangeRecord {
  name: string;
  sheet: SheetModel;
  box: GridBox;
}

export interface ProtectionRecord {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  /** The protected cells (the whole sheet for a sheet protection). */
  box?: GridBox;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
}

export class SheetModel {
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  deleted = false;
  readonly charts: ChartRecord[] = [];
  /** Columns passed to autoResizeColumns (a visual no-op here). */
  readonly autoResizedColumns = new Set<number>();
  /** Column widths in pixels set by setColumnWidth(s); others are Sheets' default 100. */
  readonly columnWidths = new Map<number, number>();
  private rows: ((Cell | undefined)[] | undefined)[] = [];
  private formulaCount = 0;

  constructor(
    public name: string,
    readonly sheetId: number,
    private readonly spreadsheet: SpreadsheetModel,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  setCell(row: number, column: number, cell: Cell | undefined): void {
    const r = (this.rows[row - 1] ??= []);
    if (r[column - 1]?.formula) this.formulaCount--;
    const next = cell && isEmpty(cell) ? undefined : cell;
    if (next?.formula) this.formulaCount++;
    r[column - 1] = next;
    this.spreadsheet.changed(this);
  }

  /** Writes a value as Sheets does for typed input (formulas, "'" text, numbers, dates, "@" text). */
  enter(row: number, column: number, input: unknown): void {
    const ss = this.spreadsheet;
    const cell = typedCell(input, {
      locale: ss.locale,
      timeZone: ss.timeZone,
      numberFormat: this.cell(row, column)?.numberFormat,
    });
    this.setCell(row, column, cell);
  }

  hasFormulas(): boolean {
    return this.formulaCount > 0;
  }

  forEachCell(fn: (row: number, column: number, cell: Cell) => void): void {
    this.rows.forEach((cells, r) => cells?.forEach((cell, c) => cell && fn(r + 1, c + 1, cell)));
  }

  private hasContent(row: number, column: number): boolean {
    const c = this.cell(row, column);
    return c !== undefined && (c.formula !== undefined || c.value !== '');
  }

  /** Last row with content (0 for an empty sheet), like Sheet.getLastRow(); spilled results count. */
  get lastRow(): number {
    const spilled = this.hasFormulas() ? this.spreadsheet.engine.extent(this).lastRow : 0;
    for (let r = this.rows.length; r >= 1; r--) {
      if (r <= spilled) return spilled;
      const cells = this.rows[r - 1] ?? [];
      for (let c = 1; c <= cells.length; c++) if (this.hasContent(r, c)) return r;
    }
    return spilled;
  }

  get lastColumn(): number {
    let last = this.hasFormulas() ? this.spreadsheet.engine.extent(this).lastColumn : 0;
    this.rows.forEach((cells, i) => {
      for (let c = cells?.length ?? 0; c > last; c--) if (this.hasContent(i + 1, c)) last = c;
    });
    return last;
  }

  /** The stored value, or the computed one for a formula cell or a cell a formula's table spilled into. */
  stored(row: number, column: number): { value: StoredValue; isDate: boolean } {
    const cell = this.cell(row, column);
    if (cell && !cell.formula && cell.value !== '') return { value: cell.value, isDate: false };
    if (!this.hasFormulas()) return { value: '', isDate: false };
    return this.spreadsheet.engine.computed(this, row, column) ?? { value: '', isDate: false };
  }

  /** The number format that applies: the cell's own, or a date format for a date a formula computed. */
  effectiveFormat(row: number, column: number, isDate: boolean): string | undefined {
    const own = this.cell(row, column)?.numberFormat;
    return own ?? (isDate ? 'yyyy-mm-dd' : undefined);
  }

  /** What getValue() returns: "" for empty, the computed value for formulas, Dates under a date format. */
  value(row: number, column: number): CellValue {
    const { value, isDate } = this.stored(row, column);
    return readValue(value, this.effectiveFormat(row, column, isDate), this.spreadsheet.timeZone);
  }

  /** What getDisplayValue() returns: the value formatted by its number format in the spreadsheet locale. */
  display(row: number, column: number): string {
    const { value, isDate } = this.stored(row, column);
    return displayValue(value, this.effectiveFormat(row, column, isDate), this.spreadsheet.locale);
  }

  read<T>(box: GridBox, pick: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < box.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < box.numColumns; c++) row.push(pick(box.row + r, box.column + c));
      out.push(row);
    }
    return out;
  }

  /** Values as getValues() returns them ("" for empty, computed values for formulas). */
  values(a1?: string): CellValue[][] {
    return this.read(this.box(a1), (r, c) => this.value(r, c));
  }

  displayValues(a1?: string): string[][] {
    return this.read(this.box(a1), (r, c) => this.display(r, c));
  }

  formulas(a1?: string): string[][] {
    return this.read(this.box(a1), (r, c) => this.cell(r, c)?.formula ?? '');
  }

  numberFormats(a1?: string): string[][] {
    return this.read(this.box(a1), (r, c) => this.cell(r, c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
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

  /** Grows the sheet, within the spreadsheet's cell limit. */
  resize(maxRows: number, maxColumns: number): void {
    const grow = maxRows * maxColumns - this.maxRows * this.maxColumns;
    if (grow > 0 && this.spreadsheet.cellCount() + grow > MAX_SPREADSHEET_CELLS) throw tooManyCells();
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
    this.spreadsheet.changed(this);
  }

  /** New empty rows before row `before` (1-based); formulas and named ranges follow, as in Sheets. */
  insertRows(before: number, count: number): void {
    this.resize(this.maxRows + count, this.maxColumns);
    if (before - 1 < this.rows.length)
      this.rows = [
        ...this.rows.slice(0, before - 1),
        ...new Array<undefined>(count),
        ...this.rows.slice(before - 1),
      ];
    this.spreadsheet.shiftRows({ sheet: this, at: before, count });
  }

  /** Deletes rows `first`..`first+count-1`; references into them become #REF!, as in Sheets. */
  deleteRows(first: number, count: number): void {
    this.rows.splice(first - 1, count);
    this.maxRows -= count;
    this.formulaCount = 0;
    this.forEachCell((_r, _c, cell) => {
      if (cell.formula) this.formulaCount++;
    });
    this.spreadsheet.shiftRows({ sheet: this, at: first, count: -count });
  }

  /**
   * Deletes columns `first`..`first+count-1`: cells (values, formulas, formats) and column widths right of them
   * move left. The caller has refused a deletion that would move formulas, named ranges, protections or charts.
   */
  deleteColumns(first: number, count: number): void {
    for (const cells of this.rows) cells?.splice(first - 1, count);
    this.maxColumns -= count;
    const moved = (column: number) => (column < first ? column : column - count);
    const widths = [...this.columnWidths].filter(([c]) => c < first || c >= first + count);
    this.columnWidths.clear();
    for (const [c, width] of widths) this.columnWidths.set(moved(c), width);
    const resized = [...this.autoResizedColumns].filter((c) => c < first || c >= first + count);
    this.autoResizedColumns.clear();
    for (const c of resized) this.autoResizedColumns.add(moved(c));
    this.spreadsheet.changed(this);
  }

  /** Reorders rows `first`..`first+n-1` (whole rows of the box's columns) by `order` (old offsets). */
  reorderRows(box: GridBox, order: number[]): void {
    const old = order.map((i) =>
      Array.from({ length: box.numColumns }, (_, c) => this.cell(box.row + i, box.column + c)),
    );
    old.forEach((cells, r) => cells.forEach((cell, c) => this.setCell(box.row + r, box.column + c, cell)));
  }

  /** Rewrites every formula's text (after rows moved on some sheet). */
  rewriteFormulas(rewrite: (formula: string, own: SheetModel) => string): void {
    this.forEachCell((_r, _c, cell) => {
      if (cell.formula) cell.formula = rewrite(cell.formula, this);
    });
  }
}

function isEmpty(cell: Cell): boolean {
  return cell.value === '' && cell.formula === undefined && cell.numberFormat === undefined;
}

let nextSpreadsheetId = 1;

export interface SpreadsheetSettings {
  name?: string;
  timeZone?: string;
  locale?: string;
  /** The owner's email: protections start with the owner as their editor (default finance@example.com). */
  owner?: string;
}

/**
 * Sheets' naming rule for named ranges (Google's help "Name a range", https://support.google.com/docs/answer/63175):
 * letters, numbers and underscores, not starting with a number, not "true"/"false", 1–250 characters, not
 * A1 or R1C1 notation.
 */
export function isValidRangeName(name: string): boolean {
  return (
    /^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name) &&
    !/^(true|false)$/i.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name)
  );
}

export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  readonly owner: string;
  /** Who is editing now (protections are checked against it); tests may change it. */
  activeUser: string;
  readonly sheets: SheetModel[] = [];
  readonly namedRanges: NamedRangeRecord[] = [];
  readonly protections: ProtectionRecord[] = [];
  readonly engine: FormulaEngine;
  activeSheet: SheetModel;
  /** Each sheet's selection (the user's, in the UI); a sheet never selected has A1 selected, as in Sheets. */
  private readonly selections = new Map<SheetModel, GridBox>();
  /** Bumped on every change; the formula engine re-evaluates when it moved. */
  version = 0;
  /** Sheets whose cells changed since the engine last looked, or "all" for any other change. */
  dirty: Set<SheetModel> | 'all' = 'all';
  private nextSheetId = 0;
  private nextChartId = 1;
  private nextProtectionId = 1;

  constructor(settings: SpreadsheetSettings = {}) {
    this.id = `offline-spreadsheet-${nextSpreadsheetId++}`;
    this.name = settings.name ?? 'Untitled spreadsheet';
    this.timeZone = settings.timeZone ?? 'America/Bogota';
    this.locale = settings.locale ?? 'es_CO';
    this.owner = settings.owner ?? 'finance@example.com';
    this.activeUser = this.owner;
    this.engine = new FormulaEngine(this);
    this.activeSheet = this.insertSheet('Sheet1');
  }

  /** Records a change: of one sheet's cells or size, or (no argument) of anything else. */
  changed(sheet?: SheetModel): void {
    this.version++;
    if (sheet === undefined) this.dirty = 'all';
    else if (this.dirty !== 'all') this.dirty.add(sheet);
  }

  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /** Sheet names are unique regardless of case. */
  getSheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  getSheetById(sheetId: number): SheetModel | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  sheet(name: string): SheetModel {
    const s = this.getSheet(name);
    if (!s) throw new Error(`No sheet named "${name}" in the emulated spreadsheet`);
    return s;
  }

  /** Checks a new sheet name like Sheets: not empty, not taken by another sheet in any case. */
  checkSheetName(name: string, self?: SheetModel): void {
    if (name.trim() === '') throw new AppsScriptException('Sheet names cannot be empty.'); // observed wording
    const other = this.getSheet(name);
    if (other && other !== self) {
      throw new AppsScriptException(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
  }

  insertSheet(name: string, index = this.sheets.length): SheetModel {
    this.checkSheetName(name);
    const sheet = new SheetModel(name, this.nextSheetId++, this);
    if (this.cellCount() + sheet.maxRows * sheet.maxColumns > MAX_SPREADSHEET_CELLS) throw tooManyCells();
    this.sheets.splice(index, 0, sheet);
    this.changed();
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) {
      throw new AppsScriptException("You can't remove all the sheets in a document.");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (let i = this.namedRanges.length - 1; i >= 0; i--)
      if (this.namedRanges[i].sheet === sheet) this.namedRanges.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    this.changed();
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

  /** Resolves "Sheet!A1:B2" (or "A1:B2" on the active sheet) or a named range's name. */
  locate(a1: string): { sheet: SheetModel; box: GridBox } {
    const named = this.namedRange(a1);
    if (named) return { sheet: named.sheet, box: { ...named.box } };
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

  /** Seeds a formula ("=SUM(A1:A3)") at `a1`, as a user typing it. */
  setFormula(a1: string, formula: string): void {
    const { sheet, box } = this.locate(a1);
    sheet.enter(box.row, box.column, formula);
  }

  getValues(a1: string): CellValue[][] {
    const { sheet, box } = this.locate(a1);
    return sheet.read(box, (r, c) => sheet.value(r, c));
  }

  getDisplayValues(a1: string): string[][] {
    const { sheet, box } = this.locate(a1);
    return sheet.read(box, (r, c) => sheet.display(r, c));
  }

  getFormulas(a1: string): string[][] {
    const { sheet, box } = this.locate(a1);
    return sheet.read(box, (r, c) => sheet.cell(r, c)?.formula ?? '');
  }

  getNumberFormats(a1: string): string[][] {
    const { sheet, box } = this.locate(a1);
    return sheet.read(box, (r, c) => sheet.cell(r, c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  charts(): (ChartRecord & { sheet: string })[] {
    return this.sheets.flatMap((s) => s.charts.map((c) => ({ ...c, sheet: s.name })));
  }

  /** Chart ids look like Sheets' ("u" + digits: observed on EmbeddedChart#getChartId; format UNCONFIRMED). */
  newChartId(): string {
    return `u${this.nextChartId++}`;
  }

  newProtectionId(): number {
    return this.nextProtectionId++;
  }

  /** Named ranges are looked up regardless of case, as Sheets does. */
  namedRange(name: string): NamedRangeRecord | undefined {
    const key = name.toLowerCase();
    return this.namedRanges.find((n) => n.name.toLowerCase() === key);
  }

  /** Moves formulas' references and named ranges after rows were inserted or deleted on a sheet. */
  shiftRows(shift: RowShift<SheetModel>): void {
    for (const s of this.sheets)
      s.rewriteFormulas((f, own) => shiftFormulaRows(f, own === shift.sheet, shift));
    for (let i = this.namedRanges.length - 1; i >= 0; i--) {
      const n = this.namedRanges[i];
      if (n.sheet !== shift.sheet) continue;
      const moved = shiftBox(n.box, shift.at, shift.count);
      if (moved) n.box = moved;
      else this.namedRanges.splice(i, 1); // Sheets turns it into #REF!; here it is gone (UNCONFIRMED)
    }
    this.changed();
  }

  /** Whether the active user may edit this cell: unprotected, warning-only, or the user is an editor. */
  canEdit(sheet: SheetModel, row: number, column: number): boolean {
    return this.protections.every(
      (p) =>
        p.sheet !== sheet ||
        p.warningOnly ||
        p.editors.includes(this.activeUser) ||
        (p.box !== undefined &&
          (row < p.box.row ||
            row >= p.box.row + p.box.numRows ||
            column < p.box.column ||
            column >= p.box.column + p.box.numColumns)),
    );
  }
}

/** A box after rows moved; undefined when all its rows were deleted. */
export function shiftBox(box: GridBox, at: number, count: number): GridBox | undefined {
  const top = box.row;
  const bottom = box.row + box.numRows - 1;
  if (count > 0) {
    if (at <= top) return { ...box, row: top + count };
    if (at <= bottom) return { ...box, numRows: box.numRows + count };
    return box;
  }
  const first = at;
  const last = at - count - 1;
  if (last < top) return { ...box, row: top + count };
  if (first > bottom) return box;
  const keptAbove = Math.max(0, first - top);
  const keptBelow = Math.max(0, bottom - last);
  if (keptAbove + keptBelow === 0) return undefined;
  return { ...box, row: Math.min(top, first), numRows: keptAbove + keptBelow };
}
