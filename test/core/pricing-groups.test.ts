/**
 * Tally groups (the recipient's country, for BILLED_COST) only split the counts: over any log and any assignment
 * of contacts to groups, the groups add up to the ungrouped tally.
 */
import fc from 'fast-check';
import { priceMessages } from '../../src/core/pricing/engine';
import { KIND_NAMES } from '../../src/core/pricing/message-kinds';
import { PRICING_RULES } from '../../src/core/pricing/rules';
import { ZoneCalendar } from '../../src/core/zone-calendar';

const calendar = new ZoneCalendar('America/Bogota');
const CONTACTS = ['573001', '573002', '525501', '18095551234'];
/** Around the 2025-07-01 switch and the 2023-06 / 2024-11 service-allowance months. */
const ANCHORS = [Date.UTC(2025, 5, 29, 12), Date.UTC(2023, 5, 30, 12), Date.UTC(2024, 9, 30, 12)];
/** A 2-unit free service allowance, so the grouping meets the shared-allowance path. */
const SMALL_ALLOWANCE = PRICING_RULES.map((r) =>
  r.freeServicePerMonth === 1000 ? { ...r, freeServicePerMonth: 2 } : r,
);

const messageArb = fc.record({
  at: fc.constantFrom(...ANCHORS),
  minutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  contact: fc.integer({ min: 0, max: CONTACTS.length - 1 }),
  kind: fc.integer({ min: 0, max: KIND_NAMES.length - 1 }),
});

describe('tally groups', () => {
  it('add up to the ungrouped tally, day by day and category by category', () => {
    fc.assert(
      fc.property(
        fc.array(messageArb, { maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: CONTACTS.length, maxLength: CONTACTS.length }),
        (messages, groupOfContact) => {
          const log = {
            times: messages.map((m) => m.at + m.minutes * 60_000),
            contacts: messages.map((m) => CONTACTS[m.contact]),
            kinds: messages.map((m) => m.kind),
          };
          const plain = priceMessages(log, calendar, SMALL_ALLOWANCE).rows();
          const grouped = priceMessages(
            { ...log, groups: messages.map((m) => groupOfContact[m.contact]) },
            calendar,
            SMALL_ALLOWANCE,
          ).rows();
          const sums = new Map<string, [number, number]>();
          for (const r of grouped) {
            const key = `${r.epochDay}|${r.model}|${r.category}`;
            const [c, f] = sums.get(key) ?? [0, 0];
            sums.set(key, [c + r.charged, f + r.free]);
          }
          expect(plain.every((r) => r.group === 0)).toBe(true);
          expect(
            new Map(plain.map((r) => [`${r.epochDay}|${r.model}|${r.category}`, [r.charged, r.free]])),
          ).toEqual(sums);
        },
      ),
    );
  });
});
