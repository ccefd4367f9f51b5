/**
 * Billing benchmarks (run: npx tsx bench/billing.ts). Prints, from one run:
 *  (a) the BILLED_CONVERSATIONS engine over 1,000,000 synthetic events ÷ the time to sort the same
 *      events by (contact, time) with a comparator; target ≤ 1.5; then the same events sent from
 *      three business numbers (`lines`: per-line windows and allowances), same target;
 *  (b) BILLED_BY_GROUP over 10,000 groups, in ms; target < 50;
 *  (c) peak memory of (a), measured in a child process so nothing else is counted;
 *  (d) BILLED_COST's work on the events of (a) from three lines to six countries: the engine counting by recipient
 *      country, then every charged unit priced exactly from rate cards; same target as (a).
 * Times are medians of several runs after a warm-up (the JIT must have compiled both sides).
 */
import { spawnSync } from 'node:child_process';
import { billedByGroup } from '../src/core/formulas/by-group';
import { priceMessages, type MessageLog } from '../src/core/pricing/engine';
import { sortIntoContactRuns } from '../src/core/pricing/contact-runs';
import { epochDayToDayKey } from '../src/core/time';
import { ZoneCalendar } from '../src/core/zone-calendar';
import { RATE_CATEGORIES, type RateCard } from '../src/rates';
import { cardsOfRows, rowsOfCard } from '../src/rates/card-sheet';
import { RateCardCost } from '../src/rates/pricing';
import { RateBook } from '../src/rates/rate-book';
import { median, mb, random } from './timing';

const EVENTS = 1_000_000;
const CONTACTS = 50_000;
const GROUPS = 10_000;
const ZONE = 'Europe/Madrid';

/** Kinds by cumulative share: user, user_ad, marketing, utility, authentication, authentication_international, service. */
const KIND_SHARES = [0.35, 0.4, 0.55, 0.67, 0.73, 0.75, 1];

const LINES = ['573001110001', '573001110002', '573001110003'];

/** Events from 2024-09-01 (conversation-based, free-tier era) to 2026-11-30 (per-message, the 2026-10-01 rule). */
function syntheticLog(): MessageLog {
  const next = random(42);
  const from = Date.UTC(2024, 8, 1);
  const span = Date.UTC(2026, 10, 30) - from;
  const contactNames = Array.from({ length: CONTACTS }, (_, i) => String(573_000_000_000 + i * 7919));
  const times = new Array<number>(EVENTS);
  const contacts = new Array<string>(EVENTS);
  const kinds = new Array<number>(EVENTS);
  for (let i = 0; i < EVENTS; i++) {
    times[i] = from + Math.floor(next() * span);
    contacts[i] = contactNames[Math.floor(next() * CONTACTS)];
    const r = next();
    kinds[i] = KIND_SHARES.findIndex((share) => r < share);
  }
  return { times, contacts, kinds };
}

const COUNTRIES = ['AR', 'BR', 'CL', 'CO', 'MX', 'PE'];
const MARKETS = ['Argentina', 'Brazil', 'Chile', 'Colombia', 'Mexico', 'Peru'];

/** A conversation-era card and two per-message cards (the later one with service rates), all markets of the log. */
const BOOK = new RateBook(
  (
    [
      ['2024-01-01', 'conversation'],
      ['2025-07-01', 'message'],
      ['2026-10-01', 'message'],
    ] as const
  ).flatMap(([effectiveFrom, pricingModel], c) => {
    const card: RateCard = {
      currency: 'BRL',
      effectiveFrom,
      pricingModel,
      rates: MARKETS.flatMap((market, m) =>
        RATE_CATEGORIES.map((category, k) => ({ market, category, rate: `0.0${c}${m}${k}7` })),
      ),
    };
    return cardsOfRows(rowsOfCard(card, 'bench.csv', 0));
  }),
);

/** What BILLED_COST does once the log is read: the engine by recipient country, then exact pricing of each row. */
function rateCardCost(log: MessageLog): number {
  const calendar = new ZoneCalendar(ZONE);
  const groups = Array.from(log.contacts, (c) => Number(c) % COUNTRIES.length);
  const cost = new RateCardCost(BOOK, 'BRL');
  for (const row of priceMessages({ ...log, groups }, calendar).rows()) {
    if (row.charged === 0) continue;
    const category =
      RATE_CATEGORIES[
        ['marketing', 'utility', 'authentication', 'authentication_international', 'service'].indexOf(
          row.category,
        )
      ];
    cost.add({
      day: epochDayToDayKey(row.epochDay),
      country: COUNTRIES[row.group],
      category,
      model: row.model,
      units: row.charged,
    });
  }
  return cost.rounded();
}

