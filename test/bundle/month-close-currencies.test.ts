/**
 * A month billed in two currencies (issue 17 point 3), through the built bundle against the fake Graph server: the
 * Brazilian account was billed in USD until 15 October 2025, then Meta's currency migration made a new BRL account
 * and moved the numbers to it. The month's figures, the Billing sheet, the ledger and META_COST keep one figure per
 * currency and never add them up.
 */
import type { FakeGraphServer } from '../../dev/fake-graph';
import { startFakeGraphServerProcess } from '../../dev/fake-graph';
import { createDataset, expectedTotals } from '../../dev/fake-graph/generator';
import type { MetaConnectionView, MonthCloseResult } from '../../src/rpc/contract';
import { noteText } from '../../src/sidebar/month-close/card-notes';
import { connect, metaRuntime, SEED, TOKEN } from './meta-helpers';
import { runImport } from './month-close-helpers';

jest.setTimeout(180_000);

const USD_ACCOUNT = {
  wabaId: '102290129340111',
  name: 'Atom LatAm (USD)',
  currency: 'USD',
  lastDay: 20251015,
};
const BRL_ACCOUNT = { wabaId: '102290129340222', name: 'Atom LatAm', currency: 'BRL', firstDay: 20251016 };
const money = (micros: number) => Math.round(micros) / 1e6;
const USD = expectedTotals(createDataset({ seed: SEED, ...USD_ACCOUNT }), {
  fromDay: 20251001,
  toDay: 20251031,
});
const BRL = expectedTotals(createDataset({ seed: SEED, ...BRL_ACCOUNT }), {
  fromDay: 20251001,
  toDay: 20251031,
});

let graph: FakeGraphServer;
beforeAll(async () => {
  graph = await startFakeGraphServerProcess({
    token: TOKEN,
    seed: SEED,
    ...BRL_ACCOUNT,
    otherAccounts: [USD_ACCOUNT],
  });
});
afterAll(async () => {
  await graph.close();
});

/** Connected to the USD account, October imported; then the BRL account it migrated to is connected. */
function migrated() {
  const m = metaRuntime();
  connect(m.rt, graph, TOKEN, USD_ACCOUNT.wabaId);
  const before = runImport(m.rt, { month: '2025-10' });
  const view = connect(m.rt, graph, TOKEN, BRL_ACCOUNT.wabaId) as MetaConnectionView;
  return { ...m, before, view };
}

