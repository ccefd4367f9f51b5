/**
 * Month close for an account Meta gives no cost for (partner credit line), priced from an uploaded rate card through
 * the built bundle: the KPI block shows the rate-card cost with its card, that is what the group and campaign
 * splits allocate unless finance typed the invoiced amount, and the ledger records the cost source.
 */
import { connectedRuntime, useGraph } from './meta-helpers';
import { runImport, seedAtomSheets, WITH_ATOM } from './month-close-helpers';
import { BRL_OCTOBER, fixtureMicros, importFixture, rateCardMicros, toCents } from './rate-helpers';

jest.setTimeout(180_000);

const server = useGraph();

/** October's REGULAR volume priced at the October fixture card, rounded once to the cent. */
const COST = toCents(rateCardMicros(20251001, 20251031, () => fixtureMicros(BRL_OCTOBER)));

async function creditLineRuntime() {
  await server().configure({ costAvailable: false });
  const m = connectedRuntime(server());
  seedAtomSheets(m.rt);
  return m;
}

describe('month close priced from the rate card', () => {
  it('KPI, allocation and ledger use the rate-card cost and name its card', async () => {
    const { rt } = await creditLineRuntime();
    importFixture(rt, BRL_OCTOBER);
    const result = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(result).toMatchObject({
      cost: COST,
      costSource: 'rate card BRL 2025-10-01',
      costToAllocate: COST,
      costToAllocateSource: 'rateCard',
    });
    expect(result.notes).toEqual([{ code: 'rateCardPriced', source: 'rate card BRL 2025-10-01' }]);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!A5:C5")).toEqual([
      [
        'Cost (rate card)',
        COST,
        'rate card BRL 2025-10-01 — Meta gives no cost for this account (partner credit line)',
      ],
    ]);
    expect(rt.spreadsheet.getFormulas("'Billing 2025-10'!B7")).toEqual([['=B5']]);
    const groups = rt.spreadsheet.getValues("'Billing 2025-10'!A21:G21")[0];
    expect(groups[0]).toBe('Total');
    expect(groups[6]).toBe(COST);
    const ledger = rt.spreadsheet.getValues("'Imports'!H2:Q2")[0];
    expect([ledger[0], ledger[6]]).toEqual([COST, 'rate card BRL 2025-10-01']);
    // The amount allocated and where it came from (issue 16 point 6).
    expect(ledger.slice(8)).toEqual([COST, 'rate card']);
  });

  it('the invoiced amount finance typed is what is allocated; the KPI still shows the rate-card cost', async () => {
    const { rt } = await creditLineRuntime();
    importFixture(rt, BRL_OCTOBER);
    runImport(rt, { month: '2025-10', ...WITH_ATOM });
    rt.spreadsheet.setValues("'Billing 2025-10'!B7", [[1190.5]]);
    const again = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(again).toMatchObject({ cost: COST, costToAllocate: 1190.5, costToAllocateSource: 'kept' });
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!A21:G21")[0][6]).toBe(1190.5);
  });

  it('without a card for the month: no cost, and the note names the card to import', async () => {
    const { rt } = await creditLineRuntime();
    const result = runImport(rt, { month: '2025-10', ...WITH_ATOM });
    expect(result).toMatchObject({ cost: null, costSource: null, costToAllocate: null });
    expect(result.notes).toEqual([
      {
        code: 'rateCardProblem',
        problem:
          "no BRL rate card covers 2025-10-01 — import Meta's rate card in the sidebar (Extensions ▸ Atom Billing ▸ " +
          'Open sidebar ▸ Rate cards): the BRL card effective on or before 2025-10-01',
        detail: { code: 'noRateCard', currency: 'BRL', day: '2025-10-01' },
      },
    ]);
    expect(rt.spreadsheet.getValues("'Imports'!N2")).toEqual([['']]);
  });
});
