/**
 * The Apps Script entry file: every global function of the add-on, and nothing else.
 * The build strips the exports and keeps each JSDoc block right above its top-level function,
 * which is what Sheets' custom-function autocomplete reads.
 */
import { billedBreakdown } from '../core/formulas/breakdown';
import { billedByCampaign } from '../core/formulas/by-campaign';
import { billedByGroup } from '../core/formulas/by-group';
import { billedConversations } from '../core/formulas/conversations';
import { billedProjection } from '../core/formulas/projection';
import type { Table } from '../core/formulas/sheet-context';
import { billedUniqueContacts } from '../core/formulas/unique-contacts';
import type {
  AtomImportSetup,
  AtomSheetCells,
  DailyRefreshState,
  ImportAtomRowsRequest,
  ImportAtomRowsResult,
  ImportRateCardRequest,
  ImportRateCardResult,
  MetaConnectionView,
  MonthCloseProgress,
  MonthCloseResult,
  MonthCloseSetup,
  RunMonthCloseRequest,
  SaveConnectionRequest,
  SetDailyRefreshRequest,
  SheetRangeRef,
  SidebarBootstrap,
} from '../rpc/contract';
import { buildAddonMenu, openSidebar } from './menu';
import { metaAnalytics, metaBilled, metaCost } from './meta/meta-formulas';
import { billedCost, metaRateFormula } from './rates/rate-formulas';
import { runScheduledMonthClose as scheduledMonthClose } from './month-close/daily-refresh';
import { sidebarRpc } from './sidebar-rpc';
import { activeSheetContext } from './spreadsheet-context';

/** Adds the Atom Billing menu (runs in AuthMode.NONE too). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu();
}

/** Installing the add-on opens the menu right away in the current document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu item: Extensions ▸ Atom Billing ▸ Open sidebar. */
export function showSidebar(): void {
  openSidebar();
}

/** Sidebar RPC: language, user and spreadsheet facts for the first paint. */
export function getSidebarBootstrap(): SidebarBootstrap {
  return sidebarRpc.getSidebarBootstrap();
}

/** Sidebar RPC: the Meta connection (never the token), or null when there is none. */
export function getConnection(): MetaConnectionView | null {
  return sidebarRpc.getConnection();
}

/** Sidebar RPC: validates the WABA id and token with Meta, then stores them (admins only; the first saver becomes admin). */
export function saveConnection(request: SaveConnectionRequest): MetaConnectionView {
  return sidebarRpc.saveConnection(request);
}

/** Sidebar RPC: removes the Meta connection (admins only); the admins list is kept. */
export function clearConnection(): null {
  return sidebarRpc.clearConnection();
}

/** Sidebar RPC: adds an admin of the Meta connection (admins only); returns the new list. */
export function addAdmin(email: string): string[] {
  return sidebarRpc.addAdmin(email);
}

/** Sidebar RPC: removes an admin (admins only; never the last one); returns the new list. */
export function removeAdmin(email: string): string[] {
  return sidebarRpc.removeAdmin(email);
}

/** Sidebar RPC: reads Meta's rate card file and stores it on the "Rate cards" sheet (replacing the same currency and date). */
export function importRateCard(request: ImportRateCardRequest): ImportRateCardResult {
  return sidebarRpc.importRateCard(request);
}

/** Sidebar RPC: the Month close panel's defaults — month, lines, remembered Atom ranges, last imports, daily refresh. */
export function getMonthCloseSetup(): MonthCloseSetup {
  return sidebarRpc.getMonthCloseSetup();
}

/** Sidebar RPC: imports a month from Meta into "Meta data", "Billing YYYY-MM" and the "Imports" ledger. */
export function runMonthClose(request: RunMonthCloseRequest): MonthCloseResult {
  return sidebarRpc.runMonthClose(request);
}

/** Sidebar RPC: the caller's running import (polled while runMonthClose runs), or null. */
export function getMonthCloseProgress(): MonthCloseProgress | null {
  return sidebarRpc.getMonthCloseProgress();
}

