/**
 * The built sidebar in real Chromium, served by the local preview: google.script.run goes through the bridge to
 * the bundle running in the offline Apps Script runtime.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { launchChromium } from '../support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

async function openPreview(locale: string): Promise<{ preview: Preview; page: Page; sidebar: Frame }> {
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email: 'ana@example.com', locale },
      spreadsheet: { name: 'Cierre octubre', timeZone: 'America/Bogota' },
    },
  });
  const page = await browser.newPage();
  await page.goto(preview.url);
  const handle = await page.waitForSelector('iframe#sidebar');
  const sidebar = (await handle.contentFrame())!;
  await sidebar.waitForSelector('h1');
  return { preview, page, sidebar };
}

describe('sidebar shell', () => {
  it('renders in English for an English-speaking user, at the real sidebar width', async () => {
    const { preview, page, sidebar } = await openPreview('en');
    try {
      expect(await sidebar.textContent('h1')).toBe('Atom Billing');
      expect(await sidebar.textContent('main')).toContain('Signed in as');
      expect(await sidebar.textContent('main')).toContain('ana@example.com');
      expect(await sidebar.textContent('main')).toContain('America/Bogota');
      expect(await sidebar.textContent('[data-panel="connectionPanel"] h2')).toBe('Meta connection');
      const width = await page.$eval('iframe#sidebar', (f) => f.getBoundingClientRect().width);
      expect(width).toBe(300);
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('renders in Spanish when the user locale is Spanish', async () => {
    const { preview, page, sidebar } = await openPreview('es_CO');
    try {
      expect(await sidebar.textContent('main')).toContain('Sesión iniciada como');
      expect(await sidebar.textContent('[data-panel="importPanel"] h2')).toBe('Importación de cierre de mes');
      expect(await sidebar.getAttribute('html', 'lang')).toBe('es');
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('refuses a Date argument the way google.script.run does, and reports server errors to the failure handler', async () => {
    const { preview, page, sidebar } = await openPreview('en');
    try {
      const outcome = await sidebar.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const seen: string[] = [];
            interface Runner {
              withSuccessHandler(f: (x: unknown) => void): Runner;
              withFailureHandler(f: (x: unknown) => void): Runner;
              [name: string]: (...a: never[]) => unknown;
            }
            const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
            const done = (label: string) => (x: unknown) => {
              seen.push(`${label}:${x instanceof Error ? x.message : JSON.stringify(x)}`);
              if (seen.length === 2) resolve(seen.sort());
            };
            const call = (name: string, ...args: unknown[]) =>
              (
                run.withSuccessHandler(done('ok')).withFailureHandler(done('fail'))[name] as (
                  ...a: unknown[]
                ) => void
              )(...args);
            call('getSidebarBootstrap', new Date());
            call('noSuchFunction');
          }),
      );
      expect(outcome[0]).toMatch(/^fail:.*Date/);
      expect(outcome[1]).toMatch(/^fail:.*noSuchFunction/);
    } finally {
      await page.close();
      await preview.close();
    }
  });
});
