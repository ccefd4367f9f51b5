/**
 * The typed contract between the sidebar (browser) and the server-side globals it calls through
 * google.script.run. Every value must survive google.script.run: primitives, null, plain objects
 * and arrays of them — never Date, undefined or functions.
 */

export type SidebarLanguage = 'en' | 'es';

export interface SidebarBootstrap {
  language: SidebarLanguage;
  userEmail: string;
  spreadsheetName: string;
  spreadsheetTimeZone: string;
}

/** One phone number of the connected WhatsApp Business Account. */
export interface MetaLineView {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
}

/**
 * The Meta connection as the sidebar sees it: never the token, only its last four characters. Admins are listed
 * to every editor (they already share the spreadsheet, and a non-admin needs to know whom to ask); only admins
 * may change anything.
 */
export interface MetaConnectionView {
  wabaId: string;
  wabaName: string;
  currency: string;
  /** The zone Meta's daily buckets are read in: the WABA's, or the spreadsheet's when Meta's id is not mapped. */
  timeZone: string;
  zoneSource: 'waba' | 'spreadsheet';
  lines: MetaLineView[];
  /** "…" and the token's last four characters; just "…" for a token too short to hint at safely. */
  tokenHint: string;
  apiVersion: string;
  isAdmin: boolean;
  admins: string[];
}

export interface SaveConnectionRequest {
  wabaId: string;
  token: string;
  /** Default: a current Graph version (v25.0). */
  apiVersion?: string;
  /** Default https://graph.facebook.com; tests and the preview point it at the fake Graph server. */
  graphBaseUrl?: string;
}

/** A rate card file the user picked: Meta's Rates CSV as text. */
export interface ImportRateCardRequest {
  fileName: string;
  text: string;
  /** Only when the file does not say it (the server's error asks for it). */
  currency?: string;
  /** YYYY-MM-DD; only when the file does not say it. */
  effectiveFrom?: string;
}

export interface ImportRateCardResult {
  currency: string;
  /** YYYY-MM-DD. */
  effectiveFrom: string;
  /** Markets (countries and regions) on the card. */
  markets: number;
  /** True when a card of the same currency and effective date was there and has been replaced. */
  replaced: boolean;
}

export interface SidebarRpc {
  getSidebarBootstrap(): SidebarBootstrap;
  getConnection(): MetaConnectionView | null;
  saveConnection(request: SaveConnectionRequest): MetaConnectionView;
  clearConnection(): null;
  /** Both return the admins list after the change. */
  addAdmin(email: string): string[];
  removeAdmin(email: string): string[];
  /** Stores the card on the "Rate cards" sheet, replacing one of the same currency and effective date. */
  importRateCard(request: ImportRateCardRequest): ImportRateCardResult;
}

export type RpcName = keyof SidebarRpc;
