/**
 * The result card's notes as codes and values, not sentences: the sidebar words them in the user's language
 * (src/sidebar/month-close/card-notes.ts), so the server carries no wording for them. Only the history notes are
 * also written to the sheets (summary and ledger), in English (historyNoteText).
 */
import type { ErrorNote } from '../core/errors';
import { count } from '../core/write-plan/limits';

/** What an import did to the month's stored "Meta data" rows (stored-history.ts). Months are `YYYY-MM`. */
export type HistoryNote =
  /** Meta answered nothing: the `kept` stored rows stay. */
  | { code: 'noData'; month: string; kept: number }
  /** `days` days are past Meta's lookback: their `kept` stored rows stay. */
  | { code: 'pastLookback'; month: string; days: number; kept: number }
  /** Meta's answer of `rows` rows replaced `replaced` stored rows (more than it brought). */
  | { code: 'replaced'; month: string; replaced: number; rows: number };

export type CardNote =
  | HistoryNote
  /** The cost to allocate typed in the summary's `cell` (Sheet!A1) was kept. */
  | { code: 'costKept'; cell: string }
  /** Meta gives no cost (partner credit line): the month was priced from rate cards (`source`: currency, dates). */
  | { code: 'rateCardPriced'; source: string }
  /** Meta gives no cost and the rate cards cannot price the month: `problem` says why (`detail`: the same as a code). */
  | { code: 'rateCardProblem'; problem: string; detail?: ErrorNote }
  /** Part of the month was billed in other currencies (`others`: "cost CUR" each), never added to `main`'s cost. */
  | { code: 'otherCurrencies'; others: string; main: string }
  /** Meta did not answer for the former account `waba` (in `currency`): its stored rows stay; `detail` is Meta's error. */
  | { code: 'formerAccountSilent'; waba: string; currency: string; detail: string }
  /** The `what` range (Sheet!A1) is month `owner`'s Atom table, yet split `month`. */
  | { code: 'otherMonthTable'; what: 'groups' | 'campaigns'; range: string; month: string; owner: string };

/** A history note as the summary sheet and the ledger keep it. */
export function historyNoteText(note: HistoryNote): string {
  if (note.code === 'noData')
    return `Meta returned no data for ${note.month}; the ${count(note.kept)} stored rows were kept`;
  if (note.code === 'pastLookback')
    return (
      `Meta no longer returns ${count(note.days)} day(s) of ${note.month} (past its one-year lookback); the ` +
      `${count(note.kept)} stored rows of those days were kept`
    );
  return `Meta's answer replaced the ${count(note.replaced)} stored rows of ${note.month} with ${count(note.rows)}`;
}
