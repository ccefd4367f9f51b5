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

async function openAtomPanel(locale: string): Promise<{ preview: Preview; page: Page; sidebar: Frame }> {
  const preview = await startPreview({
    port: 0,
    runtime: {
      user: { email: 'ana@example.com', locale },
      spreadsheet: { name: 'Cierre octubre', timeZone: 'America/Bogota', locale: 'es_CO' },
    },
  });
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
