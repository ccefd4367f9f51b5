/**
 * The History setting's sidebar calls: every editor reads it, admins of the Meta connection change it. Switching to
 * BigQuery first creates the history tables that are missing in the admin's dataset (with the admin's token); the
 * setting is written only once that worked, so any failure leaves it as it was.
 */
import { ensureTables } from '../../bigquery/client';
import { HISTORY_TABLES, historyTable, isValidDatasetRef, type HistoryTableId } from '../../bigquery/schema';
import { BIGQUERY_BASE_URL } from '../../bigquery/transport';
import { UserFacingError } from '../../core/errors';
import { SIDEBAR_BUDGET_MS } from '../../meta';
import type { HistoryStoreSetting, HistoryStoreView, SetHistoryStoreRequest } from '../../rpc/contract';
import { currentUserEmail, requireAdmin } from '../shared/admins';
import { readAdmins } from '../shared/connection-store';
import { readHistoryStore, writeHistoryStore } from './history-store';
import { bigQuerySession } from './session';

export class HistoryStoreError extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryStoreError';
  }
}

/** 1 GB: a month of 1,000,000 messages reads well under it; an admin raises it for more. */
export const DEFAULT_MAXIMUM_BYTES_BILLED = 1_000_000_000;
/** BigQuery bills at least 10 MB a table read: a lower cap would refuse every query. */
const MIN_BYTES_BILLED = 10 * 1024 * 1024;
const MAX_BYTES_BILLED = 1e15;

function viewOf(store: HistoryStoreSetting, createdTables: string[] = []): HistoryStoreView {
  const admins = readAdmins();
  return { store, isAdmin: admins.includes(currentUserEmail()), admins, createdTables };
}

export function getHistoryStore(): HistoryStoreView {
  return viewOf(readHistoryStore());
}

/** The request as it will be stored, or the first field that is wrong. */
function checkedStore(request: SetHistoryStoreRequest): HistoryStoreSetting {
  if (request?.kind === 'sheets') return { kind: 'sheets' };
  if (request?.kind !== 'bigquery') throw new HistoryStoreError('Keep the history in Sheets or in BigQuery');
  const project = String(request.project ?? '').trim();
  const dataset = String(request.dataset ?? '').trim();
  if (!isValidDatasetRef({ projectId: project, datasetId: dataset }))
    throw new HistoryStoreError(
      'Type the Google Cloud project id (e.g. my-billing-project) and the dataset id (letters, digits, _)',
    );
  const location = String(request.location || 'US').trim();
  if (!/^[A-Za-z][A-Za-z0-9-]{1,39}$/.test(location))
    throw new HistoryStoreError('The location is the dataset’s, e.g. US, EU or southamerica-east1');
  const maximumBytesBilled = request.maximumBytesBilled ?? DEFAULT_MAXIMUM_BYTES_BILLED;
  if (
    !Number.isSafeInteger(maximumBytesBilled) ||
    maximumBytesBilled < MIN_BYTES_BILLED ||
    maximumBytesBilled > MAX_BYTES_BILLED
  )
    throw new HistoryStoreError(`The byte cap must be whole bytes from ${MIN_BYTES_BILLED} (10 MB) up`);
  const apiBaseUrl = String(request.apiBaseUrl || BIGQUERY_BASE_URL)
    .trim()
    .replace(/\/+$/, '');
  // Every editor's own Google token goes to this address: Google's (the manifest's urlFetchWhitelist allows no
  // other), or this machine (the fake in tests; Apps Script reaches no loopback).
  if (apiBaseUrl !== BIGQUERY_BASE_URL && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(apiBaseUrl))
    throw new HistoryStoreError(`The BigQuery address must be ${BIGQUERY_BASE_URL}`);
  return { kind: 'bigquery', project, dataset, location, maximumBytesBilled, apiBaseUrl };
}

export function setHistoryStore(request: SetHistoryStoreRequest): HistoryStoreView {
  requireAdmin(readAdmins(), false);
  const store = checkedStore(request);
  let created: string[] = [];
  if (store.kind === 'bigquery') {
    const ref = { projectId: store.project, datasetId: store.dataset };
    const tables = (Object.keys(HISTORY_TABLES) as HistoryTableId[]).map((id) => historyTable(ref, id));
    // A BigQueryError (access, dataset, scope…) goes to the sidebar as it is: nothing was stored.
    created = ensureTables(bigQuerySession(store), tables, {
      deadlineAt: Date.now() + SIDEBAR_BUDGET_MS,
    }).created;
  }
  writeHistoryStore(store);
  return viewOf(store, created);
}
