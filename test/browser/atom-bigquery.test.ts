/**
 * The Atom data panel with the history in BigQuery, in real Chromium through the preview and the fake BigQuery in a
 * child process: a per-message log is imported in no sheet, and the panel says so with the bytes its queries read.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../dev/chromium';
import { csv, utf8 } from '../../dev/fixtures/atom-exports';
import { startPreview } from '../../dev/preview/preview';
import { ensureTables } from '../../src/bigquery/client';
import { HISTORY_TABLES, historyTable, type HistoryTableId } from '../../src/bigquery/schema';
import { fakeSession, useFakeBigQuery } from '../support/fake-bigquery';

jest.setTimeout(120_000);

const TOKEN = 'ya29.browser-atom-token-K7';
const PROJECT = 'atom-billing-demo';
const DATASET = 'atom_history';
const PANEL = '[data-panel="atomPanel"]';

const fake = useFakeBigQuery(TOKEN);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await fake().createDataset(PROJECT, DATASET);
  const session = fakeSession(fake(), { project: PROJECT, dataset: DATASET, token: TOKEN });
  const ids = Object.keys(HISTORY_TABLES) as HistoryTableId[];
  const ref = { projectId: PROJECT, datasetId: DATASET };
  ensureTables(
    session,
    ids.map((id) => historyTable(ref, id)),
    { deadlineAt: session.clock.now() + 60_000 },
  );
});
afterAll(async () => {
  await browser?.close();
});

const LOG = csv(
  [
    ['ID Conversación', 'Fecha y hora', 'Teléfono', 'Tipo de mensaje', 'Grupo'],
    ['F-1', '04/10/2025 09:00:00', '+57 310 0000001', 'Usuario', 'Soporte'],
    ['F-1', '04/10/2025 09:05:00', '+57 310 0000001', 'Servicio', 'Soporte'],
    ['M-1', '04/10/2025 12:00:00', '+57 320 0000001', 'Marketing', 'Ventas'],
    ['M-2', '05/10/2025 12:00:00', '+57 320 0000002', 'Utilidad', 'Ventas'],
  ],
  ';',
);

it('a per-message log goes to BigQuery, no sheet holds it, and the panel shows the bytes read', async () => {
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email: 'ana@example.com', locale: 'en' },
      spreadsheet: { timeZone: 'America/Bogota', locale: 'en_US' },
      oauthToken: TOKEN,
    },
    seed: (rt) =>
      rt.properties.document.set(
        'atomBilling.history.store',
        JSON.stringify({
          kind: 'bigquery',
          project: PROJECT,
          dataset: DATASET,
          location: 'US',
          maximumBytesBilled: 1_000_000_000,
          apiBaseUrl: fake().url,
        }),
      ),
  });
  const page = await browser.newPage();
  try {
    await page.goto(preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    await sidebar.getByRole('tab', { name: 'Atom data' }).click();
    await sidebar.setInputFiles(`${PANEL} input[type="file"]`, [
      { name: 'mensajes.csv', mimeType: 'text/csv', buffer: Buffer.from(utf8(LOG)) },
    ]);
    const log = sidebar.locator(`${PANEL} [data-source="mensajes.csv"]`);
    await log.locator('[data-kind="conversations"]').waitFor();
    await sidebar.getByRole('button', { name: 'Import' }).click();
    await log.locator('[data-imported]').waitFor();
    expect(await log.locator('[data-imported]').textContent()).toBe('4 rows; months 2025-10');
    const note = await log.locator('[data-imported-bigquery]').textContent();
    expect(note).toMatch(/^kept in BigQuery; its queries processed [\d,]+ bytes$/);
    expect(Number(note!.replace(/\D/g, ''))).toBeGreaterThan(0);
    const sheets = preview.runtime.spreadsheet.sheets.map((s) => s.name);
    expect(sheets.filter((n) => n.startsWith('Atom'))).toEqual([]);
    expect(sheets).toContain('Billing 2025-10');
  } finally {
    await page.close();
    await preview.close();
  }
});
