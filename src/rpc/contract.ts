/**
 * The typed contract between the sidebar (browser) and the server-side globals it calls through
 * google.script.run. Every value must survive google.script.run: primitives, null, plain objects
 * and arrays of them — never Date, undefined or functions.
 */
import type { AtomImportKind, AtomMapping, AtomRow, ClosedConversationsCount } from '../atom';
import type { CardNote, SheetRangeRef } from '../month-close';

export type SidebarLanguage = 'en' | 'es';

/**
 * A server error the sidebar words in the user's language (src/sidebar/server-errors.ts): google.script.run hands
 * the failure handler only the error's message, so the note rides after the English message, behind
 * ERROR_NOTE_MARK, as JSON (src/gas/sidebar-rpc.ts).
 */
export type ServerErrorNote =
  /** A month close or an Atom import holds the document lock. */
  | { code: 'importRunning' }
  /** Someone else holds the lock while changing the connection or the daily refresh. */
  | { code: 'settingsBusy'; what: 'connection' | 'dailyRefresh' }
  | { code: 'noEmail' }
  | { code: 'notAdmin'; admins: readonly string[] }
  | { code: 'noAdminYet' }
  | { code: 'notAnAdmin'; email: string }
  | { code: 'lastAdmin' }
  /** The result card's link names a sheet that was deleted since. */
  | { code: 'sheetGone' }
  /** The month close needs a Meta connection. */
  | { code: 'notConnected' }
  /** Meta's answers: the token no longer works; the token or system user lacks access; throttled or down. */
  | { code: 'metaToken' }
  | { code: 'metaPermission'; graphCode: number; wabaId: string }
  | { code: 'metaThrottled' | 'metaUnavailable'; minutes: number }
  | { code: 'metaNoAnswer'; detail: string }
  /** The month close fetched nothing: `cause` worded when it has a note, else Meta's English `message`. */
  | { code: 'nothingImported'; cause?: ServerErrorNote; message: string }
  /** Connect: Meta refused the token the admin typed. */
  | { code: 'tokenRefused' }
  /** Connect: the Graph address did not answer (`detail`: what the transport said). */
  | { code: 'graphUnreachable'; address: string; detail: string }
  /** Connect: Meta answered for another WhatsApp Business Account than the one typed. */
  | { code: 'otherWaba'; answered: string; typed: string }
  /** The month close's groups or campaigns range names a sheet that does not exist, or cells outside it. */
  | { code: 'noSheet'; what: 'groups' | 'campaigns'; sheet: string }
  | { code: 'rangeOutside'; what: 'groups' | 'campaigns'; range: string; sheet: string }
  /** BigQuery (the history store): the user lacks roles on the dataset, the dataset is gone, the scope was refused. */
  | { code: 'bigQueryAccess' | 'bigQueryDatasetMissing'; project: string; dataset: string }
  | { code: 'bigQueryScope' };

/** Separates a failure's English message from its ServerErrorNote (an invisible separator, U+2063). */
export const ERROR_NOTE_MARK = '\u2063';

export interface SidebarBootstrap {
  language: SidebarLanguage;
  userEmail: string;
  spreadsheetName: string;
  spreadsheetTimeZone: string;
  /** Spreadsheet.getSpreadsheetLocale() ("es_CO"): the sidebar's figures follow it, as the sheet's do, and amounts typed in the sidebar are read in it. */
  spreadsheetLocale: string;
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
  /** Meta's WABA `country` (ISO code; "" unknown): the sidebar warns a BR account not yet billed in BRL. */
  country: string;
  /** Accounts this one replaced on the same numbers (a currency migration), each in its own currency. */
  formerAccounts: { wabaId: string; wabaName: string; currency: string }[];
  /** The zone Meta's daily buckets are read in: the WABA's, or the spreadsheet's when Meta's id is not mapped. */
  timeZone: string;
  zoneSource: 'waba' | 'spreadsheet';
  /**
   * 'confirmed': Meta's id is in the confirmed range (1–141); 'unconfirmed': mapped from one third-party
   * transcription (142–475); 'fallback': the spreadsheet's zone. The sidebar warns unless 'confirmed'.
   */
  zoneConfidence: 'confirmed' | 'unconfirmed' | 'fallback';
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
  /** Default: the stored connection's version, else the current Graph version (v27.0). */
  apiVersion?: string;
  /** Default https://graph.facebook.com; tests and the preview point it at the fake Graph server. */
  graphBaseUrl?: string;
}

