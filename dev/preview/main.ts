/**
 * `npm start`: serves the preview on 127.0.0.1 (PORT or --port, default 8080) until Ctrl-C, with the fake Meta
 * Graph server beside it (a child process: the runtime's UrlFetch blocks this one) so the Connection panel works.
 */
import { startFakeGraphServerProcess } from '../fake-graph';
import { createDataset } from '../fake-graph/generator';
import { startPreview } from './preview';
import { seedDemoSpreadsheet } from './demo-data';

const flag = process.argv.indexOf('--port');
const portText = flag >= 0 ? process.argv[flag + 1] : (process.env.PORT ?? '8080');
const port = Number(portText);
// Checked before the fake Graph child starts, so a typo cannot leave that child running.
if (!/^\d+$/.test(portText ?? '') || port > 65535) {
  console.error(`preview: the port must be a number from 0 to 65535, not "${portText ?? ''}"`);
  process.exit(1);
}
const DEMO_TOKEN = 'DEMO-TOKEN-0001';

// --no-cost: the fake account is billed through a partner's credit line, so Meta gives volumes without cost and the
// META_* costs come from a rate card imported in the sidebar (test/fixtures/rate-cards/brl-*.csv).
const costAvailable = !process.argv.includes('--no-cost');
const graph = await startFakeGraphServerProcess({ token: DEMO_TOKEN, costAvailable });
const connection = { wabaId: createDataset().waba.id, token: DEMO_TOKEN, graphBaseUrl: graph.url };
const preview = await startPreview({
  port,
  runtime: {
    spreadsheet: { name: 'Cierre WhatsApp — octubre 2025', locale: 'es_CO', timeZone: 'America/Bogota' },
  },
  seed: (runtime) => seedDemoSpreadsheet(runtime, connection),
}).catch(async (error: unknown) => {
  // A port already in use, say: stop the child, which would otherwise outlive this process.
  await graph.close();
  throw error;
});
console.log(`Atom Billing preview: ${preview.url}  (Ctrl-C to stop)`);
console.log(
  `The demo spreadsheet is connected to a fake Meta account. To connect again from the sidebar: WABA id ` +
    `${connection.wabaId}, token ${DEMO_TOKEN}, Advanced ▸ Graph address ${graph.url}`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping preview');
    void Promise.all([preview.close(), graph.close()]).then(() => process.exit(0));
  });
}
