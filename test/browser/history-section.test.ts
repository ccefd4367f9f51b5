/**
 * The Month close panel's History section in real Chromium, through the preview: an admin switches the history
 * to BigQuery — the fake BigQuery in a child process, reached by the runtime's UrlFetch with the user's token —
 * and sees the tables it created; a refusal says the setting was not changed; a non-admin reads it only. With
 * "Meta data" holding two months, the switch offers to copy them (rows per table) and copies them.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../dev/chromium';
import { startFakeBigQueryServerProcess, type FakeBigQueryServer } from '../../dev/fake-bigquery/server';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { query } from '../../src/bigquery/client';
import { monthCloseLabels } from '../../src/month-close/labels';
import { fakeSession } from '../support/fake-bigquery';
import { seedStoredConnection, STORED_LINE } from '../support/stored-connection';

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
  seed?: (rt: Preview['runtime']) => void,
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
      seed?.(rt);
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
          'Saved. Tables created: atom_messages, billing_carry, atom_conversations, meta_rows, atom_staging, ledger.',
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

/** Three Meta rows in September 2026, two in October, as a Sheets-mode month close leaves them. */
const META_ROWS = [
  ['2026-09-01', 120, 6.5],
  ['2026-09-02', 80, 4.25],
  ['2026-09-30', 10, 0.5],
  ['2026-10-01', 45, 2],
  ['2026-10-15', 60, 3.1],
].map(([day, volume, cost]) => [
  new Date(`${String(day)}T12:00:00Z`),
  STORED_LINE,
  'BR',
  'message',
  'marketing',
  'REGULAR',
  '',
  volume,
  cost,
  'BRL',
  new Date('2026-11-02T12:00:00Z'),
  '',
]);

describe('History section: copying the spreadsheet’s history', () => {
  it('offers the rows per table after the switch, copies them, and says the sheets were kept', async () => {
    await bigQuery.createDataset(PROJECT, 'copied_history');
    const { preview, page, history } = await openHistory('ana@example.com', 'en_US', undefined, (rt) => {
      rt.spreadsheet.insertSheet('Meta data');
      rt.spreadsheet.setValues(`'Meta data'!A1:L6`, [monthCloseLabels('en_US').dataHeader, ...META_ROWS]);
    });
    try {
      await history.getByText('History is kept in this spreadsheet.').waitFor();
      await history.getByLabel('BigQuery', { exact: true }).check();
      await history.getByLabel('Google Cloud project id').fill(PROJECT);
      await history.getByLabel('Dataset id').fill('copied_history');
      await history.getByText('Advanced').click();
      await history.getByLabel('BigQuery address').fill(bigQuery.url);
      await history.getByRole('button', { name: 'Save' }).click();
      const offer = history.locator('[data-history-copy]');
      await offer
        .getByText(
          'This spreadsheet holds history from before the switch: 5 Meta rows, 0 Atom conversations and 0 Atom messages in 2 months, and 0 ledger rows. Copy them into BigQuery?',
        )
        .waitFor();
      await offer.getByRole('button', { name: 'Copy into BigQuery' }).click();
      await offer
        .getByText(
          'Copied: 2 months are in BigQuery. “Meta data” and “Atom conversations” were kept: once you have checked the tables you may delete them by hand.',
        )
        .first()
        .waitFor();
      expect(await offer.getByRole('button').count()).toBe(0);

      const session = fakeSession(bigQuery, { project: PROJECT, dataset: 'copied_history', token: TOKEN });
      const sql = `SELECT month, COUNT(*) AS n, SUM(volume) AS v FROM \`${PROJECT}.copied_history.meta_rows\` GROUP BY month ORDER BY month`;
      const { rows } = query(session, sql, [], {
        deadlineAt: session.clock.now() + 60_000,
        runId: 'browser',
      });
      expect(rows).toEqual([
        { month: '2026-09-01', n: 3, v: 210 },
        { month: '2026-10-01', n: 2, v: 105 },
      ]);
      expect(preview.runtime.spreadsheet.getSheet('Meta data')).toBeTruthy();
    } finally {
      await page.close();
      await preview.close();
    }
  });
});