/** A rate card file the user picked: Meta's Rates CSV, split into rows in the sidebar (rateCardRows). */
export interface ImportRateCardRequest {
  fileName: string;
  /** The file's rows of cells (a quoted line break stays in its cell); the server checks their shape and size. */
  rows: string[][];
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

/** A calendar month as `YYYY-MM` (e.g. `2025-10`). */
export type MonthKey = string;

export type { SheetRangeRef } from '../month-close';
/** A result card note: a code and its values (src/month-close/card-notes.ts). */
export type MonthCloseNote = CardNote;

export type MonthCloseStatus = 'estimate' | 'closed';
export type MonthPricingModel = 'conversation' | 'message' | 'mixed';
export type ProjectionMethodName = 'linear' | 'trailing7' | 'weekday';

/** One row of the "Imports" ledger as the sidebar shows it. Times are ISO 8601 instants (UTC, `…Z`). */
export interface MonthImportEntry {
  importedAt: string;
  user: string;
  month: MonthKey;
  wabaId: string;
  /** Phone numbers imported; empty = every line of the account. */
  lines: string[];
  rowsWritten: number;
  billedUnits: number;
  /** null when Meta gives no cost (partner credit line). */
  cost: number | null;
  status: MonthCloseStatus;
  /** Against the previous import of the same month; null for the month's first import. */
  deltaUnits: number | null;
  deltaCost: number | null;
  /** True for a daily-refresh (time-driven trigger) run. */
  scheduled: boolean;
  /** The amount the import allocated and where it came from (null: a ledger row older than these columns). */
  costToAllocate: number | null;
  costToAllocateSource: CostToAllocateSource | null;
}

/** The daily refresh of the open month. `hour` is 0–23 in the spreadsheet's time zone. */
export interface DailyRefreshState {
  enabled: boolean;
  /** null when disabled. */
  hour: number | null;
  timeZone: string;
  /** Whether the caller may switch it (admins of the Meta connection only). */
  canChange: boolean;
}

export interface MonthCloseSetup {
  /** The previous month during the first 5 days of a month (spreadsheet zone), else the current one. */
  defaultMonth: MonthKey;
  timeZone: string;
  /** False until an admin connects Meta; the other fields still describe the document. */
  connected: boolean;
  /** The WABA's currency ("" when not connected). */
  currency: string;
  /** Its currency, then those of the accounts it replaced (MetaConnectionView.formerAccounts), once each. */
  currencies: string[];
  lines: MetaLineView[];
  /** The Atom ranges used by the last import, to prefill the form; null when never given. */
  groups: SheetRangeRef | null;
  campaigns: SheetRangeRef | null;
  /** Each month's Atom tables (from the Atom import), by month key: the form proposes the chosen month's. */
  atomRanges: Record<MonthKey, { groups: SheetRangeRef | null; campaigns: SheetRangeRef | null }>;
  /** The latest import of each month, newest month first. */
  lastImports: MonthImportEntry[];
  dailyRefresh: DailyRefreshState;
  /** Days after a month's end during which it stays an estimate (Meta consolidates late data). */
  graceDays: number;
  isAdmin: boolean;
}

export interface RunMonthCloseRequest {
  month: MonthKey;
  /** Phone numbers; omitted or empty = every line of the account. */
  lines?: string[];
  /** Atom's "distribution by group": two columns (group, closed conversations) with a header row. */
  groups?: SheetRangeRef | null;
  /** Atom's outbound report: two columns (campaign, conversations) with a header row. */
  campaigns?: SheetRangeRef | null;
  /**
   * The amount split across groups and campaigns (the invoice, with tax or FX). null (the field blank): Meta's cost,
   * unless a person typed an amount in the sheet's cell; omitted (the daily refresh): the last amount stays.
   */
  costToAllocate?: number | null;
  /**
   * The currency of the cost to allocate, when the month is billed in more than one (an account migrated to a new
   * currency): default the connected account's. Its Meta cost is the default amount; its minor units round the split.
   */
  costCurrency?: string | null;
  /** Default linear (Atom's method). */
  projectionMethod?: ProjectionMethodName;
}

/** One day of the month as written to the summary's daily table (and drawn by the sidebar). */
export interface MonthCloseDay {
  day: string;
  /** null for the days of an open month after the last imported day (they have not happened yet). */
  billedUnits: number | null;
  cumulative: number | null;
  /** Open month only: the cumulative projected to the month's end (days after the last imported day). */
  projectedCumulative: number | null;
}

/** A written sheet: its name and sheet id (for links that activate it). */
export interface WrittenSheet {
  name: string;
  sheetId: number;
}

/**
 * Where the amount split across groups and campaigns came from: typed in the sidebar (the request), a value finance
 * typed into the summary's cost-to-allocate cell (kept on re-import), Meta's cost, or the rate cards' cost (Meta
 * gives none).
 */
export type CostToAllocateSource = 'request' | 'kept' | 'meta' | 'rateCard';

export interface MonthCloseResult {
  month: MonthKey;
  status: MonthCloseStatus;
  pricingModel: MonthPricingModel;
  billedUnits: number;
  /** Meta's cost, or where Meta gives none (partner credit line) the rate-card cost; null when neither. */
  cost: number | null;
  /** "Meta", "rate card BRL 2025-10-01" (the cards that priced the month), or null without a cost. */
  costSource: string | null;
  currency: string;
  /** The month's cost in each other currency (an account it replaced): never added to `cost`. */
  otherCosts: { currency: string; cost: number | null }[];
  costToAllocate: number | null;
  /** The currency of costToAllocate (`currency`, or one of otherCosts' when the request chose it). */
  costToAllocateCurrency: string;
  costToAllocateSource: CostToAllocateSource;
  /** Month-end projection of billed units; null for a closed month. */
  projection: number | null;
  projectionMethod: ProjectionMethodName;
  /** Meta's rows written for this month (to "Meta data", or to BigQuery when the history is kept there). */
  rowsWritten: number;
  /** The previous import of this month; null for its first import. */
  previous: { billedUnits: number; cost: number | null } | null;
  /** `data` ("Meta data") is absent when the history is in BigQuery. */
  sheets: { data?: WrittenSheet; summary: WrittenSheet; ledger: WrittenSheet };
  /** Bytes BigQuery processed reading the month's history; absent when the history is in Sheets. */
  bytesProcessed?: number;
  /** ISO 8601 instant (UTC). */
  importedAt: string;
  daily: MonthCloseDay[];
  /** The result card's notes (e.g. the cost to allocate typed in the sheet was kept), worded by the sidebar. */
  notes: MonthCloseNote[];
}

export type MonthCloseStep = 'waiting' | 'fetching' | 'computing' | 'writing' | 'done';

/** The caller's running import; `message` is an English fallback, the sidebar words it from step/done/total. */
export interface MonthCloseProgress {
  step: MonthCloseStep;
  done: number;
  total: number;
  message: string;
}

export interface SetDailyRefreshRequest {
  enabled: boolean;
  /** 0–23 in the spreadsheet's time zone; required when enabled. */
  hour?: number | null;
}

/** A monthly budget of the connected account: the whole account, one line, or one of Atom's groups or campaigns. */
export interface BudgetView {
  scope: 'account' | 'line' | 'group' | 'campaign';
  /** "" for the account; the line's display number; the group's or campaign's label in Atom's table. */
  name: string;
  /** In the account's currency, at most its minor units of decimals. */
  amount: number;
}

/** The Budgets panel: every editor sees the budgets; only admins may change them. */
export interface BudgetsView {
  connected: boolean;
  currency: string;
  /** The account's lines (display numbers), which a budget may be for. */
  lines: string[];
  budgets: BudgetView[];
  isAdmin: boolean;
  admins: string[];
}

/** Where the month close's raw history lives: the spreadsheet (default) or a BigQuery dataset of the user's. */
export type HistoryStoreSetting =
  | { kind: 'sheets' }
  | {
      kind: 'bigquery';
      /** Google Cloud project and dataset ids, as BigQuery spells them; the dataset must exist. */
      project: string;
      dataset: string;
      /** The dataset's location (US, EU, southamerica-east1…): jobs run there. */
      location: string;
      /** The cap on bytes billed per query (every query is dry-run against it first). */
      maximumBytesBilled: number;
      /** Advanced: the REST endpoint (https://bigquery.googleapis.com); tests point it at the fake. */
      apiBaseUrl: string;
    };

/** The History section: every editor sees where the history is; only admins may change it. */
export interface HistoryStoreView {
  store: HistoryStoreSetting;
  isAdmin: boolean;
  admins: string[];
  /** After setHistoryStore: the tables it created (already there: none). */
  createdTables: string[];
}

/** What an admin asks for: BigQuery's location, cap and address may be left out (US, 1 GB, Google's). */
export type SetHistoryStoreRequest =
  | { kind: 'sheets' }
  | {
      kind: 'bigquery';
      project: string;
      dataset: string;
      location?: string;
      maximumBytesBilled?: number;
      apiBaseUrl?: string;
    };

/** Tables the history copy fills: the raw rows by month, and the "Imports" ledger. */
export type HistoryCopyTable = 'meta_rows' | 'atom_conversations' | 'atom_messages' | 'ledger';

/** Copying the spreadsheet's history into BigQuery: what is left, what was copied, what BigQuery kept. */
export interface HistoryCopyView {
  /** Months of "Meta data" / "Atom conversations" not copied yet, oldest first. */
  months: MonthKey[];
  /** Rows each table gets from those months (ledger: the "Imports" rows BigQuery lacks). */
  rows: Record<HistoryCopyTable, number>;
  /** Months copied so far into this dataset. */
  copied: MonthKey[];
  /** Partitions that already held another number of rows: kept as BigQuery had them. */
  skipped: { table: HistoryCopyTable; month: MonthKey; inBigQuery: number; inSheet: number }[];
  /** Nothing is left to copy. */
  done: boolean;
}

/** The Atom report kinds that can be imported (an 'unknown' export must be mapped first). */
export type { AtomImportKind } from '../atom';

/** Which closures count as Atom's closed conversations by group: both (default) or manual typifications only. */
export type { ClosedConversationsCount };

export interface ImportAtomRowsRequest {
  kind: AtomImportKind;
  /** `YYYY-MM` for rows without a start date (the aggregate reports); rows with one go to their own month. */
  month?: MonthKey | null;
  fileName: string;
  /** Field → header as used for this file; remembered per kind for the next file. */
  mapping: AtomMapping;
  rows: AtomRow[];
  /** Batches of one file are sent in order, 0 … count − 1; nothing is written to the data sheets before the last. */
  batch: { index: number; count: number };
  closedConversations?: ClosedConversationsCount;
}

export interface ImportAtomRowsResult {
  batch: { index: number; count: number };
  /** Rows received so far for this file. */
  received: number;
  /** True once the last batch has been written to the sheets. */
  committed: boolean;
  /** After the commit (zeros before): rows of the file written, stored rows they replaced, ids repeated in the file. */
  rowsWritten: number;
  replaced: number;
  duplicatesInFile: number;
  /** Months whose "Billing YYYY-MM" tables were rewritten. */
  months: MonthKey[];
  sheets: WrittenSheet[];
  /** History in BigQuery: bytes the import's queries processed (the months read back, their billed units). */
  bytesProcessed?: number;
}

export interface AtomImportSetup {
  timeZone: string;
  /** The mapping last used for each report kind. */
  mappings: Partial<Record<AtomImportKind, AtomMapping>>;
  closedConversations: ClosedConversationsCount;
  /** Sheets the user may pick as an export already pasted into the spreadsheet. */
  sheets: string[];
  /** Rows per importAtomRows call the sidebar should send (also capped by size). */
  batchRows: number;
}

/** A sheet holding an export: its cells with dates as wall-time text `yyyy-MM-dd HH:mm:ss` in the spreadsheet's zone. */
export interface AtomSheetCells {
  name: string;
  cells: (string | number | boolean)[][];
}

/**
 * The sidebar's calls: one member each. src/gas/sidebar-rpc.ts implements it (one object typed by this interface)
 * and dev/build emits a global function per member into Code.js, since google.script.run reaches only globals.
 */
export interface SidebarRpc {
  /** Language, user and spreadsheet facts for the first paint. */
  getSidebarBootstrap(): SidebarBootstrap;
  /** The Meta connection (never the token), or null when there is none. */
  getConnection(): MetaConnectionView | null;
  /** Validates the WABA id and token with Meta, then stores them (admins only; the first saver becomes admin). */
  saveConnection(request: SaveConnectionRequest): MetaConnectionView;
  /** Removes the Meta connection (admins only); the admins list is kept. */
  clearConnection(): null;
  /** Adds an admin of the Meta connection (admins only); returns the new list. */
  addAdmin(email: string): string[];
  /** Removes an admin (admins only; never the last one); returns the new list. */
  removeAdmin(email: string): string[];
  /** Reads Meta's rate card file and stores it on the "Rate cards" sheet, replacing one of the same currency and date. */
  importRateCard(request: ImportRateCardRequest): ImportRateCardResult;
  /** The Month close panel's defaults: month, lines, remembered Atom ranges, last imports, daily refresh. */
  getMonthCloseSetup(): MonthCloseSetup;
  /** Imports a month from Meta into "Meta data", "Billing YYYY-MM" and the "Imports" ledger. */
  runMonthClose(request: RunMonthCloseRequest): MonthCloseResult;
  /** The caller's running import (polled while runMonthClose runs), or null. */
  getMonthCloseProgress(): MonthCloseProgress | null;
  /** Admins only: creates, moves or deletes the document's one time-driven trigger (the daily refresh). */
  setDailyRefresh(request: SetDailyRefreshRequest): DailyRefreshState;
  /** Admins only; 0–31 days after a month's end during which it stays an estimate. Returns the stored value. */
  setConsolidationGrace(days: number): number;
  /** Makes a written sheet the active one (the result card's links). */
  activateSheet(sheetId: number): null;
  /** The Atom data panel's defaults: remembered mappings, the closed-conversations option, sheets to pick. */
  getAtomImportSetup(): AtomImportSetup;
  /** The cells of an existing sheet, for the sidebar to parse like a file (dates as text in the spreadsheet's zone). */
  readAtomSheet(name: string): AtomSheetCells;
  /** One batch of an Atom export's rows; the last batch writes the Atom sheets and the month tables. */
  importAtomRows(request: ImportAtomRowsRequest): ImportAtomRowsResult;
  /** The account's monthly budgets (every editor may read them). */
  getBudgets(): BudgetsView;
  /** Admins only: replaces the account's budgets (the daily refresh emails the admins once per crossing). */
  setBudgets(budgets: BudgetView[]): BudgetsView;
  /** Where the history is kept (every editor may read it). */
  getHistoryStore(): HistoryStoreView;
  /**
   * Admins only: keeps the history in the spreadsheet or in a BigQuery dataset, whose tables it creates when
   * missing; on any failure the setting stays as it was.
   */
  setHistoryStore(request: SetHistoryStoreRequest): HistoryStoreView;
  /** Admins, history in BigQuery: what copying the spreadsheet's history would copy (null: history in Sheets). */
  getHistoryCopy(): HistoryCopyView | null;
  /**
   * Admins only: copies as many months as fit in one call (run again until `done`); a failure names its month and
   * leaves the months copied before it.
   */
  copyHistory(): HistoryCopyView;
  /** The user's selection (sheet and A1 range), for the Month close panel's "use selection" buttons. */
  getActiveRange(): SheetRangeRef | null;
}

export type RpcName = keyof SidebarRpc;
