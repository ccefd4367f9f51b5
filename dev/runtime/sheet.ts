/** Sheet (https://developers.google.com/apps-script/reference/spreadsheet/sheet) over the SpreadsheetModel. */
import { EmbeddedChart, newChartBuilder, type EmbeddedChartBuilder } from './charts';
import { unmodelledColumnShift } from './column-delete';
import { AppsScriptException } from './exception';
import { protectionOf, protectionsOf, type Protection } from './named-ranges';
import { Range } from './range';
import { ServiceObject, type Access } from './service';
import { coordinates, guardDeleted, signatureError } from './spreadsheet-args';
import type { SpreadsheetContext } from './spreadsheet-context';
import type { SheetModel } from './spreadsheet-model';

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
  /** The Spreadsheet (typed loosely: spreadsheet.ts imports this module). */
  getParent(): ServiceObject {
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
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertcolumnsafteraftercolumn,-howmany).
   * Only columns added at the right edge are modelled (nothing moves); anywhere else is refused as not modelled.
   */
  insertColumnsAfter(...args: unknown[]): this {
    const [after, howMany] = this.rowArgs('insertColumnsAfter', args, 2);
    if (after < 1 || after > this.model.maxColumns || howMany < 1)
      throw new AppsScriptException('Those columns are out of bounds.'); // as the rows' observed wording
    if (after !== this.model.maxColumns)
      throw new Error(
        `runtime: not modelled — Sheet.insertColumnsAfter(${after}, ${howMany}) on "${this.model.name}" inside the grid`,
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
