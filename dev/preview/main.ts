/** `npm start`: serves the preview on 127.0.0.1 (PORT or --port, default 8080) until Ctrl-C. */
import { startPreview } from './preview';
import { seedDemoSpreadsheet } from './demo-data';

const flag = process.argv.indexOf('--port');
const port = Number(flag >= 0 ? process.argv[flag + 1] : (process.env.PORT ?? 8080));

const preview = await startPreview({ port, seed: seedDemoSpreadsheet });
console.log(`Atom Billing preview: ${preview.url}  (Ctrl-C to stop)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping preview');
    void preview.close().then(() => process.exit(0));
  });
}
