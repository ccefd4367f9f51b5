/**
 * `npm start`: serves the preview on 127.0.0.1 (PORT or --port, default 8080) until Ctrl-C, with the fake Meta
 * Graph server beside it so the Connection and Month close panels work (see demo.ts), and with --bigquery the fake
 * BigQuery holding the history.
 */
import { DEMO_BIGQUERY, DEMO_TOKEN, startDemo } from './demo';
import { LOCALE_PATTERN } from './preview';

const USAGE = `npm start [-- options]   the add-on's sidebar and an emulated spreadsheet on demo data, in your browser

  --port N     the preview's port on 127.0.0.1 (default 8080; the PORT variable works too; 0 picks a free one)
  --no-cost    the fake Meta account gives volumes without cost (a partner's credit line): META_* costs then come
               from a rate card imported in the sidebar (test/fixtures/rate-cards/brl-*.csv)
  --locale L   run as a user whose language is L in a spreadsheet whose locale is L: es_CO (the sidebar in
               Spanish, figures as 7.017,50) or en_US (English, 7,017.50). Default: an English user in the demo's
               es_CO spreadsheet. The page's English / Español switch changes both while it runs
  --bigquery   keep the history in BigQuery: a fake BigQuery on 127.0.0.1 (dev/fake-bigquery, the SQL run on DuckDB)
               holds dataset ${DEMO_BIGQUERY.project}:${DEMO_BIGQUERY.dataset}, set in Month close ▸ History; September's close
               loaded its Meta rows there, and no sheet "Meta data" is made. Default: the history in the spreadsheet
  --help       this text`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const known = new Set(['--port', '--no-cost', '--locale', '--bigquery']);
const withValue = new Set(['--port', '--locale']);
const unknown = process.argv
  .slice(2)
  .find((a, i, all) => a.startsWith('-') && !known.has(a) && !withValue.has(all[i - 1]));
if (unknown) {
  console.error(`preview: unknown option ${unknown}\n\n${USAGE}`);
  process.exit(1);
}

const flag = process.argv.indexOf('--port');
const portText = flag >= 0 ? process.argv[flag + 1] : (process.env.PORT ?? '8080');
const port = Number(portText);
// Checked before the fake Graph child starts, so a typo cannot leave that child running.
if (!/^\d+$/.test(portText ?? '') || port > 65535) {
  console.error(`preview: the port must be a number from 0 to 65535, not "${portText ?? ''}"`);
  process.exit(1);
}

const localeFlag = process.argv.indexOf('--locale');
const locale = localeFlag >= 0 ? (process.argv[localeFlag + 1] ?? '') : undefined;
if (locale !== undefined && !LOCALE_PATTERN.test(locale)) {
  console.error(`preview: --locale takes a locale such as es_CO or en_US, not "${locale}"`);
  process.exit(1);
}

// --no-cost: the fake account is billed through a partner's credit line, so Meta gives volumes without cost and the
// META_* costs come from a rate card imported in the sidebar (test/fixtures/rate-cards/brl-*.csv).
const demo = await startDemo(port, {
  costAvailable: !process.argv.includes('--no-cost'),
  locale,
  bigQuery: process.argv.includes('--bigquery'),
});
console.log(`Atom Billing preview: ${demo.preview.url}  (Ctrl-C to stop)`);
console.log(
  `The demo spreadsheet is connected to a fake Meta account. To connect again from the sidebar: WABA id ` +
    `${demo.connection.wabaId}, token ${DEMO_TOKEN}, Advanced ▸ Graph address ${demo.graph.url}`,
);
if (demo.bigQuery)
  console.log(
    `The history is kept in a fake BigQuery: project ${DEMO_BIGQUERY.project}, dataset ${DEMO_BIGQUERY.dataset}, ` +
      `Advanced ▸ BigQuery address ${demo.bigQuery.url} (token ${DEMO_BIGQUERY.token})`,
  );

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping preview');
    void demo.close().then(() => process.exit(0));
  });
}
