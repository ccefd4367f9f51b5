/**
 * The daily refresh's budget alerts: one email to the admins per budget crossed (spent, or projected to be spent,
 * this month), never twice for the same month and budget, each noted in the import's ledger row.
 *
 * At most once: the alert is stored as 'sending' before MailApp is called and as 'sent' after the ledger notes it.
 * A run stopped between the send and the note cannot tell whether the email left, so the next run does not send it
 * again (a duplicate is worse than a gap the ledger names) and notes that it may not have arrived. An email MailApp
 * refuses (quota, address) was not sent: its state is dropped so the next daily refresh tries again.
 */
import { literalText } from '../../core/sheet-output/literal-text';
import {
  budgetAmount,
  budgetKey,
  budgetName,
  type BudgetStatus,
  type CalendarMonth,
  LEDGER_NOTES_COLUMN,
  LEDGER_SHEET,
  minorUnits,
  monthKey,
} from '../../month-close';
import { exactToNumber } from '../../core/exact/decimal';
import { readAdmins } from '../shared/connection-store';
import { BudgetError } from './budget-rpc';
import { readAlerts, writeAlerts } from './budget-store';

export function alertBudgets(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  month: CalendarMonth,
  statuses: readonly BudgetStatus[],
  currency: string,
  /** The import's ledger row and the notes it holds. */
  ledger: { row: number; notes: string },
): void {
  const key = monthKey(month);
  const state = readAlerts();
  const notes = Object.keys(state)
    .filter((k) => state[k] === 'sending')
    .map(
      (k) =>
        `The budget alert ${k} was being sent when a run stopped: it may not have arrived (not sent again)`,
    );
  const failures: string[] = [];
  const admins = readAdmins().join(', ');
  const money = (v: number) => `${v.toFixed(minorUnits(currency))} ${currency}`;
  for (const s of statuses) {
    const k = budgetKey(key, s.budget);
    if (!s.crossesOn || state[k]) continue;
    const name = budgetName(s.budget);
    const budget = exactToNumber(budgetAmount(s.budget));
    const reaches = `${s.spend >= budget ? 'reached' : 'is projected to reach'} its budget on ${s.crossesOn}`;
    const figures =
      `Budget ${money(budget)}, spend so far ${money(s.spend)}, ` +
      `projected month end ${s.projection === null ? '-' : money(s.projection)}`;
    state[k] = 'sending';
    writeAlerts(state, month);
    try {
      MailApp.sendEmail(
        admins,
        `Budget alert ${key}: ${name} — ${spreadsheet.getName()}`,
        `WhatsApp spend of ${name} in ${key} ${reaches}.\n${figures}.\n` +
          `${spreadsheet.getUrl()}\n\nSent once per month and budget to the admins of the Meta connection.`,
      );
      notes.push(`Budget alert emailed to ${admins}: ${name} ${reaches} (${figures})`);
    } catch (e) {
      delete state[k];
      writeAlerts(state, month);
      failures.push(
        `The budget alert for ${name} could not be emailed (${e instanceof Error ? e.message : e})`,
      );
    }
  }
  if (!notes.length && !failures.length) return;
  const cell = spreadsheet.getSheetByName(LEDGER_SHEET)!.getRange(ledger.row, LEDGER_NOTES_COLUMN);
  cell.setValue(literalText([ledger.notes, ...notes, ...failures].filter(Boolean).join('. ')));
  for (const k of Object.keys(state)) state[k] = 'sent';
  writeAlerts(state, month);
  if (failures.length) throw new BudgetError(`${failures.join('; ')} — the next daily refresh tries again`);
}
