/**
 * The connection panel's billing time zone warning in real Chromium: none for a confirmed Meta time zone id, one
 * line for an id from the unconfirmed range or when the spreadsheet's zone stands in for an unknown id.
 */
import type { Browser } from 'playwright-core';
import { startFakeGraphServerProcess } from '../../dev/fake-graph';
import { createDataset } from '../../dev/fake-graph/generator';
import { startPreview } from '../../dev/preview/preview';
import { launchChromium } from '../../dev/chromium';

const TOKEN = 'EAAG-browser-zone-Qx42';
const UNCONFIRMED = 'mapped from an unofficial list';
const FALLBACK = 'days are read in the spreadsheet’s zone';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

async function panelText(timezoneId: string, locale = 'en'): Promise<string> {
  const graph = await startFakeGraphServerProcess({ token: TOKEN, timezoneId, timeZone: 'America/Cancun' });
  const user = { email: 'ana@example.com', locale };
  const preview = await startPreview({
    port: 0,
    runtime: { user, spreadsheet: { timeZone: 'America/Bogota' } },
  });
  const page = await browser.newPage();
  try {
    const request = { wabaId: createDataset().waba.id, token: TOKEN, graphBaseUrl: graph.url };
    preview.runtime.runFromSidebar('saveConnection', request);
    await page.goto(preview.url);
    const panel = page.frameLocator('iframe#sidebar').locator('[data-panel="connectionPanel"]');
    await panel.locator('dl').waitFor();
    return (await panel.textContent()) ?? '';
  } finally {
    await page.close();
    await preview.close();
    await graph.close();
  }
}

describe('billing time zone warning', () => {
  it('none for a confirmed id (Mexico City, 94)', async () => {
    const text = await panelText('94');
    expect(text).toContain('America/Mexico_City');
    expect(text).not.toContain(UNCONFIRMED);
    expect(text).not.toContain(FALLBACK);
  });

  it('a warning line for an id of the unconfirmed range (Cancun, 213)', async () => {
    const text = await panelText('213');
    expect(text).toContain('America/Cancun');
    expect(text).toContain(UNCONFIRMED);
  });

  it('a warning line, in Spanish too, when the spreadsheet’s zone stands in for an unknown id', async () => {
    expect(await panelText('0')).toContain(FALLBACK);
    expect(await panelText('476', 'es_CO')).toContain('los días se leen en la zona de la hoja');
  });
});
