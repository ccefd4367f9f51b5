/**
 * Issue 16.4: the preview runs as an es_CO user in an es_CO spreadsheet (`npm start -- --locale es_CO`): the sidebar
 * speaks Spanish, its figures are the sheet's (7.017,50 BRL), and the server's notes on the result card are worded
 * in Spanish too. The page's English / Español switch makes it an en_US user and spreadsheet: English, 7,017.50.
 */
import type { Page } from 'playwright-core';
import { cardFacts, demoInChromium, importMonth } from '../support/browser';

jest.setTimeout(180_000);

const session = demoInChromium({ locale: 'es_CO' });

/** A cell of the sheet shown in the grid, as displayed (its number format's note stripped). */
async function gridCell(page: Page, row: number, column: number): Promise<string> {
  const cell = page
    .locator('#sheet tr')
    .nth(row)
    .locator('td')
    .nth(column - 1);
  return (await cell.evaluate((td) => td.firstChild?.textContent ?? '')).trim();
}

it('speaks Spanish with es_CO figures, and English with en_US ones after the switch', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(session.demo.preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    await sidebar.getByRole('tab', { name: 'Cierre de mes' }).click();
    expect(await sidebar.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('false');

    await importMonth(sidebar, 'Importar', null);
    const card = sidebar.locator('[data-section="result"]');
    expect(await card.locator('h3').textContent()).toBe('octubre de 2025 Estimación');
    const facts = await cardFacts(sidebar);
    expect(facts['Unidades facturadas']).toMatch(/^\d{3}\.\d{3} mensajes de plantilla entregados$/);
    expect(facts['Costo de Meta']).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} BRL$/);
    // The demo's clock starts at 09:00 in Bogotá on 3 November 2025 and runs.
    expect(facts['Importado el']).toMatch(/^3\/11\/2025, 09:\d{2}$/);

    // The sidebar's amount is the sheet's, as the es_CO sheet shows it.
    await card.getByRole('button', { name: 'Abrir Billing 2025-10' }).click();
    await page.locator('#tabs [aria-selected="true"]', { hasText: 'Billing 2025-10' }).waitFor();
    const metaCost = await gridCell(page, 5, 2);
    expect(metaCost).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
    expect(facts['Costo de Meta']).toBe(`${metaCost} BRL`);

    // A note the server sends (the cost to allocate typed in the sheet was kept), worded in Spanish.
    session.demo.preview.runtime.spreadsheet.setValues("'Billing 2025-10'!B7", [[7500.25]]);
    await importMonth(sidebar, 'Importar', await card.textContent());
    expect((await cardFacts(sidebar))['Costo a distribuir']).toBe(
      '7.500,25 BRL (escrito en la hoja, conservado)',
    );
    expect(await card.locator('.notes li').allTextContents()).toEqual([
      'Se conservó el costo a distribuir escrito en Billing 2025-10!B7.',
    ]);

    // English: the sidebar starts again in English, the sheet and the sidebar show en_US figures.
    await page.getByRole('button', { name: 'English' }).click();
    await sidebar.getByRole('tab', { name: 'Month close' }).click();
    expect(await sidebar.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(() =>
      /^\d{1,3}(,\d{3})*\.\d{2}/.test(
        document.querySelectorAll('#sheet tr')[5]?.children[2]?.textContent ?? '',
      ),
    );
    await importMonth(sidebar, 'Import', null);
    const english = await cardFacts(sidebar);
    expect(await card.locator('h3').textContent()).toBe('October 2025 Estimate');
    const amount = Number(metaCost.replace(/\./g, '').replace(',', '.'));
    expect(english['Meta cost']).toBe(`${amount.toLocaleString('en-US', { minimumFractionDigits: 2 })} BRL`);
    expect(english['Cost to allocate']).toBe('7,500.25 BRL (typed in the sheet, kept)');
    expect(english['Imported at']).toMatch(/^11\/3\/2025, 09:\d{2}$/);
    expect(await card.locator('.notes li').allTextContents()).toEqual([
      'The cost to allocate typed in Billing 2025-10!B7 was kept.',
    ]);
  } finally {
    await page.close();
  }
});
