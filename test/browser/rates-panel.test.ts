/**
 * The Rate cards panel in real Chromium, through the preview: pick the fixture file, import it, see the result and
 * the stored sheet; a broken file shows the server's message, a cut-off one the sidebar's own (the sidebar splits
 * the CSV into rows); every control is labelled and reachable by keyboard.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { launchChromium } from '../../dev/chromium';
import { BRL_OCTOBER, fixtureText } from '../bundle/rate-helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

async function openRatesPanel(locale: string): Promise<{ preview: Preview; page: Page; sidebar: Frame }> {
  const preview = await startPreview({
    port: 0,
    runtime: { user: { email: 'ana@example.com', locale }, spreadsheet: { timeZone: 'America/Bogota' } },
  });
  const page = await browser.newPage();
  await page.goto(preview.url);
  const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
  await sidebar.waitForSelector('h1');
  await sidebar.getByRole('tab', { name: locale.startsWith('es') ? 'Tarifas' : 'Rate cards' }).click();
  return { preview, page, sidebar };
}

const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

describe('Rate cards panel', () => {
  it('imports the picked file, shows what was stored, and says when it replaced the same card', async () => {
    const { preview, page, sidebar } = await openRatesPanel('en');
    try {
      await sidebar.getByLabel('Rates CSV file').setInputFiles(csv(BRL_OCTOBER, fixtureText(BRL_OCTOBER)));
      await sidebar.getByRole('button', { name: 'Import' }).click();
      const result = sidebar.locator('[data-section="rate-card-result"]');
      await result.waitFor();
      expect(await result.textContent()).toBe(
        'BRL card effective 2025-10-01: 9 markets imported to the “Rate cards” sheet.',
      );
      const stored = preview.runtime.spreadsheet.getValues("'Rate cards'!D2:F2");
      expect(stored).toEqual([['Argentina', 'MARKETING', '0.3424']]);
      await sidebar.getByRole('button', { name: 'Import' }).click();
      await sidebar
        .getByText('It replaces the card of the same currency and date imported before.')
        .waitFor();
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it("a file without its title: the server's question is shown, the optional fields answer it (Spanish)", async () => {
    const { preview, page, sidebar } = await openRatesPanel('es_CO');
    try {
      const untitled = fixtureText(BRL_OCTOBER).replace(/^[^\r]*\r\n/, '');
      await sidebar.getByLabel('Archivo Rates CSV').setInputFiles(csv('tarifas.csv', untitled));
      await sidebar.getByRole('button', { name: 'Importar' }).click();
      await sidebar.getByText(/^tarifas\.csv: the file does not say from when it applies/).waitFor();
      await sidebar.getByText('Solo si el archivo no lo indica').click();
      await sidebar.getByLabel('Vigente desde (AAAA-MM-DD)').fill('2025-10-01');
      await sidebar.getByRole('button', { name: 'Importar' }).click();
      await sidebar.locator('[data-section="rate-card-result"]').waitFor();
      expect(await sidebar.textContent('[data-section="rate-card-result"]')).toContain(
        'BRL vigente desde 2025-10-01',
      );
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('a cut-off file is refused in the sidebar, naming the row, before anything reaches the server', async () => {
    const { preview, page, sidebar } = await openRatesPanel('en');
    try {
      const cutOff = fixtureText(BRL_OCTOBER).replace('Brazil,BRL', '"Brazil,BRL');
      await sidebar.getByLabel('Rates CSV file').setInputFiles(csv('cut.csv', cutOff));
      preview.runtime.resetCounters();
      await sidebar.getByRole('button', { name: 'Import' }).click();
      await sidebar
        .getByText('cut.csv: row 4 has a quote that is never closed — the file looks cut off or edited')
        .waitFor();
      expect(preview.runtime.totalCalls()).toBe(0);
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('works by keyboard alone and labels every control', async () => {
    const { preview, page, sidebar } = await openRatesPanel('en');
    try {
      const panel = sidebar.locator('[data-panel="ratesPanel"]');
      const unlabelled = await panel.evaluate((root) =>
        Array.from(root.querySelectorAll('input, button'))
          .filter((c) => !(c as HTMLInputElement).labels?.length && !c.textContent)
          .map((c) => c.outerHTML),
      );
      expect(unlabelled).toEqual([]);
      await sidebar.getByLabel('Rates CSV file').setInputFiles(csv(BRL_OCTOBER, fixtureText(BRL_OCTOBER)));
      await sidebar.getByLabel('Rates CSV file').focus();
      // File input → the "Only if…" summary → Import (the optional fields are closed).
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await sidebar.evaluate(() => document.activeElement?.textContent)).toBe('Import');
      await page.keyboard.press('Enter');
      await sidebar.locator('[data-section="rate-card-result"]').waitFor();
    } finally {
      await page.close();
      await preview.close();
    }
  });
});
