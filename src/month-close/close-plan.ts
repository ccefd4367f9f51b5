/**
 * A month close's complete plan, pure: from what was read (Meta's answer, the month's block of "Meta data", the
 * Billing sheet's cost cell and extent, the ledger), every write — the block's rows, the Billing sheet, the ledger
 * row, the remembered request — and the result card's figures and notes. The adapter (src/gas/month-close/import.ts)
 * checks it against Apps Script's limits, then commits it.
 */
import type { ErrorNote } from '../core/errors';
import type { ProjectionMethod } from '../core/projection/month-end';
import type { DayKey } from '../core/time';
import type { AtomRange } from './atom-range';
import { budgetStatuses, type Budget, type BudgetShares, type BudgetStatus } from './budgets';
import { historyNoteText, type CardNote } from './card-notes';
import { costToAllocate, type CostToAllocate, type ExistingCell } from './cost-to-allocate';
import { monthFigures, type MetaUsageRow, type MonthFigures } from './figures';
import type { MonthCloseLabels } from './labels';
import { drift, previousImport, type LedgerEntry } from './ledger';
import { dataRowsOf, digitsOf, rewriteBlock, type BlockRewrite, type CellCalendar } from './meta-data-sheet';
import { lastDay, MonthCloseInputError, monthKey, type CalendarMonth, type MonthStatus } from './month';
import { decideHistory, lookbackFirstDay, storedRowsFrom, storedRowsOf } from './stored-history';
import { monthRowsAfterImport } from './month-rows';
import { importedGroups, importedLineDigits, type StoredMonth } from './stored-counts';
import { a1Of, costCellFormula, KPI, summaryPlan, type SummaryPlan } from './summary-sheet';
import { tierLabel } from './tier-label';
import { splitByCurrency, type CurrencyCost } from './currency-split';
import { sumCosts } from '../core/exact/cost-sum';

export const COST_CELL_A1 = a1Of(KPI.costToAllocate.row, KPI.costToAllocate.column);

/** A priced month, or why the rate cards cannot price it (no card covering a day, an n/a rate). */
export type RateCardCost = { cost: number; source: string } | { problem: string; note?: ErrorNote };

export interface AtomTable {
  range: AtomRange;
  rows: number;
}

/** The request, checked: the month parsed once. */
export interface CheckedMonthClose {
  month: CalendarMonth;
  /** The lines imported; empty = every line. */
  lines: readonly { displayPhoneNumber: string }[];
  /** null: the field was blank (Meta's cost); undefined: not given (the daily refresh keeps the sidebar's). */
  costToAllocate: number | null | undefined;
  /** The currency of the cost to allocate; null = the account's. */
  costCurrency: string | null;
  projectionMethod: ProjectionMethod;
  groups: AtomTable | null;
  campaigns: AtomTable | null;
}

export interface MonthCloseInput {
  request: CheckedMonthClose;
  nowMs: number;
  /** Today in the account's zone. */
  today: DayKey;
  status: MonthStatus;
  /** The connected account; lines shown by their display numbers. */
  account: {
    currency: string;
    wabaId: string;
    wabaName: string;
    lines: readonly { displayPhoneNumber: string }[];
  };
  /** Meta's rows for the month and those lines. */
  answer: readonly MetaUsageRow[];
  /** Prices rows Meta gave no cost for (partner credit line) from the imported rate cards. */
  rateCardCost(rows: readonly MetaUsageRow[]): RateCardCost;
  /** How Meta's own cost is named in the ledger. */
  metaCostSource: string;
  /** The month's block of "Meta data" as read (empty when the history is in BigQuery). */
  dataBlock: { values: readonly unknown[][]; formats: readonly string[][] };
  /** The history in BigQuery: the month's stored rows counted, and those read back (no "Meta data" block then). */
  stored?: StoredMonth;
  summary: { name: string; costCell: ExistingCell | null; used: { rows: number; columns: number } };
  ledgerEntries: readonly LedgerEntry[];
  /** The account's monthly budgets (src/month-close/budgets.ts). */
  budgets: readonly Budget[];
  /** Atom's groups and campaigns of the month, for their budgets (empty without such budgets). */
  budgetShares: BudgetShares;
  atomContactsCell: string;
  user: string;
  scheduled: boolean;
  labels: MonthCloseLabels;
  cells: CellCalendar;
}

