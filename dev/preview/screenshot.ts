/**
 * `npm run screenshot`: runs the demo, does what the README's Month close walk-through says (open Month close,
 * Import, open the summary sheet) in Chromium, and saves the preview as docs/month-close.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../chromium';
import { startDemo } from './demo';

const output = join(process.cwd(), 'docs', 'month-close.png');
const demo = await startDemo(0);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(demo.preview.url);
  const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
  await sidebar.getByRole('tab', { name: 'Month close' }).click();
  await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
  const card = sidebar.locator('[data-section="result"]');
  await card.waitFor({ timeout: 60_000 });
  await card.getByRole('button', { name: /^Open Billing/ }).click();
  await page.locator('#tabs [aria-selected="true"]', { hasText: /^Billing \d{4}-\d{2}$/ }).waitFor();
  // Let the grid redraw its charts, then scroll the sidebar so the result card shows.
  await page.waitForTimeout(2500);
  await card.scrollIntoViewIfNeeded();
  mkdirSync(join(process.cwd(), 'docs'), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`saved ${output}`);
} finally {
  await browser.close();
  await demo.close();
}
