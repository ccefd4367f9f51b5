/**
 * Where the history is kept (issue 19), in DOCUMENT properties: one setting for every editor and for the daily
 * refresh's trigger. Sheets unless an admin chose BigQuery; a missing or hand-edited value reads as Sheets.
 */
import { checkPropertyValue } from '../../core/write-plan/limits';
import type { HistoryStoreSetting } from '../../rpc/contract';
import { documentProperties, readDocumentJson } from '../shared/document-json';

const HISTORY_STORE_KEY = 'atomBilling.history.store';

export type BigQueryStore = Extract<HistoryStoreSetting, { kind: 'bigquery' }>;

export function readHistoryStore(): HistoryStoreSetting {
  const v = readDocumentJson(HISTORY_STORE_KEY) as Partial<BigQueryStore> | null;
  const text = (key: 'project' | 'dataset' | 'location' | 'apiBaseUrl') => typeof v?.[key] === 'string';
  return v?.kind === 'bigquery' &&
    text('project') &&
    text('dataset') &&
    text('location') &&
    text('apiBaseUrl') &&
    Number.isSafeInteger(v.maximumBytesBilled)
    ? (v as BigQueryStore)
    : { kind: 'sheets' };
}

export function writeHistoryStore(store: HistoryStoreSetting): void {
  const value = JSON.stringify(store);
  checkPropertyValue('The history setting', value);
  documentProperties().setProperty(HISTORY_STORE_KEY, value);
}
