/** The fake BigQuery in a child process (what the offline runtime's synchronous UrlFetch needs) answers as in-process. */
import { startFakeBigQueryServerProcess } from '../../dev/fake-bigquery/server';

test('the child-process server answers datasets.get and its control endpoints', async () => {
  const server = await startFakeBigQueryServerProcess({ token: 'T' });
  try {
    await server.createDataset('atom-billing-test', 'history');
    const res = await fetch(`${server.url}/bigquery/v2/projects/atom-billing-test/datasets/history`, {
      headers: { authorization: 'Bearer T' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'atom-billing-test:history', kind: 'bigquery#dataset' });
    expect(await server.requests()).toEqual([
      {
        method: 'GET',
        path: '/bigquery/v2/projects/atom-billing-test/datasets/history',
        status: 200,
        fault: null,
      },
    ]);
  } finally {
    await server.close();
  }
});
