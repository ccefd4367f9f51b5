/**
 * `npm run screenshot`: runs the demo in each language, does what the README's Month close walk-through says (open
 * Month close, Import, open the summary sheet) in Chromium, and saves the preview: docs/month-close.png (an en_US
 * user and spreadsheet) and docs/month-close-es.png (es_CO).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../chromium';
import { startDemo } from './demo';

/** The walk-through's words in each language (the sidebar's own). */
const LANGUAGES = [
  {
    locale: 'en_US',
    file: 'month-close.png',
    panel: 'Month close',
    importButton: 'Import',
    open: /^Open Billing/,
  },
  {
    locale: 'es_CO',
    file: 'month-close-es.png',
    panel: 'Cierre de mes',
    importButton: 'Importar',
    open: /^Abrir Billing/,
  },
];

async function screenshot(browser: Browser, language: (typeof LANGUAGES)[number]): Promise<void> {
  const demo = await startDemo(0, { locale: language.locale });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(demo.preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    await sidebar.getByRole('tab', { name: language.panel }).click();
    await sidebar.getByRole('button', { name: language.importButton, exact: true }).click();
    const card = sidebar.locator('[data-section="result"]');
    await card.waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: language.open }).click();
    await page.locator('#tabs [aria-selected="true"]', { hasText: /^Billing \d{4}-\d{2}$/ }).waitFor();
    // Let the grid redraw its charts, then scroll the sidebar so the result card shows.
    await page.waitForTimeout(2500);
    await card.scrollIntoViewIfNeeded();
    const output = join(process.cwd(), 'docs', language.file);
    await page.screenshot({ path: output });
    console.log(`saved ${output}`);
    await page.close();
  } finally {
    await demo.close();
  }
}

mkdirSync(join(process.cwd(), 'docs'), { recursive: true });
const browser = await launchChromium();
try {
  for (const language of LANGUAGES) await screenshot(browser, language);
} finally {
  await browser.close();
}
