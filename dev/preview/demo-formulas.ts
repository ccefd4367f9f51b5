/**
 * The demo's "Formulas" sheet: each README example of a documented custom function (README.md, Formulas and
 * Rate cards), its inputs in columns A–D and the formula in column F over them, so a newcomer can edit an input or
 * the formula and see what changes. Scalar results have the README's answer beside them (column G).
 */
import type { AppsScriptRuntime } from '../runtime';

export interface FormulaExample {
  /** The function's signature, as the README's heading. */
  title: string;
  /** A header row, then the rows the formula reads. */
  inputs: string[][];
  /** Formulas over the inputs (`{A}`… stand for the input column's data rows), with the README's answer. */
  formulas: { formula: string; readme?: string }[];
  /** Rows the formula's table takes (a header, its lines, a Total row); 1 for a single value. */
  resultRows: number;
}

export const FORMULA_EXAMPLES: FormulaExample[] = [
  {
    title: 'BILLED_BY_GROUP(groups, closed_conversations, billed_total, [cost_total], [decimals])',
    inputs: [
      ['Group', 'Closed conversations'],
      ['Ventas', '2'],
      ['Soporte', '3'],
      ['Cobranza', '5'],
    ],
    formulas: [{ formula: '=BILLED_BY_GROUP({A}, {B}, 7, 10.01)' }],
    resultRows: 5,
  },
  {
    title: 'BILLED_BY_CAMPAIGN(campaigns, conversations, cost_total, [decimals])',
    inputs: [
      ['Campaign', 'Conversations'],
      ['Black Friday', '120'],
      ['Welcome', '50'],
      ['Black Friday', '30'],
      ['Reactivation', '100'],
    ],
    formulas: [{ formula: '=BILLED_BY_CAMPAIGN({A}, {B}, 1250.50)' }],
    resultRows: 5,
  },
  {
    title: 'BILLED_PROJECTION(dates, daily_billed, [as_of], [method])',
    inputs: [
      ['Date', 'Billed'],
      ['2025-11-01', '30'],
      ['2025-11-02', '0'],
      ['2025-11-03', '6'],
    ],
    formulas: [
      { formula: '=BILLED_PROJECTION({A}, {B})', readme: '360' },
      { formula: '=BILLED_PROJECTION({A}, {B}, , "trailing7")', readme: '360' },
      { formula: '=BILLED_PROJECTION({A}, {B}, , "weekday")', readme: '366' },
    ],
    resultRows: 1,
  },
  {
    title: 'BILLED_CONVERSATIONS(timestamps, contacts, kinds, [category], [lines])',
    inputs: [
      ['Timestamp', 'Contact', 'Kind'],
      ['2025-09-10 10:00', '+57 300 123 4567', 'user'],
      ['2025-09-10 11:00', '+57 300 123 4567', 'utility'],
      ['2025-09-10 11:30', '+57 300 123 4567', 'marketing'],
    ],
    formulas: [{ formula: '=BILLED_CONVERSATIONS({A}, {B}, {C})', readme: '1' }],
    resultRows: 1,
  },
  {
    title: 'BILLED_BREAKDOWN(timestamps, contacts, kinds, [lines])',
    inputs: [
      ['Timestamp', 'Contact', 'Kind'],
      ['2025-06-30 23:00', '+57 311 000 0002', 'marketing'],
      ['2025-06-30 23:30', '+57 311 000 0002', 'marketing'],
      ['2025-07-01 00:30', '+57 311 000 0002', 'marketing'],
      ['2025-07-01 01:00', '+57 311 000 0002', 'marketing'],
    ],
    formulas: [{ formula: '=BILLED_BREAKDOWN({A}, {B}, {C})' }],
    resultRows: 3,
  },
  {
    title:
      'BILLED_COST(timestamps, contacts, kinds, countries, [lines], [currency]) — BRL card of 2025-10-01',
    inputs: [
      ['Timestamp', 'Contact', 'Kind', 'Country'],
      ['2025-10-01 12:00', '+57 300 123 4567', 'utility', ''],
      ['2025-10-01 12:00', '+1 809 555 1234', 'marketing', ''],
      ['2025-10-02 09:00', '+52 55 1234 5678', 'marketing', 'MX'],
    ],
    formulas: [{ formula: '=BILLED_COST({A}, {B}, {C}, {D})', readme: '0.58' }],
    resultRows: 1,
  },
  {
    title: 'BILLED_UNIQUE_CONTACTS(contacts, [dates], [start], [end])',
    inputs: [['Contact'], ['+57 300 123 4567'], ['573001234567'], ['+52 55 1234 5678']],
    formulas: [{ formula: '=BILLED_UNIQUE_CONTACTS({A})', readme: '2' }],
    resultRows: 1,
  },
  {
    title: 'META_BILLED(start, end, [lines], [category]) and META_COST — the connected (fake) Meta account',
    inputs: [
      ['Start', 'End'],
      ['2025-10-01', '2025-10-31'],
    ],
    formulas: [
      { formula: '=META_BILLED("2025-10-01", "2025-10-31")' },
      { formula: '=META_BILLED({A}, {B}, , "marketing")' },
      { formula: '=META_COST("2025-10-01", "2025-10-31")' },
    ],
    resultRows: 1,
  },
  {
    title: 'META_RATE(market_or_country, category, [date], [currency]) — BRL card of 2025-10-01',
    inputs: [],
    formulas: [{ formula: '=META_RATE("CO", "utility", "2025-10-15", "BRL")', readme: '0.0095' }],
    resultRows: 1,
  },
  {
    title: 'META_ANALYTICS(start, end, [granularity], [dimensions], [lines])',
    inputs: [],
    formulas: [{ formula: '=META_ANALYTICS("2025-10-01", "2025-10-31", "DAILY", "category,type")' }],
    resultRows: 1,
  },
];

/** Where each example's formulas went: `Formulas!F3`… in the order of FORMULA_EXAMPLES' formulas. */
export function seedFormulasSheet(runtime: AppsScriptRuntime): string[] {
  const ss = runtime.spreadsheet;
  // Beside Billing, where a newcomer looks first.
  ss.insertSheet('Formulas', 1);
  ss.setValues('Formulas!A1', [
    [
      'Worked examples of README.md › Formulas: edit an input (A–D) or a formula (F) — double-click, Enter or type; Enter commits, Escape cancels',
    ],
  ]);
  const cells: string[] = [];
  let row = 3;
  for (const example of FORMULA_EXAMPLES) {
    ss.setValues(`Formulas!A${row}`, [[example.title]]);
    const top = row + 1;
    if (example.inputs.length) ss.setValues(`Formulas!A${top}`, example.inputs);
    const last = top + example.inputs.length - 1;
    // One input row is a cell reference, as the README writes it (`=META_BILLED(B1, B2, …)`).
    const columnRange = (column: string) =>
      top + 1 === last ? `${column}${last}` : `${column}${top + 1}:${column}${last}`;
    example.formulas.forEach(({ formula, readme }, i) => {
      const cell = `F${top + i}`;
      ss.setFormula(
        `Formulas!${cell}`,
        formula.replace(/\{([A-D])\}/g, (_m, column: string) => columnRange(column)),
      );
      if (readme) ss.setValues(`Formulas!G${top + i}`, [[`README: ${readme}`]]);
      cells.push(`Formulas!${cell}`);
    });
    row = top + Math.max(example.inputs.length, example.formulas.length, example.resultRows) + 1;
  }
  return cells;
}
