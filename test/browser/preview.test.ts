/** `npm start`'s page: the emulated spreadsheet's tabs, values, formulas and the sidebar side by side. */
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { seedDemoSpreadsheet } from '../../dev/preview/demo-data';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { launchChromium } from '../support/browser';

let browser: Browser;
let preview: Preview;

beforeAll(async () => {
  [browser, preview] = await Promise.all([
    launchChromium(),
    startPreview({ port: 0, seed: seedDemoSpreadsheet }),
  ]);
});

afterAll(async () => {
  await Promise.all([browser.close(), preview.close()]);
});

it('shows one tab per sheet and the Billing sheet with values computed by the bundle', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(preview.url);
    await page.waitForSelector('#sheet table');
    expect(await page.$$eval('#tabs button', (tabs) => tabs.map((t) => t.textContent))).toEqual([
      'Billing',
      'Sheet1',
      'Atom log',
      'Atom groups',
      'Atom campaigns',
    ]);
    const uniqueContacts = await page.textContent('#sheet tr:nth-child(2) td:nth-child(3)');
    // Five distinct phone numbers in the demo log, each written in a different format.
    expect(uniqueContacts).toMatch(/^5=BILLED_UNIQUE_CONTACTS\('Atom log'!B2:B\d+\)$/);
    const metaBilled = await page.textContent('#sheet tr:nth-child(4) td:nth-child(3)');
    expect(metaBilled).toMatch(/^#ERROR! META_BILLED: .*sidebar/);
    // The demo formats the cost as #,##0.00: the grid shows the format beside the value.
    expect(await page.textContent('#sheet tr:nth-child(5) td:nth-child(3) small:last-child')).toBe(
      '#,##0.00',
    );
    await page.click('#tabs button:has-text("Atom log")');
    expect(await page.textContent('#sheet tr:nth-child(2) td:nth-child(3)')).toBe('Contact');
    expect(await page.textContent('#sheet tr:nth-child(3) td:nth-child(2) small')).toBe('yyyy-mm-dd hh:mm');
    const width = await page.$eval('iframe#sidebar', (f) => f.getBoundingClientRect().width);
    expect(width).toBe(300);
  } finally {
    await page.close();
  }
});

it('fails to start, instead of crashing, when its port is taken', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = taken.address() as { port: number };
    await expect(startPreview({ port })).rejects.toThrow(/EADDRINUSE/);
  } finally {
    taken.close();
  }
});
