/**
 * The result card of a month close with the history in BigQuery, in real Chromium through the preview: the fake
 * Graph server and the fake BigQuery in child processes. The card shows the bytes BigQuery processed reading the
 * month's history (English and Spanish) and links no "Meta data" sheet.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../dev/chromium';
import { startFakeBigQueryServerProcess, type FakeBigQueryServer } from '../../dev/fake-bigquery/server';
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph';
import { createDataset } from '../../dev/fake-graph/generator';
import { startPreview } from '../../dev/preview/preview';
import { manualClock } from '../../dev/runtime';

jest.setTimeout(120_000);

const META_TOKEN = 'EAAG-bq-card-Rt5';
const OAUTH_TOKEN = 'ya29.browser-bq-card-K8';
const PROJECT = 'atom-billing-demo';
const NOW = Date.UTC(2025, 10, 10, 15, 0); // 2025-11-10 in Bogotá: October 2025 is closed
const dataset = createDataset({ lastDay: 20251109 });
const panel = '[data-panel="monthClosePanel"]';

let browser: Browser;
let graph: FakeGraphServer;
let bigQuery: FakeBigQueryServer;

beforeAll(async () => {
  [browser, graph, bigQuery] = await Promise.all([
    launchChromium(),
    startFakeGraphServerProcess({ token: META_TOKEN, lastDay: 20251109 }),
    startFakeBigQueryServerProcess({ token: OAUTH_TOKEN }),
  ]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), graph?.close(), bigQuery?.close()]);
});

/** Closes October twice (the second read finds the stored month) and returns the second result card's text. */
async function secondCard(
  locale: string,
  historyDataset: string,
): Promise<{ card: string; links: string[] }> {
  await bigQuery.createDataset(PROJECT, historyDataset);
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email: 'ana@example.com', locale },
      spreadsheet: { timeZone: 'America/Bogota', locale: locale === 'es' ? 'es_CO' : 'en_US' },
      clock: manualClock(NOW),
      oauthToken: OAUTH_TOKEN,
    },
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  try {
    const rt = preview.runtime;
    rt.runFromSidebar('saveConnection', {
      wabaId: dataset.waba.id,
      token: META_TOKEN,
      graphBaseUrl: graph.url,
    });
    rt.runFromSidebar('setHistoryStore', {
      kind: 'bigquery',
      project: PROJECT,
      dataset: historyDataset,
      apiBaseUrl: bigQuery.url,
    });
    rt.runFromSidebar('runMonthClose', { month: '2025-10' });
    await page.goto(preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    await sidebar.getByRole('tab', { name: locale === 'es' ? 'Cierre de mes' : 'Month close' }).click();
    const es = locale === 'es';
    await sidebar.getByLabel(es ? 'Mes' : 'Month', { exact: true }).fill('2025-10');
    await sidebar.getByRole('button', { name: es ? 'Importar' : 'Import', exact: true }).click();
    const card = sidebar.locator(`${panel} [data-section="result"]`);
    await card.waitFor({ timeout: 60_000 });
    const links = await card.locator('.sheet-links button').allTextContents();
    return { card: (await card.textContent()) ?? '', links };
  } finally {
    await page.close();
    await preview.close();
  }
}

describe('the result card with the history in BigQuery', () => {
  it('shows the bytes processed and no Meta data sheet (English)', async () => {
    const { card, links } = await secondCard('en', 'card_en');
    expect(card).toMatch(/Meta rows written to BigQuery[1-9][\d,]*BigQuery bytes processed[1-9][\d,]*/);
    expect(links.join(' ')).not.toContain('Meta data');
    expect(links.join(' ')).toContain('Billing 2025-10');
  });

  it('in Spanish', async () => {
    const { card, links } = await secondCard('es', 'card_es');
    expect(card).toMatch(
      /Filas de Meta escritas en BigQuery[1-9][\d.]*Bytes procesados en BigQuery[1-9][\d.]*/,
    );
    expect(links.join(' ')).not.toContain('Meta data');
  });
});
