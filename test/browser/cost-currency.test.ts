/**
 * Month close for a month billed in two currencies (issue 17 point 3), in real Chromium: the account was billed in
 * USD until 15 October 2025, then Meta's currency migration moved its numbers to a new BRL account. The sidebar asks
 * the currency of the cost to allocate, and the result card shows one cost per currency, never a sum.
 */
import type { Browser } from 'playwright-core';
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph';
import { createDataset, expectedTotals } from '../../dev/fake-graph/generator';
import { startPreview } from '../../dev/preview/preview';
import { manualClock } from '../../dev/runtime';
import { launchChromium } from '../../dev/chromium';

jest.setTimeout(120_000);

const TOKEN = 'EAAG-cost-currency-Vb35';
const NOW = Date.UTC(2025, 10, 10, 15, 0); // 2025-11-10 in Bogotá: October is closed
const USD_ACCOUNT = {
  wabaId: '102290129340111',
  name: 'Atom LatAm (USD)',
  currency: 'USD',
  lastDay: 20251015,
};
const BRL_ACCOUNT = { wabaId: '102290129340222', currency: 'BRL', firstDay: 20251016, lastDay: 20251109 };
const OCT = { fromDay: 20251001, toDay: 20251031 };
const USD = expectedTotals(createDataset({ seed: 42, ...USD_ACCOUNT }), OCT);
const BRL = expectedTotals(createDataset({ seed: 42, ...BRL_ACCOUNT }), OCT);
const money = (micros: number) =>
  (Math.round(micros / 1e4) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });

let browser: Browser;
let graph: FakeGraphServer;

beforeAll(async () => {
  [browser, graph] = await Promise.all([
    launchChromium(),
    startFakeGraphServerProcess({ token: TOKEN, ...BRL_ACCOUNT, otherAccounts: [USD_ACCOUNT] }),
  ]);
});

afterAll(async () => {
  await Promise.all([browser.close(), graph.close()]);
});

it('asks the currency of the cost to allocate and shows each currency’s cost apart', async () => {
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email: 'ana@example.com', locale: 'en' },
      spreadsheet: { timeZone: 'America/Bogota', locale: 'en_US' },
      clock: manualClock(NOW),
    },
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  try {
    const save = (wabaId: string) =>
      preview.runtime.runFromSidebar('saveConnection', { wabaId, token: TOKEN, graphBaseUrl: graph.url });
    save(USD_ACCOUNT.wabaId);
    preview.runtime.runFromSidebar('runMonthClose', { month: '2025-10' });
    save(BRL_ACCOUNT.wabaId);
    await page.goto(preview.url);
    const sidebar = page.frameLocator('iframe#sidebar');
    await sidebar.getByRole('tab', { name: 'Month close' }).click();
    const currency = sidebar.getByLabel('Currency of the cost to allocate');
    await currency.waitFor();
    expect(await currency.locator('option').allTextContents()).toEqual(['BRL', 'USD']);
    expect(await currency.inputValue()).toBe('BRL');
    await currency.selectOption('USD');
    await expect(sidebar.getByLabel('Cost to allocate (USD)').count()).resolves.toBe(1);
    await sidebar.getByLabel('Month', { exact: true }).fill('2025-10');
    await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
    const card = sidebar.locator('[data-section="result"]');
    await card.waitFor({ timeout: 60_000 });
    const text = (await card.locator('dl').textContent()) ?? '';
    expect(text).toContain(`Meta cost${money(BRL.costMicros)}`);
    expect(text).toContain(`Meta cost in USD (another account: never added)${money(USD.costMicros)}`);
    expect(text).toContain(`Cost to allocate${money(USD.costMicros)}`);
    expect(text).not.toContain(money(BRL.costMicros + USD.costMicros));
    expect(preview.runtime.spreadsheet.getFormulas("'Billing 2025-10'!B7")).toEqual([['=B15']]);
  } finally {
    await page.close();
    await preview.close();
  }
});
