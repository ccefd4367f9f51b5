/**
 * Issue 19's "done when": `npm start -- --bigquery` runs the demo with the history in the fake BigQuery, and a
 * month is closed from it in real Chromium. The demo's admin set Month close ▸ History to the fake's dataset and
 * closed September there; closing October from the sidebar loads October's Meta rows into `meta_rows` (the fake,
 * queried here, holds them), reads only October's stored counts (the card's bytes), and writes the month sheet from
 * them — with no "Meta data" sheet in the grid. `--bigquery --locale es_CO` does the same in Spanish.
 */
import type { Frame, Page } from 'playwright-core';
import { DEMO_BIGQUERY, type Demo } from '../../dev/preview/demo';
import { storedMetaCountsSql, storedMetaRowsSql } from '../../src/bigquery/meta-rows';
import { cardFacts, demoInChromium, importMonth } from '../support/browser';

jest.setTimeout(180_000);

const { project, dataset, token } = DEMO_BIGQUERY;
const ref = { projectId: project, datasetId: dataset };
const metaRows = `\`${project}.${dataset}.meta_rows\``;
const monthParam = (month: string) => [
  { name: 'month', parameterType: { type: 'DATE' }, parameterValue: { value: `${month}-01` } },
];

/** jobs.query on the demo's fake BigQuery with the demo user's token: the answer's rows and bytes processed. */
async function bigQuery(
  demo: Demo,
  query: string,
  queryParameters: unknown[],
  dryRun = false,
): Promise<{ rows: (string | null)[][]; bytes: number }> {
  const res = await fetch(`${demo.bigQuery!.url}/bigquery/v2/projects/${project}/queries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, useLegacySql: false, parameterMode: 'NAMED', queryParameters, dryRun }),
  });
  const body = (await res.json()) as {
    rows?: { f: { v: string | null }[] }[];
    totalBytesProcessed: string;
  };
  if (!res.ok) throw new Error(`fake BigQuery: HTTP ${res.status} ${JSON.stringify(body)}`);
  return { rows: (body.rows ?? []).map((r) => r.f.map((c) => c.v)), bytes: Number(body.totalBytesProcessed) };
}

/** A month's partition of meta_rows: its rows, billed units (REGULAR volume) and cost (exact NUMERIC). */
async function partition(demo: Demo, month: string): Promise<{ rows: number; billed: number; cost: string }> {
  const { rows } = await bigQuery(
    demo,
    `SELECT COUNT(*) AS n, SUM(IF(type = 'REGULAR', volume, 0)) AS billed, SUM(cost) AS cost FROM ${metaRows} ` +
      'WHERE month = @month',
    monthParam(month),
  );
  const [n, billed, cost] = rows[0];
  return { rows: Number(n), billed: Number(billed ?? 0), cost: cost ?? '0' };
}

/** The displayed value beside `label` (column A) on the sheet shown in the grid, its number format's note stripped. */
async function gridFigure(page: Page, label: string): Promise<string> {
  const row = page.locator('#sheet tr', { has: page.locator('td', { hasText: new RegExp(`^${label}$`) }) });
  const cell = row.first().locator('td').nth(1);
  return (await cell.evaluate((td) => td.firstChild?.textContent ?? '')).trim();
}

/** The grid's sheet tabs, once the demo's September sheet is drawn. */
async function tabNames(page: Page): Promise<string[]> {
  await page.locator('#tabs button', { hasText: 'Billing 2025-09' }).waitFor();
  return page.locator('#tabs button').allTextContents();
}

/** The History section, opened. */
async function openHistory(sidebar: Frame) {
  const history = sidebar.locator('[data-panel="monthClosePanel"] details[data-section="history"]');
  await history.locator(':scope > summary').click();
  return history;
}
/** A whole number as the es_CO spreadsheet shows it (figures on the card follow the spreadsheet's locale). */
const esCount = (n: number) => n.toLocaleString('es-CO');

describe('npm start -- --bigquery', () => {
  const session = demoInChromium({ bigQuery: true });
  const partitionOf = (month: string) => partition(session.demo, month);

  it('closes October from the sidebar into BigQuery: card, History, month sheet, and the rows in the fake', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      // The demo's own September close kept its Meta rows in BigQuery; October is empty, and no "Meta data" sheet.
      const september = await partitionOf('2025-09');
      expect(september.rows).toBeGreaterThan(100);
      expect((await partitionOf('2025-10')).rows).toBe(0);

      await page.goto(session.demo.preview.url);
      expect(await tabNames(page)).toEqual(expect.arrayContaining(['Billing 2025-09', 'Imports']));
      expect(await tabNames(page)).not.toContain('Meta data');
      const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
      await sidebar.getByRole('tab', { name: 'Month close' }).click();

      const history = await openHistory(sidebar);
      await history
        .getByText(
          `History is kept in BigQuery: dataset ${project}:${dataset} (US); each query bills at most 1 GB.`,
        )
        .waitFor();
      expect(await history.getByLabel('BigQuery', { exact: true }).isChecked()).toBe(true);

      expect(await sidebar.getByLabel('Month', { exact: true }).inputValue()).toBe('2025-10');
      await importMonth(sidebar, 'Import', null);
      const first = await cardFacts(sidebar);
      const october = await partitionOf('2025-10');
      expect(october.rows).toBeGreaterThan(100);
      expect(first['Meta rows written to BigQuery']).toBe(esCount(october.rows));
      // The read is of October's partition alone, empty before this close: September's rows are not read.
      expect(first['BigQuery bytes processed']).toBe('0');
      expect(first['Billed units']).toBe(`${esCount(october.billed)} delivered template messages`);
      expect(first).not.toHaveProperty('Meta data rows');

      // Re-importing the open month reads October's stored counts per day, line and currency (Meta answered
      // every day: no stored row is read back): the bytes of a dry run of that query, under those of the rows.
      const card = sidebar.locator('[data-section="result"]');
      await importMonth(sidebar, 'Import', await card.textContent());
      const second = await cardFacts(sidebar);
      const counts = storedMetaCountsSql(ref, '2025-10-01');
      const { bytes } = await bigQuery(session.demo, counts.query, counts.queryParameters, true);
      const read = storedMetaRowsSql(ref, '2025-10-01');
      const rowBytes = (await bigQuery(session.demo, read.query, read.queryParameters, true)).bytes;
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThan(rowBytes / 2);
      expect(second['BigQuery bytes processed']).toBe(esCount(bytes));
      expect(second['Meta rows written to BigQuery']).toBe(esCount(october.rows));
      expect(await partitionOf('2025-10')).toEqual(october);
      expect(await partitionOf('2025-09')).toEqual(september);

      // The month sheet's figures are BigQuery's: billed units (REGULAR volume) and Meta's cost, as the card.
      await card.getByRole('button', { name: 'Open Billing 2025-10' }).click();
      await page.locator('#tabs [aria-selected="true"]', { hasText: 'Billing 2025-10' }).waitFor();
      expect(await gridFigure(page, 'Unidades facturadas')).toBe(esCount(october.billed));
      const cost = await gridFigure(page, 'Costo de Meta');
      expect(cost).toBe(
        Number(october.cost).toLocaleString('es-CO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      );
      expect(second['Meta cost']).toBe(`${cost} BRL`);
      expect(await tabNames(page)).not.toContain('Meta data');
    } finally {
      await page.close();
    }
  });
});

describe('npm start -- --bigquery --locale es_CO', () => {
  const session = demoInChromium({ bigQuery: true, locale: 'es_CO' });

  it('says where the history is and closes October into BigQuery, in Spanish', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(session.demo.preview.url);
      expect(await tabNames(page)).not.toContain('Meta data');
      const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
      await sidebar.getByRole('tab', { name: 'Cierre de mes' }).click();
      const history = await openHistory(sidebar);
      await history
        .getByText(
          `El historial se guarda en BigQuery: conjunto de datos ${project}:${dataset} (US); cada consulta factura como máximo 1 GB.`,
        )
        .waitFor();

      await importMonth(sidebar, 'Importar', null);
      const card = await cardFacts(sidebar);
      const october = await partition(session.demo, '2025-10');
      expect(october.rows).toBeGreaterThan(100);
      expect(card['Filas de Meta escritas en BigQuery']).toBe(esCount(october.rows));
      expect(card['Bytes procesados en BigQuery']).toBe('0');
      expect(card['Unidades facturadas']).toBe(`${esCount(october.billed)} mensajes de plantilla entregados`);
    } finally {
      await page.close();
    }
  });
});
