/**
 * The "Imports" sheet's rows for the BigQuery `ledger` table (src/gas/bigquery/ledger-outbox.ts). Order: the sheet's
 * row is the month close's commit; BigQuery's copy is appended after it, and a failed append is made up by the
 * next run (month close, Atom import or history copy).
 */
import { ledgerRecord, type LedgerRecord } from '../../bigquery/ledger-rows';
import { ZoneCalendar } from '../../core/zone-calendar';
import { sendLedgerQuietly } from '../bigquery/ledger-outbox';
import { readLedgerSheet } from './ledger-io';

/** The "Imports" sheet's entries as ledger rows, in the sheet's order. */
export function sheetLedgerRecords(): LedgerRecord[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const calendar = new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  return readLedgerSheet(spreadsheet, calendar).entries.map(ledgerRecord);
}

/** After a month close's commit, with the history in BigQuery: the rows the ledger table lacks. */
export function syncBigQueryLedger(deadlineAt: number): void {
  sendLedgerQuietly(sheetLedgerRecords, [], deadlineAt);
}
