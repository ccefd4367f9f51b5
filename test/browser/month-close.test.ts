/**
 * The Month close panel end to end: the built sidebar in Chromium, google.script.run through the preview's
 * bridge to the built bundle in the offline runtime, Meta answered by the fake Graph server. The runtime's
 * clock is 10 November 2025 (Bogotá), so October 2025 is closed and November 2025 is the open month.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph';
import { createDataset, expectedTotals } from '../../dev/fake-graph/generator';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { manualClock } from '../../dev/runtime';
import { launchChromium } from '../../dev/chromium';
import { campaignsCsv } from '../bundle/atom-helpers';

const TOKEN = 'EAAG-month-close-Zq42';
const NOW = Date.UTC(2025, 10, 10, 15, 0); // 2025-11-10 10:00 in Bogotá
const dataset = createDataset({ lastDay: 20251109 });
const SCRIPT_TAG = '<img src=x onerror=alert(1)>';
const OCTOBER_CAMPAIGNS = "'Billing 2025-10'!Y5:Z305";

// Each test drives several imports through the runtime and Chromium.
jest.setTimeout(120_000);

let browser: Browser;
let graph: FakeGraphServer;

beforeAll(async () => {
  [browser, graph] = await Promise.all([
    launchChromium(),
    startFakeGraphServerProcess({ token: TOKEN, lastDay: 20251109 }),
  ]);
});

afterAll(async () => {
  await Promise.all([browser.close(), graph.close()]);
});

afterEach(async () => {
  await graph.clearFaults();
});

interface Session {
  preview: Preview;
  page: Page;
  sidebar: Frame;
  /** Everything the page said through alert() or printed as an error. */
  dialogs: string[];
  close(): Promise<void>;
}

function seedAtomReports(preview: Preview, groupName = 'Ventas'): void {
  preview.runtime.spreadsheet.setValues("'Atom groups'!A1", [
    ['Group', 'Closed conversations'],
    [groupName, 412],
    ['Soporte', 1290],
    ['Cobranza', 87],
  ]);
  preview.runtime.spreadsheet.setValues("'Atom campaigns'!A1", [
    ['Campaign', 'Conversations'],
    ['Black Friday', 1180],
    ['Bienvenida', 430],
  ]);
}

async function open(
  options: { locale?: string; spreadsheetLocale?: string; connected?: boolean; groupName?: string } = {},
): Promise<Session> {
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email: 'ana@example.com', locale: options.locale ?? 'en' },
      spreadsheet: {
        name: 'Cierre',
        timeZone: 'America/Bogota',
        locale: options.spreadsheetLocale ?? 'en_US',
      },
      clock: manualClock(NOW),
    },
  });
  seedAtomReports(preview, options.groupName);
  if (options.connected !== false)
    preview.runtime.runFromSidebar('saveConnection', {
      wabaId: dataset.waba.id,
      token: TOKEN,
      graphBaseUrl: graph.url,
    });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(preview.url);
  const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
  await sidebar.waitForSelector('[role="tab"]');
  return {
    preview,
    page,
    sidebar,
    dialogs,
    close: async () => {
      await page.close();
      await preview.close();
    },
  };
}

const panel = '[data-panel="monthClosePanel"]';

/** Retries `read` until it equals `expected` (the page and the runtime settle asynchronously), then asserts. */
async function eventually<T>(read: () => T | Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  expect(value).toEqual(expected);
}

async function openMonthClose(sidebar: Frame): Promise<void> {
  await sidebar.getByRole('tab', { name: 'Month close' }).click();
  await sidebar.getByLabel('Month', { exact: true }).waitFor();
}

/** Selects cells in the preview's grid as a user would: click the first, shift-click the last. */
async function selectInGrid(session: Session, sheet: string, from: [number, number], to: [number, number]) {
  const { page, preview } = session;
  await page.click(`#tabs [role="tab"]:text-is("${sheet}")`);
  const cell = ([row, column]: [number, number]) =>
    `#sheet tr:nth-child(${row + 1}) > :nth-child(${column + 1})`;
  await page.click(cell(from));
  await page.click(cell(to), { modifiers: ['Shift'] });
  await eventually(() => {
    const { sheet: s, box } = preview.runtime.spreadsheet.activeRange();
    return [s.name, box.row, box.column, box.numRows, box.numColumns];
  }, [sheet, from[0], from[1], to[0] - from[0] + 1, to[1] - from[1] + 1]);
}

