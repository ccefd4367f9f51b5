/**
 * The Chromium the sidebar's browser tests, the screenshot and the browser bench drive (playwright-core downloads
 * no browser here: Debian's package is the one to use). CHROMIUM_PATH wins; otherwise the usual Debian/Ubuntu paths.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser to launch, or null when this machine has none. */
export function findChromium(): string | null {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Headless, with the flags this machine needs (no sandbox as root, no GPU). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    // `npm test` runs dev/ensure-chromium.ts first, which installs or names what is missing.
    executablePath: findChromium() ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
