/**
 * The Atom data panel in real Chromium against the preview: files picked → detected columns and preview →
 * a mapping corrected → Import in batches → the month's tables filled by the bundle.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../dev/preview/preview';
import { csv, windows1252, xlsxOf } from '../../dev/fixtures/atom-exports';
import { launchChromium } from '../../dev/chromium';
import { sizeBomb, xlsxWithSheet } from '../atom/bombs';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

const PANEL = '[data-panel="atomPanel"]';

async function openAtomPanel(
  locale: string,
  seed: (preview: Preview) => void = () => {},
): Promise<{ preview: Preview; page: Page; sidebar: Frame }> {
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email: 'ana@example.com', locale },
      spreadsheet: { name: 'Cierre octubre', timeZone: 'America/Bogota', locale: 'es_CO' },
    },
  });
  seed(preview);
  const page = await browser.newPage();
  await page.goto(preview.url);
  const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
  await sidebar.getByRole('tab', { name: locale === 'en' ? 'Atom data' : 'Datos de Atom' }).click();
  await sidebar.waitForSelector(`${PANEL} input[type="file"]`);
  return { preview, page, sidebar };
}

const AUDIT = csv(
  [
    [
      'ID Conversación',
      'Fecha de inicio',
      'Teléfono',
      'Grupo',
      'Agente',
      'Tipificación',
      'Tipo de cierre',
      'Tipo de origen',
      'Campaña',
    ],
    [
      'C-1',
      '01/10/2025 08:15',
      '+57 300 123 4567',
      'Atención al Cliente',
      'Lucía',
      'Fin positivo',
      'Manual',
      'Mensaje restante',
      '',
    ],
    [
      'C-2',
      '13/10/2025 2:05 p. m.',
      '573001234567',
      'Ventas',
      'José',
      'Seguimiento',
      'Manual',
      'Campaña de flujo',
      'Black Friday',
    ],
    [
      'C-3',
      '20/10/2025 10:00',
      '+52 55 1234 5678',
      '<img src=x onerror=alert(1)>',
      '',
      'Cierre de conversación automático',
      'Automático',
      'Campaña de flujo',
      'Black Friday',
    ],
  ],
  ';',
);

it('upload → mapping → import → the month tables are filled', async () => {
  const { preview, page, sidebar } = await openAtomPanel('en');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    const campaigns = await xlsxOf([
      {
        name: 'Resumen',
        rows: [
          ['Campaña', 'Conversaciones'],
          ['Bienvenida', 40],
          ['Black Friday', 60],
        ],
      },
    ]);
    await sidebar.setInputFiles(`${PANEL} input[type="file"]`, [
      { name: 'auditoria.csv', mimeType: 'text/csv', buffer: Buffer.from(windows1252(AUDIT)) },
      { name: 'campañas.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(campaigns) },
    ]);
    const audit = sidebar.locator(`${PANEL} [data-source="auditoria.csv"]`);
    await audit.locator('[data-kind="conversations"]').waitFor();
    expect(await audit.locator('dd').nth(1).textContent()).toBe('3');
    expect(await audit.getByLabel('Group').inputValue()).toBe('Grupo');
    expect(await audit.getByLabel('Contact').inputValue()).toBe('Teléfono');
    // Atom's text is shown as text: the preview holds the markup literally, no element is created from it.
    expect(await audit.locator('.preview').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await sidebar.locator(`${PANEL} img`).count()).toBe(0);
    // The user drops the agent column: it leaves the preview and the import.
    await audit.getByText('Columns').click();
    await audit.getByLabel('Agent').selectOption('');
    await audit.locator('.preview th', { hasText: 'Agent' }).waitFor({ state: 'detached' });

    const xlsx = sidebar.locator(`${PANEL} [data-source="campañas.xlsx"]`);
    expect(await xlsx.locator('[data-kind]').getAttribute('data-kind')).toBe('campaigns');
    const importButton = sidebar.getByRole('button', { name: 'Import' });
    expect(await importButton.isDisabled()).toBe(true); // the campaign report needs its month
    await sidebar.getByLabel('Month of the reports without dates').fill('2025-10');
    await importButton.click();
    await sidebar
      .locator(`${PANEL} .status`, { hasText: 'Imported 2 file(s). Months updated: 2025-10.' })
      .waitFor();

    const ss = preview.runtime.spreadsheet;
    const rows = ss.sheet('Atom conversations').values('A2:M4');
    expect(rows.map((r) => [r[1], r[3], r[5], r[6]])).toEqual([
      ['C-1', '573001234567', 'Atención al Cliente', ''],
      ['C-2', '573001234567', 'Ventas', ''],
      ['C-3', '525512345678', '<img src=x onerror=alert(1)>', ''],
    ]);
    const month = ss.sheet('Billing 2025-10');
    expect(month.values('W3:X3')[0]).toEqual(['Contactos únicos', 2]);
    expect(month.values('W5:Z8')).toEqual([
      ['Grupo', 'Conversaciones cerradas', 'Campaña', 'Conversaciones'],
      ['<img src=x onerror=alert(1)>', 1, 'Black Friday', 60],
      ['Atención al Cliente', 1, 'Bienvenida', 40],
      ['Ventas', 1, '', ''],
    ]);
    expect(await audit.locator('[data-imported]').textContent()).toBe('3 rows; months 2025-10');
    expect(dialogs).toEqual([]);
  } finally {
    await page.close();
    await preview.close();
  }
});

it('a file that cannot be read says why, in Spanish, naming the file', async () => {
  const { preview, page, sidebar } = await openAtomPanel('es_CO');
  try {
    await sidebar.setInputFiles(`${PANEL} input[type="file"]`, [
      { name: 'reporte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 …') },
    ]);
    const alert = sidebar.locator(`${PANEL} [data-source="reporte.pdf"] [role="alert"]`);
    expect(await alert.textContent()).toBe(
      'reporte.pdf: PDF files are not supported; export the report as .xlsx or .csv',
    );
    expect(await sidebar.getByRole('button', { name: 'Importar' }).isDisabled()).toBe(true);
    expect(await sidebar.getByLabel('Archivos exportados de Atom (.csv, .xlsx)').count()).toBe(1);
  } finally {
    await page.close();
    await preview.close();
  }
});

it('XLSX bombs are refused in the sidebar, naming the file, and the page stays responsive', async () => {
  const { preview, page, sidebar } = await openAtomPanel('en');
  try {
    for (const [name, bytes, message] of [
      [
        'zz.xlsx',
        xlsxWithSheet('<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>'),
        "zz.xlsx: cell ZZZZZZ2 is outside Excel's 16,384 columns (row 2)",
      ],
      ['bomba.xlsx', sizeBomb(300), 'bomba.xlsx: the XLSX file expands to more than 256 MB of data'],
    ] as const) {
      await sidebar.setInputFiles(`${PANEL} input[type="file"]`, [
        { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) },
      ]);
      const alert = sidebar.locator(`${PANEL} [data-source="${name}"] [role="alert"]`);
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toContain(message);
      // Generous: the point is "refused, not frozen"; timings live in npm run bench.
      expect(await sidebar.evaluate(() => 1 + 1)).toBe(2);
    }
  } finally {
    await page.close();
    await preview.close();
  }
});

// Issue 16 point 7: errors say what was found and the one next step; a disabled button says why.
/** A disabled button's reason as shown beside it (the element it is described by) and as its tooltip. */
async function reasonOf(sidebar: Frame, button: string): Promise<[string | null, string | null]> {
  const control = sidebar.getByRole('button', { name: button, exact: true });
  expect(await control.isDisabled()).toBe(true);
  const reason = sidebar.locator(`#${await control.getAttribute('aria-describedby')}`);
  expect(await reason.isVisible()).toBe(true);
  return [await reason.textContent(), await control.getAttribute('title')];
}

it('garbage named .csv, and a file with a long row and a short row, say what was found', async () => {
  const { preview, page, sidebar } = await openAtomPanel('en');
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
  const { preview, page, sidebar } = await openAtomPanel('en', (p) =>
    p.runtime.spreadsheet.setValues("'Atom export'!A1", [['Grupo', 'Conversaciones']]),
  );
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
