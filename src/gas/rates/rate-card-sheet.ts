/**
 * The "Rate cards" sheet in Apps Script: read in one getValues (custom functions may only read), written by the
 * import in a few batched calls after everything is computed, under the document lock.
 */
import { isSpanish } from '../../core/formulas/sheet-context';
import { ZoneCalendar } from '../../core/zone-calendar';
import {
  cardRowCells,
  type CardSheetRow,
  cardsOfRows,
  parseRateCard,
  RATE_CARD_COLUMNS,
  RATE_CARD_SHEET,
  RateBook,
  RateCardFileError,
  rateCardHeader,
  readCardRows,
  rowsOfCard,
  upsertCardRows,
} from '../../rates';
import type { ImportRateCardRequest, ImportRateCardResult, ServerErrorNote } from '../../rpc/contract';
import { activeSheetContext } from '../shared/spreadsheet-context';
import { narrowSheet } from '../shared/narrow-sheet';

const LOCK_WAIT_MS = 30_000;

function readRows(sheet: GoogleAppsScript.Spreadsheet.Sheet | null, calendar: ZoneCalendar): CardSheetRow[] {
  return sheet ? readCardRows(sheet.getDataRange().getValues(), calendar) : [];
}

/** Every imported card (none when the sheet does not exist yet). */
export function readRateBook(): RateBook {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const calendar = new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  return new RateBook(cardsOfRows(readRows(spreadsheet.getSheetByName(RATE_CARD_SHEET), calendar)));
}

export function importRateCard(request: ImportRateCardRequest): ImportRateCardResult {
  const fileName = String(request?.fileName ?? '').trim() || 'rate card';
  const card = parseRateCard(request?.rows, fileName, {
    currency: request?.currency,
    effectiveFrom: request?.effectiveFrom,
  });

  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new RateCardFileError(
      fileName,
      'another import is running in this spreadsheet — try again in a minute',
      [],
      {
        code: 'importRunning',
      } satisfies ServerErrorNote,
    );
  }
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const context = activeSheetContext();
    const calendar = new ZoneCalendar(context.timeZone);
    const existingSheet = spreadsheet.getSheetByName(RATE_CARD_SHEET);
    const existingValues = existingSheet ? existingSheet.getDataRange().getValues() : [];
    const { rows, replaced } = upsertCardRows(
      readCardRows(existingValues, calendar),
      rowsOfCard(card, fileName, Date.now()),
    );
    const makeDate = (ms: number) => new Date(ms);
    const cells = [
      rateCardHeader(isSpanish(context)),
      ...rows.map((r) => cardRowCells(r, calendar, makeDate)),
    ];

    const sheet = narrowSheet(spreadsheet, existingSheet, RATE_CARD_SHEET, RATE_CARD_COLUMNS);
    sheet.getRange(1, 1, cells.length, RATE_CARD_COLUMNS).setValues(cells);
    sheet.getRange(2, 1, rows.length, 1).setNumberFormat('yyyy-mm-dd');
    sheet.getRange(2, RATE_CARD_COLUMNS, rows.length, 1).setNumberFormat('yyyy-mm-dd hh:mm');
    const leftover = existingValues.length - cells.length;
    if (leftover > 0) sheet.getRange(cells.length + 1, 1, leftover, RATE_CARD_COLUMNS).clearContent();
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
    return {
      currency: card.currency,
      effectiveFrom: card.effectiveFrom,
      markets: new Set(card.rates.map((r) => r.market)).size,
      replaced,
    };
  } finally {
    lock.releaseLock();
  }
}
