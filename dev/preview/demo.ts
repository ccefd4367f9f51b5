/**
 * The demo `npm start` and `npm run screenshot` run: the fake Meta account (a child process: the runtime's
 * UrlFetch blocks this one) and the preview on the demo spreadsheet, connected to it. The demo's clock starts at
 * 3 November 2025, 09:00 in Bogotá and runs from there, so whatever today is the story is the same: October's
 * Atom reports are in the spreadsheet, September was closed last month, October is still an estimate (Meta's
 * grace period), and November is the open month.
 */
import { startFakeGraphServerProcess, type FakeGraphServer } from '../fake-graph';
import { createDataset } from '../fake-graph/generator';
import { realClock, type AppsScriptRuntime, type Clock } from '../runtime';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rateCardRows } from '../../src/rates/card-rows';
import { seedDemoSpreadsheet, type DemoConnection } from './demo-data';
import { startPreview, type Preview } from './preview';

export const DEMO_TOKEN = 'DEMO-TOKEN-0001';
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
}

export async function startDemo(port: number, options: DemoOptions = {}): Promise<Demo> {
  const graph = await startFakeGraphServerProcess({
    token: DEMO_TOKEN,
    lastDay: DEMO_LAST_DAY,
    costAvailable: options.costAvailable ?? true,
  });
  const connection = {
    wabaId: createDataset({ lastDay: DEMO_LAST_DAY }).waba.id,
    token: DEMO_TOKEN,
    graphBaseUrl: graph.url,
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
    },
    seed: (runtime) => {
      // Before the formulas: a custom function re-runs only when its arguments change, not when a card arrives.
      if (options.costAvailable ?? true) importRateCard(runtime, DEMO_RATE_CARD);
      seedDemoSpreadsheet(runtime, connection);
    },
  }).catch(async (error: unknown) => {
    // A port already in use, say: stop the child, which would otherwise outlive this process.
    await graph.close();
    throw error;
  });
  return {
    preview,
    graph,
    connection,
    close: async () => {
      await Promise.all([preview.close(), graph.close()]);
    },
  };
}
