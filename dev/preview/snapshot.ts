/**
 * A JSON view of the emulated spreadsheet for the preview's grid: each cell as Sheets would show
 * it (computed formulas, display values in the spreadsheet's locale), and each chart with the values of its
 * ranges so the page can draw it from the recorded spec.
 */
import { columnLetters, formatA1 } from '../runtime/a1';
import { DEFAULT_NUMBER_FORMAT } from '../runtime/cell-types';
import type { ChartRecord, SpreadsheetModel } from '../runtime/spreadsheet-model';

export interface CellView {
  display: string;
  formula?: string;
  numberFormat?: string;
  /** Why a formula shows an error (the note Sheets shows over #ERROR!). */
  note?: string;
}

export interface ChartView extends ChartRecord {
  /** The display values of each range, row by row. */
  data: string[][][];
  /** The raw numbers of each range (null where a cell is not a number). */
  numbers: (number | null)[][][];
}

export interface SheetView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  /** Rows holding data; `rows` may stop short of it. Only the shown sheet has columns, rows and charts. */
  totalRows: number;
  columns: string[];
  /** Each column's width in pixels where the add-on (or the demo) set one, as Sheets draws it; null: sized to fit. */
  widths: (number | null)[];
  rows: CellView[][];
  charts: ChartView[];
}

export interface SnapshotOptions {
  /** The sheet whose cells and charts are sent (default: the active one); the others send only their tab. */
  sheet?: string;
  /** Rows sent at most (the Meta data sheet holds thousands); `totalRows` says how many there are. */
  maxRows?: number;
}

export function spreadsheetSnapshot(
  model: SpreadsheetModel,
  options: SnapshotOptions = {},
): {
  name: string;
  timeZone: string;
  locale: string;
  /** The sheet the add-on (or the user) activated last, and its selection. */
  activeSheet: string;
  selection: string;
  sheets: SheetView[];
} {
  const shown = model.getSheet(options.sheet ?? '') ?? model.activeSheet;
  const maxRows = options.maxRows ?? 200;
  const sheets = model.sheets.map((sheet) => {
    const tab = {
      name: sheet.name,
      hidden: sheet.hidden,
      frozenRows: sheet.frozenRows,
      totalRows: sheet.lastRow,
    };
    if (sheet !== shown) return { ...tab, columns: [], widths: [], rows: [], charts: [] };
    const numRows = Math.min(Math.max(sheet.lastRow, 20), maxRows);
    const numColumns = Math.max(sheet.lastColumn, 8);
    const rows = sheet.read({ row: 1, column: 1, numRows, numColumns }, (row, column) => {
      const cell = sheet.cell(row, column);
      const view: CellView = { display: sheet.display(row, column) };
      if (cell?.formula) view.formula = cell.formula;
      // "General" is Sheets' default ("Automatic"): only other formats are worth showing beside the value.
      if (cell?.numberFormat && cell.numberFormat !== DEFAULT_NUMBER_FORMAT)
        view.numberFormat = cell.numberFormat;
      const note = cell?.formula ? model.engine.errorMessage(sheet, row, column) : undefined;
      if (note) view.note = note;
      return view;
    });
    const columns = Array.from({ length: numColumns }, (_, i) => columnLetters(i + 1));
    const widths = columns.map((_, i) => sheet.columnWidths.get(i + 1) ?? null);
    const charts = sheet.charts.map((chart) => ({
      ...chart,
      data: chart.ranges.map((a1) => model.getDisplayValues(a1)),
      numbers: chart.ranges.map((a1) =>
        model.getValues(a1).map((line) => line.map((v) => (typeof v === 'number' ? v : null))),
      ),
    }));
    return { ...tab, columns, widths, rows, charts };
  });
  const selection = model.activeRange();
  return {
    name: model.name,
    timeZone: model.timeZone,
    locale: model.locale,
    activeSheet: model.activeSheet.name,
    selection: formatA1(selection.box),
    sheets,
  };
}
