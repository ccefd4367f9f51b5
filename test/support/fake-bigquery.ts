/** A test file's fake BigQuery: one child process started before its tests and closed after them. */
import { startFakeBigQueryServerProcess, type FakeBigQueryServer } from '../../dev/fake-bigquery/server';
import type { AppsScriptRuntime } from '../../dev/runtime';
import type { BigQuerySession } from '../../src/bigquery/client';
import { FakeClock } from '../meta/helpers';
import { syncHttpPort } from '../meta/sync-http-port';

/** Registers the file's beforeAll/afterAll; the returned function gives the running server. */
export function useFakeBigQuery(token: string): () => FakeBigQueryServer {
  let server: FakeBigQueryServer | undefined;
  beforeAll(async () => {
    server = await startFakeBigQueryServerProcess({ token });
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the fake BigQuery is not running yet');
    return server;
  };
}

/** A client session on the fake's `dataset` from the test's side (blocking HTTP, a clock moved only by sleeps). */
export function fakeSession(
  server: FakeBigQueryServer,
  where: { project: string; dataset: string; token: string },
  extra: Partial<BigQuerySession> = {},
): BigQuerySession {
  return {
    ...where,
    location: 'US',
    baseUrl: server.url,
    maximumBytesBilled: 1_000_000_000,
    http: syncHttpPort(),
    clock: new FakeClock(),
    random: () => 0.5,
    ...extra,
  };
}

/** Makes `dataset` in the fake and has ana, made the Meta connection's admin, switch the runtime's history to it. */
export async function switchHistoryTo(
  rt: AppsScriptRuntime,
  server: FakeBigQueryServer,
  project: string,
  dataset: string,
): Promise<void> {
  await server.createDataset(project, dataset);
  rt.properties.document.set('atomBilling.meta.admins', JSON.stringify(['ana@example.com']));
  rt.runFromSidebar('setHistoryStore', { kind: 'bigquery', project, dataset, apiBaseUrl: server.url });
}
