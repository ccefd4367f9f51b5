/**
 * The local preview: the built sidebar at its real width, its google.script.run bridged to the bundle running
 * in the offline Apps Script runtime, beside a read-only view of the emulated spreadsheet.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRuntime, type AppsScriptRuntime, type RuntimeOptions } from '../runtime';
import { spreadsheetSnapshot } from './snapshot';
import { readBody } from '../read-body';
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

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** Sidebar.html as Apps Script serves it, with the bridge defining google.script.run (one method per server function) first. */
function sidebarPage(functionNames: readonly string[]): string {
  const bridge = readFileSync(join(root, 'dev/preview/bridge.js'), 'utf8');
  const html = readFileSync(join(root, 'dist/Sidebar.html'), 'utf8');
  const names = `window.__SCRIPT_FUNCTIONS__ = ${JSON.stringify(functionNames)};`;
  return html.replace('<head>', () => `<head>\n<script>${names}\n${bridge}</script>`);
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const runtime = createRuntime({ distDir: join(root, 'dist'), ...options.runtime });
  runtime.loadFile(join(root, 'dist/Code.js'));
  runtime.runTrigger('onOpen', { authMode: 'FULL' });
  options.seed?.(runtime);

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, 'text/plain', String(error)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/')
      return send(res, 200, 'text/html', readFileSync(join(root, 'dev/preview/page.html'), 'utf8'));
    if (req.method === 'GET' && path === '/sidebar')
      return send(res, 200, 'text/html', sidebarPage(runtime.scriptFunctionNames()));
    if (req.method === 'GET' && path === '/grid-selection.js')
      return send(
        res,
        200,
        'text/javascript',
        readFileSync(join(root, 'dev/preview/grid-selection.js'), 'utf8'),
      );
    if (req.method === 'POST' && path === '/api/select') {
      // What the user picks in the grid becomes the spreadsheet's selection (getActiveRange) and active sheet.
      const { sheet, range } = JSON.parse(await readBody(req)) as { sheet: string; range?: string };
      const model = runtime.spreadsheet;
      if (range) model.select(`${quoteSheetName(sheet)}!${range}`);
      else model.activeSheet = model.sheet(sheet);
      return send(res, 200, 'application/json', 'null');
    }
    if (req.method === 'GET' && path === '/api/spreadsheet') {
      const sheet = new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('sheet') ?? undefined;
      const snapshot = spreadsheetSnapshot(runtime.spreadsheet, { sheet });
      return send(res, 200, 'application/json', JSON.stringify(snapshot));
    }
    if (req.method === 'POST' && path === '/rpc') {
      const { name, args } = JSON.parse(await readBody(req)) as { name: string; args: unknown[] };
      try {
        const value = runtime.runFromSidebar(name, ...args);
        return send(res, 200, 'application/json', JSON.stringify({ ok: true, value: value ?? null }));
      } catch (error) {
        return send(
          res,
          200,
          'application/json',
          JSON.stringify({ ok: false, error: (error as Error).message }),
        );
      }
    }
    send(res, 404, 'text/plain', 'not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
