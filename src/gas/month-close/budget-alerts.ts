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
  budgetEmail,
  budgetName,
  type BudgetStatus,
  type CalendarMonth,
  LEDGER_NOTES_COLUMN,
  LEDGER_SHEET,
  minorUnits,
  monthKey,
} from '../../month-close';
import { exactToNumber } from '../../core/exact/decimal';
import { languageOf } from '../../i18n';
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
  const language = languageOf(spreadsheet.getSpreadsheetLocale());
  const sheet = { name: spreadsheet.getName(), url: spreadsheet.getUrl() };
  const money = { code: currency, decimals: minorUnits(currency) };
  for (const s of statuses) {
    const k = budgetKey(key, s.budget);
    if (!s.crossesOn || state[k]) continue;
    const name = budgetName(s.budget);
    const budget = exactToNumber(budgetAmount(s.budget));
    const crossing = { ...s, crossesOn: s.crossesOn };
    const email = budgetEmail(language, crossing, budget, key, money, sheet);
    // The ledger keeps its notes in English, as its other notes (the email is in the spreadsheet's language).
    const english = language === 'en' ? email : budgetEmail('en', crossing, budget, key, money, sheet);
    state[k] = 'sending';
    writeAlerts(state, month);
    try {
      MailApp.sendEmail(admins, email.subject, email.body);
      notes.push(`Budget alert emailed to ${admins}: ${english.summary} (${english.figures})`);
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
