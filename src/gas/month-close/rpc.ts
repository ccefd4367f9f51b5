/** Sidebar calls of the month close: setup, the import, its progress, the grace, sheet links (the daily refresh: daily-refresh.ts). */
import {
  checkedGraceDays,
  defaultMonth,
  latestPerMonth,
  type LedgerEntry,
  monthKey,
} from '../../month-close';
import { ZoneCalendar } from '../../core/zone-calendar';
import { UserFacingError } from '../../core/errors';
import type {
  MonthCloseProgress,
  MonthCloseResult,
  MonthCloseSetup,
  MonthImportEntry,
  RunMonthCloseRequest,
  ServerErrorNote,
} from '../../rpc/contract';
import { currentUserEmail, requireAdmin } from '../shared/admins';
import { atomRangesFor, readMonthRanges } from '../atom/settings';
import { accountsOf, readAdmins, readConnection } from '../shared/connection-store';
import { dailyRefreshState } from './daily-refresh';
import { importMonth } from './import';
import { readLedgerSheet } from './ledger-io';
import { readProgress } from './progress';
import { readGraceDays, readRememberedRequest, writeGraceDays } from './settings-store';

/** Months the setup lists (the latest import of each). */
const LAST_IMPORTS = 12;

function entryView(e: LedgerEntry): MonthImportEntry {
  return {
    importedAt: new Date(e.importedAtMs).toISOString(),
    user: e.user,
    month: e.month,
    wabaId: e.wabaId,
    lines: [...e.lines],
    rowsWritten: e.rowsWritten,
    billedUnits: e.billedUnits,
    cost: e.cost,
    status: e.status,
    deltaUnits: e.deltaUnits,
    deltaCost: e.deltaCost,
    scheduled: e.scheduled,
    costToAllocate: e.costToAllocate,
    costToAllocateSource: e.costToAllocateSource,
  };
}

export function getMonthCloseSetup(): MonthCloseSetup {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const connection = readConnection();
  const remembered = readRememberedRequest();
  const ledger = readLedgerSheet(spreadsheet, new ZoneCalendar(timeZone));
  const month = monthKey(defaultMonth(Date.now(), timeZone));
  const atom = atomRangesFor(month);
  return {
    defaultMonth: month,
    timeZone,
    connected: connection !== null,
    currency: connection?.currency ?? '',
    currencies: connection ? [...new Set(accountsOf(connection).map((a) => a.currency))] : [],
    lines: (connection?.lines ?? []).map((l) => ({ ...l })),
    // The default month's Atom tables (from the Atom import) first: the last request's ranges may be another month's.
    groups: atom?.groups ?? remembered.groups,
    campaigns: atom?.campaigns ?? remembered.campaigns,
    atomRanges: Object.fromEntries(
      Object.entries(readMonthRanges()).map(([m, r]) => [m, { groups: r.groups, campaigns: r.campaigns }]),
    ),
    lastImports: latestPerMonth(ledger.entries, LAST_IMPORTS).map(entryView),
    dailyRefresh: dailyRefreshState(),
    graceDays: readGraceDays(),
    isAdmin: readAdmins().includes(currentUserEmail()),
  };
}

export function runMonthClose(request: RunMonthCloseRequest): MonthCloseResult {
  return importMonth(request, { user: currentUserEmail(), scheduled: false, executionStartedAt: Date.now() });
}

export function getMonthCloseProgress(): MonthCloseProgress | null {
  return readProgress(currentUserEmail());
}

export function setConsolidationGrace(days: number): number {
  requireAdmin(readAdmins(), false);
  const checked = checkedGraceDays(days);
  writeGraceDays(checked);
  return checked;
}

export function activateSheet(sheetId: number): null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheets().find((s) => s.getSheetId() === sheetId);
  if (!sheet)
    throw new UserFacingError('That sheet no longer exists — run the import again', {
      code: 'sheetGone',
    } satisfies ServerErrorNote);
  sheet.activate();
  return null;
}
