/**
 * The result card's notes in the user's language: the server sends a code and its values (src/month-close/
 * card-notes.ts); months are worded in the user's language, counts in the spreadsheet's locale.
 */
import type { MonthCloseNote, SidebarLanguage } from '../../rpc/contract';
import { formatCount, formatMonth } from '../format';
import { defineMessages, fill } from '../i18n';

const noteMessages = defineMessages({
  en: {
    noData: 'Meta returned no data for {month}; the {kept} stored rows were kept.',
    pastLookback:
      'Meta no longer returns {days} day(s) of {month} (past its one-year lookback); the {kept} stored rows of those days were kept.',
    replaced: 'Meta’s answer replaced the {replaced} stored rows of {month} with {rows}.',
    costKept: 'The cost to allocate typed in {cell} was kept.',
    rateCardPriced: 'Meta gives no cost for this account (partner credit line): priced from the {source}.',
    rateCardProblem: 'Meta gives no cost for this account (partner credit line), and {problem}.',
    noRateCard:
      'no {currency} rate card covers {day} — import the {currency} card effective on or before {day} in the Rate cards panel',
    otherCurrencies:
      'Meta billed part of this month in another currency: {others} — never added to the {main} cost (an account migrated to a new currency, or a second Messaging Account).',
    formerAccountSilent:
      'Meta did not answer for the former account {waba} ({currency}): {detail}. Its stored rows were kept.',
    groups: 'groups',
    campaigns: 'campaigns',
    otherMonthTable:
      'The {what} range {range} is the Atom table of {owner}: {month} was split by {owner}’s {what}.',
  },
  es: {
    noData: 'Meta no devolvió datos de {month}; se conservaron las {kept} filas guardadas.',
    pastLookback:
      'Meta ya no devuelve {days} día(s) de {month} (fuera de su año de historial); se conservaron las {kept} filas guardadas de esos días.',
    replaced: 'La respuesta de Meta reemplazó las {replaced} filas guardadas de {month} por {rows}.',
    costKept: 'Se conservó el costo a distribuir escrito en {cell}.',
    rateCardPriced:
      'Meta no informa costo para esta cuenta (línea de crédito de un socio): se valoró con las tarifas importadas ({source}).',
    rateCardProblem: 'Meta no informa costo para esta cuenta (línea de crédito de un socio), y {problem}.',
    noRateCard:
      'ninguna tarifa {currency} cubre el {day}: importe en el panel Tarifas la tarifa {currency} vigente en esa fecha o antes',
    otherCurrencies:
      'Meta facturó parte de este mes en otra moneda: {others}; nunca se suma al costo en {main} (una cuenta migrada a otra moneda, o una segunda Messaging Account).',
    formerAccountSilent:
      'Meta no respondió por la cuenta anterior {waba} ({currency}): {detail}. Se conservaron sus filas guardadas.',
    groups: 'grupos',
    campaigns: 'campañas',
    otherMonthTable:
      'El rango de {what} {range} es la tabla de Atom de {owner}: {month} se distribuyó con los datos de {owner}.',
  },
});

/** One note as a sentence; `figures` is the spreadsheet's locale (format.ts). */
export function noteText(note: MonthCloseNote, language: SidebarLanguage, figures: string): string {
  const words = noteMessages[language];
  const month = (key: string) => formatMonth(language, key);
  const n = (value: number) => formatCount(figures, value);
  switch (note.code) {
    case 'noData':
      return fill(words.noData, { month: month(note.month), kept: n(note.kept) });
    case 'pastLookback':
      return fill(words.pastLookback, { month: month(note.month), days: n(note.days), kept: n(note.kept) });
    case 'replaced':
      return fill(words.replaced, {
        month: month(note.month),
        replaced: n(note.replaced),
        rows: n(note.rows),
      });
    case 'costKept':
      return fill(words.costKept, { cell: note.cell });
    case 'rateCardPriced':
      return fill(words.rateCardPriced, { source: note.source });
    case 'rateCardProblem': {
      // The rate cards' reason worded here when it came as a code (no card for a day); else as the server wrote it.
      const detail = note.detail;
      const problem =
        detail?.code === 'noRateCard'
          ? fill(words.noRateCard, { currency: String(detail.currency), day: String(detail.day) })
          : note.problem;
      return fill(words.rateCardProblem, { problem });
    }
    case 'otherCurrencies':
      return fill(words.otherCurrencies, { others: note.others, main: note.main });
    case 'formerAccountSilent':
      return fill(words.formerAccountSilent, {
        waba: note.waba,
        currency: note.currency,
        detail: note.detail,
      });
    case 'otherMonthTable':
      return fill(words.otherMonthTable, {
        what: words[note.what],
        range: note.range,
        month: month(note.month),
        owner: month(note.owner),
      });
  }
}
