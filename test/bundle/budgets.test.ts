/**
 * Budgets and alerts (issue 17 point 5) through the built bundle and the fake Graph server: admins set them, the
 * month sheet shows budget, spend, projection and crossing day, and the daily refresh emails the admins once per
 * crossing — never again for the same month and budget, even after a run stopped between the email and its note.
 */
import { ServiceFault, type AppsScriptRuntime, type SentMail } from '../../dev/runtime';
import type { BudgetsView, BudgetView, MonthCloseResult } from '../../src/rpc/contract';
import { INJECTED_FAULT } from '../support/faults';
import { connectedRuntime, DATASET, useGraph, type MetaRuntime } from './meta-helpers';
import { runImport, seedAtomSheets, WITH_ATOM } from './month-close-helpers';

jest.setTimeout(180_000);

const server = useGraph();
const LINE = DATASET.lines[0].displayPhoneNumber;

/** Connected as ana (admin), November imported once by hand (open: 15 of 30 days). */
function withNovember(): MetaRuntime & { november: MonthCloseResult } {
  const m = connectedRuntime(server());
  return { ...m, november: runImport(m.rt, { month: '2025-11' }) };
}

const setBudgets = (rt: AppsScriptRuntime, budgets: BudgetView[]) =>
  rt.runFromSidebar('setBudgets', budgets) as BudgetsView;
const account = (amount: number): BudgetView => ({ scope: 'account', name: '', amount });
const line = (amount: number, name = LINE): BudgetView => ({ scope: 'line', name, amount });

/** Switches the daily refresh on at 06:00 and returns a function that fires it at its next run. */
function dailyRefresh(m: MetaRuntime): () => unknown {
  m.rt.runFromSidebar('setDailyRefresh', { enabled: true, hour: 6 });
  const [trigger] = m.rt.triggerRecords();
  return () => {
    m.clock.set(m.rt.nextTriggerRun(trigger.uid));
    return m.rt.runTimeTrigger(trigger.uid);
  };
}

/** Notes (column O) of each ledger row. */
const ledgerNotes = (rt: AppsScriptRuntime): string[] =>
  rt.spreadsheet.getValues("'Imports'!O2:O20").map((r) => String(r[0]));

/** A budget between the spend so far and the month's projected end: crossed by the projection only. */
const between = (cost: number) => Math.round(cost * 150) / 100;

describe('budgets in the sidebar', () => {
  it('admins set them (exact amounts, lines of the account); everyone reads them; a non-admin cannot set them', () => {
    const { rt, user } = connectedRuntime(server());
    const view = setBudgets(rt, [
      account(1500.1),
      line(200),
      { scope: 'group', name: ' Ventas ', amount: 50 },
    ]);
    expect(view).toMatchObject({
      connected: true,
      currency: DATASET.waba.currency,
      isAdmin: true,
      budgets: [account(1500.1), line(200), { scope: 'group', name: 'Ventas', amount: 50 }],
    });
    expect(rt.properties.document.get('atomBilling.budgets')).toBe(
      JSON.stringify({
        waba: DATASET.waba.id,
        budgets: [
          { scope: 'account', name: '', amount: '1500.1' },
          { scope: 'line', name: LINE, amount: '200' },
          { scope: 'group', name: 'Ventas', amount: '50' },
        ],
      }),
    );
    expect(() => setBudgets(rt, [account(10.005)])).toThrow(
      `The budget for the whole account must be an amount above 0 in ${DATASET.waba.currency} with at most 2 decimals`,
    );
    expect(() => setBudgets(rt, [line(10, '+1 555 0000')])).toThrow(
      '+1 555 0000 is not a line of the connected account',
    );
    expect(() => setBudgets(rt, [line(1), line(2)])).toThrow(`Two budgets for ${LINE}`);
    user.email = 'bob@example.com';
    expect(() => setBudgets(rt, [])).toThrow(
      /^Only an admin of this spreadsheet's Meta connection can change it/,
    );
    expect(rt.runFromSidebar('getBudgets')).toMatchObject({ isAdmin: false, budgets: view.budgets });
  });
});

