/**
 * The "Billing YYYY-MM" sheet: KPI block, daily table, origin table, the group and campaign split as live
 * BILLED_BY_GROUP / BILLED_BY_CAMPAIGN formulas, named cells and two native charts. Built as one rectangle of
 * values (formulas included) and one of number formats, so the adapter writes it in two calls.
 *
 * Layout (fixed, so a re-import lands on the same cells): A1 title · A3:C14 KPIs · E3:I6 origin · the group split
 * (A16) and campaign split (I16) right under the KPIs, where finance looks first, with room to grow downwards ·
 * O3:R34 daily · charts at O36, O53. Under the splits, as
 * they grow: the budgets (budget-block.ts), then the free allowance per line (allowance-block.ts). An older layout
 * (splits at J8/R8) is blanked by the same write.
 */
import { literalText } from '../core/sheet-output/literal-text';
import { ALLOWANCE_TOP, allowanceBlock } from './allowance-block';
import { columnLetters, dataColumnRef, type AtomRange } from './atom-range';
import { BUDGET_BLOCK_TOP, budgetBlock } from './budget-block';
import type { BudgetStatus } from './budgets';
import { minorUnits } from './currency';
import type { MetaUsageRow, MonthFigures, MonthPricingModel } from './figures';
import {
  COUNT_FORMAT,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  EXACT_FORMAT,
  GENERAL_FORMAT,
  moneyFormat,
  SHARE_FORMAT,
} from './formats';
import type { MonthCloseLabels } from './labels';
import { monthKey, monthNameSuffix, type CalendarMonth, type MonthStatus } from './month';

/** A deliberate formula (never external text, which always goes through literalText). */
export interface Formula {
  formula: string;
}

type Cell = string | number | Date | Formula;

export const KPI = {
  billedUnits: { row: 3, column: 2 },
  billedAs: { row: 4, column: 2 },
  cost: { row: 5, column: 2 },
  currency: { row: 6, column: 2 },
  costToAllocate: { row: 7, column: 2 },
  projection: { row: 8, column: 2 },
  projectionMethod: { row: 9, column: 2 },
  status: { row: 10, column: 2 },
  lastImport: { row: 11, column: 2 },
  lines: { row: 12, column: 2 },
  waba: { row: 13, column: 2 },
  uniqueContacts: { row: 14, column: 2 },
} as const;
const ORIGIN = { row: 3, column: 5 };
const OTHER_COSTS_ROW = KPI.uniqueContacts.row + 1;
const GROUPS = { row: KPI.uniqueContacts.row + 2, column: 1 };
const GROUP_COLUMNS = 7;
const CAMPAIGNS = { row: GROUPS.row, column: GROUPS.column + GROUP_COLUMNS + 1 };
const CAMPAIGN_COLUMNS = 5;
const DAILY = { row: 3, column: CAMPAIGNS.column + CAMPAIGN_COLUMNS + 1 };
/**
 * Pixel widths from column A: labels and group names, the group figures, a gap, campaign names and figures — the
 * splits read without scrolling sideways.
 */
const COLUMN_WIDTHS: readonly number[] = [240, ...Array(6).fill(110), 24, 200, ...Array(4).fill(110)];

export interface NamedCell {
  name: string;
  /** A1 of the cell on the summary sheet. */
  a1: string;
}

export interface ChartSpec {
  kind: 'line' | 'pie';
  /** A1 ranges on the summary sheet (first one: the domain). */
  ranges: string[];
  anchor: { row: number; column: number };
  title: string;
}

export interface SummaryInput {
  month: CalendarMonth;
  figures: MonthFigures;
  status: MonthStatus;
  currency: string;
  /** The cost-to-allocate cell's content: a kept value or formula, Meta's cost (a formula on it), or blank. */
  costToAllocateCell: number | string | Formula;
  /**
   * Where figures.cost comes from when it is not Meta's: the rate cards that priced the month ("rate card BRL
   * 2025-10-01"); null for Meta's cost or none.
   */
  rateCardSource: string | null;
  /** Meta's cost in each currency other than the account's: shown under the KPIs, never added to the cost. */
  otherCosts: readonly { currency: string; cost: number | null }[];
  /** The cost to allocate's currency (the account's unless the request chose another of the month's). */
  allocationCurrency: string;
  projectionMethod: string;
  importedAt: Date;
  lineLabels: readonly string[];
  /** Every line of the account (the allowance block's rows). */
  accountLines: readonly string[];
  wabaLabel: string;
  groups: AtomRange | null;
  campaigns: AtomRange | null;
  /** A1 (on this sheet) of the unique contacts the Atom import writes for the month; blank without contacts. */
  atomContactsCell: string;
  /** Data rows of each Atom range (so the formulas' spill areas get number formats). */
  groupRows: number;
  campaignRows: number;
  /** What the import kept or replaced of the stored history (under the title); empty for none. */
  historyNotes: readonly string[];
  /** The budgets the import covers (src/month-close/budget-block.ts). */
  budgets: readonly BudgetStatus[];
  /** The month's Meta rows when the history is in BigQuery (the allowance block's values); null: "Meta data". */
  monthRows?: readonly MetaUsageRow[] | null;
  /** Dates of the realm Sheets reads. */
  makeDate(epochMs: number): Date;
  /** Epoch ms of a yyyy-MM-dd day at midnight in the spreadsheet's zone. */
  midnightOf(isoDay: string): number;
}