export interface MonthClosePlan {
  dataRows: BlockRewrite;
  /** The history in BigQuery: the month's rows of every line after the import (null: kept in "Meta data"). */
  monthRows: MetaUsageRow[] | null;
  summary: SummaryPlan;
  ledgerEntry: LedgerEntry;
  /** The budgets the import covers, against Meta's cost (the daily refresh alerts on those crossed). */
  budgets: BudgetStatus[];
  /** The result card, but for the sheets written (src/rpc/contract.ts MonthCloseResult). */
  card: {
    month: string;
    status: MonthStatus;
    pricingModel: MonthFigures['pricingModel'];
    billedUnits: number;
    cost: number | null;
    costSource: string | null;
    currency: string;
    /** The month's cost in each other currency (never added to `cost`). */
    otherCosts: CurrencyCost[];
    costToAllocate: number | null;
    costToAllocateCurrency: string;
    costToAllocateSource: CostToAllocate['source'];
    projection: number | null;
    projectionMethod: ProjectionMethod;
    /** Meta's rows written. */
    rowsWritten: number;
    previous: { billedUnits: number; cost: number | null } | null;
    importedAt: string;
    daily: MonthFigures['daily'];
    /** History kept or replaced first, then the cost's. */
    notes: CardNote[];
  };
}

export function planMonthClose(input: MonthCloseInput): MonthClosePlan {
  const { account, cells, request } = input;
  const { month, projectionMethod } = request;
  const lines = request.lines.map((l) => l.displayPhoneNumber);
  const lineDigits = importedLineDigits(request.lines);
  const lineLabels = new Map(
    account.lines.map((l) => [digitsOf(l.displayPhoneNumber), l.displayPhoneNumber]),
  );
  // An empty answer, or days past Meta's lookback, never replace the stored history (stored-history.ts).
  const { stored } = input;
  const history = decideHistory(
    month,
    input.answer,
    stored
      ? storedRowsFrom(stored.rows, lineDigits, account.currency)
      : storedRowsOf(input.dataBlock.values, month, lineDigits, cells),
    lookbackFirstDay(input.today),
    account.currency,
    stored && importedGroups(stored.counts, lineDigits),
  );
  const asOf = input.status === 'closed' ? null : Math.min(input.today, lastDay(month));
  // Units add up across currencies; the cost is the account's currency's, each other currency's is shown apart.
  const byCurrency = splitByCurrency(history.usage, account.currency);
  const metaFigures = {
    ...monthFigures(month, history.usage, asOf, projectionMethod),
    cost: sumCosts(byCurrency.main.map((r) => r.cost)),
  };
  // Meta gives no cost (partner credit line): the month is priced from the rate cards, if they cover it.
  const rateCard = metaFigures.cost === null ? input.rateCardCost(byCurrency.main) : null;
  const rateCardSource = rateCard && 'cost' in rateCard ? rateCard.source : null;
  const figures = rateCard && 'cost' in rateCard ? { ...metaFigures, cost: rateCard.cost } : metaFigures;
  const costSource = metaFigures.cost !== null ? input.metaCostSource : rateCardSource;
  const fresh = dataRowsOf(input.answer, lineLabels, account.currency);
  const monthRows = stored ? monthRowsAfterImport(stored.rows, lineDigits, history.kept, fresh) : null;
  const dataRows = monthRows
    ? { values: [], formats: [] }
    : rewriteBlock(input.dataBlock, month, lineDigits, fresh, input.nowMs, cells, history.keeps, (code) =>
        tierLabel(code, input.labels),
      );
  // The sheets keep the history notes in words (one cell each in the summary and the ledger).
  const historyText = history.notes.map(historyNoteText).join('; ');
  const historyNotes = historyText ? [historyText] : [];
  const otherCosts = byCurrency.others;
  const currencyNote = otherCosts.length ? otherCurrencyNote(otherCosts, account.currency) : null;
  if (currencyNote) historyNotes.push(otherCurrencyText(currencyNote));
  const budgets = budgetStatuses(
    month,
    history.usage,
    input.budgets,
    asOf,
    projectionMethod,
    lineDigits,
    input.budgetShares,
  );
  const key = monthKey(month);
  // The Billing sheet is the month's, whatever the lines: its cell was last written by the month's last import.
  const lastOfMonth = input.ledgerEntries.filter((e) => e.month === key).pop() ?? null;
  // The cost to allocate in another currency of the month follows that currency's Meta cost (row 15).
  const allocation = allocationCurrency(
    request.costCurrency,
    account.currency,
    otherCosts,
    month,
    input.scheduled,
  );
  const cost = costToAllocate(
    request.costToAllocate,
    input.summary.costCell,
    allocation.index < 0 ? figures.cost : otherCosts[allocation.index].cost,
    COST_CELL_A1,
    lastOfMonth,
    rateCardSource !== null,
    costCellFormula(allocation.index),
  );
  const summary = summaryPlan(
    {
      month,
      figures,
      status: input.status,
      currency: account.currency,
      costToAllocateCell: cost.cell,
      rateCardSource,
      otherCosts,
      allocationCurrency: allocation.currency,
      projectionMethod,
      importedAt: cells.makeDate(input.nowMs),
      lineLabels: lines,
      accountLines: account.lines.map((l) => l.displayPhoneNumber),
      wabaLabel: `${account.wabaName} (${account.wabaId})`,
      groups: request.groups?.range ?? null,
      campaigns: request.campaigns?.range ?? null,
      atomContactsCell: input.atomContactsCell,
      groupRows: request.groups?.rows ?? 0,
      campaignRows: request.campaigns?.rows ?? 0,
      historyNotes,
      budgets,
      monthRows,
      makeDate: cells.makeDate,
      midnightOf: (iso) => {
        const [y, m, d] = iso.split('-').map(Number);
        return cells.calendar.instantOf(y, m, d);
      },
    },
    input.labels,
    input.summary.used,
  );
  const previous = previousImport(input.ledgerEntries, key, account.wabaId, lines);
  const ledgerEntry: LedgerEntry = {
    importedAtMs: input.nowMs,
    user: input.user,
    month: key,
    wabaId: account.wabaId,
    lines,
    rowsWritten: fresh.length,
    billedUnits: figures.billedUnits,
    cost: figures.cost,
    costSource: costSource ?? '',
    currency: account.currency,
    status: input.status,
    ...drift(figures, previous),
    scheduled: input.scheduled,
    notes: historyNotes.join('. '),
    costToAllocate: cost.value,
    costToAllocateSource: cost.source,
  };
  const notes: CardNote[] = [...history.notes];
  if (currencyNote) notes.push(currencyNote);
  if (cost.source === 'kept') notes.push({ code: 'costKept', cell: `${input.summary.name}!${COST_CELL_A1}` });
  if (rateCardSource) notes.push({ code: 'rateCardPriced', source: rateCardSource });
  if (rateCard && 'problem' in rateCard)
    notes.push({
      code: 'rateCardProblem',
      problem: rateCard.problem,
      ...(rateCard.note && { detail: rateCard.note }),
    });
  return {
    dataRows,
    monthRows,
    summary,
    ledgerEntry,
    budgets,
    card: {
      month: key,
      status: input.status,
      pricingModel: figures.pricingModel,
      billedUnits: figures.billedUnits,
      cost: figures.cost,
      costSource,
      currency: account.currency,
      otherCosts,
      costToAllocate: cost.value,
      costToAllocateCurrency: allocation.currency,
      costToAllocateSource: cost.source,
      projection: figures.projection,
      projectionMethod,
      rowsWritten: fresh.length,
      previous: previous && { billedUnits: previous.billedUnits, cost: previous.cost },
      importedAt: new Date(input.nowMs).toISOString(),
      daily: figures.daily.map((d) => ({ ...d })),
      notes,
    },
  };
}