describe('the month sheet', () => {
  it('shows each budget the import covers: budget, spend so far, projected month end, crossing day', () => {
    const m = withNovember();
    const { rt, november } = m;
    seedAtomSheets(rt);
    setBudgets(rt, [
      account(between(november.cost!)),
      line(1_000_000),
      { scope: 'group', name: 'Ventas', amount: 1 },
      { scope: 'campaign', name: 'Not in the table', amount: 1 },
    ]);
    runImport(rt, { month: '2025-11', ...WITH_ATOM });
    const block = rt.spreadsheet.getDisplayValues("'Billing 2025-11'!A50:E55");
    expect(block[0][0]).toBe('Budgets (set by the admins in the sidebar)');
    expect(block[1]).toEqual([
      'Budget for',
      'Budget',
      'Spend so far',
      'Projected month end',
      'Crosses the budget on',
    ]);
    const [whole, ofLine, ventas, none] = rt.spreadsheet.getValues("'Billing 2025-11'!A52:E55");
    expect(whole[0]).toBe('Whole account');
    expect(whole[1]).toBe(between(november.cost!));
    expect(whole[2]).toBe(november.cost);
    expect(whole[3] as number).toBeGreaterThan(whole[1] as number);
    // Crossed by the projection, after the last imported day (the 15th).
    expect(block[2][4] > '2025-11-15' && block[2][4] <= '2025-11-30').toBe(true);
    expect(ofLine[0]).toBe(LINE);
    expect(block[3][4]).toBe('not this month');
    // Ventas closed 2 of Atom's 10 conversations: a fifth of the cost, as the split on the sheet gives it.
    const split = rt.spreadsheet.getValues("'Billing 2025-11'!A17:G21").find((r) => r[0] === 'Ventas')!;
    expect(split[5]).toBeCloseTo(november.cost! / 5, 6);
    expect(ventas.slice(0, 3)).toEqual(['Group Ventas', 1, split[5]]);
    expect(ventas[4]).toEqual(rt.sheetDate('2025-11-01'));
    // A campaign not in Atom's table is not covered: no row.
    expect(none).toEqual(['', '', '', '', '']);
  });
});

describe('alerts from the daily refresh', () => {
  function crossed(): MetaRuntime & { fire: () => unknown; budget: number } {
    const m = withNovember();
    const budget = between(m.november.cost!);
    setBudgets(m.rt, [account(budget)]);
    return { ...m, fire: dailyRefresh(m), budget };
  }

  it('emails the admins once per crossing over two daily runs (and not on a third), noted in the ledger', () => {
    const { rt, fire, budget } = crossed();
    rt.runFromSidebar('addAdmin', 'bob@example.com');
    fire();
    expect(rt.mail.sent).toHaveLength(1);
    const [mail] = rt.mail.sent as SentMail[];
    expect(mail.to).toEqual(['ana@example.com', 'bob@example.com']);
    expect(mail.subject).toBe('Budget alert 2025-11: the whole account — Untitled spreadsheet');
    expect(mail.body).toContain(
      `Budget ${budget.toLocaleString('en-US', { minimumFractionDigits: 2 })} ${DATASET.waba.currency}, spend so far `,
    );
    expect(mail.body).toContain(rt.spreadsheet.id);
    fire();
    fire();
    expect(rt.mail.sent).toHaveLength(1);
    const notes = ledgerNotes(rt);
    // Row 2: the manual import; row 3: the first daily run, which sent it; rows 4-5: nothing more.
    expect(notes[1]).toMatch(
      /^Budget alert emailed to ana@example\.com, bob@example\.com: the whole account is projected to reach its budget on 2025-11-\d\d \(Budget /,
    );
    expect(notes.slice(2, 4)).toEqual(['', '']);
    expect(rt.properties.document.get('atomBilling.budgets.alerts')).toBe(
      JSON.stringify({ [`2025-11|account:|${budget}`]: 'sent' }),
    );
  });

  it('a run stopped between the email and its ledger note does not send it again; the next run says so', () => {
    const { rt, fire } = crossed();
    let sent = false;
    rt.onWait = (point) => {
      if (point.kind !== 'call') return;
      if (point.name === 'MailApp.sendEmail') sent = true;
      else if (sent) {
        rt.onWait = undefined;
        throw new ServiceFault(INJECTED_FAULT);
      }
    };
    expect(fire).toThrow(/^The daily refresh failed — 2025-11: /);
    expect(rt.mail.sent).toHaveLength(1);
    fire();
    expect(rt.mail.sent).toHaveLength(1);
    const notes = ledgerNotes(rt);
    expect(notes[1]).toBe('');
    expect(notes[2]).toMatch(
      /^The budget alert 2025-11\|account:\|[\d.]+ was being sent when a run stopped: it may not have arrived \(not sent again\)$/,
    );
  });

  it('an email MailApp refuses (daily quota used up) is not remembered: the next daily run sends it', () => {
    const { rt, fire, clock } = crossed();
    const earlier = { from: 'ana@example.com', to: ['x@example.com'], cc: [], bcc: [], replyTo: null };
    for (let i = 0; i < 100; i++)
      rt.mail.sent.push({
        ...earlier,
        subject: '',
        body: '',
        htmlBody: null,
        name: null,
        noReply: false,
        at: clock.now() + 12 * 3_600_000,
      });
    expect(fire).toThrow(
      'The daily refresh failed — 2025-11: The budget alert for the whole account could not be emailed (Service invoked too many times for one day: email.) — the next daily refresh tries again',
    );
    expect(ledgerNotes(rt)[1]).toMatch(/^The budget alert for the whole account could not be emailed/);
    fire();
    expect(rt.mail.sent).toHaveLength(101);
    expect(ledgerNotes(rt)[2]).toMatch(/^Budget alert emailed to ana@example\.com/);
  });
});
