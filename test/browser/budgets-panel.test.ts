/**
 * The Budgets panel in real Chromium, through the preview: an admin sets budgets for the account (a comma as
 * decimal separator), a line and an Atom group, and removes one; a non-admin sees them read-only, with no control.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../dev/chromium';
import { startPreview, type Preview } from '../../dev/preview/preview';
import type { AppsScriptRuntime } from '../../dev/runtime';
import { seedStoredConnection, STORED_LINE } from '../support/stored-connection';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

const LINE = STORED_LINE;

function seedConnection(rt: AppsScriptRuntime, budgets?: unknown): void {
  seedStoredConnection(rt);
  if (budgets)
    rt.properties.document.set('atomBilling.budgets', JSON.stringify({ waba: '102290129340398', budgets }));
}

async function openBudgets(
  email: string,
  locale: string,
  budgets?: unknown,
): Promise<{ preview: Preview; page: Page; sidebar: Frame }> {
  const preview = await startPreview({
    port: 0,
    runtime: { user: { email, locale }, spreadsheet: { timeZone: 'America/Bogota' } },
    seed: (rt) => seedConnection(rt, budgets),
  });
  const page = await browser.newPage();
  await page.goto(preview.url);
  const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
  await sidebar.waitForSelector('h1');
  await sidebar.getByRole('tab', { name: locale.startsWith('es') ? 'Presupuestos' : 'Budgets' }).click();
  return { preview, page, sidebar };
}

const PANEL = '[data-panel="budgetsPanel"]';

describe('Budgets panel', () => {
  it('an admin sets budgets for the account, a line and an Atom group, and removes one', async () => {
    const { preview, page, sidebar } = await openBudgets('ana@example.com', 'en');
    try {
      await sidebar.getByText('No budget yet.').waitFor();
      // Loaded: the "Loading…" line is gone.
      expect(await sidebar.textContent(PANEL)).not.toContain('Loading…');
      await sidebar.getByLabel('Monthly budget (BRL)').fill('1500,50');
      await sidebar.getByRole('button', { name: 'Set budget' }).click();
      await sidebar.getByText('Budgets saved.').waitFor();
      await sidebar.getByLabel('Budget for', { exact: true }).selectOption(LINE);
      await sidebar.getByLabel('Monthly budget (BRL)').fill('200');
      await sidebar.getByRole('button', { name: 'Set budget' }).click();
      await sidebar.getByRole('button', { name: `Remove the budget for ${LINE}` }).waitFor();
      expect(
        await sidebar.$$eval(`${PANEL} [data-section="budgets"] li span`, (s) => s.map((x) => x.textContent)),
      ).toEqual(['Whole account: 1.500,50 BRL', `${LINE}: 200,00 BRL`]);

      await sidebar.getByLabel('Budget for', { exact: true }).selectOption('group');
      await sidebar.getByLabel('Name, as in Atom’s table').fill('Ventas');
      await sidebar.getByLabel('Monthly budget (BRL)').fill('75');
      await sidebar.getByRole('button', { name: 'Set budget' }).click();
      await sidebar.getByRole('button', { name: 'Remove the budget for Group Ventas' }).waitFor();
      expect(preview.runtime.runFromSidebar('getBudgets')).toMatchObject({
        budgets: [
          { scope: 'account', name: '', amount: 1500.5 },
          { scope: 'line', name: LINE, amount: 200 },
          { scope: 'group', name: 'Ventas', amount: 75 },
        ],
      });
      await sidebar.getByLabel('Monthly budget (BRL)').fill('about 10');
      await sidebar.getByRole('button', { name: 'Set budget' }).click();
      await sidebar
        .getByText('Type the amount as this spreadsheet writes it, e.g. 1.500,50, or plain (1500.50).')
        .waitFor();
      await sidebar.getByRole('button', { name: 'Remove the budget for Whole account' }).click();
      await sidebar
        .getByRole('button', { name: 'Remove the budget for Whole account' })
        .waitFor({ state: 'detached' });
      expect(preview.runtime.runFromSidebar('getBudgets')).toMatchObject({
        budgets: [
          { scope: 'line', name: LINE, amount: 200 },
          { scope: 'group', name: 'Ventas', amount: 75 },
        ],
      });
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('a non-admin sees the budgets read-only, in Spanish, and cannot set one', async () => {
    const { preview, page, sidebar } = await openBudgets('bob@example.com', 'es_CO', [
      { scope: 'account', name: '', amount: '1500.5' },
    ]);
    try {
      await sidebar.getByText('Toda la cuenta: 1.500,50 BRL').waitFor();
      expect(await sidebar.textContent(PANEL)).toContain(
        'Solo los administradores pueden cambiar los presupuestos. Consulte a: ana@example.com',
      );
      expect(await sidebar.$$(`${PANEL} button, ${PANEL} input, ${PANEL} select`)).toHaveLength(0);
      // Nor through google.script.run directly: the server refuses.
      expect(() => preview.runtime.runFromSidebar('setBudgets', [])).toThrow(/^Only an admin/);
    } finally {
      await page.close();
      await preview.close();
    }
  });
});
