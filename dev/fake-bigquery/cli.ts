/**
 * Runs the fake BigQuery server as its own process:
 *   npx tsx dev/fake-bigquery/cli.ts --port 0 [--token T] [--dataset project:dataset] [--config '{json}']
 * Prints "FAKE_BIGQUERY_LISTENING http://127.0.0.1:PORT" once listening; stops on SIGTERM / SIGINT.
 */
import type { FakeBigQueryOptions } from './router';
import { LISTENING_PREFIX, startFakeBigQueryServer } from './server';

async function main(argv: string[]): Promise<void> {
  const options: FakeBigQueryOptions & { port?: number } = {};
  const datasets: string[] = [];
  let exitWithParent = false;
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i] ?? '';
    if (argv[i] === '--config') Object.assign(options, JSON.parse(next()));
    else if (argv[i] === '--port') options.port = Number(next());
    else if (argv[i] === '--token') options.token = next();
    else if (argv[i] === '--dataset') datasets.push(next());
    else if (argv[i] === '--exit-with-parent') exitWithParent = true;
    else throw new Error(`Unknown argument ${argv[i]}`);
  }
  const server = await startFakeBigQueryServer(options);
  for (const d of datasets) {
    const [projectId, datasetId] = d.split(':');
    await server.createDataset(projectId, datasetId);
  }
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (exitWithParent) process.stdin.on('end', stop).resume();
  console.log(`${LISTENING_PREFIX}${server.url}`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
