/** Debian's Chromium, driven by playwright-core (no browser download): the flags this machine needs. */
import type { Browser, Frame } from 'playwright-core';
import { launchChromium } from '../../dev/chromium';
import { startDemo, type Demo, type DemoOptions } from '../../dev/preview/demo';
import { fixtureText } from '../bundle/rate-helpers';

/**
 * `npm start`'s demo and Chromium for one test file: started before its tests, closed after them. Read
 * `browser` and `demo` inside the tests (they are set once beforeAll has run).
 */
export function demoInChromium(options: DemoOptions = {}): { browser: Browser; demo: Demo } {
  const session = {} as { browser: Browser; demo: Demo };
  beforeAll(async () => {
    [session.browser, session.demo] = await Promise.all([launchChromium(), startDemo(0, options)]);
  });
  afterAll(async () => {
    await Promise.all([session.browser?.close(), session.demo?.close()]);
  });
  return session;
}

/** Imports a fixture rate card (test/fixtures/rate-cards) from the sidebar's Rate cards panel, as a user does. */
export async function importRateCardInSidebar(sidebar: Frame, name: string): Promise<void> {
  await sidebar.getByRole('tab', { name: 'Rate cards' }).click();
  await sidebar.getByLabel('Rates CSV file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(fixtureText(name), 'utf8'),
  });
  await sidebar.getByRole('button', { name: 'Import' }).click();
  await sidebar.locator('[data-section="rate-card-result"]').waitFor();
}

/** The Month close result card's term → definition pairs. */
export async function cardFacts(sidebar: Frame): Promise<Record<string, string>> {
  const card = sidebar.locator('[data-section="result"]');
  const terms = await card.locator('dt').allTextContents();
  const definitions = await card.locator('dd').allTextContents();
  return Object.fromEntries(terms.map((term, i) => [term, definitions[i]]));
}

/**
 * Runs the month close from the panel's `button` (Import, Importar) and waits for this run's result card: with
 * `previous` (the card's text before), until the card has changed.
 */
export async function importMonth(sidebar: Frame, button: string, previous: string | null): Promise<void> {
  await sidebar.getByRole('button', { name: button, exact: true }).click();
  const card = sidebar.locator('[data-section="result"]');
  await card.waitFor({ timeout: 60_000 });
  if (previous !== null)
    await sidebar.waitForFunction(
      (before) => document.querySelector('[data-section="result"]')?.textContent !== before,
      previous,
    );
}
