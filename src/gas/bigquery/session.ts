/**
 * A BigQuery session in Apps Script: the stored dataset, the user's own OAuth token (ScriptApp.getOAuthToken(),
 * holding the manifest's https://www.googleapis.com/auth/bigquery) and UrlFetchApp — why not the advanced service:
 * src/bigquery/client.ts.
 */
import type { BigQuerySession } from '../../bigquery/client';
import { appsScriptClock, appsScriptHttpPort } from '../shared/url-fetch-port';
import type { BigQueryStore } from './history-store';

export function bigQuerySession(store: BigQueryStore): BigQuerySession {
  return {
    project: store.project,
    dataset: store.dataset,
    location: store.location,
    maximumBytesBilled: store.maximumBytesBilled,
    baseUrl: store.apiBaseUrl,
    token: ScriptApp.getOAuthToken(),
    http: appsScriptHttpPort,
    clock: appsScriptClock,
    random: Math.random,
  };
}
