/**
 * The budget alert email in the spreadsheet's language (the admins read the sheet in it): subject and body from the
 * crossing's figures. Money as the locale writes it ("1.500,50 BRL" in Spanish), with the currency's decimals.
 */
import type { Budget, BudgetStatus } from './budgets';

export interface BudgetEmail {
  subject: string;
  body: string;
  /** "the whole account is projected to reach its budget on 2025-11-20": what happened, in a line. */
  summary: string;
  /** "Budget 1,500.50 BRL, spend so far …, projected month end …". */
  figures: string;
}

const WORDS = {
  en: {
    scope: { account: 'the whole account', group: 'group', campaign: 'campaign' },
    reached: 'reached its budget on',
    projected: 'is projected to reach its budget on',
    subject: 'Budget alert',
    of: (name: string) => `of ${name}`,
    spendOf: 'WhatsApp spend',
    in: 'in',
    budget: 'Budget',
    spend: 'spend so far',
    projection: 'projected month end',
    once: 'Sent once per month and budget to the admins of the Meta connection.',
    group: ',',
    decimal: '.',
  },
  es: {
    scope: { account: 'toda la cuenta', group: 'el grupo', campaign: 'la campaña' },
    /** "de" + the name, as Spanish contracts it ("del grupo"). */
    of: (name: string) => (name.startsWith('el ') ? `del ${name.slice(3)}` : `de ${name}`),
    reached: 'alcanzó su presupuesto el',
    projected: 'alcanzará su presupuesto, según la proyección, el',
    subject: 'Alerta de presupuesto',
    spendOf: 'El gasto de WhatsApp',
    in: 'en',
    budget: 'Presupuesto',
    spend: 'gasto a la fecha',
    projection: 'proyección a fin de mes',
    once: 'Se envía una vez por mes y presupuesto a los administradores de la conexión con Meta.',
    group: '.',
    decimal: ',',
  },
};

function money(value: number, decimals: number, currency: string, words: (typeof WORDS)['en']): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, words.group);
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? words.decimal + fraction : ''} ${currency}`;
}

function nameOf(budget: Budget, words: (typeof WORDS)['en']): string {
  return budget.scope === 'account'
    ? words.scope.account
    : budget.scope === 'line'
      ? budget.name
      : `${words.scope[budget.scope]} ${budget.name}`;
}

export function budgetEmail(
  language: keyof typeof WORDS,
  status: BudgetStatus & { crossesOn: string },
  budget: number,
  month: string,
  currency: { code: string; decimals: number },
  spreadsheet: { name: string; url: string },
): BudgetEmail {
  const words = WORDS[language];
  const m = (v: number) => money(v, currency.decimals, currency.code, words);
  const name = nameOf(status.budget, words);
  const reaches = `${status.spend >= budget ? words.reached : words.projected} ${status.crossesOn}`;
  const figures =
    `${words.budget} ${m(budget)}, ${words.spend} ${m(status.spend)}, ` +
    `${words.projection} ${status.projection === null ? '-' : m(status.projection)}`;
  return {
    subject: `${words.subject} ${month}: ${name} — ${spreadsheet.name}`,
    body: `${words.spendOf} ${words.of(name)} ${words.in} ${month} ${reaches}.\n${figures}.\n${spreadsheet.url}\n\n${words.once}`,
    summary: `${name} ${reaches}`,
    figures,
  };
}
