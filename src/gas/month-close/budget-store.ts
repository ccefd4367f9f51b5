/**
 * Budgets and the alerts already sent, in DOCUMENT properties (shared by every editor and by the daily refresh's
 * trigger). Budgets belong to one Meta account: a new connection starts without. Each value is checked against
 * Apps Script's 9 KB per property before it is written.
 */
import { type Budget, monthKey, previousMonth } from '../../month-close';
import { parseDecimal } from '../../core/exact/decimal';
import { checkPropertyValue } from '../../core/write-plan/limits';
import { documentProperties, readDocumentJson } from '../shared/document-json';

const BUDGETS_KEY = 'atomBilling.budgets';
const ALERTS_KEY = 'atomBilling.budgets.alerts';

/**
 * An alert's state by budgetKey: 'sending' is written before MailApp is called and 'sent' once the ledger notes it,
 * so a run stopped in between never sends it again (at most once) and the next run says so in the ledger.
 */
export type AlertState = Record<string, 'sending' | 'sent'>;

export function readBudgets(wabaId: string): Budget[] {
  const v = readDocumentJson(BUDGETS_KEY) as { waba?: unknown; budgets?: Budget[] } | null;
  if (!v || v.waba !== wabaId || !Array.isArray(v.budgets)) return [];
  return v.budgets.filter((b) => typeof b?.name === 'string' && parseDecimal(String(b.amount)) !== undefined);
}

function write(key: string, what: string, value: string): void {
  checkPropertyValue(what, value);
  documentProperties().setProperty(key, value);
}

export function writeBudgets(wabaId: string, budgets: readonly Budget[]): void {
  write(BUDGETS_KEY, 'The budgets', JSON.stringify({ waba: wabaId, budgets }));
}

export function readAlerts(): AlertState {
  return (readDocumentJson(ALERTS_KEY) ?? {}) as AlertState;
}

/** Keeps the alerts of `month` and the month before (the months the daily refresh imports). */
export function writeAlerts(state: AlertState, month: { year: number; month: number }): void {
  const oldest = monthKey(previousMonth(month));
  const kept = Object.entries(state).filter(([key]) => key.slice(0, 7) >= oldest);
  write(ALERTS_KEY, 'The budget alerts sent', JSON.stringify(Object.fromEntries(kept)));
}
