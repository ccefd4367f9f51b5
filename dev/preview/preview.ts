/**
 * The local preview: the built sidebar at its real width, its google.script.run bridged to the bundle running
 * in the offline Apps Script runtime, beside an editable view of the emulated spreadsheet (values and formulas
 * typed in a cell go through the runtime as typed input, so custom functions run in the same bundle).
 *
 * Calls are answered side by side, as Apps Script runs each google.script.run call as an execution of its own
 * (the sidebar polls an import's progress while the import runs). The runtime stays on this thread (callers
 * read and seed `preview.runtime` directly); the HTTP server runs in a worker thread (http-relay.mjs), so it
 * keeps accepting requests while an execution blocks this thread, and hands them over on a message port. This
 * thread answers them when idle, and while an execution runs, at each of its wait points (runtime.onWait),
 * where each call runs as an execution interleaved with the running one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { createRuntime, type AppsScriptRuntime, type RuntimeOptions } from '../runtime';
import { spreadsheetSnapshot } from './snapshot';
import { quoteSheetName } from '../runtime/a1';

export interface PreviewOptions {
  port: number;
  host?: string;
  runtime?: RuntimeOptions;
  /** Fills the emulated spreadsheet before the first page load. */
  seed?: (runtime: AppsScriptRuntime) => void;
}

export interface Preview {
  url: string;
  runtime: AppsScriptRuntime;
  close(): Promise<void>;
}

const root = process.cwd();

/** A request as the relay hands it over, and the answer it sends back (with Cache-Control: no-store). */
interface RelayedRequest {
  id: number;
  method: string;
  url: string;
  body: string;
}
interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A locale as Sheets names them ("es_CO", "en_US", "es_419") or a bare language ("en"). */
export const LOCALE_PATTERN = /^[a-z]{2,3}(_([A-Z]{2}|\d{3}))?$/;

/** The grid's scripts beside page.html: selection, then cell editing. */
const GRID_SCRIPTS = new Set(['/grid-selection.js', '/grid-edit.js']);

const answer = (status: number, type: string, body: string): Answer => ({ status, type, body });

/** Sidebar.html as Apps Script serves it, with the bridge defining google.script.run (one method per server function) first. */
function sidebarPage(functionNames: readonly string[]): string {
  const bridge = readFileSync(join(root, 'dev/preview/bridge.js'), 'utf8');
  const html = readFileSync(join(root, 'dist/Sidebar.html'), 'utf8');
  const names = `window.__SCRIPT_FUNCTIONS__ = ${JSON.stringify(functionNames)};`;
  return html.replace('<head>', () => `<head>\n<script>${names}\n${bridge}</script>`);
}

