/**
 * Arguments of META_BILLED / META_COST / META_ANALYTICS, read the way Sheets passes them (dates as Date cells
 * at local midnight in the spreadsheet's zone or ISO text; lines as a cell or range of phone numbers; text options
 * as a cell or range). Built on the shared readers in src/core/sheet-args so messages match the BILLED_* ones.
 */

import { contactDigits } from '../core/contacts/phone-number';
import { argError, argRef, scalarError, type ArgRef } from '../core/sheet-args/arg-errors';
import { isBlank } from '../core/sheet-args/cells';
import { readContacts } from '../core/sheet-args/contacts';
import { cellInstant, readEpochDay } from '../core/sheet-args/date-times';
import { readOptionalCell, readOptionalRange, readRequiredCell } from '../core/sheet-args/range';
import { dayKeyToIso, epochDayToDayKey, type DayKey } from '../core/time';
import { ZoneCalendar } from '../core/zone-calendar';
import type { Granularity } from './analytics';
import type { TableColumn } from './analytics-table';

export type MetaFunctionName = 'META_BILLED' | 'META_COST' | 'META_ANALYTICS' | 'META_ALLOWANCE';

export interface DayRange {
  fromDay: DayKey;
  toDay: DayKey;
}

/** start..end as calendar days, each read in the spreadsheet's zone (where Sheets made the Date cell). */
export function readDayRange(
  fn: MetaFunctionName,
  start: unknown,
  end: unknown,
  spreadsheetTimeZone: string,
): DayRange {
  const startArg = argRef(fn, 'start');
  const endArg = argRef(fn, 'end');
  const calendar = new ZoneCalendar(spreadsheetTimeZone);
  const first = readEpochDay(startArg, readRequiredCell(startArg, start), calendar);
  const last = readEpochDay(endArg, readRequiredCell(endArg, end), calendar);
  const fromDay = epochDayToDayKey(first);
  const toDay = epochDayToDayKey(last);
  if (first > last) {
    throw argError(startArg, `(${dayKeyToIso(fromDay)}) is after end (${dayKeyToIso(toDay)})`);
  }
  return { fromDay, toDay };
}

/**
 * Phone numbers (digits) of the lines asked for; none = every line. Each must be a line of the connected account,
 * because Meta silently answers nothing for other numbers and a mistyped number must not read as zero traffic.
 */
export function readLines(
  fn: MetaFunctionName,
  value: unknown,
  accountLines: readonly string[],
  name = 'lines',
): string[] {
  const arg = argRef(fn, name);
  const cells = readOptionalRange(arg, value) ?? [];
  const wanted = [...new Set(readContacts(arg, cells).filter((d) => d !== ''))];
  const known = new Map(accountLines.map((display) => [contactDigits(display) ?? '', display]));
  for (const digits of wanted) {
    if (!known.has(digits)) {
      const listed = accountLines.length ? accountLines.join(', ') : 'none';
      throw argError(
        arg,
        `+${digits} is not a line of the connected WhatsApp Business Account (its lines: ${listed}; ` +
          'an admin can reconnect in the sidebar to refresh the list)',
      );
    }
  }
  return wanted;
}

/** A calendar month: yyyy-MM text or a date in it (read in the spreadsheet's zone); blank = the month of `nowMs`. */
export function readMonth(
  fn: MetaFunctionName,
  value: unknown,
  timeZone: string,
  nowMs: number,
): { year: number; month: number } {
  const arg = argRef(fn, 'month');
  const cell = readOptionalCell(arg, value);
  const m = typeof cell === 'string' ? /^\s*(\d{4})-(\d{2})\s*$/.exec(cell) : null;
  if (m && +m[2] >= 1 && +m[2] <= 12) return { year: +m[1], month: +m[2] };
  const calendar = new ZoneCalendar(timeZone);
  const ms = cell === undefined ? nowMs : cellInstant(cell, calendar);
  if (ms === undefined) throw scalarError(arg, 'must be yyyy-MM text or a date', cell);
  const day = calendar.dayKeyAt(ms);
  return { year: Math.floor(day / 10000), month: Math.floor(day / 100) % 100 };
}