export interface SummaryPlan {
  /** Rows × columns; strings are literal text or formulas (`=` only from a Formula). */
  values: (string | number | Date)[][];
  formats: string[][];
  namedCells: NamedCell[];
  charts: ChartSpec[];
  /** Pixel widths of the columns from A. */
  columnWidths: readonly number[];
}

export function a1Of(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

class Grid {
  private readonly cells = new Map<string, { value: Cell; format: string }>();
  rows = 0;
  columns = 0;

  set(row: number, column: number, value: Cell, format = GENERAL_FORMAT): void {
    this.cells.set(`${row},${column}`, { value, format });
    this.extend(row, column);
  }

  format(row: number, column: number, format: string): void {
    const cell = this.cells.get(`${row},${column}`);
    this.cells.set(`${row},${column}`, { value: cell?.value ?? '', format });
    this.extend(row, column);
  }

  private extend(row: number, column: number): void {
    this.rows = Math.max(this.rows, row);
    this.columns = Math.max(this.columns, column);
  }

  /** Padded to at least minRows × minColumns, so a re-import also blanks what an earlier, larger one wrote. */
  build(minRows: number, minColumns: number): { values: (string | number | Date)[][]; formats: string[][] } {
    const rows = Math.max(this.rows, minRows);
    const columns = Math.max(this.columns, minColumns);
    const values: (string | number | Date)[][] = [];
    const formats: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const vRow: (string | number | Date)[] = [];
      const fRow: string[] = [];
      for (let c = 1; c <= columns; c++) {
        const cell = this.cells.get(`${r},${c}`);
        vRow.push(cell ? cellValue(cell.value) : '');
        fRow.push(cell?.format ?? GENERAL_FORMAT);
      }
      values.push(vRow);
      formats.push(fRow);
    }
    return { values, formats };
  }
}

/** Our own text as a formula string literal. */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function isFormula(value: Cell): value is Formula {
  return typeof value === 'object' && value !== null && 'formula' in value;
}

function cellValue(value: Cell): string | number | Date {
  if (isFormula(value)) return value.formula;
  return typeof value === 'string' ? literalText(value) : value;
}

export function namedRangeNames(month: CalendarMonth): {
  billedUnits: string;
  cost: string;
  costToAllocate: string;
  projection: string;
} {
  const s = monthNameSuffix(month);
  return {
    billedUnits: `BILLED_UNITS_${s}`,
    cost: `META_COST_${s}`,
    costToAllocate: `COST_TO_ALLOCATE_${s}`,
    projection: `PROJECTION_${s}`,
  };
}

/** The default content of the cost-to-allocate cell: Meta's cost, live. */
export function metaCostFormula(): Formula {
  return { formula: `=${a1Of(KPI.cost.row, KPI.cost.column)}` };
}

/** Meta's cost cell of the account's currency (index -1) or of the month's other currency `index` (row 15). */
export function costCellFormula(index: number): Formula {
  return index < 0 ? metaCostFormula() : { formula: `=${a1Of(OTHER_COSTS_ROW, 2 + 2 * index)}` };
}

/** Whether a cost-to-allocate formula is one the import writes (any currency's Meta cost), not the user's own. */
export function isCostCellFormula(formula: string): boolean {
  const cell = formula.replace(/\s/g, '').toUpperCase();
  return cell === metaCostFormula().formula || new RegExp(`^=[B-V]${OTHER_COSTS_ROW}$`).test(cell);
}