/** Imports `month` and returns the result card's text once the import is in the ledger and the card shown. */
async function importMonth(session: Session, month: string, label: string): Promise<string> {
  const { sidebar, preview } = session;
  const ledgerRows = () => preview.runtime.spreadsheet.getSheet('Imports')?.lastRow ?? 0;
  const before = ledgerRows();
  await sidebar.getByLabel('Month', { exact: true }).fill(month);
  await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
  await eventually(() => ledgerRows() > before, true, 60_000);
  await eventually(() => sidebar.textContent(`${panel} [role="status"]`), `Imported ${label}.`);
  return (await sidebar.locator(`${panel} [data-section="result"]`).textContent()) ?? '';
}

/** The sheet as the grid shows it (display values), read from the emulated spreadsheet. */
function sheetValues(preview: Preview, name: string): string[][] {
  const sheet = preview.runtime.spreadsheet.sheet(name);
  if (!sheet.lastRow) return [];
  return preview.runtime.spreadsheet.getDisplayValues(
    `'${name}'!A1:${String.fromCharCode(64 + Math.min(sheet.lastColumn, 26))}${sheet.lastRow}`,
  );
}

function formulasOf(preview: Preview, name: string): string[] {
  const sheet = preview.runtime.spreadsheet.sheet(name);
  const formulas: string[] = [];
  for (let row = 1; row <= sheet.lastRow; row++)
    for (let column = 1; column <= sheet.lastColumn; column++) {
      const formula = sheet.cell(row, column)?.formula;
      if (formula) formulas.push(formula);
    }
  return formulas;
}

