/** The ledger table's outbox (src/bigquery/ledger-rows.ts) and the copy's rule for a partition that has rows. */
import { checkScript } from '../../dev/fake-bigquery/engine';
import {
  COPY_TABLES,
  copyProgress,
  partitionAction,
  partitionCountsSql,
} from '../../src/bigquery/history-copy';
import { appended, atomLedgerRecords, ledgerOutbox, nextAppend } from '../../src/bigquery/ledger-rows';

const sheet = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('ledger outbox', () => {
  it('a stored outbox of another dataset, or hand-edited, starts from nothing', () => {
    const box = { target: 'p.d', synced: 2, queued: [], pending: null };
    expect(ledgerOutbox(box, 'p.d')).toEqual(box);
    expect(ledgerOutbox(box, 'p.other')).toEqual({ target: 'p.other', synced: 0, queued: [], pending: null });
    expect(ledgerOutbox({ ...box, synced: -1 }, 'p.d').synced).toBe(0);
    expect(ledgerOutbox({ ...box, pending: { jobId: 'j' } }, 'p.d').synced).toBe(0);
  });

  it('appends the sheet rows not synced and the queued ones, and counts them once the append is done', () => {
    const box = { target: 'p.d', synced: 1, queued: [{ id: 'q' }], pending: null };
    const next = nextAppend(box, sheet, 'job1')!;
    expect(next.rows).toEqual([{ id: 'b' }, { id: 'c' }, { id: 'q' }]);
    expect(next.box.pending).toEqual({ jobId: 'job1', to: 3, queued: 1 });
    // An Atom import queued a row while the append was out: it stays for the next one.
    const later = { ...next.box, queued: [...next.box.queued, { id: 'r' }] };
    expect(appended(later)).toEqual({ target: 'p.d', synced: 3, queued: [{ id: 'r' }], pending: null });
    expect(nextAppend(appended(next.box), sheet, 'job2')).toBeNull();
  });

  it('without the sheet (an Atom import) only the queued rows go, the sheet count unchanged', () => {
    const box = { target: 'p.d', synced: 1, queued: [{ id: 'q' }], pending: null };
    const next = nextAppend(box, null, 'job')!;
    expect(next.rows).toEqual([{ id: 'q' }]);
    expect(appended(next.box)).toMatchObject({ synced: 1, queued: [] });
  });

  it('an Atom import gives one row per month with the file’s rows in it', () => {
    const at = Date.UTC(2026, 10, 2);
    expect(atomLedgerRecords('f.csv', ['2026-10', '2026-09', '2026-10'], 'ana@example.com', at)).toEqual([
      {
        month: '2026-09-01',
        imported_at: '2026-11-02T00:00:00.000Z',
        source: 'atom',
        rows: 1,
        note: 'f.csv',
        imported_by: 'ana@example.com',
      },
      {
        month: '2026-10-01',
        imported_at: '2026-11-02T00:00:00.000Z',
        source: 'atom',
        rows: 2,
        note: 'f.csv',
        imported_by: 'ana@example.com',
      },
    ]);
  });
});

describe('history copy', () => {
  it('loads an empty partition, counts one with the sheet’s rows as copied, keeps one with other rows', () => {
    expect(partitionAction(10, 0)).toBe('load');
    expect(partitionAction(10, 10)).toBe('copied');
    expect(partitionAction(10, 12)).toBe('keep');
    expect(partitionAction(10, 3)).toBe('keep');
  });

  it('the partition counts are GoogleSQL the BigQuery-dialect parser accepts', () => {
    for (const table of COPY_TABLES) {
      const { query } = partitionCountsSql({ projectId: 'my-project', datasetId: 'history' }, table);
      expect(query).toBe(`SELECT month, COUNT(*) AS n FROM \`my-project.history.${table}\` GROUP BY month`);
      expect(() => checkScript(query)).not.toThrow();
    }
  });

  it('progress of another dataset starts over', () => {
    const p = { target: 'p.d', copied: ['2026-09'], skipped: [] };
    expect(copyProgress(p, 'p.d')).toEqual(p);
    expect(copyProgress(p, 'p.e')).toEqual({ target: 'p.e', copied: [], skipped: [] });
  });
});
