/**
 * Issue 16, point 5: on a 1366×768 laptop the sidebar is about 700 px tall and its panels run longer, so an
 * answer rendered below the form and the history was off-screen. In `npm start`'s demo, a running import, its
 * result and an error must be in sight without the user scrolling (Playwright's click scrolls only the button
 * clicked into view, as a user does to reach it).
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { csv, utf8 } from '../../dev/fixtures/atom-exports';
import { demoInChromium } from '../support/browser';

jest.setTimeout(120_000);

const session = demoInChromium();

const LAPTOP = { width: 1366, height: 768 };
const MONTH_CLOSE = '[data-panel="monthClosePanel"]';
const ATOM = '[data-panel="atomPanel"]';

async function openSidebar(tab: string): Promise<{ page: Page; sidebar: Frame }> {
  const page = await session.browser.newPage({ viewport: LAPTOP });
  await page.goto(session.demo.preview.url);
  const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
  await sidebar.getByRole('tab', { name: tab }).click();
  return { page, sidebar };
}

/**
 * Whether `target`'s top `height` px (all of it when shorter) lie inside the sidebar frame's visible area (to the
 * pixel: an element aligned with the bottom edge ends a fraction past it).
 */
async function inSight(page: Page, target: Locator, height = Infinity): Promise<boolean> {
  const frame = (await page.locator('iframe#sidebar').boundingBox())!;
  const box = (await target.boundingBox())!;
  const bottom = box.y + Math.min(box.height, height);
  return box.height > 0 && box.y >= frame.y && bottom <= frame.y + frame.height + 1;
}

it('shows the Month close result card, scrolled into sight under Import', async () => {
  const { page, sidebar } = await openSidebar('Month close');
  try {
    await sidebar.getByLabel('Month', { exact: true }).waitFor();
    // The import's status line: the first of the panel (the History section below has its own).
    const status = sidebar.locator(`${MONTH_CLOSE} [role="status"]`).first();
    // While it runs, every line of the import's status is in sight, from the frame it is painted in.
    await sidebar.evaluate(() => {
      const seen: [string, boolean][] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      const sample = () => {
        const line = document.querySelector<HTMLElement>('[data-panel="monthClosePanel"] [role="status"]');
        const text = line?.textContent ?? '';
        if (line && text && text !== seen[seen.length - 1]?.[0]) {
          const box = line.getBoundingClientRect();
          seen.push([text, box.top >= 0 && box.bottom <= innerHeight + 1]);
        }
        if (!text.startsWith('Imported')) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
    const card = sidebar.locator(`${MONTH_CLOSE} [data-section="result"]`);
    await card.waitFor();
    await sidebar.locator(`${MONTH_CLOSE} [role="status"]`, { hasText: 'Imported October 2025.' }).waitFor();
    // The card is taller than the window: its heading and first figures are what must show.
    expect(await inSight(page, card, 120)).toBe(true);
    expect(await inSight(page, card.locator('h3'))).toBe(true);
    expect(await inSight(page, status)).toBe(true);
    const seen = await sidebar.evaluate(() => (window as unknown as { seen: [string, boolean][] }).seen);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.filter(([, shown]) => !shown)).toEqual([]);
    // It sits right under the form, above the history.
    const order = await sidebar.$$eval(`${MONTH_CLOSE} form, ${MONTH_CLOSE} [data-section]`, (nodes) =>
      nodes.map((n) => n.getAttribute('data-section') ?? n.tagName.toLowerCase()),
    );
    expect(order.indexOf('result')).toBe(order.indexOf('form') + 1);
    // The status line is focusable and announced.
    expect(await status.getAttribute('tabindex')).toBe('-1');
    expect(await status.getAttribute('aria-live')).toBe('polite');
  } finally {
    await page.close();
  }
});

it('shows an error in sight: a bad range typed in the Month close panel', async () => {
  const { page, sidebar } = await openSidebar('Month close');
  try {
    await sidebar.getByLabel(/^Campaigns range/).fill('not a range!!');
    // Enter in the field submits the form, as Import does.
    await sidebar.getByLabel(/^Campaigns range/).press('Enter');
    const error = sidebar.locator(`${MONTH_CLOSE} [role="status"].error`);
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Campaigns range/);
    expect(await inSight(page, error)).toBe(true);
    // Focus stays in the field being corrected.
    expect(await sidebar.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('campaigns');
  } finally {
    await page.close();
  }
});

it('shows the Atom data import’s answer in sight, with the focus on it once the Import button is spent, and a file’s error', async () => {
  const { page, sidebar } = await openSidebar('Atom data');
  try {
    await sidebar.waitForSelector(`${ATOM} input[type="file"]`);
    const header = ['ID Conversación', 'Fecha de inicio', 'Teléfono', 'Grupo', 'Tipo de cierre'];
    const rows = Array.from({ length: 40 }, (_, i) => [
      `C-${i + 1}`,
      `${String(1 + (i % 28)).padStart(2, '0')}/10/2025 09:00`,
      `+57 300 000 ${1000 + i}`,
      ['Ventas', 'Soporte', 'Cobranza'][i % 3],
      'Manual',
    ]);
    await sidebar.setInputFiles(`${ATOM} input[type="file"]`, [
      { name: 'auditoria.csv', mimeType: 'text/csv', buffer: Buffer.from(utf8(csv([header, ...rows], ';'))) },
    ]);
    await sidebar.locator(`${ATOM} [data-kind="conversations"]`).waitFor();
    await sidebar.getByRole('button', { name: 'Import' }).click();
    const answer = sidebar.locator(`${ATOM} [role="status"]`, { hasText: 'Months updated: 2025-10.' });
    await answer.waitFor();
    expect(await inSight(page, answer)).toBe(true);
    // The file is imported, so Import stays disabled: the focus lands on the answer, not on the page's top.
    await page.waitForFunction(
      () => {
        const frame = document.querySelector<HTMLIFrameElement>('iframe#sidebar')!;
        return frame.contentDocument!.activeElement?.getAttribute('role') === 'status';
      },
      undefined,
      { timeout: 5_000 },
    );

    // The user opens the first file's columns, goes back up to the file box and picks a file the panel cannot
    // read: its card lands below the first one, its error is in sight all the same.
    await sidebar.locator(`${ATOM} [data-source="auditoria.csv"]`).getByText('Columns').click();
    await sidebar.locator(`${ATOM} input[type="file"]`).scrollIntoViewIfNeeded();
    await sidebar.setInputFiles(`${ATOM} input[type="file"]`, [
      { name: 'reporte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
    ]);
    const unreadable = sidebar.locator(`${ATOM} [data-source="reporte.pdf"] [role="alert"]`);
    await unreadable.waitFor();
    expect(await inSight(page, unreadable)).toBe(true);
  } finally {
    await page.close();
  }
});
