/**
 * META_COST and META_ANALYTICS for an account Meta gives no cost for (the fake Graph server's missingCost fault),
 * priced from imported rate cards through the built bundle. Expected figures are computed here from the fake's
 * generator and the fixture's rates as integers (micro-units), independently of the add-on's code.
 */
import type { FakeGraphServer } from '../../dev/fake-graph';
import { dailyRecords } from '../../dev/fake-graph/generator';
import { addDays, type DayKey } from '../../src/core/time';
import { connectedRuntime, DATASET, fetches, useGraph } from './meta-helpers';
import {
  BRL_JULY,
  BRL_OCTOBER,
  fixtureMicros,
  importCard,
  importFixture,
  rateCardMicros,
  toCents,
} from './rate-helpers';

const server = useGraph();
let graph: FakeGraphServer;
beforeEach(() => {
  graph = server();
});

const JULY = fixtureMicros(BRL_JULY);
const OCTOBER = fixtureMicros(BRL_OCTOBER);

/** Σ REGULAR volume × rate of the card in force (July's, October's from 2025-10-01), over WABA days from..to. */
function expectedMicros(
  from: DayKey,
  to: DayKey,
  keep: (country: string, category: string) => boolean = () => true,
): bigint {
  return rateCardMicros(from, to, (day) => (day >= 20251001 ? OCTOBER : JULY), keep);
}

const microsToNumber = (micros: bigint) => Number(micros) / 1e6;

function pricedRuntime() {
  const m = connectedRuntime(graph);
  importFixture(m.rt, BRL_JULY);
  importFixture(m.rt, BRL_OCTOBER);
  m.rt.resetCounters();
  return m;
}

describe('META_COST falls back to the rate cards where Meta gives no cost', () => {
  it('prices REGULAR volumes by day, market and category, across two cards, rounded once to the cent', async () => {
    const { rt } = pricedRuntime();
    await graph.setFault({ kind: 'missingCost', times: 'always' });
    const cost = rt.runCustomFunction('META_COST', '2025-09-25', '2025-10-05');
    expect(cost).toBe(toCents(expectedMicros(20250925, 20251005)));
    // One request per month (September, October) for the units query, then the same by market and category.
    expect(fetches(rt)).toBe(4);
    expect(rt.counters['Range.getValues']).toBe(1);
  });

  it('one line and one category', async () => {
    const { rt } = pricedRuntime();
    await graph.configure({ costAvailable: false });
    const mx = DATASET.lines.find((l) => l.home === 'MX')!;
    let micros = 0n;
    for (let day = 20251001; day <= 20251031; day = addDays(day, 1)) {
      for (const r of dailyRecords(DATASET, day)) {
        if (r.type === 'REGULAR' && r.line.id === mx.id && r.category === 'UTILITY') {
          micros += (OCTOBER.get(`${r.country}|UTILITY`) as bigint) * BigInt(r.volume);
        }
      }
    }
    expect(
      rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31', mx.displayPhoneNumber, 'utility'),
    ).toBe(toCents(micros));
  });

  it('names the missing card when none covers the first days', async () => {
    const { rt } = pricedRuntime();
    await graph.setFault({ kind: 'missingCost', times: 'always' });
    expect(() => rt.runCustomFunction('META_COST', '2025-06-25', '2025-07-02')).toThrow(
      "META_COST: Meta returns no cost for this WhatsApp Business Account (it is billed through a partner's credit line), " +
        'and no BRL rate card covers 2025-06-25 (the earliest BRL card imported is effective 2025-07-01) — import ' +
        "Meta's rate card in the sidebar (Extensions ▸ Atom Billing ▸ Open sidebar ▸ Rate cards): the BRL card " +
        'effective on or before 2025-06-25',
    );
  });

  it("Meta's own cost wins whenever Meta gives one: the rate cards are not even read", () => {
    const { rt } = pricedRuntime();
    const cost = rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31');
    let micros = 0;
    for (let day = 20251001; day <= 20251031; day = addDays(day, 1)) {
      for (const r of dailyRecords(DATASET, day)) micros += r.costMicros;
    }
    expect(cost).toBe(micros / 1e6);
    expect(rt.counters['Range.getValues'] ?? 0).toBe(0);
  });
});

