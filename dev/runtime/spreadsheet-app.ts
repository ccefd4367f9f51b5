/**
 * SpreadsheetApp over the SpreadsheetModel: Spreadsheet, Sheet, Range and Charts' enums
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet, …/sheet, …/range).
 * Reads are 'doc-read' and writes 'doc-write', so custom functions get the read-only Spreadsheet service
 * the guide describes. Charts are in charts.ts, named ranges and protections in named-ranges.ts.
 */
import { formatA1, quoteSheetName, type GridBox } from './a1';
import {
  CURVE_STYLE,
  EmbeddedChart,
  POINT_STYLE,
  POSITION,
  newChartBuilder,
  type EmbeddedChartBuilder,
} from './charts';
import { NamedRange, PROTECTION_TYPE, Protection, checkRangeName, rangeArgument } from './named-ranges';
import { unmodelledColumnShift } from './column-delete';
import { AppsScriptException, ServiceObject, type Access, type Host } from './service';
import { DEFAULT_NUMBER_FORMAT, type SheetModel, type SpreadsheetModel } from './spreadsheet-model';
import { Ui, type UiRecord } from './ui';

/** The objects one spreadsheet needs; Sheet objects are cached so the same sheet is the same wrapper. */
export class SpreadsheetContext {
  private readonly sheetObjects = new WeakMap<SheetModel, Sheet>();
  private spreadsheetObject?: Spreadsheet;

  constructor(
    readonly host: Host,
    readonly model: SpreadsheetModel,
    readonly ui: UiRecord,
  ) {}

  spreadsheet(): Spreadsheet {
    return (this.spreadsheetObject ??= new Spreadsheet(this));
  }

  sheet(model: SheetModel): Sheet {
    let s = this.sheetObjects.get(model);
    if (!s) {
      s = new Sheet(this, model);
      this.sheetObjects.set(model, s);
    }
    return s;
  }
}

/**
 * The user's selection on the active sheet. Sheets always has at least the current cell selected, so this is
 * never null here (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getactiverange).
 */
function activeRange(ctx: SpreadsheetContext): Range {
  const { sheet, box } = ctx.model.activeRange();
  return new Range(ctx, sheet, box);
}

const argType = (v: unknown): string =>
  v === null || v === undefined
    ? 'null'
    : Array.isArray(v)
      ? 'Object[]'
      : typeof v === 'object'
        ? 'Object'
        : typeof v;

/** Apps Script's message for arguments no overload accepts; type names are JavaScript's (UNCONFIRMED detail). */
function signatureError(kind: string, method: string, args: readonly unknown[]): AppsScriptException {
  return new AppsScriptException(
    `The parameters (${args.map(argType).join(',')}) don't match the method signature for SpreadsheetApp.${kind}.${method}.`,
  );
}

/** Row/column arguments must be whole numbers (getRange(1.5, 1) is refused, not rounded). */
function coordinates(kind: string, method: string, args: readonly unknown[]): number[] {
  if (args.some((a) => typeof a !== 'number' || !Number.isInteger(a)))
    throw signatureError(kind, method, args);
  return args as number[];
}

