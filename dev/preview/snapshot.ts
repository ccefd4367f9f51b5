/** A JSON view of the emulated spreadsheet for the preview's read-only grid. */
import { columnLetters, formatA1 } from '../runtime/a1';
import type { ChartRecord, SpreadsheetModel } from '../runtime/spreadsheet-model';

export interface CellView {
  display: string;
  formula?: string;
  numberFormat?: string;
}

export interface SheetView {
  name: string;
  columns: string[];
  rows: CellView[][];
  charts: ChartRecord[];
}

function display(value: unknown, timeZone: string): string {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return (value as Date).toLocaleString('sv-SE', { timeZone }).replace(' 00:00:00', '');
  }
  return String(value);
}

export function spreadsheetSnapshot(model: SpreadsheetModel): {
  name: string;
  timeZone: string;
  /** The sheet the add-on (or the user) activated last, and its selection. */
  activeSheet: string;
  selection: string;
  sheets: SheetView[];
} {
  const sheets = model.sheets.map((sheet) => {
    const numRows = Math.max(sheet.lastRow, 20);
    const numColumns = Math.max(sheet.lastColumn, 8);
    const rows = sheet.read({ row: 1, column: 1, numRows, numColumns }, (cell) => {
      const view: CellView = { display: cell ? display(cell.value, model.timeZone) : '' };
      if (cell?.formula) view.formula = cell.formula;
      if (cell?.numberFormat) view.numberFormat = cell.numberFormat;
      return view;
    });
    const columns = Array.from({ length: numColumns }, (_, i) => columnLetters(i + 1));
    return { name: sheet.name, columns, rows, charts: sheet.charts };
  });
  const selection = model.activeRange();
  return {
    name: model.name,
    timeZone: model.timeZone,
    activeSheet: model.activeSheet.name,
    selection: formatA1(selection.box),
    sheets,
  };
}
