/**
 * Issue 16 point 7 in real Chromium against the preview: an Atom file's error says what was found and the one next
 * step, and a disabled control says why it is disabled (beside it, as its tooltip and its description).
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { xlsxOf } from '../../dev/fixtures/atom-exports';
import { launchChromium } from '../../dev/chromium';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

const PANEL = '[data-panel="atomPanel"]';

async function openAtomPanel(): Promise<{ preview: Preview; page: Page; sidebar: Frame }> {
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email: 'ana@example.com', locale: 'en' },
      spreadsheet: { name: 'Cierre octubre', timeZone: 'America/Bogota', locale: 'es_CO' },
    },
  });
  preview.runtime.spreadsheet.setValues("'Atom export'!A1", [['Grupo', 'Conversaciones']]);
  const page = await browser.newPage();
  await page.goto(preview.url);
  const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
  await sidebar.getByRole('tab', { name: 'Atom data' }).click();
  await sidebar.waitForSelector(`${PANEL} input[type="file"]`);
  return { preview, page, sidebar };
}

/** A disabled button's reason as shown beside it (the element it is described by) and as its tooltip. */
async function reasonOf(sidebar: Frame, button: string): Promise<[string | null, string | null]> {
  const control = sidebar.getByRole('button', { name: button, exact: true });
  expect(await control.isDisabled()).toBe(true);
  const reason = sidebar.locator(`#${await control.getAttribute('aria-describedby')}`);
  expect(await reason.isVisible()).toBe(true);
  return [await reason.textContent(), await control.getAttribute('title')];
}

it('garbage named .csv, and a file with a long row and a short row, say what was found', async () => {
  const { preview, page, sidebar } = await openAtomPanel();
  try {
    const garbage = Buffer.from([0x8f, 0x13, 0x00, 0xfe, 0x41, 0x2c, 0x42, 0x00, 0x0a, 0x7f]);
    const widths = Buffer.from('Grupo;Conversaciones\r\nVentas;3;extra\r\nSoporte\r\nCobranza;4\r\n');
    await sidebar.setInputFiles(`${PANEL} input[type="file"]`, [
      { name: 'reporte.csv', mimeType: 'text/csv', buffer: garbage },
      { name: 'grupos.csv', mimeType: 'text/csv', buffer: widths },
    ]);
    const alert = (name: string) => sidebar.locator(`${PANEL} [data-source="${name}"] [role="alert"]`);
    expect(await alert('reporte.csv').textContent()).toBe(
      'reporte.csv: not a readable Atom export: it holds binary data, not the text of a CSV export — ' +
        'export the report from Atom again as .csv or .xlsx',
    );
    expect(await alert('grupos.csv').textContent()).toBe(
      'grupos.csv: row 2 has more fields than the header (2); row 3 has fewer fields than the header (2); ' +
        'the file looks cut or badly exported — export the report from Atom again',
    );
    const why =
      'Import is off: no file here can be imported yet — add an Atom export that reads without errors.';
    expect(await reasonOf(sidebar, 'Import')).toEqual([why, why]);
  } finally {
    await page.close();
    await preview.close();
  }
});

it('disabled buttons say why: Read without a sheet, Import without the month of a report without dates', async () => {
  const { preview, page, sidebar } = await openAtomPanel();
  try {
    const read = 'Read is off until you choose a sheet.';
    expect(await reasonOf(sidebar, 'Read')).toEqual([read, read]);
    await sidebar.getByLabel('Or use a sheet that already holds an export').selectOption('Atom export');
    const readButton = sidebar.getByRole('button', { name: 'Read', exact: true });
    expect(await readButton.isEnabled()).toBe(true);
    expect(await readButton.getAttribute('title')).toBeFalsy(); // Preact empties a property it removes
    expect(await readButton.getAttribute('aria-describedby')).toBeNull();

    const groups = await xlsxOf([
      {
        name: 'Grupos',
        rows: [
          ['Grupo', 'Conversaciones'],
          ['Ventas', 40],
        ],
      },
    ]);
    await sidebar.setInputFiles(`${PANEL} input[type="file"]`, [
      { name: 'grupos.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(groups) },
    ]);
    await sidebar.locator(`${PANEL} [data-source="grupos.xlsx"] [data-kind="groups"]`).waitFor();
    const month = 'Import is off until you choose the month of the reports without dates (above).';
    expect(await reasonOf(sidebar, 'Import')).toEqual([month, month]);
    await sidebar.getByLabel('Month of the reports without dates').fill('2025-10');
    const importButton = sidebar.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isEnabled()).toBe(true);
    expect(await sidebar.locator(`${PANEL} [data-why]`).count()).toBe(0);
    await importButton.click();
    await sidebar.locator(`${PANEL} .status`, { hasText: 'Imported 1 file(s).' }).waitFor();
    const all = 'Import is off: every file here is imported — add another file to import more.';
    expect(await reasonOf(sidebar, 'Import')).toEqual([all, all]);
  } finally {
    await page.close();
    await preview.close();
  }
});