describe('a month billed in two currencies', () => {
  let m: ReturnType<typeof migrated>;
  let result: MonthCloseResult;
  beforeAll(() => {
    m = migrated();
    result = runImport(m.rt, { month: '2025-10' });
  });

  it('the new account keeps the one it replaced on the same numbers, each with its currency', () => {
    expect(m.before).toMatchObject({ currency: 'USD', cost: money(USD.costMicros), otherCosts: [] });
    expect(m.view.currency).toBe('BRL');
    expect(m.view.formerAccounts).toEqual([
      { wabaId: USD_ACCOUNT.wabaId, wabaName: USD_ACCOUNT.name, currency: 'USD' },
    ]);
  });

  it('units add up; the cost is the BRL account’s, the USD cost stands apart, and the card says why', () => {
    expect(result).toMatchObject({
      currency: 'BRL',
      billedUnits: USD.billable + BRL.billable,
      cost: money(BRL.costMicros),
      costToAllocate: money(BRL.costMicros),
      otherCosts: [{ currency: 'USD', cost: money(USD.costMicros) }],
      rowsWritten: USD.records + BRL.records,
    });
    expect(result.notes).toEqual([
      { code: 'otherCurrencies', others: `${money(USD.costMicros)} USD`, main: 'BRL' },
    ]);
    // Worded by the sidebar in the user's language.
    expect(noteText(result.notes[0], 'en', 'en-US')).toBe(
      `Meta billed part of this month in another currency: ${money(USD.costMicros)} USD — never added to the BRL ` +
        'cost (an account migrated to a new currency, or a second Messaging Account).',
    );
  });

  it('"Meta data" keeps each row’s currency; the Billing sheet shows one figure per currency', () => {
    const rows = m.rt.spreadsheet.getValues(`'Meta data'!A2:J${USD.records + BRL.records + 1}`);
    const costOf = (currency: string) =>
      rows.filter((r) => r[9] === currency).reduce((s, r) => s + (r[8] as number) * 1e6, 0);
    expect(rows.filter((r) => r[9] === 'USD')).toHaveLength(USD.records);
    expect(Math.round(costOf('USD'))).toBe(Math.round(USD.costMicros));
    expect(Math.round(costOf('BRL'))).toBe(Math.round(BRL.costMicros));
    const sheet = "'Billing 2025-10'";
    expect(m.rt.spreadsheet.getValues(`${sheet}!A5:B6`)).toEqual([
      ['Meta cost', money(BRL.costMicros)],
      ['Currency', 'BRL'],
    ]);
    expect(m.rt.spreadsheet.getValues(`${sheet}!A15:C15`)).toEqual([
      ['Meta cost, other currencies (never added)', money(USD.costMicros), 'USD'],
    ]);
    expect(m.rt.spreadsheet.getValues(`${sheet}!A2`)[0][0]).toContain('never added to the BRL cost');
  });

  it('the ledger records the BRL cost in BRL, and the USD figure in its notes', () => {
    const ledger = m.rt.spreadsheet.getValues("'Imports'!A1:O3");
    expect(ledger[2][7]).toBe(money(BRL.costMicros));
    expect(ledger[2][8]).toBe('BRL');
    expect(ledger[2][14]).toContain(`${money(USD.costMicros)} USD`);
  });

  it('a re-import gives the same figures (the USD rows are Meta’s answer again, not added twice)', () => {
    const again = runImport(m.rt, { month: '2025-10' });
    expect(again).toMatchObject({
      cost: result.cost,
      otherCosts: result.otherCosts,
      billedUnits: result.billedUnits,
      rowsWritten: result.rowsWritten,
    });
  });
});

it('the former account unreadable (Meta deprecates it): its stored rows stay, the card says why', async () => {
  const { rt } = migrated();
  const first = runImport(rt, { month: '2025-10' });
  await graph.setFault({ kind: 'permission200', times: 'always', pathIncludes: USD_ACCOUNT.wabaId });
  try {
    const again = runImport(rt, { month: '2025-10' });
    expect(again).toMatchObject({
      cost: first.cost,
      otherCosts: first.otherCosts,
      billedUnits: first.billedUnits,
      rowsWritten: BRL.records,
    });
    expect(again.notes[0]).toMatchObject({
      code: 'formerAccountSilent',
      waba: USD_ACCOUNT.wabaId,
      currency: 'USD',
    });
    expect(noteText(again.notes[0], 'es', 'es-CO')).toMatch(
      new RegExp(
        `^Meta no respondió por la cuenta anterior ${USD_ACCOUNT.wabaId} \\(USD\\): .+ Se conservaron`,
      ),
    );
  } finally {
    await graph.clearFaults();
  }
});

