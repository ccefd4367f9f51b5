/**
 * One month-close import: check the request, take the document lock, fetch the month from Meta (one fetchAll),
 * read what the sheets hold, compute everything, and only then write — "Meta data", "Billing YYYY-MM", then the
 * "Imports" ledger last, so a failure before writing changes nothing and a failure while writing leaves no ledger
 * row and is repaired by running the import again (every write is idempotent).
 */
import { UserFacingError } from '../../core/errors';
import {
  assertStarted,
  type AtomRange,
  type CalendarMonth,
  type CellCalendar,
  columnLetters,
  DATA_SHEET,
  dataSheetChange,
  keepStoredHistory,
  LEDGER_SHEET,
  ledgerChange,
  META_LOOKBACK_DAYS,
  storedMonthRows,
  summarySheetChange,
  checkedCostToAllocate,
  checkedProjectionMethod,
  costToAllocate,
  dataRowsOf,
  digitsOf,
  drift,
  firstDay,
  lastDay,
  type LedgerEntry,
  ledgerRow,
  MonthCloseInputError,
  monthCloseLabels,
  monthFigures,
  monthKey,
  monthStatus,
  otherMonthNotes,
  parseAtomRange,
  parseMonth,
  previousImport,
  rangeA1,
  summaryPlan,
} from '../../month-close';
import { atomRangesFor, readMonthRanges } from '../atom/settings';
import { addDays, dayKeyAt, dayKeyToIso } from '../../core/time';
import {
  cellsAdded,
  checkPropertyValue,
  checkRowTexts,
  checkTimeLeft,
  type Grid,
} from '../../core/write-plan/limits';
import { checkCellsAdded } from '../shared/grids';
import { writtenSheet } from '../shared/narrow-sheet';
import { ZoneCalendar } from '../../core/zone-calendar';
import {
  type AnalyticsRow,
  createGraphClient,
  META_COST_SOURCE,
  MetaError,
  MetaNotConnectedError,
  type PhoneLine,
  redact,
  resolveWabaTimeZone,
  SIDEBAR_BUDGET_MS,
} from '../../meta';
import { rateCardMonthCost, RateLookupError } from '../../rates';
import type { MonthCloseResult, RunMonthCloseRequest, SheetRangeRef } from '../../rpc/contract';
import { readRateBook } from '../rates/rate-card-sheet';
import { readConnection, type StoredConnection } from '../shared/connection-store';
import { appsScriptGraphPorts } from '../meta/graph-ports';
import { planDataSheet, readDataSheet, writeDataSheet } from './data-sheet-io';
import { appendLedgerRow, readLedgerSheet } from './ledger-io';
import { progressReporter, readProgress } from './progress';
import { readGraceDays, writeRememberedRequest } from './settings-store';
import { ATOM_CONTACTS_A1, COST_CELL_A1, readSummarySheet, writeSummarySheet } from './summary-sheet-io';

/** How long a second import waits for the first to finish. */
const LOCK_WAIT_MS = 30_000;

export class MonthCloseBusyError extends UserFacingError {
  constructor() {
    super('Another import is running in this spreadsheet — try again when it has finished');
    this.name = 'MonthCloseBusyError';
  }
}

export class MonthCloseWriteError extends UserFacingError {
  constructor(detail: string) {
    super(
      `Writing the sheets failed part-way (${detail}) — nothing was added to the Imports ledger; run the import ` +
        'again to repair the sheets',
    );
    this.name = 'MonthCloseWriteError';
  }
}

export interface ImportContext {
  /** Who the ledger names: the user at the keyboard, or the trigger's owner for a scheduled run. */
  user: string;
  scheduled: boolean;
}

interface CheckedRequest {
  month: CalendarMonth;
  lines: PhoneLine[];
  groups: { ref: SheetRangeRef; range: AtomRange; rows: number } | null;
  campaigns: { ref: SheetRangeRef; range: AtomRange; rows: number } | null;
  costToAllocate: number | null;
  projectionMethod: ReturnType<typeof checkedProjectionMethod>;
}

export function importMonth(request: RunMonthCloseRequest, context: ImportContext): MonthCloseResult {
  const startedAtMs = Date.now();
  const connection = readConnection();
  if (!connection) throw new MonthCloseInputError(`Not connected: ${new MetaNotConnectedError().message}`);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const checked = checkRequest(request, connection, spreadsheet);
  const progress = progressReporter(context.user);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(0)) {
    // The progress key is per user: when the import holding the lock is this user's own (a second tab), its
    // progress stays on show rather than being replaced by this one's wait and then wiped by its failure.
    const ownImportRunning = readProgress(context.user) !== null;
    if (!ownImportRunning) progress.report('waiting', 0);
    if (!lock.tryLock(LOCK_WAIT_MS)) {
      if (!ownImportRunning) progress.clear();
      throw new MonthCloseBusyError();
    }
  }
  try {
    return runLocked(checked, connection, spreadsheet, context, progress, startedAtMs);
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    throw new Error(redact(e instanceof Error ? e.message : String(e), connection.token), { cause: e });
  } finally {
    progress.clear();
    try {
      lock.releaseLock();
    } catch {
      // The import is committed (or already failed); Apps Script releases the lock when the execution ends.
    }
  }
}

