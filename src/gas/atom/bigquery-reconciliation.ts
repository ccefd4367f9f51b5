/**
 * The Atom month blocks' reconciliation with the history in BigQuery (issue 19): after an import's loads, the state
 * each changed month carries into the next (billing_carry) is recomputed in BigQuery, month after month while it
 * changes; then each month with messages gets its Atom units per day from billedDailySql reading its own partition
 * and its carried rows (so the first days count what the month before left open, as BILLED_BREAKDOWN over the whole
 * log does), and Meta's billed units from metaDailySql. A later month whose carried state changed gets its block's
 * Atom column refreshed in place.
 */
import { billedDailySql, metaDailySql, type BillingScope, type SqlQuery } from '../../bigquery/billing-sql';
import { carryChangedSql, replaceCarrySql } from '../../bigquery/carry-sql';
import { query } from '../../bigquery/client';
import { addDays, daysInMonth, dayKeyOf, dayKeyToIso } from '../../core/time';
import { DATA_SHEET } from '../../month-close';
import type { AtomHistory } from './bigquery-history';
import { checkedMonthSheet } from './month-sheet';
import { writeReconciliationColumn } from './reconciliation-column';

export interface ReconciledMonths {
  /** By month, each day's charged Atom units (months with messages only). */
  atomUnits: Map<string, Map<string, number>>;
  /** By month, Meta's billed units per day; a month absent keeps the live SUMIFS over "Meta data". */
  metaUnits: Map<string, Map<string, number>>;
  bytesProcessed: number;
}

/** A month (`YYYY-MM`) read alone with its carried state. */
function monthScope(h: AtomHistory, month: string, timeZone: string): BillingScope {
  const [y, m] = month.split('-').map(Number);
  const firstDay = dayKeyOf(y, m, 1);
  return {
    dataset: h.dataset,
    timeZone,
    firstDay,
    lastDay: dayKeyOf(y, m, daysInMonth(y, m)),
    readFrom: firstDay,
    carried: true,
  };
}

const nextMonth = (scope: BillingScope) => dayKeyToIso(addDays(scope.lastDay, 1)).slice(0, 7);

type Run = (sql: SqlQuery) => Record<string, unknown>[];

function runner(h: AtomHistory): { run: Run; bytes: () => number } {
  let bytesProcessed = 0;
  return {
    run: (sql) => {
      const opts = { deadlineAt: h.deadlineAt, runId: h.runId };
      const result = query(h.session, sql.query, sql.queryParameters, opts);
      bytesProcessed += result.bytesProcessed;
      return result.rows;
    },
    bytes: () => bytesProcessed,
  };
}

/**
 * Recomputes the carry out of each of `changed` (months whose messages changed) and, in month order, out of each
 * month whose carry in changed (a chain of openings continues); returns the months whose carry in was checked.
 * Checked, not only changed: a run that stopped after replacing a carry and before refreshing the next month's
 * block finds the carry unchanged when the import is finished, and the block must still follow it.
 */
function keepCarries(h: AtomHistory, changed: readonly string[], timeZone: string, run: Run): Set<string> {
  const carried = new Set<string>();
  const checked = new Set<string>();
  const months = [...changed].sort();
  for (let month = months[0]; month <= months[months.length - 1] || carried.has(month);) {
    const scope = monthScope(h, month, timeZone);
    const next = nextMonth(scope);
    if (changed.includes(month) || carried.has(month)) {
      checked.add(next);
      if (Number(run(carryChangedSql(scope))[0].changed) > 0) {
        run(replaceCarrySql(scope));
        carried.add(next);
      }
    }
    month = next;
  }
  return checked;
}

/**
 * `withMessages`: the import's months that hold messages; `messagesChanged`: those whose atom_messages partition
 * the import replaced.
 */
export function reconcileAtomMonths(
  h: AtomHistory,
  withMessages: readonly string[],
  messagesChanged: readonly string[],
  timeZone: string,
): ReconciledMonths {
  const { run, bytes } = runner(h);
  const daily = (month: string) =>
    new Map(
      run(billedDailySql(monthScope(h, month, timeZone))).map((r) => [
        String(r.day),
        Number(r.charged_units),
      ]),
    );
  // In month order: a month's carry is read by the next month's, and chains of openings continue across months.
  const carried = keepCarries(h, messagesChanged, timeZone, run);

  const atomUnits = new Map<string, Map<string, number>>();
  const metaUnits = new Map<string, Map<string, number>>();
  const metaSheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(DATA_SHEET) !== null;
  for (const month of withMessages) {
    atomUnits.set(month, daily(month));
    const meta = run(metaDailySql(h.dataset, monthScope(h, month, timeZone).firstDay));
    // An empty partition with "Meta data" kept from before the switch: those rows are the month's (the SUMIFS).
    if (meta.length > 0 || !metaSheet)
      metaUnits.set(month, new Map(meta.map((r) => [String(r.day), Number(r.billed_units)])));
  }
  // Later months the import does not rewrite: their blocks' Atom units follow their carried state.
  for (const month of carried) {
    if (withMessages.includes(month)) continue;
    const sheet = checkedMonthSheet(month);
    // No priced message in BigQuery (a month imported before the switch keeps its formulas): nothing to refresh.
    if (sheet)
      writeReconciliationColumn(sheet, month, 'atom', () => {
        const units = daily(month);
        return units.size > 0 ? units : null;
      });
  }
  return { atomUnits, metaUnits, bytesProcessed: bytes() };
}
