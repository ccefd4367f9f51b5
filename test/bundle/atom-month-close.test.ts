/**
 * From Atom's files to the month's allocation without typing a formula: the Atom import writes the month's
 * tables, the month close (given no ranges) splits the bill by them, and a later Atom import updates the split.
 */
import type { MonthCloseResult } from '../../src/rpc/contract';
import { AUDIT_HEADER, campaignsCsv, importParsed, namedMonthRanges, parsedCsv } from './atom-helpers';
import { connectedRuntime, DATASET, useGraph } from './meta-helpers';
import { expectedTotals } from '../../dev/fake-graph/generator';

jest.setTimeout(180_000);

const server = useGraph();
const OCT = expectedTotals(DATASET, { fromDay: 20251001, toDay: 20251031 });

/** Atom's audit export: one closed conversation a group, its contact `57300000000<i>` unless given. */
const audit = (groups: string[], contacts = groups.map((_, i) => `57300000000${i}`)) =>
  parsedCsv(
    [
      AUDIT_HEADER,
      ...groups.map((g, i) => [
        `C-${i}`,
        `0${1 + (i % 9)}/10/2025 10:00`,
        contacts[i],
        g,
        '',
        'Fin positivo',
        'Manual',
        'Mensaje restante',
        '',
      ]),
    ],
    'auditoria.csv',
  );

it('the month close splits by the Atom tables of the month, keeps them, and follows a later Atom import', () => {
  const { rt } = connectedRuntime(server());
  importParsed(
    rt,
    audit(['Ventas', 'Ventas', 'Soporte', 'Cobranza', 'Cobranza', 'Cobranza']),
    'auditoria.csv',
  );
  importParsed(rt, campaignsCsv(), 'campañas.csv', { month: '2025-10' });

  const result = rt.runFromSidebar('runMonthClose', { month: '2025-10' }) as MonthCloseResult;
  expect(result.billedUnits).toBe(OCT.billable);
  const formulas = rt.spreadsheet.getFormulas("'Billing 2025-10'!A17:I17")[0];
  expect(formulas[0]).toBe(
    "=BILLED_BY_GROUP('Billing 2025-10'!W6:W305, 'Billing 2025-10'!X6:X305, BILLED_UNITS_2025_10, COST_TO_ALLOCATE_2025_10, 2)",
  );
  expect(formulas[8]).toBe(
    "=BILLED_BY_CAMPAIGN('Billing 2025-10'!Y6:Y305, 'Billing 2025-10'!Z6:Z305, COST_TO_ALLOCATE_2025_10, 2)",
  );
  const split = () => rt.spreadsheet.getValues("'Billing 2025-10'!A18:E22").map((r) => [r[0], r[1], r[4]]);
  const groups = split();
  expect(groups.slice(0, 3).map((r) => [r[0], r[1]])).toEqual([
    ['Cobranza', 3],
    ['Ventas', 2],
    ['Soporte', 1],
  ]);
  expect(groups[3][0]).toBe('Total');
  expect(groups.slice(0, 3).reduce((s, r) => s + (r[2] as number), 0)).toBe(OCT.billable);
  expect(rt.spreadsheet.getValues("'Billing 2025-10'!I18:J20")).toEqual([
    ['Black Friday', 3],
    ['Bienvenida', 1],
    ['Total', 4],
  ]);
  // The month close left the Atom block alone.
  expect(rt.spreadsheet.getValues("'Billing 2025-10'!W5:X6")).toEqual([
    ['Group', 'Closed conversations'],
    ['Cobranza', 3],
  ]);

  // A corrected export (C-0…C-3 again; C-4 and C-5 stay): the live split follows without another month close.
  importParsed(rt, audit(['Ventas', 'Ventas', 'Ventas', 'Soporte']), 'auditoria.csv');
  const after = split();
  expect(after.map((r) => [r[0], r[1]])).toEqual([
    ['Ventas', 3],
    ['Cobranza', 2],
    ['Soporte', 1],
    ['Total', 6],
    ['', ''],
  ]);
  expect(after.slice(0, 3).reduce((s, r) => s + (r[2] as number), 0)).toBe(OCT.billable);
});

