/**
 * The engine against a plain, deliberately naive model of issue 3's rules (objects, Intl-based zone
 * arithmetic, no packing or caching), on random logs that straddle every rule boundary. The model
 * is written from the rules, not from the engine: if they disagree, one of them misreads a rule.
 */
import fc from 'fast-check';
import { priceMessages } from '../../src/core/pricing/engine';
import { KIND_NAMES, parseKind } from '../../src/core/pricing/message-kinds';
import { PRICING_RULES, type PricingRule } from '../../src/core/pricing/rules';
import { dayKeyAt, dayKeyToIso, startOfDay } from '../../src/core/time';
import { ZoneCalendar } from '../../src/core/zone-calendar';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Message {
  t: number;
  contact: string;
  kind: (typeof KIND_NAMES)[number];
}

type Units = Record<string, { charged: number; free: number }>;

function referenceUnits(messages: readonly Message[], zone: string, table: readonly PricingRule[]): Units {
  const rules = table.filter((r) => r.enabled).sort((a, b) => a.from - b.from);
  // The first rule also covers everything before it; each later one starts at local midnight.
  const ruleAt = (t: number): PricingRule => {
    let rule = rules[0];
    for (const r of rules.slice(1)) if (t >= startOfDay(r.from, zone)) rule = r;
    return rule;
  };
  const units: Units = {};
  const add = (t: number, model: string, category: string, charged: boolean): void => {
    const key = `${dayKeyToIso(dayKeyAt(t, zone))} ${model} ${category}`;
    units[key] ??= { charged: 0, free: 0 };
    units[key][charged ? 'charged' : 'free']++;
  };
  const serviceUnits: { t: number; model: string }[] = [];

  const byContact = new Map<string, Message[]>();
  for (const m of messages) byContact.set(m.contact, [...(byContact.get(m.contact) ?? []), m]);
  for (const log of byContact.values()) {
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
      const rule = ruleAt(m.t);
      const category = m.kind;
      if (rule.model === 'conversation') {
        if (opensFreeEntry) add(m.t, 'conversation', 'free_entry_point', false);
        else if (m.t < freeEntryEnd) continue;
        else if (category !== 'service') {
          if (m.t < (open[category] ?? -Infinity)) continue;
          open[category] = m.t + DAY;
          add(m.t, 'conversation', category, true);
        } else {
          if (Object.values(open).some((end) => m.t < end)) continue;
          open.service = m.t + DAY;
          serviceUnits.push({ t: m.t, model: 'conversation' });
        }
      } else if (m.t < freeEntryEnd) {
        add(m.t, 'message', category, false);
      } else if (category === 'utility') {
        const free =
          (rule.utilityFreeInServiceWindow && m.t < windowEnd) || m.t < (open.utility ?? -Infinity);
        add(m.t, 'message', category, !free);
      } else if (category === 'service') {
        serviceUnits.push({ t: m.t, model: 'message' });
      } else {
        add(m.t, 'message', category, true);
      }
    }
  }
  // The monthly allowance of free service units, in time order across contacts.
  serviceUnits.sort((a, b) => a.t - b.t);
  const usedInMonth = new Map<string, number>();
  for (const { t, model } of serviceUnits) {
    const month = dayKeyToIso(dayKeyAt(t, zone)).slice(0, 7);
    const used = usedInMonth.get(month) ?? 0;
    usedInMonth.set(month, used + 1);
    add(t, model, 'service', used >= ruleAt(t).freeServicePerMonth);
  }
  return units;
}

function engineUnits(messages: readonly Message[], zone: string, rules: readonly PricingRule[]): Units {
  const calendar = new ZoneCalendar(zone);
  const log = {
    times: messages.map((m) => m.t),
    contacts: messages.map((m) => m.contact),
    kinds: messages.map((m) => parseKind(m.kind) as number),
  };
  const units: Units = {};
  for (const r of priceMessages(log, calendar, rules).rows()) {
    const day = dayKeyToIso(dayKeyAt(calendar.startOfEpochDay(r.epochDay), zone));
    units[`${day} ${r.model} ${r.category}`] = { charged: r.charged, free: r.free };
  }
  return units;
}

// Free allowances shrunk to 2 so that random logs reach them; the 2026 entry switched on in one table.
const SMALL_ALLOWANCES = PRICING_RULES.map((r) => ({
  ...r,
  freeServicePerMonth: r.freeServicePerMonth === 1000 ? 2 : r.freeServicePerMonth,
}));
const TABLES = [PRICING_RULES, SMALL_ALLOWANCES, SMALL_ALLOWANCES.map((r) => ({ ...r, enabled: true }))];

const ANCHORS = [
  Date.UTC(2023, 4, 31, 20),
  Date.UTC(2024, 9, 31, 20),
  Date.UTC(2024, 2, 30, 20),
  Date.UTC(2025, 5, 30, 20),
  Date.UTC(2026, 8, 30, 20),
];

// Half-hour steps, so that messages often fall exactly 24 h or 72 h apart and at the same instant.
const messageArb = fc
  .tuple(fc.integer({ min: 0, max: 4 * 48 }), fc.constantFrom('1', '2', '3'), fc.constantFrom(...KIND_NAMES))
  .map(([halfHours, contact, kind]) => ({ offset: halfHours * HOUR * 0.5, contact, kind }));

describe('pricing engine against a naive model of the rules', () => {
  it.each(['America/Bogota', 'Europe/Madrid'])('agrees on every day, model and category (%s)', (zone) => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ANCHORS),
        fc.integer({ min: 0, max: TABLES.length - 1 }),
        fc.array(messageArb, { maxLength: 40 }),
        (anchor, table, drafts) => {
          const messages = drafts.map((d) => ({ t: anchor + d.offset, contact: d.contact, kind: d.kind }));
          expect(engineUnits(messages, zone, TABLES[table])).toEqual(
            referenceUnits(messages, zone, TABLES[table]),
          );
        },
      ),
      { numRuns: 600 },
    );
  });
});
