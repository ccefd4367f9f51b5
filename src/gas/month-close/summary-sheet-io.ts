/**
 * Reads and writes "Billing YYYY-MM": the cost-to-allocate cell finance may have overwritten is read first; the
 * write is one setValues over the whole layout and one setNumberFormats over the rows whose formats changed, then
 * the named ranges and the charts — each only when missing or different, so a re-import of an unchanged layout
 * is the one setValues.
 */
import { ATOM_BLOCK_COLUMN } from '../../atom';
import {
  a1Of,
  ALL_LABELS,
  type CalendarMonth,
  type ChartSpec,
  COST_CELL_A1,
  type ExistingCell,
  monthKey,
  type SummaryPlan,
  summarySheetName,
} from '../../month-close';
import { writeFormattedRows } from './formatted-rows';
import { ownedSheet } from '../shared/owned-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SummaryRead {
  name: string;
  sheet: Sheet | null;
  costCell: ExistingCell | null;
  /** The area an earlier import wrote: the new write blanks all of it (never the Atom block, from column X on). */
  used: { rows: number; columns: number };
  /** Number formats of the sheet left of the Atom block, read before anything is written (empty when new). */
  formats: string[][];
}

/** The Atom block's unique contacts: its third row, second column (src/atom/month-block.ts). */
export const ATOM_CONTACTS_A1 = a1Of(3, ATOM_BLOCK_COLUMN + 1);

export function readSummarySheet(spreadsheet: Spreadsheet, month: CalendarMonth): SummaryRead {
  const name = summarySheetName(monthKey(month));
  const { sheet } = ownedSheet(
    spreadsheet,
    name,
    ALL_LABELS.map((l) => [l.title(monthKey(month))]),
  );
  if (!sheet) return { name, sheet, costCell: null, used: { rows: 0, columns: 0 }, formats: [] };
  const cell = sheet.getRange(COST_CELL_A1);
  const gridColumns = Math.min(sheet.getMaxColumns(), ATOM_BLOCK_COLUMN - 1);
  return {
    name,
    sheet,
    costCell: { formula: cell.getFormula(), value: cell.getValue() },
    used: { rows: sheet.getLastRow(), columns: Math.min(sheet.getLastColumn(), ATOM_BLOCK_COLUMN - 1) },
    // The whole grid's, as the layout may reach past the last cell with content (formatted blank cells).
    formats: sheet.getRange(1, 1, sheet.getMaxRows(), gridColumns).getNumberFormats(),
  };
}

const CHART_SIZE = { width: 420, height: 320 };

export function writeSummarySheet(spreadsheet: Spreadsheet, read: SummaryRead, plan: SummaryPlan): Sheet {
  const sheet = read.sheet ?? spreadsheet.insertSheet(read.name);
  const rows = plan.values.length;
  const columns = plan.values[0].length;
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (columns > sheet.getMaxColumns()) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  }
  // The formats an earlier import left: a re-import of the same layout leaves them be.
  const known = read.formats.map((row) => row.slice(0, columns));
  writeFormattedRows(sheet, 1, plan.values, plan.formats, known);
  writeNamedRanges(spreadsheet, sheet, plan);
  writeCharts(sheet, plan.charts);
  // Column A's width tells whether this layout's widths were set (one read on a re-import).
  const widths = plan.columnWidths;
  if (sheet.getColumnWidth(1) !== widths[0]) {
    // One call per run of equal widths.
    for (let start = 0, end = 1; start < widths.length; start = end++) {
      while (widths[end] === widths[start]) end++;
      sheet.setColumnWidths(start + 1, end - start, widths[start]);
    }
  }
  return sheet;
}

function writeNamedRanges(spreadsheet: Spreadsheet, sheet: Sheet, plan: SummaryPlan): void {
  const existing = new Map(spreadsheet.getNamedRanges().map((n) => [n.getName(), n]));
  for (const { name, a1 } of plan.namedCells) {
    const named = existing.get(name);
    const target = sheet.getRange(a1);
    if (!named) spreadsheet.setNamedRange(name, target);
    else if (!sameRange(named, target)) named.setRange(target);
  }
}

function sameRange(
  named: GoogleAppsScript.Spreadsheet.NamedRange,
  b: GoogleAppsScript.Spreadsheet.Range,
): boolean {
  try {
    const a = named.getRange();
    return a.getSheet().getSheetId() === b.getSheet().getSheetId() && a.getA1Notation() === b.getA1Notation();
  } catch {
    // A name left pointing at a deleted sheet (#REF!) is simply pointed at the new cell.
    return false;
  }
}

function chartMatches(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart, spec: ChartSpec): boolean {
  const ranges = chart.getRanges().map((r) => r.getA1Notation());
  return (
    ranges.length === spec.ranges.length &&
    ranges.every((r, i) => r === spec.ranges[i]) &&
    chart.getOptions().get('title') === spec.title
  );
}

/** The sheet's charts are ours: when they are not exactly the two wanted, they are replaced. */
function writeCharts(sheet: Sheet, specs: readonly ChartSpec[]): void {
  const charts = sheet.getCharts();
  if (charts.length === specs.length && specs.every((s, i) => chartMatches(charts[i], s))) return;
  for (const chart of charts) sheet.removeChart(chart);
  for (const spec of specs) {
    const base = sheet.newChart();
    const builder = spec.kind === 'line' ? base.asLineChart() : base.asPieChart();
    for (const a1 of spec.ranges) builder.addRange(sheet.getRange(a1));
    builder
      .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
      .setOption('title', spec.title)
      .setOption('width', CHART_SIZE.width)
      .setOption('height', CHART_SIZE.height);
    sheet.insertChart(builder.build());
  }
}
