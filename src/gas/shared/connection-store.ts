/**
 * The Meta connection and its admins, in DOCUMENT properties: shared by every editor of this spreadsheet, so
 * everyone's META_* formulas use the one connection (user properties would be invisible to other editors' custom
 * function runs). The token is stored here and nowhere else.
 */
import type { PhoneLine } from '../../meta';
import { documentProperties, readDocumentJson as readJson } from './document-json';

export interface StoredConnection {
  wabaId: string;
  token: string;
  apiVersion: string;
  graphBaseUrl: string;
  wabaName: string;
  currency: string;
  /** Meta's WABA `country`; absent in connections saved before it was read. */
  country?: string;
  /** Meta's numeric timezone_id; resolved to a zone when used (the spreadsheet's zone is the fallback). */
  timezoneId: string;
  lines: PhoneLine[];
  /**
   * Accounts in another currency this one replaced on the same phone numbers (newest first): Meta's currency
   * migration makes a new WABA
   * and moves the numbers to it, so the earlier days stay on the old one, in its currency (meta-2026.md §2).
   */
  formerAccounts?: FormerAccount[];
}

export interface FormerAccount {
  wabaId: string;
  wabaName: string;
  currency: string;
}

/** The connection and each account it replaced, as connections (same token and Graph address). */
export function accountsOf(connection: StoredConnection): StoredConnection[] {
  return [connection, ...(connection.formerAccounts ?? []).map((f) => ({ ...connection, ...f }))];
}

const CONNECTION_KEY = 'atomBilling.meta.connection';
const ADMINS_KEY = 'atomBilling.meta.admins';

export function readConnection(): StoredConnection | null {
  const value = readJson(CONNECTION_KEY) as StoredConnection | null;
  return value && typeof value.wabaId === 'string' && typeof value.token === 'string' ? value : null;
}

/** Lower-cased emails; empty until the first connection is saved. */
export function readAdmins(): string[] {
  const value = readJson(ADMINS_KEY);
  return Array.isArray(value) ? value.filter((e): e is string => typeof e === 'string') : [];
}

export function writeConnection(connection: StoredConnection, admins: readonly string[]): void {
  documentProperties().setProperties({
    [CONNECTION_KEY]: JSON.stringify(connection),
    [ADMINS_KEY]: JSON.stringify(admins),
  });
}

export function writeAdmins(admins: readonly string[]): void {
  documentProperties().setProperty(ADMINS_KEY, JSON.stringify(admins));
}

/** Admins are kept: after a disconnect only they may connect again. */
export function deleteConnection(): void {
  documentProperties().deleteProperty(CONNECTION_KEY);
}
