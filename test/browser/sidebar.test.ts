/**
 * The built sidebar in real Chromium, served by the local preview: google.script.run goes through the bridge to
 * the bundle running in the offline Apps Script runtime.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph';
import { createDataset } from '../../dev/fake-graph/generator';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { launchChromium } from '../../dev/chromium';

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
      await sidebar.getByRole('tab', { name: 'Cierre de mes' }).click();
      expect(await sidebar.textContent('[data-panel="monthClosePanel"] h2')).toBe('Cierre de mes');
      expect(await sidebar.getAttribute('html', 'lang')).toBe('es');
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('switches panels from the keyboard (tabs with arrow keys, Home, End) and labels every control', async () => {
    const { preview, page, sidebar } = await openPreview('en');
    try {
      await sidebar.getByLabel('WhatsApp Business Account id').waitFor();
      const tabs = await sidebar.$$eval('[role="tab"]', (t) => t.map((x) => x.textContent));
      expect(tabs.slice(0, 2)).toEqual(['Meta connection', 'Month close']);
      await sidebar.getByRole('tab', { name: 'Meta connection' }).focus();
      await page.keyboard.press('ArrowRight');
      const focused = () => sidebar.evaluate(() => document.activeElement?.textContent);
      expect(await focused()).toBe('Month close');
      expect(await sidebar.getAttribute('[role="tab"][aria-selected="true"]', 'aria-controls')).toBe(
        'panel-monthClosePanel',
      );
      expect(await sidebar.isVisible('[data-panel="monthClosePanel"]')).toBe(true);
      expect(await sidebar.isHidden('[data-panel="connectionPanel"]')).toBe(true);
      await page.keyboard.press('Home');
      expect(await focused()).toBe('Meta connection');
      await page.keyboard.press('End');
      expect(await focused()).toBe(tabs[tabs.length - 1]);
      // Only the selected tab is in the Tab order (roving tabindex).
      expect(await sidebar.$$eval('[role="tab"][tabindex="0"]', (t) => t.length)).toBe(1);
      const unlabelled = await sidebar.$$eval('input, select, button', (controls) =>
        controls
          .filter(
            (c) => !(c as HTMLInputElement).labels?.length && !c.getAttribute('aria-label') && !c.textContent,
          )
          .map((c) => c.outerHTML),
      );
      expect(unlabelled).toEqual([]);
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('google.script.run as in the browser: illegal arguments and unknown names throw at the call site, handlers get the result and the user object', async () => {
    const { preview, page, sidebar } = await openPreview('en');
    try {
      const outcome = await sidebar.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const seen: string[] = [];
            interface Runner {
              withSuccessHandler(f: (x: unknown, user: unknown) => void): Runner;
              withFailureHandler(f: (x: unknown, user: unknown) => void): Runner;
              withUserObject(user: unknown): Runner;
              [name: string]: (...a: never[]) => unknown;
            }
            const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
            const handler = (label: string) => (x: unknown, user: unknown) => {
              const what = x instanceof Error ? x.message : x === null ? 'null' : typeof x;
              seen.push(`${user}:${label}:${what}`);
              if (seen.length === 5) resolve(seen);
            };
            const call = (user: string, name: string, ...args: unknown[]) => {
              try {
                (
                  run
                    .withSuccessHandler(handler('ok'))
                    .withFailureHandler(handler('fail'))
                    .withUserObject(user)[name] as (...a: unknown[]) => void
                )(...args);
              } catch (e) {
                seen.push(`${user}:thrown:${(e as Error).name}: ${(e as Error).message}`);
              }
            };
            call('1', 'getSidebarBootstrap', new Date());
            call('2', 'addAdmin', { nested: { when: new Date() } });
            call('3', 'noSuchFunction');
            call('4', 'getSidebarBootstrap');
            call('5', 'addAdmin', 'not an email');
          }),
      );
      expect(outcome.slice(0, 3)).toEqual([
        '1:thrown:TypeError: Failed due to illegal value in property: 0',
        '2:thrown:TypeError: Failed due to illegal value in property: when',
        '3:thrown:TypeError: run.withSuccessHandler(...).withFailureHandler(...).withUserObject(...)[name] is not a function',
      ]);
      expect(outcome.slice(3).sort()).toEqual([
        '4:ok:object',
        '5:fail:"not an email" is not an email address',
      ]);
    } finally {
      await page.close();
      await preview.close();
    }
  });
});

describe('Meta connection panel', () => {
  const TOKEN = 'EAAG-browser-secret-Wq81';
  const waba = createDataset().waba;
  let graph: FakeGraphServer;

  beforeAll(async () => {
    graph = await startFakeGraphServerProcess({ token: TOKEN });
  });

  afterAll(async () => {
    await graph.close();
  });

  async function openAs(email: string, locale: string, before?: (preview: Preview) => void) {
    const user = { email: 'ana@example.com', locale };
    const preview = await startPreview({
      port: 0,
      runtime: { user, spreadsheet: { name: 'Cierre octubre', timeZone: 'America/Bogota' } },
    });
    before?.(preview);
    user.email = email;
    const page = await browser.newPage();
    await page.goto(preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    const panel = '[data-panel="connectionPanel"]';
    await sidebar.waitForSelector(`${panel} dl, ${panel} form`);
    return { preview, page, sidebar, panel };
  }

  const connectAsAna = (preview: Preview) =>
    preview.runtime.runFromSidebar('saveConnection', {
      wabaId: waba.id,
      token: TOKEN,
      graphBaseUrl: graph.url,
    });

  it('connects with labelled fields, shows the account, never echoes the token, and disconnects', async () => {
    const { preview, page, sidebar, panel } = await openAs('ana@example.com', 'en');
    try {
      await sidebar.getByLabel('WhatsApp Business Account id').fill(waba.id);
      const token = sidebar.getByLabel('System user access token');
      expect(await token.getAttribute('type')).toBe('password');
      await token.fill(TOKEN);
      await sidebar.getByText('Advanced').click();
      await sidebar.getByLabel('Graph address').fill(graph.url);
      await sidebar.getByRole('button', { name: 'Connect' }).click();
      await sidebar.getByText('Connected.', { exact: true }).waitFor();
      const text = (await sidebar.textContent(panel)) ?? '';
      expect(text).toContain('Atom Demo LatAm');
      expect(text).toContain('BRL');
      expect(text).toContain('America/Sao_Paulo');
      expect(text).toContain(`…${TOKEN.slice(-4)}`);
      expect(
        await sidebar.$$eval(`${panel} [data-section="lines"] li`, (items) =>
          items.map((i) => i.textContent),
        ),
      ).toEqual([
        '+55 11 4002-8922 — Atom Demo Brasil',
        '+52 55 1234 5678 — Atom Demo México',
        '+57 601 765 4321 — Atom Demo Colombia',
      ]);
      expect(
        await sidebar.$$eval(`${panel} [data-section="admins"] li span`, (s) => s.map((x) => x.textContent)),
      ).toEqual(['ana@example.com']);
      const html = await sidebar.content();
      const values = await sidebar.$$eval('input', (inputs) =>
        inputs.map((i) => (i as HTMLInputElement).value),
      );
      expect(html).not.toContain(TOKEN);
      expect(values).not.toContain(TOKEN);
      expect(await sidebar.getAttribute(`${panel} [role="status"]`, 'aria-live')).toBe('polite');

      await sidebar.getByRole('button', { name: 'Disconnect' }).click();
      await sidebar.getByText('Disconnected.', { exact: true }).waitFor();
      expect(preview.runtime.runFromSidebar('getConnection')).toBeNull();
      await sidebar.getByLabel('WhatsApp Business Account id').waitFor();
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('shows why Meta refused a token, from the failure handler, and empties the token field', async () => {
    const { preview, page, sidebar, panel } = await openAs('ana@example.com', 'en');
    try {
      await sidebar.getByLabel('WhatsApp Business Account id').fill(waba.id);
      await sidebar.getByLabel('System user access token').fill('EAAG-not-the-right-one');
      await sidebar.getByText('Advanced').click();
      await sidebar.getByLabel('Graph address').fill(graph.url);
      await sidebar.getByRole('button', { name: 'Connect' }).click();
      const status = sidebar.locator(`${panel} [role="status"].error`);
      await status.waitFor();
      expect(await status.textContent()).toBe(
        'Not connected: Meta did not accept this token — check it and paste it again.',
      );
      expect(await sidebar.getByLabel('System user access token').inputValue()).toBe('');
      expect(preview.runtime.runFromSidebar('getConnection')).toBeNull();
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('an admin adds and removes admins', async () => {
    const { preview, page, sidebar, panel } = await openAs('ana@example.com', 'en', connectAsAna);
    try {
      await sidebar.getByLabel('Email of the new admin').fill('bob@example.com');
      await sidebar.getByRole('button', { name: 'Add admin' }).click();
      await sidebar.getByRole('button', { name: 'Remove bob@example.com' }).waitFor();
      expect(preview.runtime.runFromSidebar('getConnection')).toMatchObject({
        admins: ['ana@example.com', 'bob@example.com'],
      });
      await sidebar.getByRole('button', { name: 'Remove bob@example.com' }).click();
      await sidebar.getByRole('button', { name: 'Remove bob@example.com' }).waitFor({ state: 'detached' });
      expect(
        await sidebar.$$eval(`${panel} [data-section="admins"] li span`, (s) => s.map((x) => x.textContent)),
      ).toEqual(['ana@example.com']);
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('a non-admin sees the connection read-only, in Spanish', async () => {
    const { preview, page, sidebar, panel } = await openAs('bob@example.com', 'es_CO', connectAsAna);
    try {
      const text = (await sidebar.textContent(panel)) ?? '';
      expect(text).toContain('Conexión con Meta');
      expect(text).toContain('Atom Demo LatAm');
      expect(text).toContain('Zona horaria de facturación');
      expect(text).toContain(
        'Solo los administradores pueden cambiar esta conexión. Consulte a: ana@example.com',
      );
      expect(await sidebar.$$(`${panel} button, ${panel} input`)).toHaveLength(0);
    } finally {
      await page.close();
      await preview.close();
    }
  });
});
