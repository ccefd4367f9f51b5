/**
 * Runs the fake Graph server as its own process:
 *   npx tsx dev/fake-graph/cli.ts --port 0 --seed 42 --token T [--page-size 50] [--no-cost] [--config '{json}']
 * Prints "FAKE_GRAPH_LISTENING http://127.0.0.1:PORT" once listening; stops on SIGTERM / SIGINT.
 */

import type { FakeGraphOptions } from './router';
import { LISTENING_PREFIX, startFakeGraphServer } from './server';

function parseArgs(argv: string[]): FakeGraphOptions & { port?: number; exitWithParent?: boolean } {
  const options: FakeGraphOptions & { port?: number; exitWithParent?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i] ?? '';
    switch (argv[i]) {
      case '--config':
        Object.assign(options, JSON.parse(next()));
        break;
      case '--port':
        options.port = Number(next());
        break;
      case '--seed':
        options.seed = Number(next());
        break;
      case '--token':
        options.token = next();
        break;
      case '--waba':
        options.wabaId = next();
        break;
      case '--timezone-id':
        options.timezoneId = next();
        break;
      case '--time-zone':
        options.timeZone = next();
        break;
      case '--page-size':
        options.pageSize = Number(next());
        break;
      case '--exit-with-parent':
        options.exitWithParent = true;
        break;
      case '--no-cost':
        options.costAvailable = false;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const { exitWithParent, ...options } = parseArgs(process.argv.slice(2));
  const server = await startFakeGraphServer(options);
  process.stdout.write(`${LISTENING_PREFIX}${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The parent holds our stdin open; its end means the parent is gone.
  if (exitWithParent) process.stdin.on('end', stop).resume();
}

main().catch((e: unknown) => {
  process.stderr.write(`fake graph: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
