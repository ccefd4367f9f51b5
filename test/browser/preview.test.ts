/** `npm start`'s page: the emulated spreadsheet's tabs, values, formulas and the sidebar side by side. */
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { seedDemoSpreadsheet } from '../../dev/preview/demo-data';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { launchChromium } from '../../dev/chromium';

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
      'Formulas',
      'Sheet1',
      'Atom log',
      'Atom groups',
      'Atom campaigns',
    ]);
    const uniqueContacts = await page.textContent('#sheet tr:nth-child(2) td:nth-child(3)');
    // Five distinct phone numbers in the demo log, each written in a different format.
    expect(uniqueContacts).toMatch(/^5=BILLED_UNIQUE_CONTACTS\('Atom log'!B2:B\d+\)$/);
    const metaBilled = await page.textContent('#sheet tr:nth-child(4) td:nth-child(3)');
    // #ERROR! as Sheets shows it, with the function's message as the cell's note.
    expect(metaBilled).toMatch(/^#ERROR!=META_BILLED\(.*\)META_BILLED: .*sidebar/);
    // The demo formats the cost as #,##0.00: the grid shows the format beside the value.
    expect(await page.textContent('#sheet tr:nth-child(5) td:nth-child(3) small:nth-of-type(2)')).toBe(
      '#,##0.00',
    );
    // The group split spilled from BILLED_BY_GROUP, its shares shown with their percent format (es_CO).
    expect(await page.textContent('#sheet tr:nth-child(8) td:nth-child(2)')).toBe('Ventas'); // a spilled value, no formula
    expect(await page.textContent('#sheet tr:nth-child(8) td:nth-child(4)')).toMatch(/^\d+,\d+%0\.00#+%$/);
    // The recorded pie chart is drawn from its ranges.
    expect(await page.$$eval('#charts figure svg path', (paths) => paths.length)).toBe(4);
    expect(await page.textContent('#charts figcaption')).toBe(
      'PIE chart of Billing!A7:A10, Billing!E7:E10 — anchored at row 1, column 6',
    );
    await page.click('#tabs button:has-text("Atom log")');
    // The grid redraws once the sheet's cells have come back from the preview server.
    await page.locator('#tabs [aria-selected="true"]', { hasText: 'Atom log' }).waitFor();
    expect(await page.textContent('#sheet tr:nth-child(2) td:nth-child(3)')).toBe('Contact');
    // A date cell shows its display value under its format, beside the format.
    expect(await page.textContent('#sheet tr:nth-child(3) td:nth-child(2)')).toMatch(
      /^2025-10-01 09:10yyyy-mm-dd hh:mm$/,
    );
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
