/**
 * Billing benchmarks (run: npx tsx bench/billing.ts). Prints, from one run:
 *  (a) the BILLED_CONVERSATIONS engine over 1,000,000 synthetic events ÷ the time to sort the same
 *      events by (contact, time) with a comparator; target ≤ 1.5; then the same events sent from
 *      three business numbers (`lines`: per-line windows and allowances), same target;
 *  (b) BILLED_BY_GROUP over 10,000 groups, in ms; target < 50;
 *  (c) peak memory of (a), measured in a child process so nothing else is counted.
 * Times are medians of several runs after a warm-up (the JIT must have compiled both sides).
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { billedByGroup } from '../src/core/formulas/by-group';
import { priceMessages, type MessageLog } from '../src/core/pricing/engine';
import { sortIntoContactRuns } from '../src/core/pricing/contact-runs';
import { ZoneCalendar } from '../src/core/zone-calendar';

const EVENTS = 1_000_000;
const CONTACTS = 50_000;
const GROUPS = 10_000;
const ZONE = 'Europe/Madrid';

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function sortByContactAndTime(log: MessageLog): number[] {
  const { contacts, times } = log;
  const order = Array.from({ length: times.length }, (_, i) => i);
  return order.sort((a, b) =>
    contacts[a] < contacts[b] ? -1 : contacts[a] > contacts[b] ? 1 : times[a] - times[b],
  );
}

function median(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
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
