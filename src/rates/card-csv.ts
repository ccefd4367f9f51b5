/**
 * Meta's Rates CSV, as published per currency on the pricing page ("Rate cards and volume tiers" ▸ Rates (CSV)):
 * a title row "Cost per message in USD on the WhatsApp Business Platform, effective July 1, 2026" (conversation
 * era: "Cost per conversation in USD, effective June 1, 2023"), maybe note rows, then the header
 * `Market,Currency,Marketing,Utility,Authentication,"Authentication-⏎International",Service` (a line break inside
 * the quoted cell), CRLF rows, `n/a` where a market has no rate for a category. Source:
 * shared/reference/meta-2026.md §4 and meta-graph-api.md §6; the exact layout is second-hand, so headers are
 * matched tolerantly and anything unexpected is an error naming the file and row, never a guess.
 *
 * The sidebar splits the file into rows (rateCardRows in ./card-rows, so the CSV parser stays out of Code.js); this
 * reads those rows on the server, where they arrive from the browser and are checked before anything else.
 */
import { parseDecimal } from '../core/exact/decimal';
import { MESSAGE_PRICING_FROM } from '../core/pricing/rules';
import { daysInMonth, dayKeyOf, dayKeyToIso, type DayKey } from '../core/time';
import { RATE_CATEGORIES, rateCategoryOf, squash, type RateCategory } from './categories';
import { RateCardFileError } from './errors';

export type CardPricingModel = 'message' | 'conversation';

export interface CardRate {
  market: string;
  category: RateCategory;
  /** The decimal exactly as written in the file ("0.0625"), null where the card says n/a. */
  rate: string | null;
}

export interface RateCard {
  /** ISO 4217 code, upper case. */
  currency: string;
  /** YYYY-MM-DD: the card applies from 12 am of this day until the next card of its currency. */
  effectiveFrom: string;
  pricingModel: CardPricingModel;
  rates: CardRate[];
}

/** What the importer was told when the file does not say it (asked for by the sidebar). */
export interface CardFacts {
  currency?: string;
  effectiveFrom?: string;
}

const NO_RATE = new Set(['n/a', 'na', '-', '—']);
const TITLE_MODEL = /\bcost\s+per\s+(message|conversation)\b/i;
const TITLE_CURRENCY = /\bin\s+([A-Za-z]{3})\b/;
const TITLE_EFFECTIVE = /\beffective\s+(?:from\s+|on\s+|as\s+of\s+)?(.+)$/i;
const CURRENCY_CODE = /^[A-Z]{3}$/;
/** Grouped thousands as in "1,234.56" (IDR, COP cards may show them). */
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Far above any real rate card (about 60 markets × 7 columns), far below what google.script.run carries. */
export const RATE_CARD_LIMITS = { rows: 5_000, cellsPerRow: 100, chars: 2_000_000 } as const;

/** A card from its file's rows as rateCardRows splits them (a quoted line break stays in its cell). */
export function parseRateCard(
  fileRows: readonly (readonly string[])[],
  fileName: string,
  facts: CardFacts = {},
): RateCard {
  const fail = (detail: string): never => {
    throw new RateCardFileError(fileName, detail);
  };
  const rows = checkedRows(fileRows, fail);
  const headerIndex = rows.findIndex(isHeaderRow);
  if (headerIndex < 0) {
    fail(
      'no header row with Market and the categories (Marketing, Utility, Authentication, …) — is this the ' +
        "Rates CSV from Meta's pricing page?",
    );
  }
  const header = rows[headerIndex];
  const columns = headerColumns(header, headerIndex + 1, fail);
  const title = rows
    .slice(0, headerIndex)
    .map((r) => r.join(',').replace(/,+$/, '').trim())
    .find((t) => TITLE_MODEL.test(t) || TITLE_EFFECTIVE.test(t));

  const rates: CardRate[] = [];
  const seenMarkets = new Map<string, number>();
  const rowCurrencies = new Set<string>();
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const cells = rows[r];
    const rowNumber = r + 1;
    const market = (cells[columns.market] ?? '').replace(/\s+/g, ' ').trim();
    const rateCells = columns.categories.map((c) => (cells[c.index] ?? '').trim());
    if (rateCells.every((c) => c === '')) continue; // blank row or a note under the table
    if (market === '') fail(`row ${rowNumber} has rates but no market`);
    const seenAt = seenMarkets.get(squash(market));
    if (seenAt !== undefined)
      fail(`row ${rowNumber}: market ${market} is listed twice (rows ${seenAt} and ${rowNumber})`);
    seenMarkets.set(squash(market), rowNumber);
    if (columns.currency !== undefined) {
      const code = (cells[columns.currency] ?? '').trim().toUpperCase();
      if (CURRENCY_CODE.test(code)) rowCurrencies.add(code);
    }
    columns.categories.forEach((column, k) => {
      rates.push({
        market,
        category: column.category,
        rate: rateText(rateCells[k], column.header, market, rowNumber, fail),
      });
    });
  }
  if (rates.length === 0) fail(`no market rows under the header (row ${headerIndex + 1})`);

  const currency = cardCurrency(title, rowCurrencies, facts, fileName);
  const effective = cardEffectiveDay(title, facts, fileName);
  const pricingModel = cardPricingModel(title, effective, fileName);
  return { currency, effectiveFrom: dayKeyToIso(effective), pricingModel, rates };
}

