/**
 * Issue 16.3: the preview grid is editable like a sheet — a formula typed in a cell runs through the formula engine
 * and the bundle's custom functions, a failing one shows #ERROR! with its message on hover — and the demo's
 * Formulas sheet shows each README example with the README's value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BRL_OCTOBER } from '../bundle/rate-helpers';
import { demoInChromium, importRateCardInSidebar } from '../support/browser';

jest.setTimeout(120_000);

const session = demoInChromium();
let page: Page;

/** The grid's cell (1-based row and column; the table's first row and column are the headers). */
const cell = (row: number, column: number): string =>
  `#sheet tr:nth-child(${row + 1}) td:nth-child(${column + 1})`;

/** Waits until the cell's text (its display value, then its formula and format) starts with `display`. */
async function waitForCell(row: number, column: number, display: string): Promise<string> {
  const handle = await page.waitForFunction(
    ([selector, text]) => {
      const td = document.querySelector(selector);
      return td && !td.querySelector('input') && td.textContent!.startsWith(text) ? td : null;
    },
    [cell(row, column), display] as const,
  );
  return (await handle.evaluate((td) => (td as HTMLElement).textContent)) ?? '';
}

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(session.demo.preview.url);
  await page.click('#tabs button:has-text("Formulas")');
  await page.locator('#tabs [aria-selected="true"]', { hasText: 'Formulas' }).waitFor();
  await waitForCell(4, 6, 'Grupo');
});

afterAll(async () => {
  await page.close();
});

it('computes a formula typed in an empty cell: a custom function by the bundle, a built-in by the engine', async () => {
  // H3 is empty: select it and type, as in Sheets (the first key opens the editor).
  await page.click(cell(3, 8));
  await page.keyboard.type('=BILLED_PROJECTION(A19:A21, B19:B21, , "weekday")');
  await page.keyboard.press('Enter');
  expect(await waitForCell(3, 8, '366')).toBe('366=BILLED_PROJECTION(A19:A21, B19:B21, , "weekday")');
  const ss = session.demo.preview.runtime.spreadsheet;
  expect(ss.getValues('Formulas!H3')).toEqual([[366]]);
  // Enter moved the selection down, as in Sheets, and the spreadsheet's active range followed.
  await page.locator(`${cell(4, 8)}.selected`).waitFor();
  // The selection reaches the server by its own request: wait for it.
  for (let i = 0; i < 50 && ss.activeRange().box.row !== 4; i++) await page.waitForTimeout(50);
  expect(ss.activeRange().box).toMatchObject({ row: 4, column: 8, numRows: 1, numColumns: 1 });

  // A built-in over the same inputs, started with Enter on the selected cell; typed in English syntax.
  await page.click(cell(3, 9));
  await page.keyboard.press('Enter');
  await page.keyboard.type('=SUM(B19:B21)*10');
  await page.keyboard.press('Enter');
  expect(await waitForCell(3, 9, '360')).toBe('360=SUM(B19:B21)*10');

  // Double-click opens the editor on the formula; Escape leaves the cell as it was.
  await page.dblclick(cell(3, 8));
  const editor = page.getByLabel('Cell editor');
  expect(await editor.inputValue()).toBe('=BILLED_PROJECTION(A19:A21, B19:B21, , "weekday")');
  await editor.fill('=1/0');
  await page.keyboard.press('Escape');
  expect(await waitForCell(3, 8, '366')).toMatch(/^366=BILLED_PROJECTION/);
  expect(ss.getFormulas('Formulas!H3')).toEqual([['=BILLED_PROJECTION(A19:A21, B19:B21, , "weekday")']]);
});

