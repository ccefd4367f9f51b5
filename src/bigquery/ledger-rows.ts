/**
 * The `ledger` table (schema.ts) as an outbox of the "Imports" sheet: the sheet's row stays each month close's
 * commit, and BigQuery gets the same facts after it. What is in BigQuery is counted, not guessed: `synced` entries
 * of the sheet (in its order; rows are appended, never moved) and the Atom imports' rows `queued` (they have no
 * sheet row) wait until one append takes them. The append's job id is written down (`pending`) BEFORE it is sent,
 * so a run that lost its answer asks BigQuery what became of that job before appending anything again.
 */
import type { LedgerEntry } from '../month-close/ledger';

export type LedgerRecord = Record<string, string | number | null>;

export interface LedgerOutbox {
  /** The dataset (`project.dataset`) the counts are for: another dataset starts from nothing. */
  target: string;
  /** Entries of the "Imports" sheet already in the ledger table. */
  synced: number;
  /** Atom imports' rows not appended yet. */
  queued: LedgerRecord[];
  /** The append sent last and not known to be done: the sheet entries up to `to`, the first `queued`. */
  pending: { jobId: string; to: number; queued: number } | null;
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The stored outbox (a missing, hand-edited or other dataset's value: nothing sent yet). */
export function ledgerOutbox(stored: unknown, target: string): LedgerOutbox {
  const v = stored as Partial<LedgerOutbox> | null;
  const p = v?.pending;
  const pendingOk = p === null || (typeof p?.jobId === 'string' && isCount(p.to) && isCount(p.queued));
  return v?.target === target && isCount(v.synced) && Array.isArray(v.queued) && pendingOk
    ? (v as LedgerOutbox)
    : { target, synced: 0, queued: [], pending: null };
}

/** A month close's "Imports" row as the ledger table keeps it. */
export function ledgerRecord(e: LedgerEntry): LedgerRecord {
  return {
    month: `${e.month}-01`,
    imported_at: new Date(e.importedAtMs).toISOString(),
    source: 'meta',
    rows: e.rowsWritten,
    note: e.notes || null,
    imported_by: e.user || null,
    account: e.wabaId || null,
    lines: e.lines.join(', ') || null,
    // NUMERIC from text: exact, as meta_rows' cost.
    billed_units: String(e.billedUnits),
    cost: e.cost === null ? null : String(e.cost),
    currency: e.currency || null,
    status: e.status,
  };
}

/** An Atom import's rows: one per month it touched, with the file's rows in that month (`months`: one per row). */
export function atomLedgerRecords(
  fileName: string,
  months: readonly string[],
  user: string,
  atMs: number,
): LedgerRecord[] {
  const counts = new Map<string, number>();
  for (const m of months) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].sort().map(([month, rows]) => ({
    month: `${month}-01`,
    imported_at: new Date(atMs).toISOString(),
    source: 'atom',
    rows,
    note: fileName,
    imported_by: user || null,
  }));
}

/**
 * The next append: the sheet's entries not synced (`sheet` null: the caller did not read the sheet, they wait) and
 * the queued rows, or null when BigQuery has them all.
 */
export function nextAppend(
  box: LedgerOutbox,
  sheet: readonly LedgerRecord[] | null,
  jobId: string,
): { rows: LedgerRecord[]; box: LedgerOutbox } | null {
  const rows = [...(sheet?.slice(box.synced) ?? []), ...box.queued];
  if (!rows.length) return null;
  const to = sheet ? Math.max(box.synced, sheet.length) : box.synced;
  return { rows, box: { ...box, pending: { jobId, to, queued: box.queued.length } } };
}

/** The outbox once its pending append is in BigQuery. */
export function appended(box: LedgerOutbox): LedgerOutbox {
  const p = box.pending;
  return p ? { ...box, synced: p.to, queued: box.queued.slice(p.queued), pending: null } : box;
}