/** The rows as sent from the sidebar: the types are only the sender's claim, so shape and size are checked. */
function checkedRows(value: unknown, fail: (d: string) => never): readonly (readonly string[])[] {
  if (!Array.isArray(value)) return fail('the file did not arrive as rows of cells — import it again');
  const { rows: maxRows, cellsPerRow, chars: maxChars } = RATE_CARD_LIMITS;
  if (value.length > maxRows)
    fail(`the file has ${value.length} rows, more than a rate card can have (${maxRows})`);
  let chars = 0;
  value.forEach((row: unknown, r) => {
    if (!Array.isArray(row)) fail(`row ${r + 1} did not arrive as a list of cells — import the file again`);
    const cells = row as unknown[];
    if (cells.length > cellsPerRow)
      fail(`row ${r + 1} has ${cells.length} cells, more than a rate card can have (${cellsPerRow})`);
    cells.forEach((cell, c) => {
      if (typeof cell !== 'string')
        fail(`row ${r + 1}, cell ${c + 1} did not arrive as text — import the file again`);
      chars += (cell as string).length;
    });
  });
  if (chars > maxChars) fail('the file is too large to be a rate card');
  const rows = value as string[][];
  if (rows.every((row) => row.every((cell) => cell.trim() === ''))) fail('the file is empty');
  return rows;
}

interface CategoryColumn {
  index: number;
  header: string;
  category: RateCategory;
}

interface Columns {
  market: number;
  currency?: number;
  categories: CategoryColumn[];
}

function isHeaderRow(cells: readonly string[]): boolean {
  const names = cells.map(squash);
  return (
    names.some((n) => n === 'market' || n === 'country') &&
    cells.some((c) => rateCategoryOf(withoutParentheses(c)) !== undefined)
  );
}

/** "Marketing (USD)" → "Marketing". */
function withoutParentheses(cell: string): string {
  return cell.replace(/\([^)]*\)/g, '');
}

function headerColumns(header: readonly string[], rowNumber: number, fail: (d: string) => never): Columns {
  let market: number | undefined;
  let currency: number | undefined;
  const categories: CategoryColumn[] = [];
  header.forEach((cell, index) => {
    const name = squash(cell);
    if ((name === 'market' || name === 'country') && market === undefined) market = index;
    else if (name === 'currency') currency = index;
    else {
      const category = rateCategoryOf(withoutParentheses(cell));
      if (category === undefined) return; // a column we do not price from (e.g. a note)
      const label = cell.replace(/\s+/g, ' ').trim();
      if (categories.some((c) => c.category === category)) {
        fail(`row ${rowNumber}: two columns are for ${category.toLowerCase()} ("${label}")`);
      }
      categories.push({ index, header: label, category });
    }
  });
  categories.sort((a, b) => RATE_CATEGORIES.indexOf(a.category) - RATE_CATEGORIES.indexOf(b.category));
  return { market: market as number, currency, categories };
}