/** Sidebar RPC: switches the daily refresh of the open month on (at an hour) or off (admins only). */
export function setDailyRefresh(request: SetDailyRefreshRequest): DailyRefreshState {
  return sidebarRpc.setDailyRefresh(request);
}

/** Sidebar RPC: days after a month's end during which it stays an estimate (admins only). */
export function setConsolidationGrace(days: number): number {
  return sidebarRpc.setConsolidationGrace(days);
}

/** Sidebar RPC: activates a sheet the import wrote (the result card's links). */
export function activateSheet(sheetId: number): null {
  return sidebarRpc.activateSheet(sheetId);
}

/** Sidebar RPC: the Atom data panel's defaults — remembered mappings, the closed-conversations option, sheets to pick. */
export function getAtomImportSetup(): AtomImportSetup {
  return sidebarRpc.getAtomImportSetup();
}

/** Sidebar RPC: the cells of a sheet that already holds an Atom export (dates as text in the spreadsheet's zone). */
export function readAtomSheet(name: string): AtomSheetCells {
  return sidebarRpc.readAtomSheet(name);
}

/** Sidebar RPC: one batch of an Atom export's rows; the last batch writes the Atom sheets and the month tables. */
export function importAtomRows(request: ImportAtomRowsRequest): ImportAtomRowsResult {
  return sidebarRpc.importAtomRows(request);
}

/** Sidebar RPC: the user's selected range (the Month close panel's "use selection" buttons). */
export function getActiveRange(): SheetRangeRef | null {
  return sidebarRpc.getActiveRange();
}

/** Daily-refresh trigger handler: re-imports the months still open (only from its time-driven trigger). */
export function runScheduledMonthClose(e?: GoogleAppsScript.Events.TimeDriven): MonthCloseResult[] {
  return scheduledMonthClose(e);
}

/**
 * Billable WhatsApp units Meta counted (charged conversations before July 2025, charged messages since) for the days start to end.
 *
 * @param {Date|string} start First day (inclusive): a date or yyyy-MM-dd text.
 * @param {Date|string} end Last day (inclusive).
 * @param {string|number|Array<Array<string|number>>} lines Optional. Phone number(s) of the lines to count, a cell or a range; blank = every line.
 * @param {string} category Optional. MARKETING, UTILITY, AUTHENTICATION, AUTHENTICATION_INTERNATIONAL or SERVICE; blank = all.
 * @return {number} The number of billable units (Meta's REGULAR volume).
 * @customfunction
 */
export function META_BILLED(start: unknown, end: unknown, lines?: unknown, category?: unknown): number {
  return metaBilled({ start, end, lines, category });
}

/**
 * Approximate cost Meta reports for WhatsApp traffic between start and end, in the WhatsApp account's currency.
 *
 * @param {Date|string} start First day (inclusive): a date or yyyy-MM-dd text.
 * @param {Date|string} end Last day (inclusive).
 * @param {string|number|Array<Array<string|number>>} lines Optional. Phone number(s) of the lines to include, a cell or a range; blank = every line.
 * @param {string} category Optional. MARKETING, UTILITY, AUTHENTICATION, AUTHENTICATION_INTERNATIONAL or SERVICE; blank = all.
 * @return {number} The approximate cost, in the currency of the WhatsApp Business Account.
 * @customfunction
 */
export function META_COST(start: unknown, end: unknown, lines?: unknown, category?: unknown): number {
  return metaCost({ start, end, lines, category });
}

/**
 * Meta's WhatsApp volume and cost as a table by day or month, broken down by line, country, pricing model, category, type or tier.
 *
 * @param {Date|string} start First day (inclusive): a date or yyyy-MM-dd text.
 * @param {Date|string} end Last day (inclusive).
 * @param {string} granularity Optional. DAILY (default) or MONTHLY.
 * @param {string|string[][]} dimensions Optional. Any of line, country, pricing model, category, type, tier (comma separated or a range); blank = totals only.
 * @param {string|number|Array<Array<string|number>>} lines Optional. Phone number(s) of the lines to include; blank = every line.
 * @return {Array<Array<string|number>>} A table with a header row: day, the requested breakdowns, volume, cost.
 * @customfunction
 */
