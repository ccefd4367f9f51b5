/**
 * The demo `npm start` and `npm run screenshot` run: the fake Meta account (a child process: the runtime's
 * UrlFetch blocks this one) and the preview on the demo spreadsheet, connected to it. The demo's clock starts at
 * 3 November 2025, 09:00 in Bogotá and runs from there, so whatever today is the story is the same: October's
 * Atom reports are in the spreadsheet, September was closed last month, October is still an estimate (Meta's
 * grace period), and November is the open month.
 *
 * With `bigQuery` (`npm start -- --bigquery`) the history is kept in a fake BigQuery (dev/fake-bigquery, a child
 * process too): the admin's History setting points at its demo dataset before September is closed, so September's
 * Meta rows are loaded into `meta_rows` by the add-on's own month close, and no "Meta data" sheet is made.
 */
import { startFakeBigQueryServerProcess, type FakeBigQueryServer } from '../fake-bigquery/server';
import { startFakeGraphServerProcess, type FakeGraphServer } from '../fake-graph';
import { createDataset } from '../fake-graph/generator';
import { realClock, type AppsScriptRuntime, type Clock } from '../runtime';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rateCardRows } from '../../src/rates/card-rows';
import { seedDemoSpreadsheet, type DemoConnection } from './demo-data';
import { startPreview, type Preview } from './preview';

export const DEMO_TOKEN = 'DEMO-TOKEN-0001';
/** `--bigquery`: the demo user's Google token (ScriptApp.getOAuthToken) and the dataset the history is kept in. */
export const DEMO_BIGQUERY = {
  token: 'ya29.DEMO-BIGQUERY-TOKEN',
  project: 'atom-billing-demo',
  dataset: 'billing_history',
} as const;
const DEMO_START = Date.UTC(2025, 10, 3, 14, 0);
/** Meta has data up to the demo's today. */
const DEMO_LAST_DAY = 20251103;

/** Real time, shifted so that it starts at `startMs`. */
function clockStartingAt(startMs: number): Clock {
  const offset = startMs - Date.now();
  return { ...realClock, now: () => Date.now() + offset };
}

export interface Demo {
  preview: Preview;
  graph: FakeGraphServer;
  /** The fake BigQuery holding the history (`bigQuery: true` only). */
  bigQuery?: FakeBigQueryServer;
  connection: DemoConnection;
  close(): Promise<void>;
}

/** Meta's BRL card of October 2025: the demo account's currency; the Formulas sheet's BILLED_COST and META_RATE use it. */
export const DEMO_RATE_CARD = 'test/fixtures/rate-cards/brl-2025-10-01.csv';

/** Imports a rate card file as the sidebar's Rate cards panel does (split into rows, then the server RPC). */
function importRateCard(runtime: AppsScriptRuntime, path: string): void {
  const fileName = path.split('/').pop() ?? path;
  const rows = rateCardRows(readFileSync(join(process.cwd(), path), 'utf8'), fileName);
  runtime.runFromSidebar('importRateCard', { fileName, rows });
}

/**
 * `costAvailable: false` makes the fake account a partner credit line: volumes without cost, and no rate card is
 * imported (the README's "Try it in the preview" imports it in the sidebar); otherwise the BRL card is there.
 */
export interface DemoOptions {
  costAvailable?: boolean;
  /**
   * The user's language setting and the spreadsheet's locale, both (e.g. "es_CO": the sidebar in Spanish, figures
   * as 7.017,50). Default: an English-speaking user ("en") in the demo's Colombian spreadsheet (es_CO).
   */
  locale?: string;
  /** Keep the history in the fake BigQuery's DEMO_BIGQUERY dataset instead of the spreadsheet (default false). */
  bigQuery?: boolean;
}

/** The fake BigQuery with the demo's (empty) dataset: the admin picks an existing dataset; the add-on makes tables. */
async function startDemoBigQuery(): Promise<FakeBigQueryServer> {
  const server = await startFakeBigQueryServerProcess({ token: DEMO_BIGQUERY.token });
  await server.createDataset(DEMO_BIGQUERY.project, DEMO_BIGQUERY.dataset).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return server;
}

export async function startDemo(port: number, options: DemoOptions = {}): Promise<Demo> {
  const [graphStart, bigQueryStart] = await Promise.allSettled([
    startFakeGraphServerProcess({
      token: DEMO_TOKEN,
      lastDay: DEMO_LAST_DAY,
      costAvailable: options.costAvailable ?? true,
    }),
    options.bigQuery ? startDemoBigQuery() : undefined,
  ]);
  const graph = graphStart.status === 'fulfilled' ? graphStart.value : undefined;
  const bigQuery = bigQueryStart.status === 'fulfilled' ? bigQueryStart.value : undefined;
  // Stops the children, which would otherwise outlive this process (a port already in use, say).
  const closeFakes = async () => void (await Promise.all([graph?.close(), bigQuery?.close()]));
  const failed = [graphStart, bigQueryStart].find((s) => s.status === 'rejected');
  if (failed || !graph) {
    await closeFakes();
    throw failed?.reason;
  }
  const connection = {
    wabaId: createDataset({ lastDay: DEMO_LAST_DAY }).waba.id,
    token: DEMO_TOKEN,
    graphBaseUrl: graph.url,
  };
  // As an admin saves Month close ▸ History: the dataset on the fake's loopback address (Advanced ▸ address).
  const history = bigQuery && {
    kind: 'bigquery' as const,
    project: DEMO_BIGQUERY.project,
    dataset: DEMO_BIGQUERY.dataset,
    apiBaseUrl: bigQuery.url,
  };
  const preview = await startPreview({
    port,
    runtime: {
      user: { email: 'finance@example.com', locale: options.locale ?? 'en' },
      spreadsheet: {
        name: 'Cierre WhatsApp — octubre 2025',
        locale: options.locale ?? 'es_CO',
        timeZone: 'America/Bogota',
      },
      clock: clockStartingAt(DEMO_START),
      ...(bigQuery && { oauthToken: DEMO_BIGQUERY.token }),
    },
    seed: (runtime) => {
      // Before the formulas: a custom function re-runs only when its arguments change, not when a card arrives.
      if (options.costAvailable ?? true) importRateCard(runtime, DEMO_RATE_CARD);
      seedDemoSpreadsheet(runtime, connection, history);
    },
  }).catch(async (error: unknown) => {
    await closeFakes();
    throw error;
  });
  return {
    preview,
    graph,
    bigQuery,
    connection,
    close: async () => {
      await Promise.all([preview.close(), closeFakes()]);
    },
  };
}