/** Said on the card (worded by the sidebar), under the Billing sheet's title and in the ledger. */
function otherCurrencyNote(
  others: readonly CurrencyCost[],
  main: string,
): CardNote & { code: 'otherCurrencies' } {
  return {
    code: 'otherCurrencies',
    others: others.map((o) => `${o.cost ?? '-'} ${o.currency}`).join(', '),
    main,
  };
}

function otherCurrencyText(note: { others: string; main: string }): string {
  return (
    `Meta billed part of this month in another currency: ${note.others} — never added to the ${note.main} cost ` +
    '(an account migrated to a new currency, or a second Messaging Account)'
  );
}

/** The cost to allocate's currency: the account's (index -1), or one of the month's other currencies. */
function allocationCurrency(
  requested: string | null,
  main: string,
  others: readonly CurrencyCost[],
  month: CalendarMonth,
  /** The daily refresh reuses the last choice: a month without that currency uses the account's. */
  remembered: boolean,
): { currency: string; index: number } {
  const index = others.findIndex((o) => o.currency === requested);
  if (!requested || requested === main || (index < 0 && remembered)) return { currency: main, index: -1 };
  if (index < 0) {
    throw new MonthCloseInputError(
      `${monthKey(month)} has no Meta cost in ${requested} — its currencies are ` +
        `${[main, ...others.map((o) => o.currency)].join(', ')}; choose one of them for the cost to allocate`,
    );
  }
  return { currency: requested, index };
}
