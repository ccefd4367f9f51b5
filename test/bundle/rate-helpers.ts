/** Shared by the rate-card bundle tests: the fixture cards in Meta's published layout and importing them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dailyRecords, type FakeDataset } from '../../dev/fake-graph/generator';
import type { AppsScriptRuntime } from '../../dev/runtime';
import { addDays, type DayKey } from '../../src/core/time';
import type { CardFacts } from '../../src/rates';
import { rateCardRows } from '../../src/rates/card-rows';
import { DATASET } from './meta-helpers';

const FIXTURES = join(process.cwd(), 'test/fixtures/rate-cards');

export const BRL_JULY = 'brl-2025-07-01.csv';
export const BRL_OCTOBER = 'brl-2025-10-01.csv';

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Imports a card file through the sidebar RPC as the Rate cards panel does: split into rows by rateCardRows. */
export function importCard(
  rt: AppsScriptRuntime,
  fileName: string,
  text: string,
  facts: CardFacts = {},
): unknown {
  return rt.runFromSidebar('importRateCard', { fileName, rows: rateCardRows(text, fileName), ...facts });
}

export function importFixture(rt: AppsScriptRuntime, name: string): unknown {
  return importCard(rt, name, fixtureText(name));
}

const COUNTRY_OF: Record<string, string> = {
  Argentina: 'AR',
  Brazil: 'BR',
  Chile: 'CL',
  Colombia: 'CO',
  Mexico: 'MX',
  Peru: 'PE',
};
const COLUMNS = ['MARKETING', 'UTILITY', 'AUTHENTICATION', 'AUTHENTICATION_INTERNATIONAL', 'SERVICE'];

/**
 * country|category → rate in micro-units, read straight from a fixture's rows (plain cells with 4 decimals), so
 * expected figures do not go through the add-on's own parser. Only the fake Graph server's six countries.
 */
export function fixtureMicros(name: string): Map<string, bigint> {
  const rates = new Map<string, bigint>();
  for (const line of fixtureText(name).split('\r\n').slice(2)) {
    const [market, , ...cells] = line.split(',');
    if (!COUNTRY_OF[market]) continue;
    cells.forEach((cell, k) => {
      if (cell !== 'n/a')
        rates.set(`${COUNTRY_OF[market]}|${COLUMNS[k]}`, BigInt(cell.replace('0.', '')) * 100n);
    });
  }
  return rates;
}

/** Σ REGULAR volume × the rate of `ratesOn(day)`, in micro-units, over the fake account's WABA days from..to. */
export function rateCardMicros(
  from: DayKey,
  to: DayKey,
  ratesOn: (day: DayKey) => Map<string, bigint>,
  keep: (country: string, category: string) => boolean = () => true,
  dataset: FakeDataset = DATASET,
): bigint {
  let micros = 0n;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const rates = ratesOn(day);
    for (const r of dailyRecords(dataset, day)) {
      if (r.type !== 'REGULAR' || !keep(r.country, r.category)) continue;
      const rate = rates.get(`${r.country}|${r.category}`);
      if (rate === undefined) throw new Error(`no fixture rate for ${r.country} ${r.category}`);
      micros += rate * BigInt(r.volume);
    }
  }
  return micros;
}

/** Micro-units → the cents Sheets shows (half away from zero), as a number. */
export const toCents = (micros: bigint): number => Number((micros + 5_000n) / 10_000n) / 100;