export function META_ANALYTICS(
  start: unknown,
  end: unknown,
  granularity?: unknown,
  dimensions?: unknown,
  lines?: unknown,
): Table {
  return metaAnalytics({ start, end, granularity, dimensions, lines });
}

/**
 * Counts distinct WhatsApp contacts (phone numbers are compared by their digits), optionally only on days between start and end.
 *
 * @param {string|number|Array<Array<string|number>>} contacts Phone numbers, one per message or conversation; blank cells are ignored.
 * @param {Date|Date[][]} dates Optional. The date of each row (same size as contacts).
 * @param {Date|string} start Optional. First day counted (inclusive), in the spreadsheet's time zone.
 * @param {Date|string} end Optional. Last day counted (inclusive).
 * @return {number} The number of unique contacts.
 * @customfunction
 */
export function BILLED_UNIQUE_CONTACTS(
  contacts: unknown,
  dates?: unknown,
  start?: unknown,
  end?: unknown,
): number {
  return billedUniqueContacts({ contacts, dates, start, end }, activeSheetContext());
}

/**
 * Splits Meta's billed total (and optionally the month's cost) across groups in proportion to their closed conversations, with whole units and cents that add up exactly.
 *
 * @param {string[][]} groups Group of each row; repeated groups are added together, a blank group is "(no group)".
 * @param {number[][]} closed_conversations Closed conversations of each row (non-negative numbers).
 * @param {number} billed_total Meta's billed units for the month (a non-negative whole number).
 * @param {number} cost_total Optional. The month's cost to split as well.
 * @param {number} decimals Optional. Decimals of the currency (0 to 4, default 2).
 * @return {Array<Array<string|number>>} A table: group, closed conversations, exact share, billed exact, billed whole[, cost exact, cost rounded], and a Total row.
 * @customfunction
 */
export function BILLED_BY_GROUP(
  groups: unknown,
  closed_conversations: unknown,
  billed_total: unknown,
  cost_total?: unknown,
  decimals?: unknown,
): Table {
  return billedByGroup(
    {
      groups,
      closedConversations: closed_conversations,
      billedTotal: billed_total,
      costTotal: cost_total,
      decimals,
    },
    activeSheetContext(),
  );
}

/**
 * Splits a cost across campaigns in proportion to the conversations each one generated, with cents that add up exactly to the cost.
 *
 * @param {string[][]} campaigns Campaign of each row; repeated campaigns are added together.
 * @param {number[][]} conversations Conversations each row generated (non-negative numbers).
 * @param {number} cost_total The cost to split.
 * @param {number} decimals Optional. Decimals of the currency (0 to 4, default 2).
 * @return {Array<Array<string|number>>} A table: campaign, conversations, exact share, cost exact, cost rounded, and a Total row.
 * @customfunction
 */
export function BILLED_BY_CAMPAIGN(
  campaigns: unknown,
  conversations: unknown,
  cost_total: unknown,
  decimals?: unknown,
): Table {
  return billedByCampaign(
    { campaigns, conversations, costTotal: cost_total, decimals },
    activeSheetContext(),
  );
}

/**
 * Projects the month-end billed total from the daily figures so far (linear like Atom's report, or by the last 7 days, or by weekday).
 *
 * @param {Date|Date[][]} dates Day of each figure; several rows on one day add up, missing days count as 0.
 * @param {number[][]} daily_billed Billed units (or cost) of each row.
 * @param {Date|string} as_of Optional. Last day counted; default the latest date given.
 * @param {string} method Optional. "linear" (default), "trailing7" or "weekday".
 * @return {number} The projected total for the calendar month of as_of.
 * @customfunction
 */
export function BILLED_PROJECTION(
  dates: unknown,
  daily_billed: unknown,
  as_of?: unknown,
  method?: unknown,
): number {
  return billedProjection({ dates, dailyBilled: daily_billed, asOf: as_of, method }, activeSheetContext());
}

