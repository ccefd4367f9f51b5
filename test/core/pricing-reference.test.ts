/**
 * The engine against a plain, deliberately naive model of Meta's rules (objects, Intl-based zone
 * arithmetic, no packing or caching), on random logs that straddle every rule boundary. The model
 * is written from the rules' text (README "BILLED_CONVERSATIONS", issues 3 and 7), not from the
 * engine or its rule table: its dates, allowances and their scopes are its own. If the two
 * disagree, one of them misreads a rule; deliberately wrong variants of the model must disagree.
 */
import fc from 'fast-check';
import { priceMessages } from '../../src/core/pricing/engine';
import { KIND_NAMES, parseKind } from '../../src/core/pricing/message-kinds';
import { PRICING_RULES } from '../../src/core/pricing/rules';
import { dayKeyAt, dayKeyToIso, startOfDay } from '../../src/core/time';
import { ZoneCalendar } from '../../src/core/zone-calendar';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Message {
  t: number;
  contact: string;
  kind: (typeof KIND_NAMES)[number];
  line?: string;
}

type Units = Record<string, { charged: number; free: number }>;

/** Ways to misread the rules, each of which the cross-check must catch. */
type Mistake =
  'allowance per account from 2026-10' | 'utility still free in the window' | 'allowance never starts again';

interface Reading {
  /** The "1,000" of both allowances (shrunk so that random logs reach it). */
  allowance: number;
  mistake?: Mistake;
}

function referenceUnits(messages: readonly Message[], zone: string, reading: Reading): Units {
  const { allowance, mistake } = reading;
  // Periods start at local midnight of the spreadsheet's zone.
  const since = (t: number, day: number) => t >= startOfDay(day, zone);
  const conversationBased = (t: number) => !since(t, 20250701);
  const newRules = (t: number) => since(t, 20261001);
  /** Free service units a month, and whether each line has its own allowance. */
  const serviceAllowance = (t: number): { free: number; perLine: boolean } => {
    if (newRules(t)) return { free: allowance, perLine: mistake !== 'allowance per account from 2026-10' };
    if (since(t, 20241101)) return { free: Infinity, perLine: false };
    if (since(t, 20230601)) return { free: allowance, perLine: false };
    return { free: 0, perLine: false };
  };
  const utilityFreeInWindow = (t: number) => !newRules(t) || mistake === 'utility still free in the window';

  const units: Units = {};
  const add = (m: Message, model: string, category: string, charged: boolean): void => {
    const line = m.line === undefined ? '' : ` ${m.line}`;
    const key = `${dayKeyToIso(dayKeyAt(m.t, zone))}${line} ${model} ${category}`;
    units[key] ??= { charged: 0, free: 0 };
    units[key][charged ? 'charged' : 'free']++;
  };
  const serviceUnits: { m: Message; model: string }[] = [];

  // Windows and conversations are between one customer and one business number.
  const threads = new Map<string, Message[]>();
  for (const m of messages) {
    const key = `${m.line ?? ''}|${m.contact}`;
    threads.set(key, [...(threads.get(key) ?? []), m]);
  }
  for (const log of threads.values()) {
    log.sort((a, b) => a.t - b.t || KIND_NAMES.indexOf(a.kind) - KIND_NAMES.indexOf(b.kind));
    const open: Record<string, number> = {}; // category → end of its conversation
    let windowEnd = -Infinity; // customer-service window
    let referralAt: number | undefined; // latest user_ad not yet answered
    let freeEntryEnd = -Infinity;
    for (const m of log) {
      if (m.kind === 'user' || m.kind === 'user_ad') {
        windowEnd = m.t + DAY;
        if (m.kind === 'user_ad') referralAt = m.t;
        continue;
      }
      const answersReferral = referralAt !== undefined && m.t < referralAt + DAY;
      referralAt = undefined;
      const opensFreeEntry = answersReferral && m.t >= freeEntryEnd;
      if (opensFreeEntry) {
        freeEntryEnd = m.t + 3 * DAY;
        for (const c of Object.keys(open)) delete open[c];
      }
      const category = m.kind;
      if (conversationBased(m.t)) {
        if (opensFreeEntry) add(m, 'conversation', 'free_entry_point', false);
        else if (m.t < freeEntryEnd) continue;
        else if (category !== 'service') {
          if (m.t < (open[category] ?? -Infinity)) continue;
          open[category] = m.t + DAY;
          add(m, 'conversation', category, true);
        } else {
          if (Object.values(open).some((end) => m.t < end)) continue;
          open.service = m.t + DAY;
          serviceUnits.push({ m, model: 'conversation' });
        }
      } else if (m.t < freeEntryEnd) {
        add(m, 'message', category, false);
      } else if (category === 'utility') {
        const free = (utilityFreeInWindow(m.t) && m.t < windowEnd) || m.t < (open.utility ?? -Infinity);
        add(m, 'message', category, !free);
      } else if (category === 'service') {
        serviceUnits.push({ m, model: 'message' });
      } else {
        add(m, 'message', category, true);
      }
    }
  }
  // Monthly allowances of free service units, first come first served (ties: by line).
  serviceUnits.sort((a, b) => a.m.t - b.m.t || (a.m.line ?? '').localeCompare(b.m.line ?? ''));
  const used = new Map<string, number>();
  for (const { m, model } of serviceUnits) {
    const { free, perLine } = serviceAllowance(m.t);
    const month =
      mistake === 'allowance never starts again' ? '' : dayKeyToIso(dayKeyAt(m.t, zone)).slice(0, 7);
    const pool = `${month} ${perLine ? (m.line ?? '') : '*'}`;
    const n = used.get(pool) ?? 0;
    used.set(pool, n + 1);
    add(m, model, 'service', n >= free);
  }
  return units;
}