function runLocked(
  checked: CheckedRequest,
  connection: StoredConnection,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  context: ImportContext,
  progress: ReturnType<typeof progressReporter>,
  startedAtMs: number,
): MonthCloseResult {
  const { month } = checked;
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  const zone = resolveWabaTimeZone(connection.timezoneId, sheetZone);
  const now = Date.now();
  assertStarted(month, now, zone.timeZone);

  progress.report('fetching', 1);
  const today = dayKeyAt(now, zone.timeZone);
  const client = createGraphClient(connection, appsScriptGraphPorts());
  let rows;
  try {
    rows = client.fetchAnalytics(
      {
        fromDay: firstDay(month),
        // Days to come have no data yet: the open month is asked up to today.
        toDay: Math.min(lastDay(month), today),
        zone,
        granularity: 'DAILY',
        lines: checked.lines.map((l) => l.displayPhoneNumber),
      },
      { deadlineAt: now + SIDEBAR_BUDGET_MS },
    ).rows;
  } catch (e) {
    if (e instanceof MetaError) throw new MetaError(`Nothing was imported: ${e.message}`, e.graphCode);
    throw e;
  }

  progress.report('computing', 2);
  const calendar = new ZoneCalendar(sheetZone);
  const cells: CellCalendar = { calendar, makeDate: (ms) => new Date(ms) };
  const labels = monthCloseLabels(spreadsheet.getSpreadsheetLocale());
  const lineLabels = new Map(
    connection.lines.map((l) => [digitsOf(l.displayPhoneNumber), l.displayPhoneNumber]),
  );
  const fresh = dataRowsOf(rows, lineLabels, connection.currency);
  const dataRead = readDataSheet(spreadsheet, month, cells);
  const lineDigits = checked.lines.length
    ? new Set(checked.lines.map((l) => digitsOf(l.displayPhoneNumber)))
    : null;
  // Stored history is replaced only where Meta still has the data (stored-history.ts).
  const history = keepStoredHistory(
    month,
    storedMonthRows(dataRead.values, month, lineDigits, cells),
    fresh,
    dayKeyToIso(addDays(today, -META_LOOKBACK_DAYS)),
  );
  const monthRows = [...rows, ...history.kept.map((r) => ({ ...r, start: 0, end: 0 }))];
  const status = monthStatus(month, now, zone.timeZone, readGraceDays());
  const asOf = status === 'closed' ? null : Math.min(today, lastDay(month));
  const metaFigures = monthFigures(month, monthRows, asOf, checked.projectionMethod);
  // Meta gives no cost (partner credit line): the month is priced from the rate cards, if they cover it.
  const rateCard = metaFigures.cost === null ? rateCardCostOf(monthRows, connection.currency) : null;
  const figures = rateCard && 'cost' in rateCard ? { ...metaFigures, cost: rateCard.cost } : metaFigures;
  const rateCardSource = rateCard && 'cost' in rateCard ? rateCard.source : null;
  const costSource = metaFigures.cost !== null ? META_COST_SOURCE : rateCardSource;
  const dataPlan = planDataSheet(dataRead, month, lineDigits, fresh, now, cells, history.keptDays);
  const summaryRead = readSummarySheet(spreadsheet, month);
  const cost = costToAllocate(checked.costToAllocate, summaryRead.costCell, figures.cost, COST_CELL_A1);
  const importedAt = new Date(now);
  const plan = summaryPlan(
    {
      month,
      figures,
      status,
      currency: connection.currency,
      costToAllocateCell: cost.cell,
      rateCardSource,
      historyNote: history.note,
      projectionMethod: checked.projectionMethod,
      importedAt,
      lineLabels: checked.lines.map((l) => l.displayPhoneNumber),
      wabaLabel: `${connection.wabaName} (${connection.wabaId})`,
      groups: checked.groups?.range ?? null,
      campaigns: checked.campaigns?.range ?? null,
      atomContactsCell: ATOM_CONTACTS_A1,
      groupRows: checked.groups?.rows ?? 0,
      campaignRows: checked.campaigns?.rows ?? 0,
      makeDate: cells.makeDate,
      midnightOf: (iso) => {
        const [y, m, d] = iso.split('-').map(Number);
        return calendar.instantOf(y, m, d);
      },
    },
    labels,
    summaryRead.used,
  );
  const ledgerRead = readLedgerSheet(spreadsheet, calendar);
  const lineNumbers = checked.lines.map((l) => l.displayPhoneNumber);
  const previous = previousImport(ledgerRead.entries, monthKey(month), connection.wabaId, lineNumbers);
  const entry: LedgerEntry = {
    importedAtMs: now,
    user: context.user,
    month: monthKey(month),
    wabaId: connection.wabaId,
    lines: lineNumbers,
    rowsWritten: fresh.length,
    billedUnits: figures.billedUnits,
    cost: figures.cost,
    costSource: costSource ?? '',
    currency: connection.currency,
    status,
    ...drift(figures, previous),
    scheduled: context.scheduled,
    note: history.note ?? '',
  };
  const remembered = {
    lines: lineNumbers,
    groups: checked.groups?.ref ?? null,
    campaigns: checked.campaigns?.ref ?? null,
    projectionMethod: checked.projectionMethod,
  };
  checkPlan(spreadsheet, {
    month,
    data: { read: dataRead, rows: dataPlan.rows.values },
    summary: { read: summaryRead, values: plan.values },
    ledger: { read: ledgerRead, row: ledgerRow(entry, labels, cells.makeDate) },
    remembered: JSON.stringify(remembered),
    elapsedMs: Date.now() - startedAtMs,
  });

  const notes: string[] = history.note ? [history.note] : [];
  if (cost.source === 'kept') {
    notes.push(`The cost to allocate typed in ${summaryRead.name}!${COST_CELL_A1} was kept`);
  }
  if (rateCardSource)
    notes.push(
      `Meta gives no cost for this account (partner credit line): priced from the ${rateCardSource}`,
    );
  notes.push(
    ...otherMonthNotes(checked.groups?.ref, checked.campaigns?.ref, monthKey(month), readMonthRanges()),
  );
  if (rateCard && 'problem' in rateCard) {
    notes.push(`Meta gives no cost for this account (partner credit line), and ${rateCard.problem}`);
  }

  progress.report('writing', 3);
  // The ledger row is the commit: the last call that can fail the import, so a failure anywhere before it adds no
  // row, and a re-run repairs the sheets (every write before it is idempotent).
  let sheets;
  try {
    const data = writtenSheet(writeDataSheet(spreadsheet, dataPlan, labels));
    const summary = writtenSheet(writeSummarySheet(spreadsheet, summaryRead, plan));
    writeRememberedRequest(remembered);
    // Pending writes fail here, if they do, rather than after the ledger row.
    SpreadsheetApp.flush();
    const ledger = appendLedgerRow(spreadsheet, ledgerRead, entry, labels, cells.makeDate);
    sheets = { data, summary, ledger };
  } catch (e) {
    throw new MonthCloseWriteError(redact(e instanceof Error ? e.message : String(e), connection.token));
  }
  progress.report('done', 4);

  return {
    month: monthKey(month),
    status,
    pricingModel: figures.pricingModel,
    billedUnits: figures.billedUnits,
    cost: figures.cost,
    costSource,
    currency: connection.currency,
    costToAllocate: cost.value,
    costToAllocateSource: cost.source,
    projection: figures.projection,
    projectionMethod: checked.projectionMethod,
    rowsWritten: fresh.length,
    previous: previous ? { billedUnits: previous.billedUnits, cost: previous.cost } : null,
    sheets,
    importedAt: importedAt.toISOString(),
    daily: figures.daily.map((d) => ({ ...d })),
    notes,
  };
}