function sortByContactAndTime(log: MessageLog): number[] {
  const { contacts, times } = log;
  const order = Array.from({ length: times.length }, (_, i) => i);
  return order.sort((a, b) =>
    contacts[a] < contacts[b] ? -1 : contacts[a] > contacts[b] ? 1 : times[a] - times[b],
  );
}

const verdict = (ok: boolean) => (ok ? 'target met' : 'TARGET MISSED');

/** Child mode: one engine run, reporting the memory it needed beyond the input. */
function measurePeakMemory(): void {
  const log = syntheticLog();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const peakRssBefore = process.resourceUsage().maxRSS * 1024;
  const tally = priceMessages(log, new ZoneCalendar(ZONE));
  const after = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({
      heapGrowth: after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers),
      rssPeakGrowth: peakRss - Math.max(before.rss, peakRssBefore),
      charged: tally.chargedUnits(),
    }),
  );
}

function main(): void {
  const log = syntheticLog();
  const calendar = new ZoneCalendar(ZONE);
  // Warm-up: both sides compiled and the zone cache filled before timing.
  sortByContactAndTime(log);
  const charged = priceMessages(log, calendar).chargedUnits();
  const sortMs = median(3, () => sortByContactAndTime(log));
  const engineMs = median(3, () => priceMessages(log, new ZoneCalendar(ZONE)));
  const ratio = engineMs / sortMs;
  console.log(
    `(a) BILLED_CONVERSATIONS engine, ${EVENTS.toLocaleString('en')} events / ${CONTACTS.toLocaleString('en')} contacts (${ZONE}): ${engineMs.toFixed(0)} ms; ${charged.toLocaleString('en')} charged units`,
  );
  console.log(`(a) sort of the same events by (contact, time): ${sortMs.toFixed(0)} ms`);
  console.log(`(a) ratio engine / sort: ${ratio.toFixed(2)} (target <= 1.5): ${verdict(ratio <= 1.5)}`);
  const withLines = { ...log, lines: Array.from(log.times, (_, i) => LINES[i % LINES.length]) };
  const chargedWithLines = priceMessages(withLines, calendar).chargedUnits();
  const linesMs = median(3, () => priceMessages(withLines, new ZoneCalendar(ZONE)));
  const linesRatio = linesMs / sortMs;
  console.log(
    `(a) the same events from ${LINES.length} lines: ${linesMs.toFixed(0)} ms; ${chargedWithLines.toLocaleString('en')} charged units; ratio ${linesRatio.toFixed(2)} (target <= 1.5): ${verdict(linesRatio <= 1.5)}`,
  );
  // For transparency: the engine's own grouping (counting sort by contact, numeric sort per contact).
  const groupingMs = median(3, () => sortIntoContactRuns(log));
  console.log(`(a) of which the engine's own (contact, time) grouping: ${groupingMs.toFixed(0)} ms`);

  const costMs = median(3, () => rateCardCost(withLines));
  const costRatio = costMs / sortMs;
  console.log(
    `(d) BILLED_COST, the events of (a) from ${LINES.length} lines to ${COUNTRIES.length} countries, priced from rate cards: ${costMs.toFixed(0)} ms, ${rateCardCost(withLines)} BRL; ratio ${costRatio.toFixed(2)} (target <= 1.5): ${verdict(costRatio <= 1.5)}`,
  );

  const next = random(7);
  const groupArgs = {
    groups: Array.from({ length: GROUPS }, (_, i) => [`Group ${i % 9_000}`]),
    closedConversations: Array.from({ length: GROUPS }, () => [
      Math.floor(next() * 5000) + (next() < 0.1 ? 0.5 : 0),
    ]),
    billedTotal: 1_234_567,
    costTotal: 98_765.43,
  };
  const sheet = { timeZone: ZONE, locale: 'en_US' };
  billedByGroup(groupArgs, sheet);
  const groupMs = median(5, () => billedByGroup(groupArgs, sheet));
  console.log(
    `(b) BILLED_BY_GROUP, ${GROUPS.toLocaleString('en')} rows: ${groupMs.toFixed(1)} ms (target < 50 ms): ${verdict(groupMs < 50)}`,
  );

  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', process.argv[1], '--peak-memory'],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) {
    console.log(`(c) peak memory of (a): not measured (${child.stderr.trim().split('\n')[0]})`);
    return;
  }
  const peak = JSON.parse(child.stdout) as { heapGrowth: number; rssPeakGrowth: number };
  console.log(
    `(c) peak memory of (a) beyond its input: ${mb(peak.rssPeakGrowth)} MB RSS; JS heap + typed arrays after the run: +${mb(peak.heapGrowth)} MB`,
  );
}

if (process.argv.includes('--peak-memory')) measurePeakMemory();
else main();