it('"Unique contacts" in the KPI block counts the month’s Atom contacts, live; blank without Atom data', () => {
  const { rt } = connectedRuntime(server());
  const conversations = (contacts: string[]) =>
    audit(
      contacts.map(() => 'Ventas'),
      contacts,
    );
  // Four conversations, three contacts (one written with a leading +).
  importParsed(
    rt,
    conversations(['573001112233', '+57 300 111 2233', '573004445566', '573007778899']),
    'auditoria.csv',
  );
  rt.runFromSidebar('runMonthClose', { month: '2025-10' });
  const kpi = () => rt.spreadsheet.getValues("'Billing 2025-10'!A14:C14")[0];
  expect(kpi()).toEqual(['Unique contacts', 3, '']);
  expect(rt.spreadsheet.getFormulas("'Billing 2025-10'!B14")[0][0]).toBe('=IF(ISNUMBER(X3), X3, "")');
  // The same count as BILLED_UNIQUE_CONTACTS over the contact column the Atom import wrote.
  const last = rt.spreadsheet.getSheet('Atom conversations')!.lastRow;
  expect(rt.runCustomFunction('BILLED_UNIQUE_CONTACTS', rt.range(`'Atom conversations'!D2:D${last}`))).toBe(
    3,
  );

  // A later Atom export with a fourth contact: the KPI follows without another month close.
  importParsed(
    rt,
    conversations(['573001112233', '+57 300 111 2233', '573004445566', '573007778899', '573000000001']),
    'auditoria.csv',
  );
  expect(kpi()).toEqual(['Unique contacts', 4, '']);

  // A month with no Atom data: blank, with the hint beside it.
  rt.runFromSidebar('runMonthClose', { month: '2025-09' });
  expect(rt.spreadsheet.getValues("'Billing 2025-09'!A14:C14")[0]).toEqual([
    'Unique contacts',
    '',
    'Import an Atom export with contacts for this month to count them',
  ]);
});

it('a later export with more groups than the tables hold grows them, and the closed month’s split with them', () => {
  const { rt } = connectedRuntime(server());
  importParsed(rt, audit(['Ventas', 'Soporte']), 'auditoria.csv');
  rt.runFromSidebar('runMonthClose', { month: '2025-10' });
  const groupFormula = () => rt.spreadsheet.getFormulas("'Billing 2025-10'!A17")[0][0];
  expect(groupFormula()).toMatch(/^=BILLED_BY_GROUP\('Billing 2025-10'!W6:W305, 'Billing 2025-10'!X6:X305, /);

  // 350 groups: the tables grow to 400 rows (steps of 100), inserted inside the ranges the formulas read.
  const groups = Array.from({ length: 350 }, (_, i) => `Grupo ${String(i).padStart(3, '0')}`);
  importParsed(rt, audit(groups), 'auditoria.csv');
  expect(groupFormula()).toMatch(/^=BILLED_BY_GROUP\('Billing 2025-10'!W6:W405, 'Billing 2025-10'!X6:X405, /);
  const split = rt.spreadsheet.getValues("'Billing 2025-10'!A18:E368");
  expect(split[349][0]).toBe('Grupo 349');
  expect(split[350][0]).toBe('Total');
  expect(split[350][1]).toBe(350);
  expect(split.slice(0, 350).reduce((s, r) => s + (r[4] as number), 0)).toBe(OCT.billable);
  // The daily table moved below the grown tables; the month close's next run reads the grown ranges.
  expect(rt.spreadsheet.getValues("'Billing 2025-10'!W408:Y409")).toEqual([
    ['Day', 'Origin', 'Conversations started'],
    [expect.any(Date), 'Mensaje restante', 39],
  ]);
  const ranges = namedMonthRanges(rt) as Record<string, unknown>;
  expect(ranges['2025-10']).toEqual({
    groups: { sheet: 'Billing 2025-10', range: 'W5:X405' },
    campaigns: null,
    capacity: 400,
  });

  // Closing again with the range the sidebar remembered from before the growth still reads the whole table.
  rt.runFromSidebar('runMonthClose', {
    month: '2025-10',
    groups: { sheet: 'Billing 2025-10', range: 'W5:X305' },
  });
  expect(groupFormula()).toMatch(/^=BILLED_BY_GROUP\('Billing 2025-10'!W6:W405, 'Billing 2025-10'!X6:X405, /);
  expect(rt.spreadsheet.getValues("'Billing 2025-10'!A368:B368")[0]).toEqual(['Total', 350]);
});
