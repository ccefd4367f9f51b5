/**
 * Sidebar RPC of the Atom import: the setup (remembered mappings, sheets to pick), reading an existing sheet,
 * and importAtomRows, which stages the batches of one file and commits them on the last one — "Atom
 * conversations" (or the aggregate report sheets) upserted, then each month's Atom tables rewritten.
 */
import {
  ALL_ATOM_LABELS,
  ATOM_FIELDS,
  AtomFileError,
  type AtomMapping,
  type AtomRow,
  atomSheetLabels,
  CAMPAIGNS_SHEET,
  type ClosedConversationsCount,
  CONVERSATIONS_SHEET,
  GROUPS_SHEET,
  monthBlock,
  monthTables,
  rowProblem,
  STAGING_SHEET,
  TABLE_CAPACITY,
  upsertRecords,
} from '../../atom';
import { UserFacingError } from '../../core/errors';
import type {
  AtomImportKind,
  AtomImportSetup,
  AtomSheetCells,
  ImportAtomRowsRequest,
  ImportAtomRowsResult,
  WrittenSheet,
} from '../../rpc/contract';
import { ownedSheet } from '../shared/owned-sheet';
import { insertNarrowSheet } from '../shared/narrow-sheet';
import { checkedBreakdownSheet, writeBreakdownSheet } from './breakdown-sheet';
import { checkedMonthSheet, writeMonthBlock } from './month-sheet';
import {
  readMonthRanges,
  readSettings,
  readStaging,
  writeMonthRanges,
  writeSettings,
  writeStaging,
} from './settings';
import { readBody, replaceTable, sheetNamed } from './sheet-io';
import { discardStaging, readStagedRows, stageRows } from './staging';
import {
  aggregateFromCells,
  aggregateFromRow,
  AGGREGATE_WIDTH,
  conversationFromCells,
  conversationFromRow,
  CONVERSATION_WIDTH,
  labelledCount,
  monthConversation,
  type StoredRow,
} from './stores';