/**
 * Writes modelled at ~7 ms a Spreadsheet call (Google's best-practices measurement) for a few dozen calls, with a
 * wide margin: Sheets' own time to store a large block is not published.
 */
const WRITES_NEED_MS = 60_000;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const gridOf = (sheet: Sheet | null): Grid | null =>
  sheet && { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };

/**
 * The plan is checked against Apps Script's limits before its first write, so a refusal leaves every sheet as it
 * was: the cells the three sheets add, every text cell, the remembered request's property and the time left.
 */
function checkPlan(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: {
    month: CalendarMonth;
    data: { read: ReturnType<typeof readDataSheet>; rows: unknown[][] };
    summary: { read: ReturnType<typeof readSummarySheet>; values: unknown[][] };
    ledger: { read: ReturnType<typeof readLedgerSheet>; row: unknown[] };
    remembered: string;
    elapsedMs: number;
  },
): void {
  const what = `The month close of ${monthKey(plan.month)}`;
  const { data, summary, ledger } = plan;
  const cell = (sheet: string, firstRow: number) => (r: number, c: number) =>
    `${what}: ${sheet}!${columnLetters(c + 1)}${firstRow + r}`;
  checkRowTexts(data.rows, cell(DATA_SHEET, 2 + data.read.block.start));
  checkRowTexts(summary.values, cell(summary.read.name, 1));
  checkRowTexts([ledger.row], cell(LEDGER_SHEET, ledger.read.next.row));
  checkPropertyValue(`${what}: the request remembered for the next import`, plan.remembered);
  const added = cellsAdded([
    dataSheetChange({
      grid: gridOf(data.read.sheet),
      block: data.read.block,
      dataRows: data.read.dataRows,
      newLength: data.rows.length,
    }),
    summarySheetChange(gridOf(summary.read.sheet), {
      rows: summary.values.length,
      columns: summary.values[0].length,
    }),
    ledgerChange(gridOf(ledger.read.sheet), ledger.read.next.row),
  ]);
  checkCellsAdded(spreadsheet, what, added, '');
  checkTimeLeft(what, plan.elapsedMs, WRITES_NEED_MS);
}

