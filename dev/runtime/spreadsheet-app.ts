/**
 * SpreadsheetApp over the SpreadsheetModel: Spreadsheet, Sheet, Range, embedded charts and Charts.ChartType
 * (https://developers.google.com/apps-script/reference/spreadsheet). Reads are 'doc-read' and writes
 * 'doc-write', so custom functions get the read-only Spreadsheet service the guide describes.
 */
import { formatA1, quoteSheetName, type GridBox } from './a1';
import { toNode } from './realm';
import { AppsScriptException, ServiceObject, type Access, type Host } from './service';
import {
  DEFAULT_NUMBER_FORMAT,
  cellValue,
  type ChartRecord,
  type SheetModel,
  type SpreadsheetModel,
} from './spreadsheet-model';
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
  if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) {
    throw new AppsScriptException(
      `The parameters (${Array.isArray(data) ? 'number[]' : typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
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
    getFormulas: 'doc-read',
    getFormula: 'doc-read',
    getNumberFormats: 'doc-read',
    getNumberFormat: 'doc-read',
    setValues: 'doc-write',
    setValue: 'doc-write',
    setFormulas: 'doc-write',
    setFormula: 'doc-write',
    setNumberFormats: 'doc-write',
    setNumberFormat: 'doc-write',
    clear: 'doc-write',
    clearContent: 'doc-write',
    clearFormat: 'doc-write',
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
  }

  private each(fn: (row: number, column: number, r: number, c: number) => void): void {
    for (let r = 0; r < this.box.numRows; r++) {
      for (let c = 0; c < this.box.numColumns; c++) fn(this.box.row + r, this.box.column + c, r, c);
    }
  }

  private format(row: number, column: number, numberFormat: string | undefined): void {
    const cell = this.sheet.cell(row, column) ?? { value: '' };
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
  getCell(row: number, column: number): Range {
    return new Range(this.ctx, this.sheet, {
      row: this.box.row + row - 1,
      column: this.box.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  offset(
    rowOffset: number,
    columnOffset: number,
    numRows = this.box.numRows,
    numColumns = this.box.numColumns,
  ): Range {
    return new Range(this.ctx, this.sheet, {
      row: this.box.row + rowOffset,
      column: this.box.column + columnOffset,
      numRows,
      numColumns,
    });
  }

  /** Empty cells read as "", formulas as FORMULA_MARKER (or the value a test seeded), Dates as Dates. */
  getValues(): unknown[][] {
    return this.sheet.read(this.box, cellValue);
  }
  getValue(): unknown {
    return cellValue(this.sheet.cell(this.box.row, this.box.column));
  }
  getFormulas(): string[][] {
    return this.sheet.read(this.box, (c) => c?.formula ?? '');
  }
  getFormula(): string {
    return this.sheet.cell(this.box.row, this.box.column)?.formula ?? '';
  }
  getNumberFormats(): string[][] {
    return this.sheet.read(this.box, (c) => c?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this.sheet.cell(this.box.row, this.box.column)?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }

  setValues(values: unknown): this {
    const rows = grid(values, this.box, 'setValues');
    this.each((row, column, r, c) => this.sheet.enter(row, column, rows[r][c]));
    return this;
  }
  /** Sets every cell of the range, like Apps Script. */
  setValue(value: unknown): this {
    this.each((row, column) => this.sheet.enter(row, column, value));
    return this;
  }
  setFormulas(formulas: unknown): this {
    const rows = grid(formulas, this.box, 'setFormulas');
    this.each((row, column, r, c) => this.sheet.enter(row, column, rows[r][c]));
    return this;
  }
  /** The same formula text in every cell (no relative-reference adjustment is emulated). */
  setFormula(formula: string): this {
    this.each((row, column) => this.sheet.enter(row, column, formula));
    return this;
  }
  setNumberFormats(numberFormats: unknown): this {
    const rows = grid(numberFormats, this.box, 'setNumberFormats');
    this.each((row, column, r, c) => this.format(row, column, String(rows[r][c])));
    return this;
  }
  setNumberFormat(numberFormat: string): this {
    this.each((row, column) => this.format(row, column, String(numberFormat)));
    return this;
  }
  clear(): this {
    this.each((row, column) => this.sheet.setCell(row, column, undefined));
    return this;
  }
  clearContent(): this {
    this.each((row, column) => {
      const format = this.sheet.cell(row, column)?.numberFormat;
      this.sheet.setCell(row, column, format === undefined ? undefined : { value: '', numberFormat: format });
    });
    return this;
  }
  clearFormat(): this {
    this.each((row, column) => this.format(row, column, undefined));
    return this;
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

export class EmbeddedChart extends ServiceObject {
  readonly kind = 'EmbeddedChart';
  readonly methods: Record<string, Access> = {
    getChartId: 'doc-read',
    getRanges: 'doc-read',
    getOptions: 'doc-read',
    modify: 'doc-read',
  };

  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly record: ChartRecord,
    readonly ranges: Range[],
  ) {
    super();
  }
  getChartId(): number {
    return this.record.chartId;
  }
  getRanges(): Range[] {
    return this.ranges;
  }
  /** ChartOptions.get(option) as a plain lookup object. */
  getOptions(): { get(option: string): unknown } {
    return new ChartOptions(this.record.options);
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx, this.record.chartId, this.record, this.ranges);
  }
}

class ChartOptions extends ServiceObject {
  readonly kind = 'ChartOptions';
  readonly methods: Record<string, Access> = { get: 'doc-read' };
  constructor(private readonly options: Record<string, unknown>) {
    super();
  }
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

export class EmbeddedChartBuilder extends ServiceObject {
  readonly kind = 'EmbeddedChartBuilder';
  readonly methods: Record<string, Access> = {
    setChartType: 'doc-read',
    addRange: 'doc-read',
    removeRange: 'doc-read',
    clearRanges: 'doc-read',
    setPosition: 'doc-read',
    setOption: 'doc-read',
    asColumnChart: 'doc-read',
    asLineChart: 'doc-read',
    asBarChart: 'doc-read',
    asPieChart: 'doc-read',
    build: 'doc-read',
  };
  private type: string;
  private readonly options: Record<string, unknown>;
  private ranges: Range[];
  private position: ChartRecord['position'];

  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly chartId: number,
    from?: ChartRecord,
    ranges: Range[] = [],
  ) {
    super();
    this.type = from?.type ?? '';
    this.options = { ...from?.options };
    this.position = from?.position ?? { row: 1, column: 1, offsetX: 0, offsetY: 0 };
    this.ranges = [...ranges];
  }

  setChartType(type: string): this {
    this.type = String(type);
    return this;
  }
  addRange(range: unknown): this {
    const r = this.ctx.host.unwrap(range);
    if (!(r instanceof Range)) throw new AppsScriptException('Invalid argument: range');
    this.ranges.push(r);
    return this;
  }
  removeRange(range: unknown): this {
    this.ranges = this.ranges.filter((r) => r !== this.ctx.host.unwrap(range));
    return this;
  }
  clearRanges(): this {
    this.ranges = [];
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.options[String(option)] = toNode(value);
    return this;
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  build(): EmbeddedChart {
    const record: ChartRecord = {
      chartId: this.chartId,
      type: this.type,
      ranges: this.ranges.map((r) => r.sheet.a1(r.box)),
      options: { ...this.options },
      position: { ...this.position },
    };
    return new EmbeddedChart(this.ctx, record, this.ranges);
  }
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
    getCharts: 'doc-read',
    newChart: 'doc-read',
    setName: 'doc-write',
    appendRow: 'doc-write',
    insertRowsAfter: 'doc-write',
    clear: 'doc-write',
    clearContents: 'doc-write',
    clearFormats: 'doc-write',
    setFrozenRows: 'doc-write',
    setFrozenColumns: 'doc-write',
    autoResizeColumns: 'doc-write',
    autoResizeColumn: 'doc-write',
    setColumnWidth: 'doc-write',
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
  }

  private whole(): Range {
    return new Range(this.ctx, this.model, {
      row: 1,
      column: 1,
      numRows: this.model.maxRows,
      numColumns: this.model.maxColumns,
    });
  }
  private chartIndex(chart: unknown): number {
    const c = this.ctx.host.unwrap(chart);
    if (!(c instanceof EmbeddedChart)) throw new AppsScriptException('Invalid argument: chart');
    return this.model.charts.findIndex((r) => r.chartId === c.record.chartId);
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
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): Range {
    if (typeof rowOrA1 === 'string') return new Range(this.ctx, this.model, this.model.box(rowOrA1));
    if (typeof rowOrA1 !== 'number' || typeof column !== 'number') {
      throw new AppsScriptException(
        "The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    }
    return new Range(this.ctx, this.model, { row: rowOrA1, column, numRows, numColumns });
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
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx, this.ctx.model.newChartId());
  }
  setName(name: string): this {
    const other = this.ctx.model.getSheet(String(name));
    if (other && other !== this.model) {
      throw new AppsScriptException(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    this.model.name = String(name);
    return this;
  }
  /** Writes after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown): this {
    if (!Array.isArray(rowContents)) {
      throw new AppsScriptException(
        "The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    const row = this.model.lastRow + 1;
    if (row > this.model.maxRows) this.model.maxRows = row;
    if (rowContents.length > this.model.maxColumns) this.model.maxColumns = rowContents.length;
    rowContents.forEach((v, i) => this.model.enter(row, i + 1, v));
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.model.insertRows(afterPosition, howMany);
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
  setFrozenRows(rows: number): void {
    this.model.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.model.frozenColumns = columns;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.autoResizedColumns.add(c);
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  setColumnWidth(): this {
    return this;
  }
  insertChart(chart: unknown): void {
    const c = this.ctx.host.unwrap(chart);
    if (!(c instanceof EmbeddedChart)) throw new AppsScriptException('Invalid argument: chart');
    this.model.charts.push(c.record);
  }
  updateChart(chart: unknown): void {
    const i = this.chartIndex(chart);
    const c = this.ctx.host.unwrap(chart) as EmbeddedChart;
    if (i >= 0) this.model.charts[i] = c.record;
  }
  removeChart(chart: unknown): void {
    const i = this.chartIndex(chart);
    if (i >= 0) this.model.charts.splice(i, 1);
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
    getActiveSheet: 'doc-read',
    getActiveRange: 'doc-read',
    getRange: 'doc-read',
    getNumSheets: 'doc-read',
    rename: 'doc-write',
    setSpreadsheetTimeZone: 'doc-write',
    setSpreadsheetLocale: 'doc-write',
    insertSheet: 'doc-write',
    deleteSheet: 'doc-write',
    setActiveSheet: 'doc-write',
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
  rename(newName: string): void {
    this.ctx.model.name = String(newName);
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.ctx.model.timeZone = String(timezone);
  }
  setSpreadsheetLocale(locale: string): void {
    this.ctx.model.locale = String(locale);
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
    if (!(s instanceof Sheet)) throw new AppsScriptException('Invalid argument: sheet');
    this.ctx.model.deleteSheet(s.model);
  }
  setActiveSheet(sheet: unknown): Sheet {
    const s = this.ctx.host.unwrap(sheet);
    if (!(s instanceof Sheet)) throw new AppsScriptException('Invalid argument: sheet');
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
  };
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

/** Charts.ChartType (https://developers.google.com/apps-script/reference/charts/chart-type). */
export class ChartsImpl extends ServiceObject {
  readonly kind = 'Charts';
  readonly methods: Record<string, Access> = { ChartType: 'free' };
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
