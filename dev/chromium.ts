/**
 * The Chromium the sidebar's browser tests, the screenshot and the browser bench drive (playwright-core downloads
 * no browser here: Debian's package is the one to use). CHROMIUM_PATH wins; otherwise the usual Debian/Ubuntu paths.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser to launch, or null when this machine has none. */
export function findChromium(): string | null {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}