function checkBox(sheet: SheetModel, box: GridBox): GridBox {
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
function grid(data: unknown, box: GridBox, method: string): unknown[][] {
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

/** Observed wording for a write by a user who may not edit a protected range. */
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** An object of a deleted sheet fails every call (wording UNCONFIRMED). */
function guardDeleted(
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

type SortSpec = { column: number; ascending: boolean };

/** Sheets' sort order: numbers (and dates) before text before booleans, blanks always last. */
function compareCells(a: unknown, b: unknown): number {
  const rank = (v: unknown): number =>
    v === '' ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string')
    return a.localeCompare(b, undefined, { sensitivity: 'base' });
  return Number(a) - Number(b);
}

export class Range extends ServiceObject {
  readonly kind = 'Range';
  readonly methods: Record<string, Access> = {
    getA1Notation: 'doc-read',
    getRow: 'doc-read',
    getColumn: 'doc-read',
    getNumRows: 'doc-read',
    getNumColumns: 'doc-read',
    getLastRow: 'doc-read',
    getLastColumn: 'doc-read',
    getSheet: 'doc-read',
    getCell: 'doc-read',
    offset: 'doc-read',
    getValues: 'doc-read',
    getValue: 'doc-read',
    getDisplayValues: 'doc-read',
    getDisplayValue: 'doc-read',
    getFormulas: 'doc-read',
    getFormula: 'doc-read',
    getNumberFormats: 'doc-read',
    getNumberFormat: 'doc-read',
    isBlank: 'doc-read',
    setValues: 'doc-write',
    setValue: 'doc-write',
    setFormulas: 'doc-write',
    setFormula: 'doc-write',
    setNumberFormats: 'doc-write',
    setNumberFormat: 'doc-write',
    clear: 'doc-write',
    clearContent: 'doc-write',
    clearFormat: 'doc-write',
    sort: 'doc-write',
    protect: 'doc-write',
    setFontWeight: 'doc-write',
    setBackground: 'doc-write',
    setHorizontalAlignment: 'doc-write',
    activate: 'doc-write',
  };

  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly sheet: SheetModel,
    readonly box: GridBox,
  ) {
    super();
    checkBox(sheet, box);
    guardDeleted(this, () => sheet);
  }

  private each(fn: (row: number, column: number, r: number, c: number) => void): void {
    for (let r = 0; r < this.box.numRows; r++) {
      for (let c = 0; c < this.box.numColumns; c++) fn(this.box.row + r, this.box.column + c, r, c);
    }
  }

  /** Every write checks protections first, so a refused write changes nothing. */
  private writable(): void {
    this.each((row, column) => {
      if (!this.ctx.model.canEdit(this.sheet, row, column)) throw new AppsScriptException(PROTECTED);
    });
  }

  private write(fn: (row: number, column: number, r: number, c: number) => void): this {
    this.writable();
    this.each(fn);
    return this;
  }

  private format(row: number, column: number, numberFormat: string | undefined): void {
    const cell = { ...(this.sheet.cell(row, column) ?? { value: '' }) };
    if (numberFormat === undefined) delete cell.numberFormat;
    else cell.numberFormat = numberFormat;
    this.sheet.setCell(row, column, cell);
  }

  getA1Notation(): string {
    return formatA1(this.box);
  }
  getRow(): number {
    return this.box.row;
  }
  getColumn(): number {
    return this.box.column;
  }
  getNumRows(): number {
    return this.box.numRows;
  }
  getNumColumns(): number {
    return this.box.numColumns;
  }
  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }
  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }
  getSheet(): Sheet {
    return this.ctx.sheet(this.sheet);
  }
  /** A cell of this range, 1-based; outside it: "Cell reference out of range" (observed). */
  getCell(...args: unknown[]): Range {
    const [row, column] = coordinates('Range', 'getCell', args);
    if (args.length !== 2) throw signatureError('Range', 'getCell', args);
    if (row < 1 || column < 1 || row > this.box.numRows || column > this.box.numColumns)
      throw new AppsScriptException('Cell reference out of range');
    return new Range(this.ctx, this.sheet, {
      row: this.box.row + row - 1,
      column: this.box.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  offset(...args: unknown[]): Range {
    if (args.length !== 2 && args.length !== 3 && args.length !== 4)
      throw signatureError('Range', 'offset', args);
    const [rowOffset, columnOffset, numRows = this.box.numRows, numColumns = this.box.numColumns] =
      coordinates('Range', 'offset', args);
    return new Range(this.ctx, this.sheet, {
      row: this.box.row + rowOffset,
      column: this.box.column + columnOffset,
      numRows,
      numColumns,
    });
  }

  /** Empty cells read as "", formulas as their computed value, numbers under a date format as Dates. */
  getValues(): unknown[][] {
    return this.sheet.read(this.box, (r, c) => this.sheet.value(r, c));
  }
  getValue(): unknown {
    return this.sheet.value(this.box.row, this.box.column);
  }
  /** As shown in the grid: the number format applied in the spreadsheet's locale (range#getDisplayValues). */
  getDisplayValues(): string[][] {
    return this.sheet.read(this.box, (r, c) => this.sheet.display(r, c));
  }
  getDisplayValue(): string {
    return this.sheet.display(this.box.row, this.box.column);
  }
  getFormulas(): string[][] {
    return this.sheet.read(this.box, (r, c) => this.sheet.cell(r, c)?.formula ?? '');
  }
  getFormula(): string {
    return this.sheet.cell(this.box.row, this.box.column)?.formula ?? '';
  }
  getNumberFormats(): string[][] {
    return this.sheet.read(this.box, (r, c) => this.sheet.cell(r, c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this.sheet.cell(this.box.row, this.box.column)?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }
  isBlank(): boolean {
    return (
      this.getValues().every((row) => row.every((v) => v === '')) &&
      this.getFormulas().every((r) => r.every((f) => f === ''))
    );
  }

  setValues(values: unknown): this {
    const rows = grid(values, this.box, 'setValues');
    return this.write((row, column, r, c) => this.sheet.enter(row, column, rows[r][c]));
  }
  /** Sets every cell of the range, like Apps Script. */
  setValue(value: unknown): this {
    return this.write((row, column) => this.sheet.enter(row, column, value));
  }
  setFormulas(formulas: unknown): this {
    const rows = grid(formulas, this.box, 'setFormulas');
    return this.write((row, column, r, c) => this.sheet.enter(row, column, rows[r][c]));
  }
  /** The same formula text in every cell (no relative-reference adjustment is emulated). */
  setFormula(formula: string): this {
    return this.write((row, column) => this.sheet.enter(row, column, formula));
  }
  setNumberFormats(numberFormats: unknown): this {
    const rows = grid(numberFormats, this.box, 'setNumberFormats');
    return this.write((row, column, r, c) => this.format(row, column, String(rows[r][c])));
  }
  setNumberFormat(numberFormat: string): this {
    return this.write((row, column) => this.format(row, column, String(numberFormat)));
  }
  clear(): this {
    return this.write((row, column) => this.sheet.setCell(row, column, undefined));
  }
  clearContent(): this {
    return this.write((row, column) => {
      const format = this.sheet.cell(row, column)?.numberFormat;
      this.sheet.setCell(row, column, format === undefined ? undefined : { value: '', numberFormat: format });
    });
  }
  clearFormat(): this {
    return this.write((row, column) => this.format(row, column, undefined));
  }
  /**
   * sort(column) | sort({column, ascending}) | sort([…]) — columns are sheet columns inside the range
   * (range#sort(Object)); rows move whole (values, formulas and formats), ties keep their order.
   */
  sort(sortSpecObj: unknown): this {
    const specs: SortSpec[] = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((s: unknown) => {
      const spec =
        typeof s === 'number'
          ? { column: s, ascending: true }
          : s !== null && typeof s === 'object'
            ? { column: (s as SortSpec).column, ascending: (s as SortSpec).ascending ?? true }
            : undefined;
      if (!spec || !Number.isInteger(spec.column)) throw signatureError('Range', 'sort', [sortSpecObj]);
      if (spec.column < this.box.column || spec.column >= this.box.column + this.box.numColumns)
        throw new AppsScriptException(`The column to sort by is outside the range.`); // wording UNCONFIRMED
      return spec;
    });
    this.writable();
    const values = this.getValues().map((row) => row.map((v) => (v instanceof Date ? v.getTime() : v)));
    const order = values
      .map((_, i) => i)
      .sort((a, b) => {
        for (const { column, ascending } of specs) {
          const c = column - this.box.column;
          const x = values[a][c];
          const y = values[b][c];
          const d = compareCells(x, y);
          if (d !== 0) return x === '' || y === '' ? d : ascending ? d : -d;
        }
        return a - b;
      });
    this.sheet.reorderRows(this.box, order);
    return this;
  }
  /** A range protection whose editors are the owner (range#protect). */
  protect(): Protection {
    return protectionOf(this.ctx, this.sheet, 'RANGE', { ...this.box });
  }
  /** Styling is not modelled; the calls are counted. */
  setFontWeight(): this {
    return this;
  }
  setBackground(): this {
    return this;
  }
  setHorizontalAlignment(): this {
    return this;
  }
  /** Selects this range and makes its sheet the active one (https://developers.google.com/apps-script/reference/spreadsheet/range#activate). */
  activate(): this {
    this.ctx.model.select(`${quoteSheetName(this.sheet.name)}!${formatA1(this.box)}`);
    return this;
  }
}

function protectionOf(
  ctx: SpreadsheetContext,
  sheet: SheetModel,
  type: 'RANGE' | 'SHEET',
  box?: GridBox,
): Protection {
  if (type === 'SHEET') {
    const existing = ctx.model.protections.find((p) => p.sheet === sheet && p.type === 'SHEET');
    if (existing) return new Protection(ctx, existing); // a sheet has one sheet protection (sheet#protect)
  }
  const record = {
    id: ctx.model.newProtectionId(),
    type,
    sheet,
    box,
    description: '',
    warningOnly: false,
    editors: [ctx.model.owner],
    domainEdit: false,
  };
  ctx.model.protections.push(record);
  return new Protection(ctx, record);
}

function protectionsOf(ctx: SpreadsheetContext, type: unknown, sheet?: SheetModel): Protection[] {
  if (type !== 'RANGE' && type !== 'SHEET') throw new AppsScriptException('Invalid argument: type');
  return ctx.model.protections
    .filter((p) => p.type === type && (sheet === undefined || p.sheet === sheet))
    .map((p) => new Protection(ctx, p));
}

export class Sheet extends ServiceObject {
  readonly kind = 'Sheet';
  readonly methods: Record<string, Access> = {
    getName: 'doc-read',
    getSheetName: 'doc-read',
    getIndex: 'doc-read',
    getSheetId: 'doc-read',
    getParent: 'doc-read',
    getRange: 'doc-read',
    getDataRange: 'doc-read',
    getLastRow: 'doc-read',
    getLastColumn: 'doc-read',
    getMaxRows: 'doc-read',
    getMaxColumns: 'doc-read',
    getFrozenRows: 'doc-read',
    getFrozenColumns: 'doc-read',
    getColumnWidth: 'doc-read',
    getCharts: 'doc-read',
    getProtections: 'doc-read',
    isSheetHidden: 'doc-read',
    newChart: 'doc-read',
    setName: 'doc-write',
    appendRow: 'doc-write',
    insertRows: 'doc-write',
    insertRowsAfter: 'doc-write',
    insertColumnsAfter: 'doc-write',
    insertRowsBefore: 'doc-write',
    insertRowAfter: 'doc-write',
    insertRowBefore: 'doc-write',
    deleteRow: 'doc-write',
    deleteRows: 'doc-write',
    deleteColumn: 'doc-write',
    deleteColumns: 'doc-write',
    clear: 'doc-write',
    clearContents: 'doc-write',
    clearFormats: 'doc-write',
    setFrozenRows: 'doc-write',
    setFrozenColumns: 'doc-write',
    autoResizeColumns: 'doc-write',
    autoResizeColumn: 'doc-write',
    setColumnWidth: 'doc-write',
    setColumnWidths: 'doc-write',
    hideSheet: 'doc-write',
    showSheet: 'doc-write',
    protect: 'doc-write',
    insertChart: 'doc-write',
    updateChart: 'doc-write',
    removeChart: 'doc-write',
    activate: 'doc-write',
  };

  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly model: SheetModel,
  ) {
    super();
    guardDeleted(this, () => model);
  }

  private whole(): Range {
    return new Range(this.ctx, this.model, {
      row: 1,
      column: 1,
      numRows: this.model.maxRows,
      numColumns: this.model.maxColumns,
    });
  }
  private chartIndex(chart: unknown, method: string): number {
    const c = this.ctx.host.unwrap(chart);
    if (!(c instanceof EmbeddedChart)) throw signatureError('Sheet', method, [chart]);
    const i =
      c.record.chartId === null ? -1 : this.model.charts.findIndex((r) => r.chartId === c.record.chartId);
    // The chart must be on this sheet (wording UNCONFIRMED).
    if (i < 0) throw new AppsScriptException('The chart does not exist on this sheet.');
    return i;
  }
  private rowArgs(method: string, args: unknown[], count: number): number[] {
    if (args.length !== count) throw signatureError('Sheet', method, args);
    return coordinates('Sheet', method, args);
  }

  getName(): string {
    return this.model.name;
  }
  getSheetName(): string {
    return this.model.name;
  }
  getIndex(): number {
    return this.ctx.model.sheets.indexOf(this.model) + 1;
  }
  getSheetId(): number {
    return this.model.sheetId;
  }
  getParent(): Spreadsheet {
    return this.ctx.spreadsheet();
  }
  /** getRange(a1) | getRange(row, column) | getRange(row, column, numRows) | getRange(row, column, numRows, numColumns) */
  getRange(...args: unknown[]): Range {
    if (args.length === 1 && typeof args[0] === 'string')
      return new Range(this.ctx, this.model, this.model.box(args[0]));
    if (args.length < 2 || args.length > 4) throw signatureError('Sheet', 'getRange', args);
    const [row, column, numRows = 1, numColumns = 1] = coordinates('Sheet', 'getRange', args);
    return new Range(this.ctx, this.model, { row, column, numRows, numColumns });
  }
  getDataRange(): Range {
    return new Range(this.ctx, this.model, this.model.box());
  }
  getLastRow(): number {
    return this.model.lastRow;
  }
  getLastColumn(): number {
    return this.model.lastColumn;
  }
  getMaxRows(): number {
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    return this.model.maxColumns;
  }
  getFrozenRows(): number {
    return this.model.frozenRows;
  }
  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }
  /** Sheets' default column width is 100 pixels. */
  getColumnWidth(...args: unknown[]): number {
    const [column] = this.rowArgs('getColumnWidth', args, 1);
    return this.model.columnWidths.get(column) ?? 100;
  }
  getCharts(): EmbeddedChart[] {
    return this.model.charts.map(
      (record) =>
        new EmbeddedChart(
          this.ctx,
          record,
          record.ranges
            .map((a1) => this.ctx.model.locate(a1))
            .map(({ sheet, box }) => new Range(this.ctx, sheet, box)),
        ),
    );
  }
  getProtections(type: unknown): Protection[] {
    return protectionsOf(this.ctx, type, this.model);
  }
  isSheetHidden(): boolean {
    return this.model.hidden;
  }
  newChart(): EmbeddedChartBuilder {
    return newChartBuilder(this.ctx);
  }
  setName(name: string): this {
    this.ctx.model.checkSheetName(String(name), this.model);
    this.model.name = String(name);
    this.ctx.model.changed();
    return this;
  }
  /** Writes after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown): this {
    if (!Array.isArray(rowContents)) throw signatureError('Sheet', 'appendRow', [rowContents]);
    const row = this.model.lastRow + 1;
    this.model.resize(Math.max(row, this.model.maxRows), Math.max(rowContents.length, this.model.maxColumns));
    const target = new Range(this.ctx, this.model, {
      row,
      column: 1,
      numRows: 1,
      numColumns: Math.max(1, rowContents.length),
    });
    if (rowContents.length > 0) target.setValues([rowContents]);
    return this;
  }
  /** insertRows(rowIndex[, numRows]): new rows before rowIndex (sheet#insertRows(Integer,Integer)). */
  insertRows(...args: unknown[]): void {
    const [rowIndex, numRows = 1] = this.rowArgs('insertRows', args, args.length === 1 ? 1 : 2);
    this.insert(rowIndex, numRows);
  }
  insertRowsAfter(...args: unknown[]): this {
    const [after, howMany] = this.rowArgs('insertRowsAfter', args, 2);
    return this.insert(after + 1, howMany);
  }
  insertRowsBefore(...args: unknown[]): this {
    const [before, howMany] = this.rowArgs('insertRowsBefore', args, 2);
    return this.insert(before, howMany);
  }
  insertRowAfter(...args: unknown[]): this {
    const [after] = this.rowArgs('insertRowAfter', args, 1);
    return this.insert(after + 1, 1);
  }
  insertRowBefore(...args: unknown[]): this {
    const [before] = this.rowArgs('insertRowBefore', args, 1);
    return this.insert(before, 1);
  }
  private insert(before: number, count: number): this {
    if (before < 1 || before > this.model.maxRows + 1 || count < 1)
      throw new AppsScriptException('Those rows are out of bounds.'); // observed wording
    this.model.insertRows(before, count);
    return this;
  }
  /**
   * insertColumnsAfter(afterPosition, howMany): "Inserts a number of columns after the given column position"
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertcolumnsafteraftercolumn,-howmany),
   * within the spreadsheet's 10 million cells. Only columns added at the right edge are modelled (nothing moves).
   */
  insertColumnsAfter(...args: unknown[]): this {
    const [after, howMany] = this.rowArgs('insertColumnsAfter', args, 2);
    if (after < 1 || after > this.model.maxColumns || howMany < 1)
      throw new AppsScriptException('Those columns are out of bounds.');
    if (after !== this.model.maxColumns)
      throw new Error(
        `runtime: not modelled — Sheet.insertColumnsAfter(${after}) inside "${this.model.name}"`,
      );
    this.model.resize(this.model.maxRows, this.model.maxColumns + howMany);
    return this;
  }
  deleteRow(...args: unknown[]): this {
    const [row] = this.rowArgs('deleteRow', args, 1);
    return this.remove('rows', row, 1);
  }
  deleteRows(...args: unknown[]): void {
    const [row, howMany] = this.rowArgs('deleteRows', args, 2);
    this.remove('rows', row, howMany);
  }
  deleteColumn(...args: unknown[]): this {
    const [column] = this.rowArgs('deleteColumn', args, 1);
    return this.remove('columns', column, 1);
  }
  /**
   * deleteColumns(columnPosition, howMany): "Deletes a number of columns starting at the given column position"
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#deletecolumnscolumnposition,-howmany);
   * columns right of them move left.
   */
  deleteColumns(...args: unknown[]): void {
    const [columnPosition, howMany] = this.rowArgs('deleteColumns', args, 2);
    this.remove('columns', columnPosition, howMany);
  }
  /**
   * Rows or columns out of the sheet are refused, and so is deleting every non-frozen one (observed wordings; the
   * columns' refusal is seen in Sheets API replies, UNCONFIRMED in Apps Script). Moving formulas, named ranges,
   * protections or charts across columns is not modelled: such a column deletion is refused too.
   */
  private remove(lines: 'rows' | 'columns', first: number, count: number): this {
    const rows = lines === 'rows';
    const max = rows ? this.model.maxRows : this.model.maxColumns;
    if (first < 1 || count < 1 || first + count - 1 > max)
      throw new AppsScriptException(`Those ${lines} are out of bounds.`);
    if (count >= max - (rows ? this.model.frozenRows : this.model.frozenColumns))
      throw new AppsScriptException(`Sorry, it is not possible to delete all non-frozen ${lines}.`);
    const unmodelled = rows ? null : unmodelledColumnShift(this.ctx.model, this.model, first);
    if (unmodelled)
      throw new Error(
        `runtime: not modelled — Sheet.deleteColumns(${first}, ${count}) on "${this.model.name}" would move ${unmodelled}`,
      );
    // Clearing first applies the protections' editor check.
    new Range(
      this.ctx,
      this.model,
      rows
        ? { row: first, column: 1, numRows: count, numColumns: this.model.maxColumns }
        : { row: 1, column: first, numRows: this.model.maxRows, numColumns: count },
    ).clear();
    if (rows) this.model.deleteRows(first, count);
    else this.model.deleteColumns(first, count);
    return this;
  }
  clear(): this {
    this.whole().clear();
    return this;
  }
  clearContents(): this {
    this.whole().clearContent();
    return this;
  }
  clearFormats(): this {
    this.whole().clearFormat();
    return this;
  }
  setFrozenRows(...args: unknown[]): void {
    const [rows] = this.rowArgs('setFrozenRows', args, 1);
    if (rows < 0 || rows >= this.model.maxRows) throw new AppsScriptException('Invalid argument: rows'); // UNCONFIRMED
    this.model.frozenRows = rows;
  }
  setFrozenColumns(...args: unknown[]): void {
    const [columns] = this.rowArgs('setFrozenColumns', args, 1);
    if (columns < 0 || columns >= this.model.maxColumns)
      throw new AppsScriptException('Invalid argument: columns');
    this.model.frozenColumns = columns;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.autoResizedColumns.add(c);
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  setColumnWidth(...args: unknown[]): this {
    const [column, width] = this.rowArgs('setColumnWidth', args, 2);
    return this.widths(column, 1, width);
  }
  setColumnWidths(...args: unknown[]): this {
    const [start, count, width] = this.rowArgs('setColumnWidths', args, 3);
    return this.widths(start, count, width);
  }
  private widths(start: number, count: number, width: number): this {
    new Range(this.ctx, this.model, { row: 1, column: start, numRows: 1, numColumns: count });
    for (let c = start; c < start + count; c++) this.model.columnWidths.set(c, width);
    return this;
  }
  /**
   * "Hides this sheet. Has no effect if the sheet is already hidden. If this method is called on the only visible
   * sheet, it throws an exception." (https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet();
   * the wording of the exception is the observed one.)
   */
  hideSheet(): this {
    if (this.ctx.model.sheets.filter((s) => !s.hidden && s !== this.model).length === 0)
      throw new AppsScriptException("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    return this;
  }
  /** "Makes the sheet visible. Has no effect if the sheet is already visible." (…/sheet#showSheet()) */
  showSheet(): this {
    this.model.hidden = false;
    return this;
  }
  protect(): Protection {
    return protectionOf(this.ctx, this.model, 'SHEET');
  }
  /** Insertion gives the chart its id (null until then). */
  insertChart(chart: unknown): void {
    const c = this.ctx.host.unwrap(chart);
    if (!(c instanceof EmbeddedChart)) throw signatureError('Sheet', 'insertChart', [chart]);
    if (c.record.chartId !== null && this.ctx.model.charts().some((r) => r.chartId === c.record.chartId))
      throw new AppsScriptException('The chart is already in the spreadsheet.'); // UNCONFIRMED wording
    c.record.chartId = this.ctx.model.newChartId();
    this.model.charts.push(c.record);
  }
  updateChart(chart: unknown): void {
    const i = this.chartIndex(chart, 'updateChart');
    this.model.charts[i] = (this.ctx.host.unwrap(chart) as EmbeddedChart).record;
  }
  removeChart(chart: unknown): void {
    this.model.charts.splice(this.chartIndex(chart, 'removeChart'), 1);
  }
  activate(): this {
    this.ctx.model.activeSheet = this.model;
    return this;
  }
}

export class Spreadsheet extends ServiceObject {
  readonly kind = 'Spreadsheet';
  readonly methods: Record<string, Access> = {
    getId: 'doc-read',
    getName: 'doc-read',
    getUrl: 'doc-read',
    getSpreadsheetTimeZone: 'doc-read',
    getSpreadsheetLocale: 'doc-read',
    getSheets: 'doc-read',
    getSheetByName: 'doc-read',
    getSheetById: 'doc-read',
    getActiveSheet: 'doc-read',
    getActiveRange: 'doc-read',
    getRange: 'doc-read',
    getRangeByName: 'doc-read',
    getNamedRanges: 'doc-read',
    getProtections: 'doc-read',
    getNumSheets: 'doc-read',
    rename: 'doc-write',
    setSpreadsheetTimeZone: 'doc-write',
    setSpreadsheetLocale: 'doc-write',
    insertSheet: 'doc-write',
    deleteSheet: 'doc-write',
    setActiveSheet: 'doc-write',
    setNamedRange: 'doc-write',
    removeNamedRange: 'doc-write',
    toast: 'ui',
  };

  constructor(private readonly ctx: SpreadsheetContext) {
    super();
  }

  getId(): string {
    return this.ctx.model.id;
  }
  getName(): string {
    return this.ctx.model.name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.ctx.model.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.ctx.model.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.ctx.model.locale;
  }
  getSheets(): Sheet[] {
    return this.ctx.model.sheets.map((s) => this.ctx.sheet(s));
  }
  getNumSheets(): number {
    return this.ctx.model.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const s = this.ctx.model.getSheet(String(name));
    return s ? this.ctx.sheet(s) : null;
  }
  /** The sheet with that getSheetId(), or null (spreadsheet#getSheetById). */
  getSheetById(id: number): Sheet | null {
    const s = this.ctx.model.getSheetById(Number(id));
    return s ? this.ctx.sheet(s) : null;
  }
  getActiveSheet(): Sheet {
    return this.ctx.sheet(this.ctx.model.activeSheet);
  }
  getActiveRange(): Range {
    return activeRange(this.ctx);
  }
  /** "Sheet!A1:B2", or A1 notation on the active sheet. */
  getRange(a1Notation: string): Range {
    const { sheet, box } = this.ctx.model.locate(String(a1Notation));
    return new Range(this.ctx, sheet, box);
  }
  /** The named range's cells, or null (spreadsheet#getRangeByName); names match regardless of case. */
  getRangeByName(name: string): Range | null {
    const n = this.ctx.model.namedRange(String(name));
    return n ? new Range(this.ctx, n.sheet, { ...n.box }) : null;
  }
  getNamedRanges(): NamedRange[] {
    return this.ctx.model.namedRanges.map((n) => new NamedRange(this.ctx, n));
  }
  /** Names follow Sheets' rules; an existing name is refused (spreadsheet#setNamedRange). */
  setNamedRange(name: string, range: unknown): void {
    const text = checkRangeName(this.ctx, name);
    const r = rangeArgument(this.ctx, range);
    this.ctx.model.namedRanges.push({ name: text, sheet: r.sheet, box: { ...r.box } });
    this.ctx.model.changed();
  }
  removeNamedRange(name: string): void {
    const n = this.ctx.model.namedRange(String(name));
    if (!n) throw new AppsScriptException(`Named range "${name}" not found.`); // UNCONFIRMED wording
    this.ctx.model.namedRanges.splice(this.ctx.model.namedRanges.indexOf(n), 1);
    this.ctx.model.changed();
  }
  getProtections(type: unknown): Protection[] {
    return protectionsOf(this.ctx, type);
  }
  rename(newName: string): void {
    this.ctx.model.name = String(newName);
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.ctx.model.timeZone = String(timezone);
    this.ctx.model.changed();
  }
  setSpreadsheetLocale(locale: string): void {
    this.ctx.model.locale = String(locale);
    this.ctx.model.changed();
  }
  /** insertSheet() | insertSheet(name) | insertSheet(name, index) | insertSheet(index); the new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    const sheets = this.ctx.model.sheets;
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    for (let n = sheets.length + 1; name === undefined; n++)
      if (!this.ctx.model.getSheet(`Sheet${n}`)) name = `Sheet${n}`;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    const model = this.ctx.model.insertSheet(
      name,
      at === undefined ? sheets.length : Math.min(at, sheets.length),
    );
    this.ctx.model.activeSheet = model;
    return this.ctx.sheet(model);
  }
  deleteSheet(sheet: unknown): void {
    const s = this.ctx.host.unwrap(sheet);
    if (!(s instanceof Sheet)) throw signatureError('Spreadsheet', 'deleteSheet', [sheet]);
    this.ctx.model.deleteSheet(s.model);
  }
  setActiveSheet(sheet: unknown): Sheet {
    const s = this.ctx.host.unwrap(sheet);
    if (!(s instanceof Sheet)) throw signatureError('Spreadsheet', 'setActiveSheet', [sheet]);
    this.ctx.model.activeSheet = s.model;
    return s;
  }
  toast(msg: string, title = '', _timeoutSeconds?: number): void {
    this.ctx.ui.toasts.push({ message: String(msg), title: String(title) });
  }
}

export class SpreadsheetAppImpl extends ServiceObject {
  readonly kind = 'SpreadsheetApp';
  readonly methods: Record<string, Access> = {
    getActiveSpreadsheet: 'doc-read',
    getActive: 'doc-read',
    getActiveSheet: 'doc-read',
    getActiveRange: 'doc-read',
    getUi: 'ui',
    flush: 'doc-read',
    ProtectionType: 'free',
  };
  readonly ProtectionType = PROTECTION_TYPE;
  private readonly uiObject: Ui;

  constructor(private readonly ctx: SpreadsheetContext) {
    super();
    this.uiObject = new Ui(ctx.host, ctx.ui);
  }

  getActiveSpreadsheet(): Spreadsheet {
    return this.ctx.spreadsheet();
  }
  getActive(): Spreadsheet {
    return this.ctx.spreadsheet();
  }
  getActiveSheet(): Sheet {
    return this.ctx.sheet(this.ctx.model.activeSheet);
  }
  getActiveRange(): Range {
    return activeRange(this.ctx);
  }
  getUi(): Ui {
    return this.uiObject;
  }
  /** Writes are applied immediately here, so flush only gets counted. */
  flush(): void {}
}

/** Charts' enums (https://developers.google.com/apps-script/reference/charts/chart-type, …/position, …/curve-style, …/point-style). */
export class ChartsImpl extends ServiceObject {
  readonly kind = 'Charts';
  readonly methods: Record<string, Access> = {
    ChartType: 'free',
    Position: 'free',
    CurveStyle: 'free',
    PointStyle: 'free',
  };
  readonly Position = POSITION;
  readonly CurveStyle = CURVE_STYLE;
  readonly PointStyle = POINT_STYLE;
  readonly ChartType = Object.fromEntries(
    [
      'AREA',
      'BAR',
      'BUBBLE',
      'CANDLESTICK',
      'COLUMN',
      'COMBO',
      'GAUGE',
      'GEO',
      'HISTOGRAM',
      'LINE',
      'ORG',
      'PIE',
      'RADAR',
      'SCATTER',
      'SPARKLINE',
      'STEPPED_AREA',
      'TABLE',
      'TIMELINE',
      'TREEMAP',
      'WATERFALL',
    ].map((t) => [t, t]),
  );
}
