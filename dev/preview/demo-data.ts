/** Demo data for `npm start`: a small Atom conversations export, so the formulas have something to read. */
import type { AppsScriptRuntime } from '../runtime';

const contacts = [
  '+57 300 123 4567',
  '573001234567',
  '+57 (301) 555-0101',
  '0057 302 777 8899',
  '+52 55 1234 5678',
];

export function seedDemoSpreadsheet(runtime: AppsScriptRuntime): void {
  const rows: unknown[][] = [['Contact', 'Date', 'Group']];
  for (let i = 0; i < 12; i++) {
    rows.push([
      contacts[i % contacts.length],
      runtime.sheetDate(`2025-10-${String(1 + i * 2).padStart(2, '0')}`),
      ['Ventas', 'Soporte', 'Cobranza'][i % 3],
    ]);
  }
  runtime.spreadsheet.setValues('Atom export!A1', rows);
  runtime.spreadsheet.setFormula(
    'Atom export!E2',
    '=BILLED_UNIQUE_CONTACTS(A2:A13, B2:B13, "2025-10-01", "2025-10-31")',
    runtime.runCustomFunction(
      'BILLED_UNIQUE_CONTACTS',
      runtime.range('Atom export!A2:A13'),
      runtime.range('Atom export!B2:B13'),
      '2025-10-01',
      '2025-10-31',
    ) as number,
  );
}
