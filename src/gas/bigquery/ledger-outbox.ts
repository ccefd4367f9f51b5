/**
 * The BigQuery `ledger` table with the history in BigQuery (src/bigquery/ledger-rows.ts): after each month close's
 * commit (its "Imports" row) and each Atom import's, the rows BigQuery lacks are appended in one load job. That
 * append never fails the import: whatever it could not send waits in a document property and goes with the next
 * month close, Atom import or history copy.
 */
import { appendRows, jobOutcome } from '../../bigquery/client';
import {
  appended,
  atomLedgerRecords,
  ledgerOutbox,
  nextAppend,
  type LedgerOutbox,
  type LedgerRecord,
} from '../../bigquery/ledger-rows';
import { UserFacingError } from '../../core/errors';
import { checkPropertyValue } from '../../core/write-plan/limits';
import { currentUserEmail } from '../shared/admins';
import { documentProperties, readDocumentJson } from '../shared/document-json';
import { readHistoryStore, type BigQueryStore } from './history-store';
import { bigQuerySession } from './session';

const OUTBOX_KEY = 'atomBilling.history.ledger';

export const datasetOf = (store: BigQueryStore) => `${store.project}.${store.dataset}`;

export function readOutbox(store: BigQueryStore): LedgerOutbox {
  return ledgerOutbox(readDocumentJson(OUTBOX_KEY), datasetOf(store));
}

function writeOutbox(box: LedgerOutbox): void {
  const value = JSON.stringify(box);
  checkPropertyValue('The BigQuery ledger rows waiting to be sent', value);
  documentProperties().setProperty(OUTBOX_KEY, value);
}

/**
 * Sends what BigQuery lacks of the "Imports" sheet's rows (`sheet`, in its order; null: not read, they wait) and
 * the queued ones: first settles the append an earlier run sent without an answer (jobs.get: done → counted; never
 * made or failed → sent again below; still running → left for the next run), then one append. Throws BigQuery's
 * failures; the outbox keeps the rows.
 */
export function sendLedger(store: BigQueryStore, sheet: LedgerRecord[] | null, deadlineAt: number): void {
  const session = bigQuerySession(store);
  let box = readOutbox(store);
  if (box.pending) {
    // The ledger's rows fit one load, which appendRows names `<jobId>_0`.
    const outcome = jobOutcome(session, `${box.pending.jobId}_0`, { deadlineAt });
    if (outcome === 'running') return;
    box = outcome === 'done' ? appended(box) : { ...box, pending: null };
    writeOutbox(box);
  }
  const jobId = `atom_ledger_${box.synced}_${Math.floor(session.random() * 2 ** 48).toString(36)}`;
  const next = nextAppend(box, sheet, jobId);
  if (!next) return;
  // Written down before it is sent: a run that loses the answer finds the job instead of appending twice.
  writeOutbox(next.box);
  appendRows(session, 'ledger', next.rows, jobId, { deadlineAt });
  writeOutbox(appended(next.box));
}

/** After a commit: the rows go to BigQuery now or with the next run; the import's result stands either way. */
export function sendLedgerQuietly(
  sheet: () => LedgerRecord[] | null,
  queue: LedgerRecord[],
  deadlineAt: number,
): void {
  const store = readHistoryStore();
  if (store.kind !== 'bigquery') return;
  try {
    if (queue.length) {
      const box = readOutbox(store);
      writeOutbox({ ...box, queued: [...box.queued, ...queue] });
    }
    sendLedger(store, sheet(), deadlineAt);
  } catch (e) {
    if (!(e instanceof UserFacingError)) throw e;
    console.warn(`The BigQuery ledger waits for the next run: ${e.message}`);
  }
}

/** An Atom import's commit: one ledger row per month the file touched (`months`: each row's month). */
export function appendAtomLedger(fileName: string, months: readonly string[], deadlineAt: number): void {
  const rows = atomLedgerRecords(fileName, months, currentUserEmail(), Date.now());
  sendLedgerQuietly(() => null, rows, deadlineAt);
}
