/**
 * Issue 15 point 9 in Chromium: the Month close panel proposes the chosen month's own Atom tables (never the last
 * import's ranges of another month), flags a range on another month's table, and the result card notes it.
 * The runtime's clock is 10 November 2025 (Bogotá): November is the open month.
 */
import type { Browser } from 'playwright-core';
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph';
import { createDataset } from '../../dev/fake-graph/generator';
import { startPreview } from '../../dev/preview/preview';
import { manualClock } from '../../dev/runtime';
import { parsedCsv } from '../bundle/atom-helpers';
import { launchChromium } from '../support/browser';

const TOKEN = 'EAAG-month-ranges-Zq42';
const NOW = Date.UTC(2025, 10, 10, 15, 0);
const dataset = createDataset({ lastDay: 20251109 });
const OCTOBER_TABLE = "'Billing 2025-10'!Y5:Z305";

jest.setTimeout(120_000);

let browser: Browser;
let graph: FakeGraphServer;

beforeAll(async () => {
  [browser, graph] = await Promise.all([
    launchChromium(),
    startFakeGraphServerProcess({ token: TOKEN, lastDay: 20251109 }),
  ]);
});

afterAll(async () => {
  await Promise.all([browser.close(), graph.close()]);
});

it("proposes each month's own Atom tables, flags October's table for November and notes it on the result", async () => {
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email: 'ana@example.com', locale: 'en' },
      spreadsheet: { name: 'Cierre', timeZone: 'America/Bogota', locale: 'en_US' },
      clock: manualClock(NOW),
    },
  });
  const rt = preview.runtime;
  rt.runFromSidebar('saveConnection', { wabaId: dataset.waba.id, token: TOKEN, graphBaseUrl: graph.url });
  // October's Atom campaigns table, then October closed with it: the last request now remembers October's table.
  const campaigns = parsedCsv(
    [
      ['Campaña', 'Conversaciones'],
      ['Black Friday', '3'],
      ['Bienvenida', '1'],
    ],
    'campañas.csv',
  );
  rt.runFromSidebar('importAtomRows', {
    kind: campaigns.kind,
    fileName: 'campañas.csv',
    mapping: campaigns.mapping,
    rows: campaigns.rows,
    batch: { index: 0, count: 1 },
    month: '2025-10',
  });
  rt.runFromSidebar('runMonthClose', { month: '2025-10' });

  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  try {
    await page.goto(preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    await sidebar.getByRole('tab', { name: 'Month close' }).click();
    const month = sidebar.getByLabel('Month', { exact: true });
    const range = sidebar.getByLabel(/^Campaigns range/);
    await month.waitFor();
    expect(await month.inputValue()).toBe('2025-11');
    expect(await range.inputValue()).toBe('');

    await month.fill('2025-10');
    expect(await range.inputValue()).toBe(OCTOBER_TABLE);
    await month.fill('2025-11');
    expect(await range.inputValue()).toBe('');
    expect(await sidebar.locator('[data-flag]').count()).toBe(0);

    await range.fill(OCTOBER_TABLE);
    const flag = sidebar.locator('[data-flag="campaigns-other-month"]');
    await flag.waitFor();
    expect(await flag.isVisible()).toBe(true);
    expect(await flag.textContent()).toBe(
      'This range is the Atom table of October 2025: November 2025 would be split by October 2025’s data.',
    );

    await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
    const card = sidebar.locator('[data-section="result"]');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.textContent()).toContain(
      "The campaigns range 'Billing 2025-10'!Y5:Z305 is 2025-10's Atom table: 2025-11 was split by 2025-10's campaigns",
    );
  } finally {
    await page.close();
    await preview.close();
  }
});