/** The month priced from the imported rate cards, or why it cannot be (no card covering a day, an n/a rate). */
function rateCardCostOf(
  rows: readonly AnalyticsRow[],
  currency: string,
): { cost: number; source: string } | { problem: string } {
  try {
    return rateCardMonthCost(rows, readRateBook(), currency);
  } catch (e) {
    if (e instanceof RateLookupError) return { problem: e.message };
    throw e;
  }
}

function checkRequest(
  request: RunMonthCloseRequest,
  connection: StoredConnection,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): CheckedRequest {
  if (!request || typeof request !== 'object') throw new MonthCloseInputError('Choose a month to import');
  const month = parseMonth(request.month);
  // Without ranges of their own, the split reads the month's tables written by the Atom import (if any).
  const atom = atomRangesFor(monthKey(month));
  return {
    month,
    lines: checkedLines(request.lines, connection.lines),
    groups: checkedAtomRange('groups', currentAtomTable('groups', request.groups, atom?.groups), spreadsheet),
    campaigns: checkedAtomRange(
      'campaigns',
      currentAtomTable('campaigns', request.campaigns, atom?.campaigns),
      spreadsheet,
    ),
    costToAllocate: checkedCostToAllocate(request.costToAllocate),
    projectionMethod: checkedProjectionMethod(request.projectionMethod),
  };
}

function checkedLines(requested: unknown, lines: readonly PhoneLine[]): PhoneLine[] {
  if (requested === undefined || requested === null) return [];
  if (!Array.isArray(requested)) throw new MonthCloseInputError('The lines must be a list of phone numbers');
  const picked: PhoneLine[] = [];
  for (const phone of requested) {
    const digits = digitsOf(String(phone ?? ''));
    if (!digits) continue;
    const line = lines.find((l) => digitsOf(l.displayPhoneNumber) === digits);
    if (!line) {
      throw new MonthCloseInputError(
        `${String(phone).slice(0, 30)} is not a phone number of the connected WhatsApp Business Account`,
      );
    }
    if (!picked.includes(line)) picked.push(line);
  }
  // Every line picked is the same as none picked: the whole account.
  return picked.length === lines.length ? [] : picked;
}

/**
 * A range the sidebar remembered may be the month's own Atom table as it was before a later export grew it: the
 * table's current extent wins, so the split never silently leaves the added groups out.
 */
function currentAtomTable(
  what: 'groups' | 'campaigns',
  requested: SheetRangeRef | null | undefined,
  table: SheetRangeRef | null | undefined,
): SheetRangeRef | null | undefined {
  if (requested === undefined || requested === null) return table;
  if (!table || (!requested.sheet && !requested.range)) return requested;
  const asked = parseAtomRange(what, requested.sheet, requested.range);
  const current = parseAtomRange(what, table.sheet, table.range);
  const sameTable =
    asked.sheet.toLowerCase() === current.sheet.toLowerCase() &&
    asked.column === current.column &&
    asked.firstRow === current.firstRow;
  return sameTable ? table : requested;
}

function checkedAtomRange(
  what: 'groups' | 'campaigns',
  ref: SheetRangeRef | null | undefined,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): CheckedRequest['groups'] {
  if (!ref || (!ref.sheet && !ref.range)) return null;
  const range = parseAtomRange(what, ref.sheet, ref.range);
  const sheet = spreadsheet.getSheetByName(range.sheet);
  if (!sheet) throw new MonthCloseInputError(`The ${what} sheet "${range.sheet}" does not exist`);
  const bottom = range.lastRow ?? Math.max(sheet.getLastRow(), range.firstRow + 1);
  if (bottom > sheet.getMaxRows() || range.column + 1 > sheet.getMaxColumns()) {
    throw new MonthCloseInputError(
      `The ${what} range ${rangeA1(range)} is outside the sheet "${range.sheet}"`,
    );
  }
  return { ref: { sheet: range.sheet, range: rangeA1(range) }, range, rows: bottom - range.firstRow };
}
