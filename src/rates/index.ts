/**
 * Public surface of src/rates: Meta's rate cards read, stored and applied (pure; the adapters are in src/gas/rates).
 * Not rateCardRows (./card-rows): the sidebar's CSV splitter, kept out of what the server bundle imports.
 */
export {
  parseRateCard,
  type CardFacts,
  type CardPricingModel,
  type CardRate,
  type RateCard,
} from './card-csv';
export { RATE_CATEGORIES, type RateCategory } from './categories';
export { RateCardFileError, RateLookupError } from './errors';
export { billedCost, type BilledCostArgs } from './billed-cost';
export {
  cardRowCells,
  type CardSheetRow,
  cardsOfRows,
  RATE_CARD_COLUMNS,
  RATE_CARD_SHEET,
  rateCardHeader,
  readCardRows,
  rowsOfCard,
  upsertCardRows,
} from './card-sheet';
export { priceMissingCosts, rateCardMonthCost } from './meta-fallback';
export { metaRate, type MetaRateArgs } from './meta-rate';
export { RateBook } from './rate-book';
