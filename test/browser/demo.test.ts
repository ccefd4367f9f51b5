/**
 * `npm start`'s demo as a newcomer meets it: open Month close, click Import, see the sheets. The demo closed
 * September at start, so October's Atom ranges are proposed; its clock says 3 November 2025.
 */
import { demoInChromium } from '../support/browser';

jest.setTimeout(120_000);

const session = demoInChromium();

it('imports October from the Month close panel and shows the summary with computed formulas and charts', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(session.demo.preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    await sidebar.getByRole('tab', { name: 'Month close' }).click();
    expect(await sidebar.getByLabel('Month', { exact: true }).inputValue()).toBe('2025-10');
    expect(await sidebar.getByLabel(/^Groups range/).inputValue()).toBe("'Atom groups'!A1:B5");
    expect(await sidebar.getByLabel(/^Campaigns range/).inputValue()).toBe("'Atom campaigns'!A1:B5");
    await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
    const card = sidebar.locator('[data-section="result"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('October 2025 Estimate');

    await card.getByRole('button', { name: 'Open Billing 2025-10' }).click();
    await page.locator('#tabs [aria-selected="true"]', { hasText: 'Billing 2025-10' }).waitFor();
    // Display values in the spreadsheet's locale (es_CO), and the split computed by the bundle's BILLED_BY_GROUP.
    const cells = await page.$$eval('#sheet td', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(cells).toContain('Unidades facturadas');
    expect(cells.some((text) => /^\d{3}\.\d{3}#,##0$/.test(text))).toBe(true);
    const groupFormula = cells.find((text) => text.includes('=BILLED_BY_GROUP('));
    expect(groupFormula).toMatch(/^Grupo=BILLED_BY_GROUP\('Atom groups'!A2:A5, 'Atom groups'!B2:B5, /);
    expect(cells).toEqual(expect.arrayContaining(['Ventas', 'Soporte', 'Cobranza', '(sin grupo)']));
    // The widths the add-on set (A 240 px for labels and group names, the gap H 24 px) are drawn as in Sheets; a
    // long formula is cut, not widening its column.
    const widths = await page.$$eval('#sheet tr:first-child th', (ths) =>
      ths.slice(1, 9).map((th) => Math.round(th.getBoundingClientRect().width)),
    );
    expect(widths[0]).toBeGreaterThanOrEqual(240);
    expect(widths[0]).toBeLessThan(260);
    expect(widths[7]).toBeLessThan(40);
    // The two charts the import inserted, drawn from their recorded specs.
    await page.waitForSelector('#charts svg');
    expect(await page.$$eval('#charts svg', (svgs) => svgs.map((s) => s.getAttribute('aria-label')))).toEqual(
      ['Unidades facturadas, acumulado', 'Volumen por origen'],
    );
  } finally {
    await page.close();
  }
});