function engineUnits(messages: readonly Message[], zone: string, allowance: number): Units {
  const calendar = new ZoneCalendar(zone);
  const withLines = messages.some((m) => m.line !== undefined);
  const log = {
    times: messages.map((m) => m.t),
    contacts: messages.map((m) => m.contact),
    kinds: messages.map((m) => parseKind(m.kind) as number),
    ...(withLines ? { lines: messages.map((m) => m.line as string) } : {}),
  };
  const rules = PRICING_RULES.map((r) => ({
    ...r,
    freeServicePerMonth: r.freeServicePerMonth === 1000 ? allowance : r.freeServicePerMonth,
  }));
  const units: Units = {};
  for (const r of priceMessages(log, calendar, rules).rows()) {
    const day = dayKeyToIso(dayKeyAt(calendar.startOfEpochDay(r.epochDay), zone));
    const line = withLines ? ` ${r.line}` : '';
    units[`${day}${line} ${r.model} ${r.category}`] = { charged: r.charged, free: r.free };
  }
  return units;
}

const ANCHORS = [
  Date.UTC(2023, 4, 31, 20),
  Date.UTC(2024, 9, 31, 20),
  Date.UTC(2024, 2, 30, 20),
  Date.UTC(2025, 5, 30, 20),
  Date.UTC(2026, 8, 30, 20),
  Date.UTC(2026, 9, 31, 20),
];

const kindArb = fc.constantFrom(...KIND_NAMES);
const contactArb = fc.constantFrom('1', '2', '3');
const lineArb = fc.constantFrom('5760100001', '5760100002', '5760100003');

/** A log around one rule boundary: half-hour steps, so messages often fall exactly 24 h or 72 h apart. */
const denseLog = fc
  .tuple(
    fc.constantFrom(...ANCHORS),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 4 * 48 }), contactArb, kindArb, lineArb), { maxLength: 40 }),
  )
  .map(([anchor, drafts]) =>
    drafts.map(([halfHours, contact, kind, line]) => ({
      t: anchor + halfHours * 0.5 * HOUR,
      contact,
      kind,
      line,
    })),
  );

/** A log over 2026-09-01 .. 2026-11-30 (plus a day either side), in 3-hour steps: months and allowances. */
/** Service messages weigh more over a quarter, so that monthly allowances run out often. */
const quarterKindArb = fc.oneof(
  { arbitrary: fc.constant('service' as const), weight: 1 },
  { arbitrary: kindArb, weight: 2 },
);

const quarterLog = fc
  .array(fc.tuple(fc.integer({ min: -8, max: 92 * 8 }), contactArb, quarterKindArb, lineArb), {
    maxLength: 80,
  })
  .map((drafts) =>
    drafts.map(([steps, contact, kind, line]) => ({
      t: Date.UTC(2026, 8, 1) + steps * 3 * HOUR,
      contact,
      kind,
      line,
    })),
  );

const logArb = fc
  .tuple(fc.oneof(denseLog, quarterLog), fc.boolean())
  .map(([messages, withLines]) => (withLines ? messages : messages.map(({ line: _line, ...m }) => m)));

function agreement(zone: string, mistake?: Mistake) {
  return fc.property(logArb, fc.constantFrom(1000, 2), (messages, allowance) => {
    expect(engineUnits(messages, zone, allowance)).toEqual(
      referenceUnits(messages, zone, { allowance, mistake }),
    );
  });
}

describe('pricing engine against a naive model of the rules', () => {
  it.each(['America/Bogota', 'Europe/Madrid'])(
    'agrees on every day, line, model and category (%s)',
    (zone) => {
      fc.assert(agreement(zone), { numRuns: 800 });
    },
  );

  it.each<[Mistake, string]>([
    ['allowance per account from 2026-10', 'America/Bogota'],
    ['utility still free in the window', 'Europe/Madrid'],
    ['allowance never starts again', 'America/Bogota'],
  ])('catches a model that reads the rules wrong: %s', (mistake, zone) => {
    // Several fixed seeds: each must find a disagreement (deterministic, and not one lucky seed).
    for (const seed of [1, 2, 3]) {
      const result = fc.check(agreement(zone, mistake), { numRuns: 1000, seed, endOnFailure: true });
      expect({ seed, failed: result.failed }).toEqual({ seed, failed: true });
    }
  });
});
