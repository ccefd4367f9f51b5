/**
 * From Atom's file to the month's allocation in `npm start`'s demo, in Chromium: the Atom data panel imports
 * October's Audit export (upload → mapping → import), the Month close panel then proposes the Atom tables it wrote
 * and closes October with the fake Meta account, and a corrected export moves the live split without another close.
 * Checked through the preview's /api/spreadsheet snapshot, which is what its grid draws.
 */
import type { Frame } from 'playwright-core';
import type { CellView } from '../../dev/preview/snapshot';
import { csv, utf8 } from '../../dev/fixtures/atom-exports';
import { demoInChromium } from '../support/browser';

jest.setTimeout(180_000);

const session = demoInChromium();

const PANEL = '[data-panel="atomPanel"]';
const HEADER = ['ID Conversación', 'Fecha', 'Teléfono', 'Equipo', 'Tipo de cierre', 'Origen', 'Campaña'];

/** October's Audit tab: `groups` in order, one conversation each, every other one from a campaign. */
function audit(groups: string[]): Uint8Array {
  return utf8(
    csv(
      [
        HEADER,
        ...groups.map((g, i) => [
          `C-${i + 1}`,
          `${String(1 + (i % 28)).padStart(2, '0')}/10/2025 10:${String(i % 60).padStart(2, '0')}`,
          `+57 300 000 ${String(1000 + i)}`,
          g,
          i % 4 === 3 ? 'Automático' : 'Manual',
          i % 2 ? 'Campaña de flujo' : 'Mensaje restante',
          i % 2 ? 'Black Friday' : '',
        ]),
      ],
      ';',
    ),
  );
}

/** `mapGroup`: "Equipo" is no synonym of Group, so the user maps it (a later file of the kind remembers it). */
async function importAtom(
  sidebar: Frame,
  fileName: string,
  bytes: Uint8Array,
  mapGroup: boolean,
): Promise<void> {
  await sidebar.setInputFiles(`${PANEL} input[type="file"]`, [
    { name: fileName, mimeType: 'text/csv', buffer: Buffer.from(bytes) },
  ]);
  const source = sidebar.locator(`${PANEL} [data-source="${fileName}"]`);
  await source.locator('[data-kind="conversations"]').waitFor();
  await source.getByText('Columns').click();
  expect(await source.getByLabel('Group').inputValue()).toBe(mapGroup ? '' : 'Equipo');
  if (mapGroup) await source.getByLabel('Group').selectOption('Equipo');
  await source.locator('.preview th', { hasText: 'Group' }).waitFor();
  await sidebar.getByRole('button', { name: 'Import' }).click();
  await sidebar.locator(`${PANEL} .status`, { hasText: 'Months updated: 2025-10.' }).waitFor();
}

async function billingSheet(): Promise<CellView[][]> {
  const response = await fetch(
    `${session.demo.preview.url}/api/spreadsheet?sheet=${encodeURIComponent('Billing 2025-10')}`,
  );
  const snapshot = (await response.json()) as { sheets: { name: string; rows: CellView[][] }[] };
  return snapshot.sheets.find((s) => s.name === 'Billing 2025-10')!.rows;
}

/** The split a formula spills: its label and count columns, from the row under its header to the Total row. */
function split(rows: CellView[][], fn: string): { formula: string; lines: string[][] } {
  const r = rows.findIndex((row) => row.some((c) => c.formula?.startsWith(`=${fn}(`)));
  const c = rows[r].findIndex((cell) => cell.formula?.startsWith(`=${fn}(`));
  const lines: string[][] = [];
  for (let k = r + 1; rows[k][c].display !== 'Total'; k++)
    lines.push([rows[k][c].display, rows[k][c + 1].display]);
  return { formula: rows[r][c].formula!, lines };
}

it('Atom’s export, imported from the panel, is what the month close splits October by — and a corrected one moves the split', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await page.goto(session.demo.preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    await sidebar.getByRole('tab', { name: 'Atom data' }).click();
    await sidebar.waitForSelector(`${PANEL} input[type="file"]`);
    const first = [
      ...Array<string>(5).fill('Cobranza'),
      ...Array<string>(3).fill('Ventas'),
      ...Array<string>(4).fill('Soporte'),
    ];
    await importAtom(sidebar, 'auditoria-octubre.csv', audit(first), true);
    let rows = await billingSheet();
    // The block in W:Z: closed conversations by group (automatic closures counted, the default).
    expect(rows[5].slice(22, 24).map((c) => c.display)).toEqual(['Cobranza', '5']);

    await sidebar.getByRole('tab', { name: 'Month close' }).click();
    expect(await sidebar.getByLabel(/^Groups range/).inputValue()).toBe("'Billing 2025-10'!W5:X305");
    expect(await sidebar.getByLabel(/^Campaigns range/).inputValue()).toBe("'Billing 2025-10'!Y5:Z305");
    await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
    await sidebar.locator('[data-section="result"]').waitFor();

    rows = await billingSheet();
    const groups = split(rows, 'BILLED_BY_GROUP');
    expect(groups.formula).toMatch(
      /^=BILLED_BY_GROUP\('Billing 2025-10'!W6:W305, 'Billing 2025-10'!X6:X305, /,
    );
    expect(groups.lines.map(([label, n]) => [label, n])).toEqual([
      ['Cobranza', '5'],
      ['Soporte', '4'],
      ['Ventas', '3'],
    ]);
    const campaigns = split(rows, 'BILLED_BY_CAMPAIGN');
    expect(campaigns.formula).toMatch(
      /^=BILLED_BY_CAMPAIGN\('Billing 2025-10'!Y6:Y305, 'Billing 2025-10'!Z6:Z305, /,
    );
    expect(campaigns.lines).toEqual([['Black Friday', '6']]);

    // Finance downloads the export again after Atom fixed the groups: the closed month's split follows.
    await sidebar.getByRole('tab', { name: 'Atom data' }).click();
    const corrected = [...Array<string>(2).fill('Cobranza'), ...Array<string>(10).fill('Ventas')];
    await importAtom(sidebar, 'auditoria-octubre-corregida.csv', audit(corrected), false);
    rows = await billingSheet();
    expect(split(rows, 'BILLED_BY_GROUP').lines).toEqual([
      ['Ventas', '10'],
      ['Cobranza', '2'],
    ]);
    expect(dialogs).toEqual([]);
  } finally {
    await page.close();
  }
});