function rateText(
  cell: string,
  header: string,
  market: string,
  rowNumber: number,
  fail: (d: string) => never,
): string | null {
  if (NO_RATE.has(cell.toLowerCase())) return null;
  const text = GROUPED.test(cell) ? cell.replace(/,/g, '') : cell;
  const value = parseDecimal(text);
  if (cell === '' || value === undefined || value.units < 0n || /^[+-]/.test(text)) {
    fail(
      `row ${rowNumber} (${market}): ${header} ${cell === '' ? 'is empty' : `"${cell}" is not a rate`} — ` +
        'expected a decimal such as 0.0625, or n/a',
    );
  }
  return text.startsWith('.') ? `0${text}` : text;
}

function cardCurrency(
  title: string | undefined,
  rowCurrencies: ReadonlySet<string>,
  facts: CardFacts,
  fileName: string,
): string {
  const fromTitle = title?.match(TITLE_CURRENCY)?.[1]?.toUpperCase();
  const given = facts.currency?.trim().toUpperCase();
  if (given !== undefined && given !== '' && !CURRENCY_CODE.test(given)) {
    throw new RateCardFileError(
      fileName,
      `currency "${facts.currency}" is not a 3-letter ISO code such as USD`,
    );
  }
  const candidates = new Set(
    [fromTitle, ...rowCurrencies, given || undefined].filter((c) => c !== undefined),
  );
  if (candidates.size > 1) {
    throw new RateCardFileError(
      fileName,
      `the file mixes currencies (${[...candidates].join(', ')}) — Meta publishes one file per currency`,
    );
  }
  const [currency] = candidates;
  if (currency === undefined) {
    throw new RateCardFileError(
      fileName,
      'the file does not say its currency (no title row "Cost per message in USD …" and no Currency column) — ' +
        'give the currency of this card',
      ['currency'],
    );
  }
  return currency;
}

function cardEffectiveDay(title: string | undefined, facts: CardFacts, fileName: string): DayKey {
  const written = title?.match(TITLE_EFFECTIVE)?.[1];
  const fromTitle = written === undefined ? undefined : parseDayText(written);
  if (written !== undefined && fromTitle === undefined) {
    throw new RateCardFileError(fileName, `the title's effective date "${written.trim()}" is not a date`);
  }
  const given = facts.effectiveFrom?.trim() ? parseDayText(facts.effectiveFrom) : undefined;
  if (facts.effectiveFrom?.trim() && given === undefined) {
    throw new RateCardFileError(
      fileName,
      `effective date "${facts.effectiveFrom}" is not a date (use YYYY-MM-DD)`,
    );
  }
  if (fromTitle !== undefined && given !== undefined && fromTitle !== given) {
    throw new RateCardFileError(
      fileName,
      `the file says it is effective ${dayKeyToIso(fromTitle)}, not ${dayKeyToIso(given)}`,
    );
  }
  const day = fromTitle ?? given;
  if (day === undefined) {
    throw new RateCardFileError(
      fileName,
      'the file does not say from when it applies (no title row "… effective July 1, 2026") — give its effective date',
      ['effectiveFrom'],
    );
  }
  return day;
}

/** "July 1, 2026", "Jul 1 2026", "1 July 2026", "2026-07-01". */
function parseDayText(text: string): DayKey | undefined {
  const t = text.trim().replace(/[.,]+$/, '');
  let year: number;
  let month: number;
  let day: number;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t) ?? null;
    const dayFirst = m ? null : /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t);
    const [name, d, y] = m ? [m[1], m[2], m[3]] : dayFirst ? [dayFirst[2], dayFirst[1], dayFirst[3]] : [];
    if (name === undefined) return undefined;
    const lower = name.toLowerCase();
    month = MONTHS.findIndex((n) => lower.length >= 3 && n.startsWith(lower)) + 1;
    [year, day] = [Number(y), Number(d)];
  }
  if (year < 2000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayKeyOf(year, month, day);
}

/** Per message from 2025-07-01, per conversation before (Meta's switch); a title that contradicts the date is refused. */
function cardPricingModel(title: string | undefined, effective: DayKey, fileName: string): CardPricingModel {
  const byDate: CardPricingModel = effective >= MESSAGE_PRICING_FROM ? 'message' : 'conversation';
  const written = title?.match(TITLE_MODEL)?.[1]?.toLowerCase() as CardPricingModel | undefined;
  if (written !== undefined && written !== byDate) {
    throw new RateCardFileError(
      fileName,
      `the title prices per ${written}, but WhatsApp was priced per ${byDate} on ${dayKeyToIso(effective)}`,
    );
  }
  return byDate;
}
