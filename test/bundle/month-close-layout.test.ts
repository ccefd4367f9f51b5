/**
 * Readability of the Billing sheet (issue 16 point 8): the group and campaign split right under the KPI block in
 * sized columns, exact quotients shown without a trailing separator, and a sheet of the older layout (splits at
 * J8/R8) rewritten cleanly by the next import.
 */
import { connectedRuntime, DATASET, useGraph } from './meta-helpers';
import { runImport, seedAtomSheets, WITH_ATOM } from './month-close-helpers';
import { expectedTotals } from '../../dev/fake-graph/generator';

jest.setTimeout(180_000);

const server = useGraph();
const OCT = expectedTotals(DATASET, { fromDay: 20251001, toDay: 20251031 });
const SHEET = "'Billing 2025-10'";

function imported(locale?: string) {
  const { rt } = connectedRuntime(server(), locale ? { locale } : {});
  seedAtomSheets(rt);
  runImport(rt, { month: '2025-10', ...WITH_ATOM });
  return rt;
}

describe('the split where finance looks first', () => {
  it('sits right under the KPI block, groups at A16 and campaigns beside them, in sized columns', () => {
    const rt = imported();
    expect(rt.spreadsheet.getValues(`${SHEET}!A14:A17`).map((r) => r[0])).toEqual([
      'Unique contacts',
      '',
      'Split by group (Atom: closed conversations)',
      'Group',
    ]);
    expect(rt.spreadsheet.getValues(`${SHEET}!I16:I17`)).toEqual([
      ['Split by campaign (Atom: outbound conversations)'],
      ['Campaign'],
    ]);
    const sheet = rt.spreadsheet.getSheet('Billing 2025-10')!;
    const widths = Array.from({ length: 13 }, (_, i) => sheet.columnWidths.get(i + 1));
    expect(widths).toEqual([240, 110, 110, 110, 110, 110, 110, 24, 200, 110, 110, 110, 110]);
  });

  it('"Billed exact" shows a whole Total without a trailing separator, and fractions with their digits', () => {
    for (const [locale, total, fraction] of [
      ['en_US', OCT.billable.toLocaleString('en-US', { minimumFractionDigits: 1 }), '.'],
      ['es_CO', OCT.billable.toLocaleString('es-CO', { minimumFractionDigits: 1 }), ','],
    ] as const) {
      const rt = imported(locale);
      const exact = rt.spreadsheet.getValues(`${SHEET}!D18:D21`).map((r) => r[0] as number);
      const shown = rt.spreadsheet.getDisplayValues(`${SHEET}!D18:D21`).map((r) => r[0]);
      expect(exact[3]).toBe(OCT.billable);
      expect(shown[3]).toBe(total);
      expect(shown[3]).not.toMatch(/[.,]$/);
      // A share of 2:3:5 that is not whole keeps its decimals (up to ten).
      shown.forEach((text, i) => {
        const decimals = text.split(fraction)[1] ?? '';
        expect(decimals.length).toBe(Number.isInteger(exact[i]) ? 1 : String(exact[i]).split('.')[1].length);
      });
    }
  });
});

it('an older Billing sheet (splits at J8/R8) is rewritten cleanly by the next import', () => {
  const rt = imported();
  // What the older layout left: the split's title and formula at J8/J9 and R8/R9, the daily table's E:H.
  rt.spreadsheet.setValues(`${SHEET}!J8:J9`, [['Split by group (Atom: closed conversations)'], ['=1+1']]);
  rt.spreadsheet.setValues(`${SHEET}!R8:V9`, [
    ['Split by campaign', '', '', '', ''],
    ['=2+2', 'x', 'y', 'z', 'w'],
  ]);
  rt.spreadsheet.setValues(`${SHEET}!E30:H30`, [['2025-10-27', 1, 2, 3]]);
  runImport(rt, { month: '2025-10', ...WITH_ATOM });
  // O:R is the daily table now.
  const left = [...rt.spreadsheet.getValues(`${SHEET}!J8:N9`), ...rt.spreadsheet.getValues(`${SHEET}!S8:V9`)];
  expect(left.flat().filter((v) => v !== '')).toEqual([]);
  expect(
    rt.spreadsheet
      .getFormulas(`${SHEET}!J9:V9`)
      .flat()
      .filter((v) => v !== ''),
  ).toEqual([]);
  expect(rt.spreadsheet.getValues(`${SHEET}!E30:H30`)).toEqual([['', '', '', '']]);
  expect(rt.spreadsheet.getFormulas(`${SHEET}!A17`)[0][0]).toMatch(/^=BILLED_BY_GROUP\(/);
  expect(rt.spreadsheet.getValues(`${SHEET}!A21`)).toEqual([['Total']]);
});

describe('"Meta data": the tier range beside the stored columns', () => {
  it('every row shows a readable range, in the spreadsheet language', () => {
    const rt = imported('es_CO');
    const rows = rt.spreadsheet.getValues(`'Meta data'!A1:L${OCT.records + 1}`);
    expect(rows[0][11]).toBe('Rango del nivel');
    const pairs = new Map(rows.slice(1).map((r) => [r[6], r[11]]));
    expect(pairs.get('0:MAX')).toBe('cualquier volumen');
    for (const [code, label] of pairs) {
      if (code === '0:MAX' || code === '') continue;
      const [lower, upper] = String(code).split(':');
      const es = (n: string) => Number(n).toLocaleString('es-CO');
      expect(label).toBe(upper === 'MAX' ? `${es(lower)}+` : `${es(lower)}–${es(upper)}`);
    }
  });

  it('a sheet of the older layout (11 columns) gets the column on every row, other months included', () => {
    const { rt } = connectedRuntime(server());
    runImport(rt, { month: '2025-09' });
    runImport(rt, { month: '2025-10' });
    const sheet = rt.spreadsheet.getSheet('Meta data')!;
    const total = sheet.lastRow;
    // What a version before the tier range left: 11 columns.
    sheet.deleteColumns(12, 1);
    runImport(rt, { month: '2025-10' });
    expect(sheet.maxColumns).toBe(12);
    expect(sheet.lastRow).toBe(total);
    const rows = rt.spreadsheet.getValues(`'Meta data'!A1:L${total}`);
    expect(rows[0][11]).toBe('Tier range');
    expect(rows.slice(1).filter((r) => r[11] === '' && r[6] !== '')).toEqual([]);
    // September was not re-imported, and has its ranges too.
    expect(rt.spreadsheet.getDisplayValues(`'Meta data'!A2`)[0][0]).toMatch(/^2025-09-/);
    expect(new Set(rows.slice(1).map((r) => `${r[6]} ${r[11]}`))).toContain('0:750000 0–750,000');
  });
});
