/**
 * The connection panel's currency line and the Brazil → BRL warning in real Chromium (issue 17 point 3): Meta's
 * WABA `currency` and `country` as the fake Graph server serves them; a Brazilian account not yet in BRL is warned
 * until 30 June 2027 (meta-2026.md §6), in the spreadsheet's language.
 */
import type { Browser } from 'playwright-core';
import { startFakeGraphServerProcess } from '../../dev/fake-graph';
import { createDataset } from '../../dev/fake-graph/generator';
import { startPreview } from '../../dev/preview/preview';
import { launchChromium } from '../../dev/chromium';

const TOKEN = 'EAAG-browser-currency-Zt71';
const WARNING = 'must move every WhatsApp account to BRL by 30 June 2027';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

async function panel(
  account: { currency: string; country: string },
  today: string,
  locale = 'en',
): Promise<{ text: string; alerts: string[] }> {
  const graph = await startFakeGraphServerProcess({ token: TOKEN, ...account });
  const preview = await startPreview({
    port: 0,
    runtime: { user: { email: 'ana@example.com', locale }, spreadsheet: { timeZone: 'America/Sao_Paulo' } },
  });
  const page = await browser.newPage();
  try {
    await page.clock.setFixedTime(new Date(`${today}T12:00:00Z`));
    const request = { wabaId: createDataset().waba.id, token: TOKEN, graphBaseUrl: graph.url };
    preview.runtime.runFromSidebar('saveConnection', request);
    await page.goto(preview.url);
    const connection = page.frameLocator('iframe#sidebar').locator('[data-panel="connectionPanel"]');
    await connection.locator('dl').waitFor();
    return {
      text: (await connection.locator('dl').textContent()) ?? '',
      alerts: await connection.locator('[data-section="brl-deadline"]').allTextContents(),
    };
  } finally {
    await page.close();
    await preview.close();
    await graph.close();
  }
}

describe('the account’s currency and the BRL deadline', () => {
  it('a Brazilian account still billed in USD: its currency and a warning naming the deadline', async () => {
    const { text, alerts } = await panel({ currency: 'USD', country: 'BR' }, '2026-12-04');
    expect(text).toContain('CurrencyUSD');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('Meta bills this Brazilian account in USD');
    expect(alerts[0]).toContain(WARNING);
  });

  it('in Spanish too', async () => {
    const { alerts } = await panel({ currency: 'USD', country: 'BR' }, '2027-06-30', 'es_CO');
    expect(alerts[0]).toContain(
      'deben pasar todas sus cuentas de WhatsApp a BRL antes del 30 de junio de 2027',
    );
  });

  it('no warning for a Brazilian account in BRL, a Mexican account in USD, or after the deadline', async () => {
    const brl = await panel({ currency: 'BRL', country: 'BR' }, '2026-12-04');
    expect(brl.text).toContain('CurrencyBRL');
    expect(brl.alerts).toEqual([]);
    expect((await panel({ currency: 'USD', country: 'MX' }, '2026-12-04')).alerts).toEqual([]);
    expect((await panel({ currency: 'USD', country: 'BR' }, '2027-07-01')).alerts).toEqual([]);
  });
});
