/**
 * One month-close import: check the request, take the document lock, fetch the month from Meta (one fetchAll),
 * read what the sheets hold, compute everything, and only then write — "Meta data", "Billing YYYY-MM", then the
 * "Imports" ledger last, so a failure before writing changes nothing and a failure while writing leaves no ledger
 * row and is repaired by running the import again (every write is idempotent). With the history in BigQuery the
 * month's stored rows come from there and go back there (bigquery-history.ts) before the sheets; no "Meta data".
 */
import {
  assertStarted,
  type AtomRange,
  type CalendarMonth,
  type CellCalendar,
  checkedCostToAllocate,
  checkedProjectionMethod,
  digitsOf,
  firstDay,
  lastDay,
  ledgerRow,
  type MetaUsageRow,
  MonthCloseInputError,
  monthCloseLabels,
  monthKey,
  monthStatus,
  parseAtomRange,
  parseMonth,
  planMonthClose,
  rangeA1,
  type RateCardCost,
  otherMonthNotes,
  type CardNote,
  storedCountsToRead,
} from '../../month-close';
import { writtenSheet } from '../shared/narrow-sheet';
import { UserFacingError } from '../../core/errors';
import { atomRangesFor, readMonthRanges } from '../atom/settings';
import { writeReconciliationColumn } from '../atom/reconciliation-column';
import { metaDailyUnits } from '../../atom';
import { addDays, dayKeyAt, startOfDay } from '../../core/time';
import { ZoneCalendar } from '../../core/zone-calendar';
import {
  createGraphClient,
  MetaError,
  MetaNotConnectedError,
  redact,
  resolveWabaTimeZone,
  SIDEBAR_BUDGET_MS,
  type PhoneLine,
  META_COST_SOURCE,
} from '../../meta';
import { rateCardMonthCost, RateLookupError } from '../../rates';
import type {
  MonthCloseResult,
  RunMonthCloseRequest,
  ServerErrorNote,
  SheetRangeRef,
} from '../../rpc/contract';
import { readRateBook } from '../rates/rate-card-sheet';
import { accountsOf, readConnection, type StoredConnection } from '../shared/connection-store';
import { appsScriptGraphPorts } from '../meta/graph-ports';
import { readBigQueryHistory, storedMonth, storeBigQueryMonth } from './bigquery-history';
import { syncBigQueryLedger } from './bigquery-ledger';
import { readDataSheet, writeDataSheet } from './data-sheet-io';
import { appendLedgerRow, readLedgerSheet } from './ledger-io';
import { progressReporter, readProgress } from './progress';
import {
  readGraceDays,
  rememberedRequestValue,
  writeRememberedRequest,
  type RememberedRequest,
} from './settings-store';
import { checkPlan } from './plan-check';
import { alertBudgets } from './budget-alerts';
import { readBudgetShares } from './budget-shares';
import { readBudgets } from './budget-store';
import { ATOM_CONTACTS_A1, readSummarySheet, writeSummarySheet } from './summary-sheet-io';

/** How long a second import waits for the first to finish. */
const LOCK_WAIT_MS = 30_000;

