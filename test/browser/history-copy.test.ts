/**
 * The History section's copy offer in real Chromium, through the preview: a spreadsheet whose "Meta data" holds two
 * months is switched to BigQuery (the fake, in a child process); the section says what it will copy, rows per
 * table, copies it month by month and says the sheets were kept.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../dev/chromium';
import { startFakeBigQueryServerProcess, type FakeBigQueryServer } from '../../dev/fake-bigquery/server';
import { startPreview } from '../../dev/preview/preview';
import { query } from '../../src/bigquery/client';
import { monthCloseLabels } from '../../src/month-close/labels';
import { fakeSession } from '../support/fake-bigquery';
import { seedStoredConnection, STORED_LINE } from '../support/stored-connection';

jest.setTimeout(120_000);

const TOKEN = 'ya29.browser-user-token-C9';
const PROJECT = 'atom-billing-demo';
const DATASET = 'copied_history';

let browser: Browser;
let bigQuery: FakeBigQueryServer;

beforeAll(async () => {
  [browser, bigQuery] = await Promise.all([
    launchChromium(),
    startFakeBigQueryServerProcess({ token: TOKEN }),
  ]);
  await bigQuery.createDataset(PROJECT, DATASET);
});

afterAll(async () => {
  await Promise.all([browser?.close(), bigQuery?.close()]);
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
    const preview = await startPreview({
      port: 0,
      runtime: {
        user: { email: 'ana@example.com', locale: 'en_US' },
        spreadsheet: { timeZone: 'America/Bogota', locale: 'en_US' },
        oauthToken: TOKEN,
      },
      seed: (rt) => {
        seedStoredConnection(rt);
        rt.spreadsheet.insertSheet('Meta data');
        rt.spreadsheet.setValues(`'Meta data'!A1:L6`, [monthCloseLabels('en_US').dataHeader, ...META_ROWS]);
      },
    });
    const page = await browser.newPage();
    try {
      await page.goto(preview.url);
      const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
      await sidebar.waitForSelector('h1');
      await sidebar.getByRole('tab', { name: 'Month close' }).click();
      const history = sidebar.locator('[data-panel="monthClosePanel"] details[data-section="history"]');
      await history.locator('summary').click();
      await history.getByText('History is kept in this spreadsheet.').waitFor();
      await history.getByLabel('BigQuery', { exact: true }).check();
      await history.getByLabel('Google Cloud project id').fill(PROJECT);
      await history.getByLabel('Dataset id').fill(DATASET);
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

      const session = fakeSession(bigQuery, { project: PROJECT, dataset: DATASET, token: TOKEN });
      const sql = `SELECT month, COUNT(*) AS n, SUM(volume) AS v FROM \`${PROJECT}.${DATASET}.meta_rows\` GROUP BY month ORDER BY month`;
      const { rows } = query(session, sql, [], { deadlineAt: session.clock.now() + 60_000, runId: 'browser' });
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
