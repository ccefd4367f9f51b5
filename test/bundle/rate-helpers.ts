/** Shared by the rate-card bundle tests: the fixture cards in Meta's published layout and importing them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppsScriptRuntime } from '../../dev/runtime';

const FIXTURES = join(process.cwd(), 'test/fixtures/rate-cards');

export const BRL_JULY = 'brl-2025-07-01.csv';
export const BRL_OCTOBER = 'brl-2025-10-01.csv';

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Imports a fixture card through the sidebar RPC, as the Rate cards panel does. */
export function importFixture(rt: AppsScriptRuntime, name: string): unknown {
  return rt.runFromSidebar('importRateCard', { fileName: name, text: fixtureText(name) });
}