/** Rows per call: ~300 bytes of JSON each, so a batch stays near 1.5 MB (see the README's Atom section). */
export const BATCH_ROWS = 5000;
/** A batch may be smaller than BATCH_ROWS, never more than twice as large. */
const MAX_BATCH_ROWS = 2 * BATCH_ROWS;
const MAX_BATCHES = 1000;
const LOCK_WAIT_MS = 30000;
const KINDS: readonly AtomImportKind[] = ['conversations', 'campaigns', 'groups'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

class AtomImportBusyError extends UserFacingError {
  constructor() {
    super('Another import is running in this spreadsheet; try again in a minute');
    this.name = 'AtomImportBusyError';
  }
}

/** Checks everything that crossed google.script.run before anything is written. */
function checkedRequest(request: ImportAtomRowsRequest): ImportAtomRowsRequest {
  const fileName =
    typeof request?.fileName === 'string' && request.fileName.trim() !== ''
      ? request.fileName
      : 'Atom import';
  const fail = (detail: string): never => {
    throw new AtomFileError(fileName, detail);
  };
  if (!KINDS.includes(request.kind))
    fail(`the report kind "${String(request.kind)}" cannot be imported; map the columns first`);
  const { index, count } = request.batch ?? ({} as ImportAtomRowsRequest['batch']);
  if (
    !Number.isInteger(count) ||
    count < 1 ||
    count > MAX_BATCHES ||
    !Number.isInteger(index) ||
    index < 0 ||
    index >= count
  ) {
    fail(`batch ${String(index)} of ${String(count)} is not a valid batch`);
  }
  if (!Array.isArray(request.rows) || request.rows.length > MAX_BATCH_ROWS) {
    fail(`a batch holds at most ${MAX_BATCH_ROWS} rows`);
  }
  request.rows.forEach((row, i) => {
    const problem = rowProblem(row);
    if (problem) fail(`row ${i + 1} of batch ${index + 1} cannot be imported: ${problem}`);
  });
  if (request.month != null && !MONTH.test(request.month))
    fail(`the month must be written YYYY-MM, not "${request.month}"`);
  if (
    request.closedConversations !== undefined &&
    request.closedConversations !== 'all' &&
    request.closedConversations !== 'manual'
  ) {
    fail('closedConversations must be "all" or "manual"');
  }
  return { ...request, fileName };
}

function currentUser(): string {
  return Session.getActiveUser().getEmail();
}

export function importAtomRows(raw: ImportAtomRowsRequest): ImportAtomRowsResult {
  const request = checkedRequest(raw);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new AtomImportBusyError();
  try {
    const { index, count } = request.batch;
    let state = readStaging();
    if (index === 0) {
      if (state) discardStaging();
      state = {
        fileName: request.fileName,
        kind: request.kind,
        count,
        next: 0,
        received: 0,
        cells: 0,
        user: currentUser(),
      };
    } else if (
      !state ||
      state.fileName !== request.fileName ||
      state.kind !== request.kind ||
      state.count !== count ||
      state.next !== index ||
      state.user !== currentUser()
    ) {
      throw new AtomFileError(
        request.fileName,
        `batch ${index + 1} of ${count} arrived without the batches before it (another import may have started); nothing was written — import the file again`,
      );
    }
    if (index < count - 1) {
      const cells = stageRows(state.cells, request.rows);
      const staged = state.received + request.rows.length;
      writeStaging({ ...state, next: index + 1, received: staged, cells });
      return {
        batch: request.batch,
        received: staged,
        committed: false,
        rowsWritten: 0,
        replaced: 0,
        duplicatesInFile: 0,
        months: [],
        sheets: [],
      };
    }
    // Committed or refused, the staged batches are done with: a retry sends the file again from batch 1.
    try {
      return commit(request, [...readStagedRows(state.cells), ...request.rows]);
    } finally {
      discardStaging();
      writeStaging(null);
    }
  } finally {
    lock.releaseLock();
  }
}

function monthOf(row: AtomRow, request: ImportAtomRowsRequest, rowNumber: number): string {
  if (row.start !== '') return row.start.slice(0, 7);
  if (request.month) return request.month;
  throw new AtomFileError(
    request.fileName,
    `row ${rowNumber} has no start date: choose the month the report covers`,
  );
}

function commit(request: ImportAtomRowsRequest, rows: AtomRow[]): ImportAtomRowsResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const labels = atomSheetLabels(spreadsheet.getSpreadsheetLocale());
  const settings = readSettings();
  const closedCount: ClosedConversationsCount = request.closedConversations ?? settings.closedConversations;
  const months = rows.map((r, i) => monthOf(r, request, i + 1));

  // Every sheet is checked before the first write: a sheet of one of these names made by someone else stops the import.
  const spreadsheetSheets = {
    // A sheet written before messages had kinds lacks the last column; it is still ours.
    conversations: ownedSheet(
      spreadsheet,
      CONVERSATIONS_SHEET,
      ALL_ATOM_LABELS.flatMap((l) => [l.conversationsHeader, l.conversationsHeader.slice(0, -1)]),
    ).sheet,
    groups: ownedSheet(
      spreadsheet,
      GROUPS_SHEET,
      ALL_ATOM_LABELS.map((l) => l.groupsHeader),
    ).sheet,
    campaigns: ownedSheet(
      spreadsheet,
      CAMPAIGNS_SHEET,
      ALL_ATOM_LABELS.map((l) => l.campaignsHeader),
    ).sheet,
  };
  const touched = [...new Set(months)].sort();
  const monthSheets = touched.map((month) => checkedMonthSheet(month));
  const breakdownSheet = request.kind === 'conversations' ? checkedBreakdownSheet() : null;
  const stores = {
    conversations: readBody(spreadsheetSheets.conversations, CONVERSATION_WIDTH).map(conversationFromCells),
    groups: readBody(spreadsheetSheets.groups, AGGREGATE_WIDTH).map(aggregateFromCells),
    campaigns: readBody(spreadsheetSheets.campaigns, AGGREGATE_WIDTH).map(aggregateFromCells),
  };
  const incoming: StoredRow[] = rows.map((r, i) =>
    request.kind === 'conversations'
      ? conversationFromRow(r, months[i], request.fileName, timeZone)
      : aggregateFromRow(request.kind === 'groups' ? r.group : r.campaign, r, months[i], request.fileName),
  );
  const outcome = upsertRecords(stores[request.kind], incoming);
  stores[request.kind] = outcome.rows;
  // The month blocks are computed before the first write; a block already on its sheet keeps (or grows) its rows.
  const ranges = readMonthRanges();
  const capacities = touched.map((month, k) =>
    monthSheets[k] && ranges[month] ? (ranges[month].capacity ?? TABLE_CAPACITY) : null,
  );
  const blocks = touched.map((month, k) => {
    const inMonth = (r: StoredRow) => r.month === month;
    const tables = monthTables(
      month,
      stores.conversations.filter(inMonth).map((r) => monthConversation(r, timeZone)),
      {
        groups: stores.groups.filter(inMonth).map(labelledCount),
        campaigns: stores.campaigns.filter(inMonth).map(labelledCount),
      },
      closedCount,
    );
    return monthBlock(tables, labels, capacities[k] ?? TABLE_CAPACITY);
  });
  const target = { conversations: CONVERSATIONS_SHEET, groups: GROUPS_SHEET, campaigns: CAMPAIGNS_SHEET }[
    request.kind
  ];
  const header = {
    conversations: labels.conversationsHeader,
    groups: labels.groupsHeader,
    campaigns: labels.campaignsHeader,
  }[request.kind];
  const sheet = spreadsheetSheets[request.kind] ?? insertNarrowSheet(spreadsheet, target, header.length);
  replaceTable(
    sheet,
    header,
    outcome.rows.map((r) => r.cells),
  );
  const written: WrittenSheet[] = [{ name: sheet.getName(), sheetId: sheet.getSheetId() }];
  if (request.kind === 'conversations') {
    if (outcome.rows.length > 0) {
      sheet.getRange(2, 3, outcome.rows.length, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
    }
    const breakdown = writeBreakdownSheet(breakdownSheet, labels, messageBlock(outcome.rows, timeZone));
    if (breakdown) written.push({ name: breakdown.getName(), sheetId: breakdown.getSheetId() });
  }
  touched.forEach((month, k) => {
    const block = writeMonthBlock(monthSheets[k], month, blocks[k], timeZone, capacities[k]);
    written.push(block.sheet);
    ranges[month] = { groups: block.groups, campaigns: block.campaigns, capacity: block.capacity };
  });
  writeMonthRanges(ranges);
  writeSettings({
    mappings: { ...settings.mappings, [request.kind]: request.mapping },
    closedConversations: closedCount,
  });
  return {
    batch: request.batch,
    received: rows.length,
    committed: true,
    rowsWritten: outcome.added,
    replaced: outcome.replaced,
    duplicatesInFile: outcome.duplicatesInFile,
    months: touched,
    sheets: written,
  };
}

/** Where the message rows start in "Atom conversations" (they sort last) and how many days they cover. */
function messageBlock(
  rows: readonly StoredRow[],
  timeZone: string,
): { firstRow: number; days: number } | null {
  const first = rows.findIndex((r) => r.message);
  if (first < 0) return null;
  const days = new Set(rows.slice(first).map((r) => monthConversation(r, timeZone).day));
  return { firstRow: first + 2, days: days.size };
}

function onlyKnownFields(mapping: AtomMapping | undefined): AtomMapping {
  const out: AtomMapping = {};
  for (const f of ATOM_FIELDS) if (typeof mapping?.[f] === 'string') out[f] = mapping[f];
  return out;
}

export function getAtomImportSetup(): AtomImportSetup {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings();
  const mappings: AtomImportSetup['mappings'] = {};
  for (const k of KINDS) if (settings.mappings[k]) mappings[k] = onlyKnownFields(settings.mappings[k]);
  return {
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    mappings,
    closedConversations: settings.closedConversations,
    sheets: spreadsheet
      .getSheets()
      .map((s) => s.getName())
      .filter((n) => n !== STAGING_SHEET),
    batchRows: BATCH_ROWS,
  };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function readAtomSheet(name: string): AtomSheetCells {
  const sheet = typeof name === 'string' ? sheetNamed(name) : null;
  if (!sheet) throw new UserFacingError(`There is no sheet named "${String(name)}"`);
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const cells = sheet
    .getDataRange()
    .getValues()
    .map((row) =>
      row.map((v): string | number | boolean =>
        isDate(v)
          ? Utilities.formatDate(v, timeZone, 'yyyy-MM-dd HH:mm:ss')
          : (v as string | number | boolean),
      ),
    );
  return { name: sheet.getName(), cells };
}
