/** Range (https://developers.google.com/apps-script/reference/spreadsheet/range) over the SpreadsheetModel. */
import { formatA1, quoteSheetName, type GridBox } from './a1';
import { AppsScriptException } from './exception';
import { protectionOf, type Protection } from './named-ranges';
import { ServiceObject, type Access } from './service';
import { coordinates, guardDeleted, signatureError } from './spreadsheet-args';
import type { SpreadsheetContext } from './spreadsheet-context';
import { DEFAULT_NUMBER_FORMAT, type SheetModel } from './spreadsheet-model';

/**
 * The user's selection on the active sheet. Sheets always has at least the current cell selected, so this is
 * never null here (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getactiverange).
 */
export function activeRange(ctx: SpreadsheetContext): Range {
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
  /** The range's Sheet (typed loosely: sheet.ts imports this module). */
  getSheet(): ServiceObject {
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