describe('Month close panel', () => {
  it('connects, imports a closed month and the open month, and shows the result and the sheets', async () => {
    const session = await open({ connected: false });
    const { sidebar, preview, page } = session;
    try {
      await sidebar.getByLabel('WhatsApp Business Account id').fill(dataset.waba.id);
      await sidebar.getByLabel('System user access token').fill(TOKEN);
      await sidebar.getByText('Advanced').click();
      await sidebar.getByLabel('Graph address').fill(graph.url);
      await sidebar.getByRole('button', { name: 'Connect' }).click();
      await sidebar.getByText('Connected.', { exact: true }).waitFor();

      await openMonthClose(sidebar);
      // 10 November: past the first 5 days, so the current month is proposed.
      expect(await sidebar.getByLabel('Month', { exact: true }).inputValue()).toBe('2025-11');
      await selectInGrid(session, 'Atom groups', [1, 1], [4, 2]);
      await sidebar.getByRole('button', { name: 'Use selection for Groups range' }).click();
      await eventually(() => sidebar.getByLabel(/^Groups range/).inputValue(), "'Atom groups'!A1:B4");
      await sidebar.getByLabel(/^Campaigns range/).fill("'Atom campaigns'!A1:B3");

      const october = expectedTotals(dataset, { fromDay: 20251001, toDay: 20251031 });
      const closed = await importMonth(session, '2025-10', 'October 2025');
      expect(closed).toContain('October 2025');
      expect(closed).toContain('Closed');
      expect(closed).toContain(
        `Billed units${october.billable.toLocaleString('en-US')} delivered template messages`,
      );
      expect(closed).toContain('First import of this month.');
      expect(closed).not.toContain('Projected month end');
      expect(await sidebar.$$eval(`${panel} .chart polyline.projected`, (p) => p.length)).toBe(0);

      // The sheets the import wrote: Meta data rows of October, the summary with live split formulas, the ledger.
      const summary = sheetValues(preview, 'Billing 2025-10');
      expect(summary.flat()).toContain(october.billable.toLocaleString('en-US'));
      expect(formulasOf(preview, 'Billing 2025-10')).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^=BILLED_BY_GROUP\('Atom groups'!A2:A4, 'Atom groups'!B2:B4, /),
          expect.stringMatching(/^=BILLED_BY_CAMPAIGN\('Atom campaigns'!A2:A3, 'Atom campaigns'!B2:B3, /),
        ]),
      );
      expect(summary.flat()).toEqual(
        expect.arrayContaining(['Ventas', 'Soporte', 'Cobranza', 'Black Friday']),
      );
      const data = sheetValues(preview, 'Meta data');
      expect(data.slice(1).every((row) => row[0].startsWith('2025-10'))).toBe(true);
      expect(data.length - 1).toBe(october.records);
      expect(sheetValues(preview, 'Imports')).toHaveLength(2);

      // The result card's links activate the sheets, and the grid follows.
      await sidebar.getByRole('button', { name: 'Open Meta data' }).click();
      await eventually(() => preview.runtime.spreadsheet.activeSheet.name, 'Meta data');
      await page.waitForSelector('#tabs [aria-selected="true"]:text-is("Meta data")');

      // The open month: an estimate with a projection and the projected line on the chart.
      const open = await importMonth(session, '2025-11', 'November 2025');
      expect(open).toContain('November 2025');
      expect(open).toContain('Estimate');
      expect(open).toContain('Projected month end');
      expect(await sidebar.$$eval(`${panel} .chart polyline.projected`, (p) => p.length)).toBe(1);
      expect(await sidebar.textContent(`${panel} .chart title`)).toBe(
        'Cumulative billed units, November 2025',
      );
      expect(
        sheetValues(preview, 'Meta data')
          .slice(1)
          .some((row) => row[0].startsWith('2025-10')),
      ).toBe(true);

      // October again: Meta's figures did not move, and the card says so; the ledger has a third row.
      const again = await importMonth(session, '2025-10', 'October 2025');
      expect(again).toContain('No change since the previous import.');
      expect(sheetValues(preview, 'Imports')).toHaveLength(4);
      const lastImports = (await sidebar.textContent(`${panel} [data-section="last-imports"]`)) ?? '';
      expect(lastImports).toContain('November 2025');
      expect(lastImports).toContain('October 2025');
    } finally {
      await session.close();
    }
  });

  it('shows the drift when Meta’s figures changed since the previous import of the month', async () => {
    const session = await open();
    const { sidebar } = session;
    try {
      await openMonthClose(sidebar);
      // Meta had nothing yet for October at the first import (late data), everything at the second.
      await graph.setFault({ kind: 'emptyData', times: 'always', pathIncludes: 'analytics' });
      const early = await importMonth(session, '2025-10', 'October 2025');
      expect(early).toContain('Billed units0 delivered template messages');
      await graph.clearFaults();
      const late = await importMonth(session, '2025-10', 'October 2025');
      const october = expectedTotals(dataset, { fromDay: 20251001, toDay: 20251031 });
      expect(late).toContain(`Billed units +${october.billable.toLocaleString('en-US')} (was 0)`);
      expect(late).toMatch(/Cost \+[\d,]+\.\d{2} \(was 0\.00 BRL\)/);
    } finally {
      await session.close();
    }
  });

  it('shows the progress while an import runs against a slow Meta, then the result card', async () => {
    const session = await open();
    const { sidebar } = session;
    try {
      await openMonthClose(sidebar);
      await graph.setFault({ kind: 'slow', times: 'always', delayMs: 2000, pathIncludes: 'analytics' });
      // The runtime blocks this thread while the import runs (as an execution blocks), so the page records what
      // its status line and progress bar showed meanwhile.
      await sidebar.evaluate((root) => {
        const shown: string[] = [];
        (window as unknown as { shown: string[] }).shown = shown;
        new MutationObserver(() => {
          const bar = document.querySelector(`${root} progress`);
          const line = `${document.querySelector(`${root} [role="status"]`)?.textContent ?? ''}${
            bar ? ` [${bar.getAttribute('value')}/${bar.getAttribute('max')}]` : ''
          }`;
          if (line !== shown[shown.length - 1]) shown.push(line);
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }, panel);
      const october = await importMonth(session, '2025-10', 'October 2025');
      expect(october).toContain('Closed');
      const shown = await sidebar.evaluate(() => (window as unknown as { shown: string[] }).shown);
      const progress = shown.filter((line) => / \[\d\/4\]$/.test(line));
      expect(progress[0]).toBe('Fetching Meta data… 1/4 [1/4]');
      // Later polls may land in the writes; whatever they saw came in the import's order.
      const order = ['Fetching Meta data… 1/4 [1/4]', 'Computing the month… [2/4]', 'Writing sheets… [3/4]'];
      expect(progress.map((line) => order.indexOf(line))).toEqual(
        [...progress.map((line) => order.indexOf(line))].sort((a, b) => a - b),
      );
      expect(progress.every((line) => order.includes(line))).toBe(true);
      expect(shown[shown.length - 1]).toBe('Imported October 2025.');
    } finally {
      await session.close();
    }
  });

  it('shows an expired token in plain words and changes nothing in the spreadsheet', async () => {
    const session = await open();
    const { sidebar, preview } = session;
    try {
      await openMonthClose(sidebar);
      const before = JSON.stringify(
        preview.runtime.spreadsheet.sheets.map((s) => [s.name, sheetValues(preview, s.name)]),
      );
      // A range without its sheet is refused in the sidebar, in plain words, before anything is asked of Meta.
      await sidebar.getByLabel(/^Groups range/).fill('A1:B4');
      await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
      expect(await sidebar.textContent(`${panel} [role="status"].error`)).toBe(
        "Groups range: write the range as Sheet!A1:B20 (quote a sheet name with spaces: 'Atom groups'!A1:B20).",
      );
      // One the server cannot find is refused by the server, also in plain words.
      await sidebar.getByLabel(/^Groups range/).fill("'No such sheet'!A1:B4");
      await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
      await sidebar.locator(`${panel} [role="status"].error`, { hasText: 'No such sheet' }).waitFor();
      await sidebar.getByLabel(/^Groups range/).fill('');
      await graph.setFault({ kind: 'token190', times: 'always' });
      await sidebar.getByLabel('Month', { exact: true }).fill('2025-10');
      await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
      const status = sidebar.locator(`${panel} [role="status"].error`);
      await status.waitFor();
      expect(await status.textContent()).toMatch(/Meta token expired or revoked — ask an admin to reconnect/);
      expect(await sidebar.$$(`${panel} [data-section="result"]`)).toHaveLength(0);
      const after = JSON.stringify(
        preview.runtime.spreadsheet.sheets.map((s) => [s.name, sheetValues(preview, s.name)]),
      );
      expect(after).toBe(before);
      // The form is usable again.
      expect(await sidebar.getByRole('button', { name: 'Import', exact: true }).isEnabled()).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('reads the cost to allocate in a Colombian sheet, refuses an ambiguous one, and a cleared field returns to Meta’s cost (issue 16.6)', async () => {
    const session = await open({ spreadsheetLocale: 'es_CO' });
    const { sidebar, preview, page } = session;
    try {
      await openMonthClose(sidebar);
      const cost = sidebar.getByLabel('Cost to allocate (BRL)');
      expect(await sidebar.textContent(`${panel} #${await cost.getAttribute('aria-describedby')}`)).toBe(
        'The invoiced amount to split across groups and campaigns, e.g. 1.250,50. Blank: Meta’s cost.',
      );
      const importButton = sidebar.getByRole('button', { name: 'Import', exact: true });
      const error = sidebar.locator(`${panel} [role="status"].error`);
      await cost.fill('7.500');
      await importButton.click();
      expect(await error.textContent()).toBe(
        'Cost to allocate: “7.500” could be 7.500,00 or 7,50 — write it with its decimals, as one of those.',
      );
      await cost.fill('7,500.25');
      await importButton.click();
      await error.filter({ hasText: '“7,500.25”' }).waitFor();
      expect(await error.textContent()).toBe(
        'Cost to allocate: “7,500.25” is not an amount — write it as 1.250,50 (this spreadsheet’s format) or 1250.50.',
      );
      expect(preview.runtime.spreadsheet.getSheet('Imports')).toBeUndefined();

      await cost.fill('7.500,25');
      const typed = await importMonth(session, '2025-10', 'October 2025');
      expect(typed).toContain('Cost to allocate7.500,25 BRL (typed in the sidebar)');
      const ledger = () => sheetValues(preview, 'Imports').map((row) => row.slice(15, 17));
      expect(ledger()).toEqual([
        ['Costo a distribuir', 'Origen del costo a distribuir'],
        ['7.500,25', 'escrito en la barra lateral'],
      ]);

      // A new sidebar proposes the amount in effect for October, the sheet's way: blank would mean Meta's cost.
      await page.reload();
      session.sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
      await openMonthClose(session.sidebar);
      const field = session.sidebar.getByLabel('Cost to allocate (BRL)');
      expect(await field.inputValue()).toBe('');
      await session.sidebar.getByLabel('Month', { exact: true }).fill('2025-10');
      expect(await field.inputValue()).toBe('7.500,25');

      await field.fill('');
      const cleared = await importMonth(session, '2025-10', 'October 2025');
      expect(cleared).toContain('(Meta’s cost)');
      expect(cleared).not.toContain('typed in the sheet');
      expect(formulasOf(preview, 'Billing 2025-10')).toContain('=B5');
      const metaCost = preview.runtime.spreadsheet.getDisplayValues("'Billing 2025-10'!B5")[0][0];
      expect(ledger()[2]).toEqual([metaCost, 'costo de Meta']);
      expect(session.dialogs).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('the daily refresh’s hour says why it is off (issue 16.7)', async () => {
    const session = await open();
    const { sidebar } = session;
    try {
      await openMonthClose(sidebar);
      await sidebar.getByText('Daily refresh', { exact: true }).click();
      const hour = sidebar.getByLabel(/^Hour/);
      expect(await hour.isDisabled()).toBe(true);
      const why = 'Tick “Re-import the open month every day” to choose the hour.';
      expect(await hour.getAttribute('title')).toBe(why);
      expect(await sidebar.textContent(`#${await hour.getAttribute('aria-describedby')}`)).toBe(why);
      await sidebar.getByLabel('Re-import the open month every day').check();
      expect(await hour.isEnabled()).toBe(true);
      expect(await hour.getAttribute('aria-describedby')).toBeNull();
    } finally {
      await session.close();
    }
  });

  it(`shows a group named ${SCRIPT_TAG} as text, in the sidebar and in the grid`, async () => {
    const session = await open({ groupName: SCRIPT_TAG, locale: 'es_CO' });
    const { sidebar, preview, page } = session;
    try {
      // The groups sheet is named like the group too, so the range field shows it.
      preview.runtime.spreadsheet.sheet('Atom groups').name = SCRIPT_TAG;
      await sidebar.getByRole('tab', { name: 'Cierre de mes' }).click();
      await sidebar.getByLabel('Mes', { exact: true }).fill('2025-10');
      await sidebar.getByLabel(/^Rango de grupos/).fill(`'${SCRIPT_TAG}'!A1:B4`);
      await sidebar.getByRole('button', { name: 'Importar' }).click();
      await sidebar.locator(`${panel} [data-section="result"]`).waitFor();
      const summary = sheetValues(preview, 'Billing 2025-10');
      expect(summary.flat()).toContain(SCRIPT_TAG);
      await page.click('#tabs [role="tab"]:text-is("Billing 2025-10")');
      await page.waitForSelector(`#sheet td:text-is("${SCRIPT_TAG}")`);
      expect(await page.$$('#sheet img, #tabs img')).toHaveLength(0);
      expect(await sidebar.$$('img')).toHaveLength(0);
      expect(await sidebar.getByLabel(/^Rango de grupos/).inputValue()).toBe(`'${SCRIPT_TAG}'!A1:B4`);
      expect(session.dialogs).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('works by keyboard alone: panel tabs, fields, lines, Import, the result links', async () => {
    const session = await open();
    const { sidebar, page, preview } = session;
    try {
      /** What has the focus: tag, name or accessible label, text. */
      const focused = () =>
        sidebar.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          if (!el) return '';
          return [
            el.tagName.toLowerCase(),
            el.getAttribute('aria-label') ?? el.name ?? '',
            el.textContent,
          ].join(':');
        });
      const tabUntil = async (match: RegExp) => {
        for (let i = 0; i < 30 && !match.test(await focused()); i++) await page.keyboard.press('Tab');
        expect(await focused()).toMatch(match);
      };
      await sidebar.locator('[role="tab"][aria-selected="true"]').focus();
      await page.keyboard.press('ArrowRight');
      await sidebar.getByLabel('Month', { exact: true }).waitFor();
      await tabUntil(/^input:month:/);
      // Chromium's month field: type the month, then the year.
      await page.keyboard.type('102025');
      expect(await sidebar.getByLabel('Month', { exact: true }).inputValue()).toBe('2025-10');
      // Untick the first line with Space.
      const firstLine = dataset.lines[0];
      const firstBox = sidebar.getByLabel(`${firstLine.displayPhoneNumber} — ${firstLine.verifiedName}`);
      await tabUntil(/^input::$/);
      expect(await firstBox.evaluate((box) => box === document.activeElement)).toBe(true);
      await page.keyboard.press('Space');
      expect(await firstBox.isChecked()).toBe(false);
      await tabUntil(/^input:groups:/);
      await page.keyboard.type("'Atom groups'!A1:B4");
      await tabUntil(/^button::Import$/);
      await page.keyboard.press('Enter');
      await sidebar.locator(`${panel} [data-section="result"]`).waitFor();
      // Focus comes back to Import, so the user carries on from there.
      await eventually(focused, 'button::Import');
      const ledger = sheetValues(preview, 'Imports');
      expect(ledger).toHaveLength(2);
      expect(ledger[1].join(' ')).not.toContain(firstLine.displayPhoneNumber);
      expect(formulasOf(preview, 'Billing 2025-10')).toEqual(
        expect.arrayContaining([expect.stringMatching(/^=BILLED_BY_GROUP\('Atom groups'!A2:A4/)]),
      );
      await tabUntil(/^button::Open Billing 2025-10$/);
      // The keyboard focus is visible (an outline) wherever it is.
      expect(
        await sidebar.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle),
      ).not.toBe('none');
      await page.keyboard.press('Enter');
      await eventually(() => preview.runtime.spreadsheet.activeSheet.name, 'Billing 2025-10');
    } finally {
      await session.close();
    }
  });

  it("proposes each month's own Atom tables, flags October's table for November and notes it (issue 15.9)", async () => {
    // October's Atom campaigns table, then October closed with it: the last request remembers October's table.
    const session = await open();
    const { sidebar, preview } = session;
    try {
      const campaigns = campaignsCsv();
      preview.runtime.runFromSidebar('importAtomRows', {
        kind: campaigns.kind,
        fileName: 'campañas.csv',
        mapping: campaigns.mapping,
        rows: campaigns.rows,
        batch: { index: 0, count: 1 },
        month: '2025-10',
      });
      preview.runtime.runFromSidebar('runMonthClose', { month: '2025-10' });

      await openMonthClose(sidebar);
      const month = sidebar.getByLabel('Month', { exact: true });
      const range = sidebar.getByLabel(/^Campaigns range/);
      expect(await month.inputValue()).toBe('2025-11');
      expect(await range.inputValue()).toBe('');
      await month.fill('2025-10');
      expect(await range.inputValue()).toBe(OCTOBER_CAMPAIGNS);
      await month.fill('2025-11');
      expect(await range.inputValue()).toBe('');
      expect(await sidebar.locator('[data-flag]').count()).toBe(0);

      await range.fill(OCTOBER_CAMPAIGNS);
      const flag = sidebar.locator('[data-flag="campaigns-other-month"]');
      await flag.waitFor();
      expect(await flag.isVisible()).toBe(true);
      expect(await flag.textContent()).toBe(
        'This range is the Atom table of October 2025: November 2025 would be split by October 2025’s data.',
      );
      expect(await importMonth(session, '2025-11', 'November 2025')).toContain(
        "The campaigns range 'Billing 2025-10'!Y5:Z305 is the Atom table of October 2025: November 2025 was split by October 2025’s campaigns.",
      );
    } finally {
      await session.close();
    }
  });
});
