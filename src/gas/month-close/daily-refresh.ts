/**
 * The daily refresh: one installable time-driven trigger per document that re-imports the months still open.
 * Installable triggers belong to the user who creates them, and an add-on may hold only one trigger of each type
 * per user and document (https://developers.google.com/workspace/add-ons/concepts/editor-triggers), so switching
 * on first deletes the caller's own trigger, and the document properties name the one trigger that counts: any
 * other (say another admin's, from before) deletes itself the next time it fires.
 */
import { UserFacingError } from '../../core/errors';
import { monthKey, monthOfDay, monthStatus, previousMonth } from '../../month-close';
import { dayKeyAt } from '../../core/time';
import { otherMonthOf } from '../../month-close';
import type {
  DailyRefreshState,
  MonthCloseResult,
  SetDailyRefreshRequest,
  SheetRangeRef,
  ServerErrorNote,
} from '../../rpc/contract';
import { readMonthRanges } from '../atom/settings';
import { currentUserEmail, requireAdmin } from '../shared/admins';
import { readAdmins } from '../shared/connection-store';
import { importMonth } from './import';
import { readGraceDays, readRefresh, readRememberedRequest, writeRefresh } from './settings-store';

/** The trigger's handler: a global of the entry file. */
export const REFRESH_HANDLER = 'runScheduledMonthClose';

export class DailyRefreshError extends UserFacingError {
  constructor(message: string, note?: ServerErrorNote) {
    super(message, note);
    this.name = 'DailyRefreshError';
  }
}

export function dailyRefreshState(): DailyRefreshState {
  const stored = readRefresh();
  return {
    enabled: stored !== null,
    hour: stored?.hour ?? null,
    timeZone: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
    canChange: readAdmins().includes(currentUserEmail()),
  };
}

function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).filter(
    (t) => t.getHandlerFunction() === REFRESH_HANDLER,
  );
}

function checkedHour(hour: unknown): number {
  if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new DailyRefreshError('Choose the hour of the daily refresh, 0 to 23');
  }
  return hour;
}

export function setDailyRefresh(request: SetDailyRefreshRequest): DailyRefreshState {
  const email = requireAdmin(readAdmins(), false);
  const enabled = request?.enabled === true;
  const hour = enabled ? checkedHour(request.hour) : null;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000))
    throw new DailyRefreshError('Someone else is changing the daily refresh — try again', {
      code: 'settingsBusy',
      what: 'dailyRefresh',
    });
  try {
    for (const trigger of ownTriggers()) ScriptApp.deleteTrigger(trigger);
    if (hour === null) {
      writeRefresh(null);
    } else {
      const trigger = ScriptApp.newTrigger(REFRESH_HANDLER)
        .timeBased()
        .atHour(hour)
        .everyDays(1)
        .inTimezone(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone())
        .create();
      writeRefresh({ hour, triggerUid: trigger.getUniqueId(), owner: email });
    }
  } finally {
    lock.releaseLock();
  }
  return dailyRefreshState();
}

/**
 * Runs from the trigger: re-imports the months still an estimate (the previous one during its grace, and the
 * current one) with the settings of the last import. A trigger the document no longer names removes itself.
 */
export function runScheduledMonthClose(event: { triggerUid?: string } | undefined): MonthCloseResult[] {
  // The execution's 6 minutes run from here, for both months it may import.
  const now = Date.now();
  const uid = event?.triggerUid;
  if (!uid) throw new DailyRefreshError(`${REFRESH_HANDLER} runs only from the daily refresh trigger`);
  const stored = readRefresh();
  if (!stored || stored.triggerUid !== uid) {
    for (const t of ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet())) {
      if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
    }
    return [];
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const current = monthOfDay(dayKeyAt(now, zone));
  const graceDays = readGraceDays();
  const months = [previousMonth(current), current].filter(
    (m) => monthStatus(m, now, zone, graceDays) === 'estimate',
  );
  const remembered = readRememberedRequest();
  // The last request's ranges may be one month's Atom tables: the other month refreshed falls back to its own.
  const tables = readMonthRanges();
  const ownRange = (ref: SheetRangeRef | null, month: string) =>
    otherMonthOf(ref, month, tables) ? null : ref;
  const user = Session.getEffectiveUser().getEmail() || stored.owner;
  const results: MonthCloseResult[] = [];
  const failures: string[] = [];
  for (const month of months) {
    try {
      results.push(
        importMonth(
          {
            month: monthKey(month),
            lines: remembered.lines,
            groups: ownRange(remembered.groups, monthKey(month)),
            campaigns: ownRange(remembered.campaigns, monthKey(month)),
            projectionMethod: remembered.projectionMethod,
            costCurrency: remembered.costCurrency,
          },
          { user, scheduled: true, executionStartedAt: now },
        ),
      );
    } catch (e) {
      failures.push(`${monthKey(month)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // A failed run must show as failed in the executions log (Apps Script emails the trigger's owner).
  if (failures.length) throw new DailyRefreshError(`The daily refresh failed — ${failures.join('; ')}`);
  return results;
}
