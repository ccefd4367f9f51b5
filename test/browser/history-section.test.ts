/**
 * The Month close panel's History section in real Chromium, through the preview: an admin switches the history
 * to BigQuery — the fake BigQuery in a child process, reached by the runtime's UrlFetch with the user's token —
 * and sees the tables it created; a refusal says the setting was not changed; a non-admin reads it only.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../dev/chromium';
import { startFakeBigQueryServerProcess, type FakeBigQueryServer } from '../../dev/fake-bigquery/server';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { seedStoredConnection } from '../support/stored-connection';

jest.setTimeout(120_000);

const TOKEN = 'ya29.browser-user-token-P3';
const PROJECT = 'atom-billing-demo';

let browser: Browser;
let bigQuery: FakeBigQueryServer;

beforeAll(async () => {
  [browser, bigQuery] = await Promise.all([
    launchChromium(),
    startFakeBigQueryServerProcess({ token: TOKEN }),
  ]);
  await bigQuery.createDataset(PROJECT, 'billing_history');
});

afterAll(async () => {
  await Promise.all([browser?.close(), bigQuery?.close()]);
});

async function openHistory(
  email: string,
  locale: string,
  store?: unknown,
): Promise<{ preview: Preview; page: Page; history: ReturnType<Frame['locator']>; sidebar: Frame }> {
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email, locale },
      spreadsheet: { timeZone: 'America/Bogota', locale },
      oauthToken: TOKEN,
    },
    seed: (rt) => {
      seedStoredConnection(rt);
      if (store) rt.properties.document.set('atomBilling.history.store', JSON.stringify(store));
    },
  });
  const page = await browser.newPage();
  await page.goto(preview.url);
  const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
  await sidebar.waitForSelector('h1');
  await sidebar.getByRole('tab', { name: locale.startsWith('es') ? 'Cierre de mes' : 'Month close' }).click();
  const history = sidebar.locator('[data-panel="monthClosePanel"] details[data-section="history"]');
  await history.locator('summary').click();
  return { preview, page, history, sidebar };
}

describe('History section', () => {
  it('an admin switches to BigQuery and sees the tables created; a second save creates none', async () => {
    const { preview, page, history } = await openHistory('ana@example.com', 'en_US');
    try {
      await history.getByText('History is kept in this spreadsheet.').waitFor();
      await history.getByLabel('BigQuery', { exact: true }).check();
      await history.getByLabel('Google Cloud project id').fill(PROJECT);
      await history.getByLabel('Dataset id').fill('does_not_exist');
      await history.getByText('Advanced').click();
      await history.getByLabel('BigQuery address').fill(bigQuery.url);
      await history.getByRole('button', { name: 'Save' }).click();
      await history
        .getByText(
          `Not changed — Dataset does_not_exist does not exist in project ${PROJECT} — create it in BigQuery (or check the ids), then try again.`,
        )
        .waitFor();
      await history.getByText('History is kept in this spreadsheet.').waitFor();

      await history.getByLabel('Dataset id').fill('billing_history');
      await history.getByRole('button', { name: 'Save' }).click();
      await history
        .getByText(
          'Saved. Tables created: atom_messages, billing_carry, atom_conversations, meta_rows, ledger.',
        )
        .waitFor();
      expect(await history.locator('[data-history-store]').textContent()).toBe(
        `History is kept in BigQuery: dataset ${PROJECT}:billing_history (US); each query bills at most 1 GB.`,
      );

      await history.getByLabel('Most a query may bill (GB)').fill('0.5');
      await history.getByRole('button', { name: 'Save' }).click();
      await history.getByText('Saved. Every table was already there.').waitFor();
      expect(await history.locator('[data-history-store]').textContent()).toContain('at most 0.5 GB');
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('a non-admin reads where the history is kept, in Spanish, with no control', async () => {
    const { preview, page, history } = await openHistory('bob@example.com', 'es_CO', {
      kind: 'bigquery',
      project: PROJECT,
      dataset: 'billing_history',
      location: 'US',
      maximumBytesBilled: 2_500_000_000,
      apiBaseUrl: bigQuery.url,
    });
    try {
      await history
        .getByText(
          `El historial se guarda en BigQuery: conjunto de datos ${PROJECT}:billing_history (US); cada consulta factura como máximo 2,5 GB.`,
        )
        .waitFor();
      await history
        .getByText('Solo los administradores pueden cambiar dónde se guarda el historial.', { exact: false })
        .waitFor();
      expect(await history.locator('input, button').count()).toBe(0);
    } finally {
      await page.close();
      await preview.close();
    }
  });
});
