/**
 * Demo data for `npm start`: an Atom message log, group and campaign reports for October 2025, a spreadsheet (Spanish
 * locale, as most Atom customers') already connected to the fake Meta account, and a Billing sheet whose
 * formulas the runtime's formula engine computes with the real bundle, plus a chart drawn from its record, and a
 * Formulas sheet of the README's worked examples (demo-formulas.ts).
 */
import type { SetHistoryStoreRequest } from '../../src/rpc/contract';
import type { AppsScriptRuntime } from '../runtime';
import { seedFormulasSheet } from './demo-formulas';

const contacts = [
  '+57 300 123 4567',
  '+57 (301) 555-0101',
  '0057 302 777 8899',
  '+52 55 1234 5678',
  '+51 987 654 321',
];
const groups = ['Ventas', 'Soporte', 'Cobranza'];
// A day's traffic per contact: the customer writes, the business answers and sometimes sends templates.
const dayPattern: [hour: string, kind: string][] = [
  ['09:10', 'user'],
  ['09:20', 'service'],
  ['10:00', 'utility'],
  ['18:30', 'marketing'],
];

function messageLog(runtime: AppsScriptRuntime): unknown[][] {
  const rows: unknown[][] = [['Timestamp', 'Contact', 'Kind', 'Group']];
  for (let day = 1; day <= 15; day++) {
    const contact = (day * 7) % contacts.length;
    const date = `2025-10-${String(day).padStart(2, '0')}`;
    // Every third day the customer came from a click-to-WhatsApp ad, and the marketing send is skipped.
    const pattern =
      day % 3 === 0
        ? dayPattern.slice(0, 3).map(([h, k]): [string, string] => [h, k === 'user' ? 'user_ad' : k])
        : dayPattern;
    for (const [hour, kind] of pattern) {
      rows.push([runtime.sheetDate(`${date} ${hour}`), contacts[contact], kind, groups[day % groups.length]]);
    }
  }
  return rows;
}

export interface DemoConnection {
  wabaId: string;
  token: string;
  graphBaseUrl: string;
}

/** Sets a number format on every cell of `a1` as the user would from Format ▸ Number (seeding, not the bundle). */
function formatCells(runtime: AppsScriptRuntime, a1: string, numberFormat: string): void {
  const { sheet, box } = runtime.spreadsheet.locate(a1);
  for (let row = box.row; row < box.row + box.numRows; row++)
    for (let column = box.column; column < box.column + box.numColumns; column++)
      sheet.setCell(row, column, { value: '', ...sheet.cell(row, column), numberFormat });
}

/** `history`: the History setting an admin saves right after connecting (before September is closed). */
export function seedDemoSpreadsheet(
  runtime: AppsScriptRuntime,
  connection?: DemoConnection,
  history?: SetHistoryStoreRequest,
): void {
  const log = messageLog(runtime);
  const last = log.length;
  runtime.spreadsheet.setValues('Atom log!A1', log);
  runtime.spreadsheet.setValues('Atom groups!A1', [
    ['Group', 'Closed conversations'],
    ['Ventas', 412],
    ['Soporte', 1290],
    ['Cobranza', 87],
    ['', 3],
  ]);
  // Atom's outbound report: conversations each campaign generated (the Month close panel's campaigns range).
  runtime.spreadsheet.setValues('Atom campaigns!A1', [
    ['Campaign', 'Conversations'],
    ['Black Friday', 1180],
    ['Bienvenida', 430],
    ['Reactivación', 305],
    ['Recordatorio de pago', 95],
  ]);
  formatCells(runtime, `'Atom log'!A2:A${last}`, 'yyyy-mm-dd hh:mm');
  runtime.spreadsheet.activeSheet = runtime.spreadsheet.insertSheet('Billing', 0);
  if (connection) {
    runtime.runFromSidebar('saveConnection', connection);
    // BigQuery: the tables are created now, and September's close below loads its Meta rows there.
    if (history) runtime.runFromSidebar('setHistoryStore', history);
    // Last month's close, as finance ran it: the Month close panel proposes the same Atom ranges for October.
    runtime.runFromSidebar('runMonthClose', {
      month: '2025-09',
      groups: { sheet: 'Atom groups', range: 'A1:B5' },
      campaigns: { sheet: 'Atom campaigns', range: 'A1:B5' },
    });
    runtime.spreadsheet.activeSheet = runtime.spreadsheet.sheet('Billing');
  }

  const range = (column: string) => `'Atom log'!${column}2:${column}${last}`;
  const billing: [label: string, cell: string, formula: string][] = [
    ['Contactos únicos (log de Atom)', 'B1', `=BILLED_UNIQUE_CONTACTS(${range('B')})`],
    [
      'Unidades cobradas (reglas de Meta)',
      'B2',
      `=BILLED_CONVERSATIONS(${range('A')}, ${range('B')}, ${range('C')})`,
    ],
    ['Facturado por Meta, octubre 2025', 'B3', '=META_BILLED("2025-10-01", "2025-10-31")'],
    ['Costo Meta, octubre 2025', 'B4', '=META_COST("2025-10-01", "2025-10-31")'],
  ];
  for (const [label, cell, formula] of billing) {
    runtime.spreadsheet.setValues(`Billing!A${cell.slice(1)}`, [[label]]);
    runtime.spreadsheet.setFormula(`Billing!${cell}`, formula);
  }
  formatCells(runtime, 'Billing!B4', '#,##0.00');
  runtime.spreadsheet.setFormula(
    'Billing!A6',
    "=BILLED_BY_GROUP('Atom groups'!A2:A5, 'Atom groups'!B2:B5, B2)",
  );
  formatCells(runtime, 'Billing!C7:C11', '0.00##########%');
  runtime.spreadsheet.setFormula(
    'Billing!A13',
    `=BILLED_BREAKDOWN(${range('A')}, ${range('B')}, ${range('C')})`,
  );
  // A chart as the bundle would insert it: the group split as a pie (see the grid's chart view).
  runtime.spreadsheet.sheet('Billing').charts.push({
    chartId: runtime.spreadsheet.newChartId(),
    type: 'PIE',
    ranges: ['Billing!A7:A10', 'Billing!E7:E10'],
    options: { title: 'Unidades por grupo', 'legend.position': 'right' },
    position: { row: 1, column: 6, offsetX: 0, offsetY: 0 },
  });
  seedFormulasSheet(runtime);
  runtime.spreadsheet.activeSheet = runtime.spreadsheet.sheet('Billing');
}