it('shows #ERROR! with the named error on hover for bad input, and the value again once it is fixed', async () => {
  // Soporte's closed conversations (B6) typed as a negative count: BILLED_BY_GROUP in F4 names the row.
  await page.dblclick(cell(6, 2));
  await page.getByLabel('Cell editor').fill('-5');
  await page.keyboard.press('Enter');
  expect(await waitForCell(4, 6, '#ERROR!')).toMatch(/^#ERROR!=BILLED_BY_GROUP/);
  const message = 'BILLED_BY_GROUP: closed_conversations row 2 is negative (-5)';
  expect(await page.getAttribute(cell(4, 6), 'title')).toBe(message);
  expect(await page.getAttribute(cell(4, 6), 'class')).toBe('formula error');
  await page.hover(cell(4, 6));

  // A value typed in the spreadsheet's locale (es_CO: "," decimals) is read as a number, as Sheets does.
  await page.click(cell(6, 2));
  await page.keyboard.type('3,0');
  await page.keyboard.press('Enter');
  await waitForCell(4, 6, 'Grupo');
  expect(await page.getAttribute(cell(4, 6), 'title')).toBeNull();
  expect(session.demo.preview.runtime.spreadsheet.getValues('Formulas!B6')).toEqual([[3]]);
});

it("shows each README example's value on the Formulas sheet", async () => {
  await waitForCell(5, 9, '1');
  // Every single-value example has the README's answer beside it (column G): the grid shows the same (es_CO).
  const pairs = await page.$$eval('#sheet tr', (rows) =>
    rows.flatMap((tr) => {
      const cells = (tr as HTMLTableRowElement).cells;
      const readme = cells[7]?.textContent ?? '';
      return readme.startsWith('README: ')
        ? [[cells[6].firstChild?.textContent ?? '', readme.slice('README: '.length)]]
        : [];
    }),
  );
  expect(pairs.map(([, readme]) => readme)).toEqual(['360', '360', '366', '1', '0.58', '2', '0.0095']);
  for (const [shown, readme] of pairs) expect(shown).toBe(readme.replace('.', ','));
  // …and those answers are the README's own (META_RATE's is the fixture card's Colombia utility rate).
  const text = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  for (const [, readme] of pairs)
    expect(text).toMatch(new RegExp(`(returns|utility) ${readme.replace('.', '\\.')}\\b`));

  // The tables, as the README prints them (values read back from the emulated spreadsheet).
  const ss = session.demo.preview.runtime.spreadsheet;
  expect(ss.getValues('Formulas!F5:L8')).toEqual([
    ['Ventas', 2, 0.2, 1.4, 1, 2.002, 2],
    ['Soporte', 3, 0.3, 2.1, 2, 3.003, 3],
    ['Cobranza', 5, 0.5, 3.5, 4, 5.005, 5.01],
    ['Total', 10, 1, 7, 7, 10.01, 10.01],
  ]);
  const campaigns = ss.getValues('Formulas!F12:J15');
  expect(campaigns.map((r) => [r[0], r[1], r[4]])).toEqual([
    ['Black Friday', 150, 625.25],
    ['Welcome', 50, 208.42],
    ['Reactivation', 100, 416.83],
    ['Total', 300, 1250.5],
  ]);
  expect(ss.getDisplayValues('Formulas!F31:J32')).toEqual([
    ['2025-06-30', 'conversation', 'marketing', '1', '0'],
    ['2025-07-01', 'message', 'marketing', '2', '0'],
  ]);
  // The META_* examples answer from the connected fake account, as the Billing sheet's formulas do.
  expect(ss.getValues('Formulas!F49')).toEqual(ss.getValues('Billing!B3'));
  expect(ss.getValues('Formulas!F51')).toEqual(ss.getValues('Billing!B4'));
  expect(ss.getValues('Formulas!F57:G57')).toEqual([['Día', 'Categoría']]);
});

describe('without a rate card (npm start -- --no-cost)', () => {
  const noCost = demoInChromium({ costAvailable: false });

  it('BILLED_COST names the card to import, and computes once the formula is committed again after the import', async () => {
    const p = await noCost.browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await p.goto(noCost.demo.preview.url);
      await p.click('#tabs button:has-text("Formulas")');
      const costCell = `#sheet tr:nth-child(38) td:nth-child(7)`;
      await p.locator(costCell, { hasText: '#ERROR!' }).waitFor();
      expect(await p.getAttribute(costCell, 'title')).toMatch(
        /^BILLED_COST: no BRL rate card covers 2025-10-01/,
      );
      const sidebar = (await (await p.waitForSelector('iframe#sidebar')).contentFrame())!;
      await importRateCardInSidebar(sidebar, BRL_OCTOBER);
      // The grid redraws after the import: a double-click on the cell being replaced opens no editor, so retry.
      const editor = p.getByLabel('Cell editor');
      for (let i = 0; i < 20 && !(await editor.isVisible()); i++) {
        await p.dblclick(costCell);
        await p.waitForTimeout(100);
      }
      await editor.waitFor();
      await p.keyboard.press('Enter');
      await p.locator(costCell, { hasText: /^0,58=BILLED_COST/ }).waitFor();
      expect(await p.getAttribute(costCell, 'title')).toBeNull();
    } finally {
      await p.close();
    }
  });
});
