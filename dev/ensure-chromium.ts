/**
 * Run before the tests and the benches: finds Chromium, or installs Debian's package when this user may (root with
 * apt-get, as on a fresh Debian machine or CI); otherwise prints the one command to run, and why, and fails — one
 * line instead of every browser test failing with a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium';

const WHY = "the sidebar's browser tests drive Debian's Chromium (playwright-core downloads no browser)";

function install(): boolean {
  console.log(`Chromium is missing: installing Debian's chromium package — ${WHY}.`);
  const run = (args: string[]) =>
    spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  return run(['update']) && run(['install', '-y', 'chromium']);
}

if (!findChromium()) {
  const mayInstall = !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!(mayInstall && install() && findChromium())) {
    const where = process.env.CHROMIUM_PATH
      ? ` (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist)`
      : '';
    console.error(
      `Chromium not found${where}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH to a Chromium or ` +
        `Chrome binary), then run the command again — ${WHY}.`,
    );
    process.exit(1);
  }
}