/**
 * Counts the units Meta charges for a message log: 24-hour conversations before 2025-07-01, delivered template messages from then on, and from 2026-10-01 also in-window utility templates and service messages beyond 1,000 per line a month.
 *
 * @param {Date[][]} timestamps Date and time of each message, in the spreadsheet's time zone.
 * @param {string|number|Array<Array<string|number>>} contacts The customer's phone number on each row.
 * @param {string[][]} kinds user, user_ad, service, marketing, utility, authentication or authentication_international.
 * @param {string} category Optional. Count only this category.
 * @param {string|number|Array<Array<string|number>>} lines Optional. The business phone number of each row (same size as timestamps); allowances are per line. Omitted: the whole log is one line.
 * @return {number} The number of charged units.
 * @customfunction
 */
export function BILLED_CONVERSATIONS(
  timestamps: unknown,
  contacts: unknown,
  kinds: unknown,
  category?: unknown,
  lines?: unknown,
): number {
  return billedConversations({ timestamps, contacts, kinds, category, lines }, activeSheetContext());
}

/**
 * Breaks a message log down by day, pricing model and category (and line, when lines are given) into charged and free units, to reconcile with Meta's daily figures.
 *
 * @param {Date[][]} timestamps Date and time of each message, in the spreadsheet's time zone.
 * @param {string|number|Array<Array<string|number>>} contacts The customer's phone number on each row.
 * @param {string[][]} kinds user, user_ad, service, marketing, utility, authentication or authentication_international.
 * @param {string|number|Array<Array<string|number>>} lines Optional. The business phone number of each row (same size as timestamps); adds a line column after the date.
 * @return {Array<Array<string|number>>} A table: date, [line,] pricing model, category, charged units, free units.
 * @customfunction
 */
export function BILLED_BREAKDOWN(
  timestamps: unknown,
  contacts: unknown,
  kinds: unknown,
  lines?: unknown,
): Table {
  return billedBreakdown({ timestamps, contacts, kinds, lines }, activeSheetContext());
}

/**
 * Meta's rate in force for one message (or, before July 2025, one conversation) of a category in a market, from the imported rate cards.
 *
 * @param {string} market_or_country A country (ISO code such as CO, or its name), a market such as "Rest of Latin America", or a phone number with its + prefix.
 * @param {string} category MARKETING, UTILITY, AUTHENTICATION, AUTHENTICATION_INTERNATIONAL or SERVICE.
 * @param {Date|string} date Optional. The day (default today); the card in force from 12 am of that day counts.
 * @param {string} currency Optional. The card's currency (default the connected WhatsApp account's, or the only one imported).
 * @return {number} The rate, exactly as Meta's card writes it.
 * @customfunction
 */
export function META_RATE(
  market_or_country: unknown,
  category: unknown,
  date?: unknown,
  currency?: unknown,
): number {
  return metaRateFormula({ marketOrCountry: market_or_country, category, date, currency });
}

/**
 * The cost of a message log under Meta's rules in force on each day (as BILLED_CONVERSATIONS counts it), priced from the imported rate cards and rounded once to the currency's cents.
 *
 * @param {Date[][]} timestamps Date and time of each message, in the spreadsheet's time zone.
 * @param {string|number|Array<Array<string|number>>} contacts The customer's phone number on each row.
 * @param {string[][]} kinds user, user_ad, service, marketing, utility, authentication or authentication_international.
 * @param {string[][]} countries The customer's country on each row (ISO code such as CO, or its name); blank = from the phone number's calling code.
 * @param {string|number|Array<Array<string|number>>} lines Optional. The business phone number of each row (same size as timestamps); allowances are per line. Omitted: the whole log is one line.
 * @param {string} currency Optional. The rate cards' currency (default the connected WhatsApp account's, or the only one imported).
 * @return {number} The cost in that currency.
 * @customfunction
 */
export function BILLED_COST(
  timestamps: unknown,
  contacts: unknown,
  kinds: unknown,
  countries: unknown,
  lines?: unknown,
  currency?: unknown,
): number {
  return billedCost({ timestamps, contacts, kinds, countries, lines, currency });
}
