/** A test file's fake BigQuery: one child process started before its tests and closed after them. */
import { startFakeBigQueryServerProcess, type FakeBigQueryServer } from '../../dev/fake-bigquery/server';

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