export class MonthCloseBusyError extends UserFacingError {
  constructor() {
    super('Another import is running in this spreadsheet — try again when it has finished', {
      code: 'importRunning',
    } satisfies ServerErrorNote);
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
  /**
   * When the execution began (its 6 minutes run from there): the daily refresh imports two months in one execution,
   * so the second has less time left than a fresh one.
   */
  executionStartedAt: number;
}

interface CheckedRequest {
  month: CalendarMonth;
  lines: PhoneLine[];
  groups: { ref: SheetRangeRef; range: AtomRange; rows: number } | null;
  campaigns: { ref: SheetRangeRef; range: AtomRange; rows: number } | null;
  costToAllocate: number | null | undefined;
  costCurrency: string | null;
  projectionMethod: ReturnType<typeof checkedProjectionMethod>;
}

export function importMonth(request: RunMonthCloseRequest, context: ImportContext): MonthCloseResult {
  const connection = readConnection();
  if (!connection)
    throw new MonthCloseInputError(`Not connected: ${new MetaNotConnectedError().message}`, {
      code: 'notConnected',
    } satisfies ServerErrorNote);
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
    return runLocked(checked, connection, spreadsheet, context, progress);
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
): MonthCloseResult {
  const { month } = checked;
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  const zone = resolveWabaTimeZone(connection.timezoneId, sheetZone);
  const now = Date.now();
  assertStarted(month, now, zone.timeZone);

  progress.report('fetching', 1);
  const today = dayKeyAt(now, zone.timeZone);
  const query = {
    fromDay: firstDay(month),
    // Days to come have no data yet: the open month is asked up to today.
    toDay: Math.min(lastDay(month), today),
    zone,
    granularity: 'DAILY' as const,
    lines: checked.lines.map((l) => l.displayPhoneNumber),
  };
  let rows: MetaUsageRow[];
  const skipped: CardNote[] = [];
  try {
    // The connected account, then those it replaced on these numbers: their rows in their own currency.
    rows = accountsOf(connection).flatMap((account, i) => {
      const fetch = () =>
        createGraphClient(account, appsScriptGraphPorts()).fetchAnalytics(query, {
          deadlineAt: now + SIDEBAR_BUDGET_MS,
        }).rows;
      if (!i) return fetch();
      try {
        return fetch().map((r) => ({ ...r, currency: account.currency }));
      } catch (e) {
        // Meta deprecates the account a migration leaves: without its answer its stored rows stay (never summed).
        if (!(e instanceof MetaError)) throw e;
        skipped.push({
          code: 'formerAccountSilent',
          waba: account.wabaId,
          currency: account.currency,
          detail: e.message,
        });
        return [];
      }
    });
  } catch (e) {
    if (e instanceof MetaError)
      throw new MetaError(`Nothing was imported: ${e.message}`, e.graphCode, {
        code: 'nothingImported',
        ...(e.note && { cause: e.note }),
        message: e.message,
      });
    throw e;
  }

  progress.report('computing', 2);
  const calendar = new ZoneCalendar(sheetZone);
  const cells: CellCalendar = { calendar, makeDate: (ms) => new Date(ms) };
  const labels = monthCloseLabels(spreadsheet.getSpreadsheetLocale());
  const bigQuery = readBigQueryHistory(monthKey(month), now + SIDEBAR_BUDGET_MS);
  const dataRead = bigQuery ? null : readDataSheet(spreadsheet, month, cells);
  const summaryRead = readSummarySheet(spreadsheet, month);
  const ledgerRead = readLedgerSheet(spreadsheet, calendar);
  const budgets = readBudgets(connection.wabaId);
  const plan = planMonthClose({
    request: checked,
    nowMs: now,
    today,
    status: monthStatus(month, now, zone.timeZone, readGraceDays()),
    account: connection,
    answer: rows,
    rateCardCost: (usage) => rateCardCostOf(usage, zone.timeZone, connection.currency),
    metaCostSource: META_COST_SOURCE,
    dataBlock: dataRead ?? { values: [], formats: [] },
    ...(bigQuery && {
      stored: storedMonth(
        bigQuery,
        spreadsheet,
        month,
        cells,
        connection.currency,
        (counts) => storedCountsToRead(month, rows, counts, checked.lines, today, connection.currency),
        now + SIDEBAR_BUDGET_MS,
      ),
    }),
    summary: summaryRead,
    ledgerEntries: ledgerRead.entries,
    budgets,
    budgetShares: readBudgetShares(spreadsheet, budgets, {
      group: checked.groups,
      campaign: checked.campaigns,
    }),
    atomContactsCell: ATOM_CONTACTS_A1,
    user: context.user,
    scheduled: context.scheduled,
    labels,
    cells,
  });
  const remembered: RememberedRequest = {
    lines: plan.ledgerEntry.lines,
    groups: checked.groups?.ref ?? null,
    campaigns: checked.campaigns?.ref ?? null,
    projectionMethod: checked.projectionMethod,
    costCurrency:
      plan.card.costToAllocateCurrency === connection.currency ? null : plan.card.costToAllocateCurrency,
  };
  checkPlan(
    spreadsheet,
    { data: dataRead, summary: summaryRead, ledger: ledgerRead },
    plan,
    ledgerRow(plan.ledgerEntry, labels, cells.makeDate),
    rememberedRequestValue(remembered),
    context.executionStartedAt,
  );

  const notes = [
    ...skipped,
    ...plan.card.notes,
    ...otherMonthNotes(checked.groups?.ref, checked.campaigns?.ref, monthKey(month), readMonthRanges()),
  ];

  progress.report('writing', 3);
  // Before the sheets: a failed load leaves BigQuery's month as it was and no sheet touched. An empty answer from
  // Meta changes nothing there (the stored rows stay as they are).
  if (bigQuery && plan.monthRows?.length && rows.length)
    storeBigQueryMonth(
      bigQuery,
      plan.card.month,
      plan.monthRows,
      connection.currency,
      `${spreadsheet.getId()}|${ledgerRead.entries.length}`,
      now + SIDEBAR_BUDGET_MS,
    );
  // The ledger row is the commit: the last call that can fail the import, so a failure anywhere before it adds no
  // row, and a re-run repairs the sheets (every write before it is idempotent).
  let sheets;
  try {
    const data =
      dataRead && writtenSheet(writeDataSheet(spreadsheet, { read: dataRead, rows: plan.dataRows }, labels));
    const summarySheet = writeSummarySheet(spreadsheet, summaryRead, plan.summary);
    // The Atom block's Meta column reads no "Meta data" in BigQuery mode: the month's rows as values.
    if (bigQuery)
      writeReconciliationColumn(summarySheet, plan.card.month, 'meta', () =>
        metaDailyUnits(plan.monthRows ?? []),
      );
    const summary = writtenSheet(summarySheet);
    writeRememberedRequest(remembered);
    // Pending writes fail here, if they do, rather than after the ledger row.
    SpreadsheetApp.flush();
    const ledger = appendLedgerRow(spreadsheet, ledgerRead, plan.ledgerEntry, labels, cells.makeDate);
    sheets = { ...(data && { data }), summary, ledger };
  } catch (e) {
    throw new MonthCloseWriteError(redact(e instanceof Error ? e.message : String(e), connection.token));
  }
  // After the commit: the ledger row the alerts are noted in exists.
  if (context.scheduled) {
    const ledger = { row: ledgerRead.next.row, notes: plan.ledgerEntry.notes };
    alertBudgets(spreadsheet, month, plan.budgets, connection.currency, ledger);
  }
  if (bigQuery) syncBigQueryLedger(now + SIDEBAR_BUDGET_MS);
  progress.report('done', 4);
  return { ...plan.card, notes, sheets, ...(bigQuery && { bytesProcessed: bigQuery.bytesProcessed }) };
}

/** The month priced from the imported rate cards, or why it cannot be (no card covering a day, an n/a rate). */
function rateCardCostOf(rows: readonly MetaUsageRow[], timeZone: string, currency: string): RateCardCost {
  try {
    return rateCardMonthCost(
      // As Meta's buckets (a stored row has none): the rate cards price by day, country and category.
      rows.map((r) => {
        const day = Number(r.day.replace(/-/g, ''));
        return {
          ...r,
          start: startOfDay(day, timeZone) / 1000,
          end: startOfDay(addDays(day, 1), timeZone) / 1000,
        };
      }),
      readRateBook(),
      currency,
    );
  } catch (e) {
    if (e instanceof RateLookupError) return { problem: e.message, note: e.note };
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
    costCurrency:
      String(request.costCurrency ?? '')
        .trim()
        .toUpperCase() || null,
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
  if (!sheet)
    throw new MonthCloseInputError(`The ${what} sheet "${range.sheet}" does not exist`, {
      code: 'noSheet',
      what,
      sheet: range.sheet,
    } satisfies ServerErrorNote);
  const bottom = range.lastRow ?? Math.max(sheet.getLastRow(), range.firstRow + 1);
  if (bottom > sheet.getMaxRows() || range.column + 1 > sheet.getMaxColumns()) {
    throw new MonthCloseInputError(
      `The ${what} range ${rangeA1(range)} is outside the sheet "${range.sheet}"`,
      {
        code: 'rangeOutside',
        what,
        range: rangeA1(range),
        sheet: range.sheet,
      } satisfies ServerErrorNote,
    );
  }
  return { ref: { sheet: range.sheet, range: rangeA1(range) }, range, rows: bottom - range.firstRow };
}