/**
 * Every value of Meta's `pricing_categories` enum (facebook-python-business-sdk, June 2026, and the Graph reference's
 * REFERRAL_CONVERSION); see meta-2026.md §3. Analytics rows of categories outside it are still shown by META_ANALYTICS.
 */
const CATEGORIES: readonly string[] = [
  'AI_BOT',
  'AUTHENTICATION',
  'AUTHENTICATION_INTERNATIONAL',
  'GROUP_MARKETING',
  'GROUP_MARKETING_LITE',
  'GROUP_SERVICE',
  'GROUP_UTILITY',
  'MARKETING',
  'MARKETING_LITE',
  'MARKETING_LITE_DYNAMIC',
  'REFERRAL_CONVERSION',
  'SERVICE',
  'UTILITY',
];

/** Categories asked for (upper case); none = all. "authentication international" and "Marketing" are accepted. */
export function readCategories(fn: MetaFunctionName, value: unknown): string[] {
  const arg = argRef(fn, 'category');
  return textOptions(arg, value).map((token) => {
    const name = token.toUpperCase().replace(/[\s-]+/g, '_');
    if (!CATEGORIES.includes(name)) {
      throw scalarError(arg, `must be one of ${CATEGORIES.join(', ')}`, token);
    }
    return name;
  });
}

const GRANULARITIES: Record<string, Granularity> = {
  DAILY: 'DAILY',
  DIARIO: 'DAILY',
  MONTHLY: 'MONTHLY',
  MENSUAL: 'MONTHLY',
};

export function readGranularity(fn: MetaFunctionName, value: unknown): Granularity {
  const arg = argRef(fn, 'granularity');
  const cell = readOptionalCell(arg, value);
  if (cell === undefined) return 'DAILY';
  const granularity = typeof cell === 'string' ? GRANULARITIES[cell.trim().toUpperCase()] : undefined;
  if (!granularity) throw scalarError(arg, 'must be DAILY or MONTHLY', cell);
  return granularity;
}

const COLUMN_NAMES: Record<string, TableColumn> = {
  line: 'line',
  phone: 'line',
  phonenumber: 'line',
  country: 'country',
  market: 'country',
  pricingmodel: 'pricingModel',
  model: 'pricingModel',
  category: 'category',
  type: 'type',
  pricingtype: 'type',
  tier: 'tier',
};

const COLUMN_ORDER: readonly TableColumn[] = ['line', 'country', 'pricingModel', 'category', 'type', 'tier'];

/** Breakdown columns, from text such as "line, country" or a range of names; always in the table's fixed order. */
export function readTableColumns(fn: MetaFunctionName, value: unknown): TableColumn[] {
  const arg = argRef(fn, 'dimensions');
  const chosen = new Set<TableColumn>();
  for (const token of textOptions(arg, value)) {
    const column = COLUMN_NAMES[token.toLowerCase().replace(/[\s_-]+/g, '')];
    if (!column) {
      throw scalarError(arg, 'must name line, country, pricing model, category, type or tier', token);
    }
    chosen.add(column);
  }
  return COLUMN_ORDER.filter((c) => chosen.has(c));
}

/** Non-blank text items of a cell or range, each cell split at commas and semicolons; duplicates dropped. */
function textOptions(arg: ArgRef, value: unknown): string[] {
  const tokens: string[] = [];
  for (const cell of readOptionalRange(arg, value) ?? []) {
    if (isBlank(cell)) continue;
    if (typeof cell !== 'string') throw scalarError(arg, 'must be text', cell);
    tokens.push(...cell.split(/[,;]/).map((t) => t.trim()));
  }
  return [...new Set(tokens.filter((t) => t !== ''))];
}