describe('the cost to allocate asks which currency', () => {
  it('the setup lists both; USD follows the USD cost, back to BRL on request, and a currency of no account is refused', () => {
    const { rt } = migrated();
    expect(rt.runFromSidebar('getMonthCloseSetup')).toMatchObject({
      currency: 'BRL',
      currencies: ['BRL', 'USD'],
    });
    const usd = runImport(rt, { month: '2025-10', costCurrency: 'usd' });
    expect(usd).toMatchObject({
      cost: money(BRL.costMicros),
      costToAllocate: money(USD.costMicros),
      costToAllocateCurrency: 'USD',
      costToAllocateSource: 'meta',
    });
    const sheet = "'Billing 2025-10'";
    expect(rt.spreadsheet.getFormulas(`${sheet}!B7`)).toEqual([['=B15']]);
    expect(rt.spreadsheet.getValues(`${sheet}!C7`)[0][0]).toMatch(/^USD — /);
    // Our own formula, not a value finance typed: choosing BRL again moves it back.
    const brl = runImport(rt, { month: '2025-10', costCurrency: 'BRL' });
    expect(brl).toMatchObject({ costToAllocate: money(BRL.costMicros), costToAllocateCurrency: 'BRL' });
    expect(rt.spreadsheet.getFormulas(`${sheet}!B7`)).toEqual([['=B5']]);
    expect(() => runImport(rt, { month: '2025-10', costCurrency: 'EUR' })).toThrow(
      '2025-10 has no Meta cost in EUR — its currencies are BRL, USD; choose one of them for the cost to allocate',
    );
  });
});

describe('META_COST over days in two currencies', () => {
  let rt: ReturnType<typeof migrated>['rt'];
  beforeAll(() => {
    rt = migrated().rt;
  });

  it('refuses to add them up, naming both currencies and the argument to give', () => {
    expect(() => rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31')).toThrow(
      'META_COST: these days are billed in BRL and USD, which are never added up — give the currency as the ' +
        'fifth argument, e.g. =META_COST(start, end, , , "BRL")',
    );
  });

  it('one figure per currency with the currency argument', () => {
    expect(rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31', '', '', 'USD')).toBe(
      money(USD.costMicros),
    );
    expect(rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31', '', '', 'brl')).toBe(
      money(BRL.costMicros),
    );
    expect(() => rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31', '', '', 'EUR')).toThrow(
      'META_COST: no connected account bills in EUR (only BRL, USD)',
    );
  });

  it('META_BILLED counts the units of both accounts (units add up; money does not)', () => {
    expect(rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31')).toBe(USD.billable + BRL.billable);
  });

  it('days in one currency need no argument', () => {
    const late = expectedTotals(createDataset({ seed: SEED, ...BRL_ACCOUNT }), {
      fromDay: 20251020,
      toDay: 20251031,
    });
    expect(rt.runCustomFunction('META_COST', '2025-10-20', '2025-10-31')).toBe(money(late.costMicros));
  });
});

it('the daily refresh keeps the currency chosen for the cost to allocate (the account’s where a month lacks it)', async () => {
  // Migrated on 6 November: the open month holds both currencies.
  const usd = { ...USD_ACCOUNT, lastDay: 20251105 };
  const other = await startFakeGraphServerProcess({
    token: TOKEN,
    seed: SEED,
    ...BRL_ACCOUNT,
    firstDay: 20251106,
    otherAccounts: [usd],
  });
  try {
    const { rt, clock } = metaRuntime();
    connect(rt, other, TOKEN, usd.wabaId);
    connect(rt, other, TOKEN, BRL_ACCOUNT.wabaId);
    expect(runImport(rt, { month: '2025-11', costCurrency: 'USD' })).toMatchObject({
      costToAllocateCurrency: 'USD',
    });
    rt.runFromSidebar('setDailyRefresh', { enabled: true, hour: 6 });
    const [trigger] = rt.triggerRecords();
    clock.set(rt.nextTriggerRun(trigger.uid));
    rt.runTimeTrigger(trigger.uid);
    expect(rt.spreadsheet.getValues("'Imports'!M3")).toEqual([['scheduled']]);
    expect(rt.spreadsheet.getFormulas("'Billing 2025-11'!B7")).toEqual([['=B15']]);
    // December has only BRL: the remembered USD falls back to the account's currency instead of failing.
    clock.set(Date.UTC(2025, 11, 2, 15));
    rt.runTimeTrigger(trigger.uid);
    expect(rt.spreadsheet.getFormulas("'Billing 2025-12'!B7")).toEqual([['=B5']]);
  } finally {
    await other.close();
  }
});
