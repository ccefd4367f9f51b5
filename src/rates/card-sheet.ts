/**
 * The "Rate cards" sheet: every imported card, one row per (effective date, currency, market, category, rate),
 * under a header row. A card is identified by (effective date, currency): importing it again replaces exactly its
 * rows, every other row is written back as it was read. Rows are kept sorted by currency, then effective date,
 * then the card's own market and category order.
 *
 * Rates are written as text (through literalText), not numbers: the cell then holds the digits Meta published —
 * "0.0200" keeps its trailing zeros, no double ever stands in for the decimal, and the spreadsheet's locale cannot
 * turn "0.0625" into anything else. META_RATE gives the number for formulas. A rate a user typed as a number is
 * read too (the shortest decimal of that double, which is what was typed).
 */
import { decimalOf, parseDecimal, type ExactDecimal } from '../core/exact/decimal';
import type { TableCell } from '../core/formulas/sheet-context';
import { cellInstant } from '../core/sheet-args/date-times';
import { describeCell, isBlank } from '../core/sheet-args/cells';
import { literalText } from '../core/sheet-output/literal-text';
import { epochDayToDayKey, splitDayKey, type DayKey } from '../core/time';
import type { ZoneCalendar } from '../core/zone-calendar';
import type { CardPricingModel, RateCard } from './card-csv';
import { RATE_CATEGORIES, type RateCategory } from './categories';
import { RateLookupError } from './errors';
import { marketKey } from './markets';
import type { BookCard } from './rate-book';

export const RATE_CARD_SHEET = 'Rate cards';

const HEADERS = {
  en: ['Effective from', 'Currency', 'Pricing model', 'Market', 'Category', 'Rate', 'File', 'Imported'],
  es: [
    'Vigente desde',
    'Moneda',
    'Modelo de precio',
    'Mercado',
    'Categoría',
    'Tarifa',
    'Archivo',
    'Importado',
  ],
};

export const RATE_CARD_COLUMNS = HEADERS.en.length;
export const NO_RATE_TEXT = 'n/a';

export function rateCardHeader(spanish: boolean): string[] {
  return [...HEADERS[spanish ? 'es' : 'en']];
}

/** One stored rate, as a row of the sheet. */
export interface CardSheetRow {
  effectiveFrom: DayKey;
  currency: string;
  pricingModel: CardPricingModel;
  market: string;
  category: RateCategory;
  rate: string | null;
  fileName: string;
  /** Epoch ms of the import. */
  importedAt: number;
}

/** The sheet's values (header row first) as rows; a row that is not what the importer wrote is an error naming it. */
export function readCardRows(
  values: readonly (readonly unknown[])[],
  calendar: ZoneCalendar,
): CardSheetRow[] {
  const rows: CardSheetRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i];
    if (cells.every(isBlank)) continue;
    const where = `${RATE_CARD_SHEET} row ${i + 1}`;
    const bad = (column: number, problem: string): never => {
      throw new RateLookupError(
        `${where}: ${HEADERS.en[column]} ${problem} (${describeCell(cells[column])})`,
      );
    };
    const [effective, currency, model, market, category, rate, fileName, importedAt] = cells;
    const ms = cellInstant(effective, calendar);
    if (ms === undefined) bad(0, 'is not a date');
    const code = String(currency).trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) bad(1, 'is not a currency code');
    if (model !== 'message' && model !== 'conversation') bad(2, 'must be message or conversation');
    if (typeof market !== 'string' || market.trim() === '') bad(3, 'is blank');
    const cat = RATE_CATEGORIES.find((c) => c === String(category).trim().toUpperCase());
    if (!cat) bad(4, `must be one of ${RATE_CATEGORIES.join(', ')}`);
    const importedMs = cellInstant(importedAt, calendar);
    rows.push({
      effectiveFrom: epochDayToDayKey(calendar.epochDayAt(ms as number)),
      currency: code,
      pricingModel: model as CardPricingModel,
      market: (market as string).trim(),
      category: cat as RateCategory,
      rate: storedRateText(rate, () => bad(5, 'is not a rate (a decimal or n/a)')),
      fileName: typeof fileName === 'string' ? fileName : String(fileName ?? ''),
      importedAt: importedMs ?? 0,
    });
  }
  return rows;
}

