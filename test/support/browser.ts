/** Debian's Chromium, driven by playwright-core (no browser download): the flags this machine needs. */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../dev/chromium';
import { startDemo, type Demo, type DemoOptions } from '../../dev/preview/demo';

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
