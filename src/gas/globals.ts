/**
 * The Apps Script entry file: every global function of the add-on, and nothing else.
 * The build strips the exports and keeps each JSDoc block right above its top-level function,
 * which is what Sheets' custom-function autocomplete reads.
 */
import { billedUniqueContacts } from '../core/formulas/unique-contacts';
import type { SidebarBootstrap } from '../rpc/contract';
import { buildAddonMenu, openSidebar } from './menu';
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

/**
 * Counts distinct WhatsApp contacts (phone numbers are compared by their digits), optionally only on days between start and end.
 *
 * @param {A2:A} contacts Phone numbers or contact ids, one per message or conversation; blank cells are ignored.
 * @param {B2:B} dates Optional. The date of each row (same size as contacts).
 * @param {"2025-10-01"} start Optional. First day counted (inclusive), in the spreadsheet's time zone.
 * @param {"2025-10-31"} end Optional. Last day counted (inclusive).
 * @return The number of unique contacts.
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