function storedRateText(cell: unknown, bad: () => never): string | null {
  if (typeof cell === 'number' && Number.isFinite(cell) && cell >= 0) return decimalText(decimalOf(cell));
  if (typeof cell !== 'string') return bad();
  const text = cell.trim();
  if (text.toLowerCase() === NO_RATE_TEXT) return null;
  const value = parseDecimal(text);
  return value === undefined || value.units < 0n ? bad() : text;
}

function decimalText({ units, scale }: ExactDecimal): string {
  if (scale === 0) return String(units);
  const digits = String(units).padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The rows of a new card, in the card's order. */
export function rowsOfCard(card: RateCard, fileName: string, importedAt: number): CardSheetRow[] {
  const effectiveFrom = Number(card.effectiveFrom.replace(/-/g, '')) as DayKey;
  return card.rates.map((r) => ({
    effectiveFrom,
    currency: card.currency,
    pricingModel: card.pricingModel,
    market: r.market,
    category: r.category,
    rate: r.rate,
    fileName,
    importedAt,
  }));
}

/** Replaces the rows of the card's (effective date, currency), keeping every other row and the sort order. */
export function upsertCardRows(
  existing: readonly CardSheetRow[],
  added: readonly CardSheetRow[],
): { rows: CardSheetRow[]; replaced: boolean } {
  const [first] = added;
  const same = (r: CardSheetRow) => r.currency === first.currency && r.effectiveFrom === first.effectiveFrom;
  const kept = existing.filter((r) => !same(r));
  const indexed = [...kept, ...added].map((row, index) => ({ row, index }));
  // Stable: within a card, the order it was written in.
  indexed.sort(
    (a, b) =>
      (a.row.currency < b.row.currency ? -1 : a.row.currency > b.row.currency ? 1 : 0) ||
      a.row.effectiveFrom - b.row.effectiveFrom ||
      a.index - b.index,
  );
  return { rows: indexed.map((x) => x.row), replaced: kept.length !== existing.length };
}

/** A row as cells for setValues: every string as literal text, the dates as Dates at local midnight. */
export function cardRowCells(
  row: CardSheetRow,
  calendar: ZoneCalendar,
  makeDate: (epochMs: number) => Date,
): TableCell[] {
  const { year, month, day } = splitDayKey(row.effectiveFrom);
  return [
    makeDate(calendar.instantOf(year, month, day)),
    literalText(row.currency),
    literalText(row.pricingModel),
    literalText(row.market),
    literalText(row.category),
    literalText(row.rate ?? NO_RATE_TEXT),
    literalText(row.fileName),
    makeDate(row.importedAt),
  ];
}

/** The cards the rows hold, for lookups. */
export function cardsOfRows(rows: readonly CardSheetRow[]): BookCard[] {
  const cards = new Map<string, BookCard>();
  for (const row of rows) {
    const id = `${row.currency} ${row.effectiveFrom}`;
    let card = cards.get(id);
    if (!card) {
      card = {
        currency: row.currency,
        effectiveFrom: row.effectiveFrom,
        pricingModel: row.pricingModel,
        markets: new Map(),
      };
      cards.set(id, card);
    }
    const key = marketKey(row.market);
    let market = card.markets.get(key);
    if (!market) {
      market = { market: row.market, rates: new Map() };
      card.markets.set(key, market);
    }
    market.rates.set(row.category, row.rate === null ? null : (parseDecimal(row.rate) as ExactDecimal));
  }
  return [...cards.values()];
}
