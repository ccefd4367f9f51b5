/**
 * `npm start -- --no-cost`: an account Meta gives no cost for (a partner's credit line) gets a priced month close
 * from a rate card uploaded in the sidebar — the whole path a finance user takes, in real Chromium.
 */
import { BRL_OCTOBER } from '../bundle/rate-helpers';
import { demoInChromium, importRateCardInSidebar } from '../support/browser';

jest.setTimeout(120_000);

const session = demoInChromium({ costAvailable: false });

it('imports the rate card, then closes October priced from it', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(session.demo.preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    await importRateCardInSidebar(sidebar, BRL_OCTOBER);

    await sidebar.getByRole('tab', { name: 'Month close' }).click();
    expect(await sidebar.getByLabel('Month', { exact: true }).inputValue()).toBe('2025-10');
    await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
    await sidebar.locator('[data-section="result"]').waitFor();

    const summary = session.demo.preview.runtime.spreadsheet.getValues("'Billing 2025-10'!A1:F12").flat();
    // The KPI block names the card the cost comes from, and the cost is a positive amount.
    expect(summary.some((cell) => typeof cell === 'string' && cell.includes('BRL 2025-10-01'))).toBe(true);
    const named = session.demo.preview.runtime.spreadsheet.getValues('COST_TO_ALLOCATE_2025_10')[0][0];
    expect(typeof named === 'number' && named > 0).toBe(true);
  } finally {
    await page.close();
  }
});
