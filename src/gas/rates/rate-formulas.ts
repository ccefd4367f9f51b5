/**
 * META_RATE and BILLED_COST in Apps Script: the spreadsheet's zone and locale, the imported cards (one read of the
 * "Rate cards" sheet), the connected account's currency.
 */
import { billedCost as priceLog, type BilledCostArgs, metaRate, type MetaRateArgs } from '../../rates';
import { readConnection } from '../shared/connection-store';
import { activeSheetContext } from '../shared/spreadsheet-context';
import { readRateBook } from './rate-card-sheet';

/** The connected WhatsApp account's currency, or null without a connection. */
export function accountCurrency(): string | null {
  return readConnection()?.currency || null;
}

export function metaRateFormula(args: MetaRateArgs): number {
  return metaRate(args, activeSheetContext(), readRateBook(), {
    nowMs: Date.now(),
    accountCurrency: accountCurrency(),
  });
}

export function billedCost(args: BilledCostArgs): number {
  return priceLog(args, activeSheetContext(), readRateBook(), accountCurrency());
}