export function summaryPlan(
  input: SummaryInput,
  labels: MonthCloseLabels,
  minimum: { rows: number; columns: number },
): SummaryPlan {
  const grid = new Grid();
  const money = moneyFormat(input.currency);
  const names = namedRangeNames(input.month);
  const { figures } = input;
  grid.set(1, 1, labels.title(monthKey(input.month)));
  if (input.historyNotes.length) grid.set(2, 1, input.historyNotes.join('. '));

  const kpi = (at: { row: number; column: number }, label: string, value: Cell, format = GENERAL_FORMAT) => {
    grid.set(at.row, 1, label);
    grid.set(at.row, at.column, value, format);
  };
  const billedAs: Record<MonthPricingModel, string> = labels.billedAs;
  kpi(KPI.billedUnits, labels.kpi.billedUnits, figures.billedUnits, COUNT_FORMAT);
  kpi(KPI.billedAs, labels.kpi.billedAs, billedAs[figures.pricingModel]);
  kpi(KPI.cost, input.rateCardSource ? labels.kpi.rateCardCost : labels.kpi.cost, figures.cost ?? '', money);
  if (figures.cost === null) grid.set(KPI.cost.row, 3, labels.noCost);
  else if (input.rateCardSource) grid.set(KPI.cost.row, 3, `${input.rateCardSource} — ${labels.noCost}`);
  kpi(KPI.currency, labels.kpi.currency, input.currency);
  const allocated = input.allocationCurrency;
  kpi(KPI.costToAllocate, labels.kpi.costToAllocate, input.costToAllocateCell, moneyFormat(allocated));
  grid.set(
    KPI.costToAllocate.row,
    3,
    allocated === input.currency ? labels.costToAllocateHelp : `${allocated} — ${labels.costToAllocateHelp}`,
  );
  kpi(KPI.projection, labels.kpi.projection, figures.projection ?? '', COUNT_FORMAT);
  kpi(
    KPI.projectionMethod,
    labels.kpi.projectionMethod,
    figures.projection === null ? labels.projectionClosed : input.projectionMethod,
  );
  kpi(KPI.status, labels.kpi.status, labels.status[input.status]);
  kpi(KPI.lastImport, labels.kpi.lastImport, input.importedAt, DATE_TIME_FORMAT);
  kpi(KPI.lines, labels.kpi.lines, input.lineLabels.length ? input.lineLabels.join(', ') : labels.allLines);
  kpi(KPI.waba, labels.kpi.waba, input.wabaLabel);
  // Live on the Atom block: blank, with a hint, until an Atom import brings the month's contacts.
  const contacts = input.atomContactsCell;
  kpi(
    KPI.uniqueContacts,
    labels.kpi.uniqueContacts,
    { formula: `=IF(ISNUMBER(${contacts}), ${contacts}, "")` },
    COUNT_FORMAT,
  );
  grid.set(KPI.uniqueContacts.row, 3, {
    formula: `=IF(ISNUMBER(${contacts}), "", ${formulaText(labels.noContacts)})`,
  });
  // Under the KPIs: each other currency's cost and its code, side by side (row 15, between the KPIs and the split).
  if (input.otherCosts.length) grid.set(OTHER_COSTS_ROW, 1, labels.kpi.otherCosts);
  input.otherCosts.forEach(({ currency, cost }, i) => {
    grid.set(OTHER_COSTS_ROW, 2 + 2 * i, cost ?? '', moneyFormat(currency));
    grid.set(OTHER_COSTS_ROW, 3 + 2 * i, currency);
  });

  labels.dailyHeader.forEach((h, i) => grid.set(DAILY.row, DAILY.column + i, h));
  figures.daily.forEach((d, i) => {
    const row = DAILY.row + 1 + i;
    grid.set(row, DAILY.column, input.makeDate(input.midnightOf(d.day)), DATE_FORMAT);
    grid.set(row, DAILY.column + 1, d.billedUnits ?? '', COUNT_FORMAT);
    grid.set(row, DAILY.column + 2, d.cumulative ?? '', COUNT_FORMAT);
    grid.set(row, DAILY.column + 3, d.projectedCumulative ?? '', COUNT_FORMAT);
  });
  const lastDailyRow = DAILY.row + figures.daily.length;

  labels.originHeader.forEach((h, i) => grid.set(ORIGIN.row, ORIGIN.column + i, h));
  const { inbound, outbound } = figures.origin;
  const totalVolume = inbound.volume + outbound.volume;
  const totalBilled = inbound.billedUnits + outbound.billedUnits;
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  [
    [labels.origin.inbound, inbound],
    [labels.origin.outbound, outbound],
    [labels.origin.total, { volume: totalVolume, billedUnits: totalBilled }],
  ].forEach(([label, line], i) => {
    const row = ORIGIN.row + 1 + i;
    const { volume, billedUnits } = line as { volume: number; billedUnits: number };
    grid.set(row, ORIGIN.column, label as string);
    grid.set(row, ORIGIN.column + 1, volume, COUNT_FORMAT);
    grid.set(row, ORIGIN.column + 2, billedUnits, COUNT_FORMAT);
    grid.set(row, ORIGIN.column + 3, share(volume, totalVolume), SHARE_FORMAT);
    grid.set(row, ORIGIN.column + 4, share(billedUnits, totalBilled), SHARE_FORMAT);
  });

  const decimals = minorUnits(allocated);
  grid.set(GROUPS.row, GROUPS.column, labels.groupsTitle);
  if (input.groups) {
    grid.set(GROUPS.row + 1, GROUPS.column, {
      formula:
        `=BILLED_BY_GROUP(${dataColumnRef(input.groups, 0)}, ${dataColumnRef(input.groups, 1)}, ` +
        `${names.billedUnits}, ${names.costToAllocate}, ${decimals})`,
    });
    // Spill: header, one row per group at most, Total.
    const formats = [
      GENERAL_FORMAT,
      COUNT_FORMAT,
      SHARE_FORMAT,
      EXACT_FORMAT,
      COUNT_FORMAT,
      EXACT_FORMAT,
      money,
    ];
    spillFormats(grid, GROUPS.row + 2, GROUPS.column, input.groupRows + 1, formats);
  } else {
    grid.set(GROUPS.row + 1, GROUPS.column, labels.noGroups);
  }
  grid.set(CAMPAIGNS.row, CAMPAIGNS.column, labels.campaignsTitle);
  if (input.campaigns) {
    grid.set(CAMPAIGNS.row + 1, CAMPAIGNS.column, {
      formula:
        `=BILLED_BY_CAMPAIGN(${dataColumnRef(input.campaigns, 0)}, ${dataColumnRef(input.campaigns, 1)}, ` +
        `${names.costToAllocate}, ${decimals})`,
    });
    const formats = [GENERAL_FORMAT, COUNT_FORMAT, SHARE_FORMAT, EXACT_FORMAT, money];
    spillFormats(grid, CAMPAIGNS.row + 2, CAMPAIGNS.column, input.campaignRows + 1, formats);
  } else {
    grid.set(CAMPAIGNS.row + 1, CAMPAIGNS.column, labels.noCampaigns);
  }
  // Keep the widest tables inside the rectangle even when their formulas are absent.
  grid.format(1, CAMPAIGNS.column + CAMPAIGN_COLUMNS - 1, GENERAL_FORMAT);
  grid.format(1, GROUPS.column + GROUP_COLUMNS - 1, GENERAL_FORMAT);

  // Under the splits (which spill down as far as Atom's tables reach): the budgets, then the allowance.
  const dayDate = (iso: string) => input.makeDate(input.midnightOf(iso));
  const budgetTop = Math.max(BUDGET_BLOCK_TOP, grid.rows + 2);
  for (const c of budgetBlock(input.budgets, labels, input.currency, dayDate, budgetTop))
    grid.set(c.row, c.column, c.value, c.format);
  const top = Math.max(ALLOWANCE_TOP, grid.rows + 2);
  for (const c of allowanceBlock(input.month, input.accountLines, top, labels, dayDate, input.monthRows)) {
    grid.set(c.row, c.column, c.value, c.format);
  }

  const { values, formats } = grid.build(minimum.rows, minimum.columns);
  const col = columnLetters;
  return {
    values,
    formats,
    columnWidths: COLUMN_WIDTHS,
    namedCells: [
      { name: names.billedUnits, a1: a1Of(KPI.billedUnits.row, KPI.billedUnits.column) },
      { name: names.cost, a1: a1Of(KPI.cost.row, KPI.cost.column) },
      { name: names.costToAllocate, a1: a1Of(KPI.costToAllocate.row, KPI.costToAllocate.column) },
      { name: names.projection, a1: a1Of(KPI.projection.row, KPI.projection.column) },
    ],
    charts: [
      {
        kind: 'line',
        ranges: [
          `${col(DAILY.column)}${DAILY.row}:${col(DAILY.column)}${lastDailyRow}`,
          `${col(DAILY.column + 2)}${DAILY.row}:${col(DAILY.column + 3)}${lastDailyRow}`,
        ],
        anchor: { row: DAILY.row + 33, column: DAILY.column },
        title: labels.chartDaily,
      },
      {
        kind: 'pie',
        ranges: [`${col(ORIGIN.column)}${ORIGIN.row + 1}:${col(ORIGIN.column + 1)}${ORIGIN.row + 2}`],
        anchor: { row: DAILY.row + 50, column: DAILY.column },
        title: labels.chartOrigin,
      },
    ],
  };
}

function spillFormats(
  grid: Grid,
  row: number,
  column: number,
  rows: number,
  formats: readonly string[],
): void {
  for (let r = 0; r < rows; r++) formats.forEach((f, c) => grid.format(row + r, column + c, f));
}