function localeOf(runtime: AppsScriptRuntime): { user: string; spreadsheet: string } {
  return { user: runtime.user.locale ?? 'en', spreadsheet: runtime.spreadsheet.locale };
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const runtime = createRuntime({ distDir: join(root, 'dist'), ...options.runtime });
  runtime.loadFile(join(root, 'dist/Code.js'));
  runtime.runTrigger('onOpen', { authMode: 'FULL' });
  options.seed?.(runtime);

  function handle(req: RelayedRequest): Answer {
    const [path, query = ''] = req.url.split('?');
    if (req.method === 'GET' && path === '/')
      return answer(200, 'text/html', readFileSync(join(root, 'dev/preview/page.html'), 'utf8'));
    if (req.method === 'GET' && path === '/sidebar')
      return answer(200, 'text/html', sidebarPage(runtime.scriptFunctionNames()));
    if (req.method === 'GET' && GRID_SCRIPTS.has(path))
      return answer(200, 'text/javascript', readFileSync(join(root, 'dev/preview', path), 'utf8'));
    if (req.method === 'POST' && path === '/api/select') {
      // What the user picks in the grid becomes the spreadsheet's selection (getActiveRange) and active sheet.
      const { sheet, range } = JSON.parse(req.body) as { sheet: string; range?: string };
      const model = runtime.spreadsheet;
      if (range) model.select(`${quoteSheetName(sheet)}!${range}`);
      else model.activeSheet = model.sheet(sheet);
      return answer(200, 'application/json', 'null');
    }
    if (req.method === 'POST' && path === '/api/edit') {
      // A cell typed in the grid: entered as Sheets takes typed input (a formula, a number or date in the
      // spreadsheet's locale, "'" text); formulas are then computed by the runtime's formula engine.
      const { sheet, cell, input } = JSON.parse(req.body) as { sheet: string; cell: string; input: string };
      const { sheet: target, box } = runtime.spreadsheet.locate(`${quoteSheetName(sheet)}!${cell}`);
      try {
        // Committing a formula re-runs it in Sheets, even unchanged (after a rate card arrived, say): the engine
        // keeps a custom function's result while its arguments stay the same, so the cell is blanked and
        // evaluated once first, which drops that result.
        if (target.cell(box.row, box.column)?.formula && input.startsWith('=')) {
          target.enter(box.row, box.column, '');
          target.value(box.row, box.column);
        }
        target.enter(box.row, box.column, input);
      } catch (error) {
        return answer(
          200,
          'application/json',
          JSON.stringify({ ok: false, error: (error as Error).message }),
        );
      }
      return answer(200, 'application/json', JSON.stringify({ ok: true }));
    }
    if (req.method === 'GET' && path === '/api/locale')
      return answer(200, 'application/json', JSON.stringify(localeOf(runtime)));
    if (req.method === 'POST' && path === '/api/locale') {
      // The page's language switch: the user's language setting (Session.getActiveUserLocale) and the spreadsheet's
      // locale (File ▸ Settings) both change; stored values stay, their display follows the new locale.
      const { locale } = JSON.parse(req.body) as { locale: string };
      if (!LOCALE_PATTERN.test(String(locale)))
        return answer(400, 'text/plain', `not a locale such as es_CO: ${String(locale)}`);
      runtime.user.locale = locale;
      runtime.spreadsheet.locale = locale;
      return answer(200, 'application/json', JSON.stringify(localeOf(runtime)));
    }
    if (req.method === 'GET' && path === '/api/spreadsheet') {
      const sheet = new URLSearchParams(query).get('sheet') ?? undefined;
      const snapshot = spreadsheetSnapshot(runtime.spreadsheet, { sheet });
      return answer(200, 'application/json', JSON.stringify(snapshot));
    }
    if (req.method === 'POST' && path === '/rpc') {
      const { name, args } = JSON.parse(req.body) as { name: string; args: unknown[] };
      try {
        const value = runtime.runFromSidebar(name, ...args);
        return answer(200, 'application/json', JSON.stringify({ ok: true, value: value ?? null }));
      } catch (error) {
        return answer(
          200,
          'application/json',
          JSON.stringify({ ok: false, error: (error as Error).message }),
        );
      }
    }
    return answer(404, 'text/plain', 'not found');
  }

  const { port1: requests, port2: relayPort } = new MessageChannel();
  const reply = (req: RelayedRequest): void => {
    let out: Answer;
    try {
      out = handle(req);
    } catch (error) {
      out = answer(500, 'text/plain', String(error));
    }
    requests.postMessage({ id: req.id, ...out });
  };
  requests.on('message', reply);
  // While an execution runs, the requests that arrived meanwhile are answered at its wait points.
  runtime.onWait = () => {
    for (let m = receiveMessageOnPort(requests); m; m = receiveMessageOnPort(requests))
      reply(m.message as RelayedRequest);
  };

  const relay = new Worker(join(root, 'dev/preview/http-relay.mjs'), {
    workerData: { port: relayPort, listenPort: options.port, host: options.host ?? '127.0.0.1' },
    transferList: [relayPort],
  });
  const exited = new Promise<void>((resolve) => relay.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    relay.once('error', reject);
    relay.once('message', (m: { listening?: number; error?: string }) => {
      if (m.listening !== undefined) return resolve(m.listening);
      reject(new Error(m.error));
    });
  }).catch(async (error: unknown) => {
    requests.close();
    await relay.terminate();
    throw error;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    close: async () => {
      relay.postMessage('close');
      await exited;
      requests.close();
    },
  };
}
