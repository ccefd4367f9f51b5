/** Meta's billed units per day from the stored Meta rows, in GoogleSQL, are the month close's (REGULAR volume). */
import { checkScript, SqlEngine } from '../../dev/fake-bigquery/engine';
import { metaDailySql } from '../../src/bigquery/billing-sql';
import { HISTORY_TABLES } from '../../src/bigquery/schema';
import { isBillable } from '../../src/month-close/figures';
import { DATASET } from './billing-helpers';

test('the daily billed units of one month: REGULAR rows summed, other types and months left out', async () => {
  const engine = await SqlEngine.open();
  try {
    await engine.createDataset(DATASET.projectId, DATASET.datasetId);
    const { fields } = HISTORY_TABLES.meta_rows;
    await engine.createTable(DATASET.projectId, DATASET.datasetId, 'meta_rows', fields);
    const rows = [
      { day: '2026-10-01', type: 'REGULAR', volume: 5 },
      { day: '2026-10-01', type: 'FREE_CUSTOMER_SERVICE', volume: 7 },
      { day: '2026-10-01', type: 'REGULAR', volume: 2 },
      { day: '2026-10-31', type: 'REGULAR', volume: 1 },
      { day: '2026-10-15', type: 'FREE_ENTRY_POINT', volume: 4 },
      { day: '2026-11-01', type: 'REGULAR', volume: 9 },
    ].map((r) => ({
      month: `${r.day.slice(0, 8)}01`,
      line: '5730001',
      pricing_model: 'message',
      category: 'MARKETING',
      currency: 'BRL',
      ...r,
    }));
    await engine.loadNdjson(
      DATASET.projectId,
      DATASET.datasetId,
      'meta_rows',
      fields,
      rows.map((r) => JSON.stringify(r)).join('\n'),
    );
    const { query, queryParameters } = metaDailySql(DATASET, 20261001);
    const result = await engine.run(
      checkScript(query),
      queryParameters.map((p) => ({
        name: p.name,
        type: p.parameterType.type,
        value: p.parameterValue.value,
      })),
    );
    const expected = new Map<string, number>();
    for (const r of rows.filter((r) => r.month === '2026-10-01' && isBillable(r)))
      expected.set(r.day, (expected.get(r.day) ?? 0) + r.volume);
    expect(result.rows).toEqual([...expected].map(([day, units]) => [day, String(units)]));
  } finally {
    engine.close();
  }
});