describe("META_ANALYTICS' cost-source column", () => {
  it('DAILY by country and category: the card of each day, free rows at 0, exact costs', async () => {
    const { rt } = pricedRuntime();
    await graph.setFault({ kind: 'missingCost', times: 'always' });
    const table = rt.runCustomFunction(
      'META_ANALYTICS',
      '2025-09-30',
      '2025-10-01',
      'DAILY',
      'country,category',
    ) as unknown[][];
    expect(table[0]).toEqual(['Day', 'Country', 'Category', 'Volume', 'Cost', 'Cost source']);
    const row = (iso: string, country: string, category: string) =>
      table
        .slice(1)
        .find((r) => (r[0] as Date).toISOString().startsWith(iso) && r[1] === country && r[2] === category);
    const only = (day: DayKey, country: string, category: string) =>
      expectedMicros(day, day, (c, k) => c === country && k === category);
    expect(row('2025-09-30', 'BR', 'MARKETING')?.slice(4)).toEqual([
      microsToNumber(only(20250930, 'BR', 'MARKETING')),
      'rate card BRL 2025-07-01',
    ]);
    expect(row('2025-10-01', 'CO', 'UTILITY')?.slice(4)).toEqual([
      microsToNumber(only(20251001, 'CO', 'UTILITY')),
      'rate card BRL 2025-10-01',
    ]);
    expect(row('2025-10-01', 'CO', 'SERVICE')?.slice(4)).toEqual([0, 'free']);
  });

  it('MONTHLY: priced day by day, dated on the first day asked for', async () => {
    const { rt } = pricedRuntime();
    await graph.configure({ costAvailable: false });
    const table = rt.runCustomFunction(
      'META_ANALYTICS',
      '2025-09-20',
      '2025-10-10',
      'MONTHLY',
    ) as unknown[][];
    expect(table.map((r) => r.slice(0, 1).concat(r.slice(2)))).toEqual([
      ['Day', 'Cost', 'Cost source'],
      [
        new Date('2025-09-20T05:00:00.000Z'),
        microsToNumber(expectedMicros(20250920, 20250930)),
        'rate card BRL 2025-07-01',
      ],
      [
        new Date('2025-10-01T05:00:00.000Z'),
        microsToNumber(expectedMicros(20251001, 20251010)),
        'rate card BRL 2025-10-01',
      ],
    ]);
  });
});

describe('a conversation-era month priced from a conversation-era card', () => {
  const JUNE_2025 = [
    'Cost per conversation in BRL, effective June 1, 2025,,,,,',
    'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
    ...['Argentina', 'Brazil', 'Chile', 'Colombia', 'Mexico', 'Peru'].map(
      (market, m) => `${market},BRL,0.${m + 1}000,0.0${m + 1}00,0.00${m + 1}0,n/a,0.000${m + 1}`,
    ),
  ].join('\r\n');

  it('charged conversations by category at the card of June; free tiers and entry points cost nothing', async () => {
    const { rt } = pricedRuntime();
    importCard(rt, 'brl-2025-06.csv', JUNE_2025);
    await graph.configure({ costAvailable: false });
    const rates = new Map<string, bigint>();
    ['AR', 'BR', 'CL', 'CO', 'MX', 'PE'].forEach((country, m) => {
      const k = BigInt(m + 1);
      rates.set(`${country}|MARKETING`, 100_000n * k);
      rates.set(`${country}|UTILITY`, 10_000n * k);
      rates.set(`${country}|AUTHENTICATION`, 1_000n * k);
      rates.set(`${country}|SERVICE`, 100n * k);
    });
    expect(rt.runCustomFunction('META_COST', '2025-06-10', '2025-06-30')).toBe(
      toCents(rateCardMicros(20250610, 20250630, () => rates)),
    );
    // Across the switch: June's conversations at the June card, July's messages at the July card.
    expect(rt.runCustomFunction('META_COST', '2025-06-30', '2025-07-01')).toBe(
      toCents(
        rateCardMicros(20250630, 20250630, () => rates) + rateCardMicros(20250701, 20250701, () => JULY),
      ),
    );
  });
});
