/**
 * What an import does to the stored Atom data, as pure functions over records: the keyed upsert of
 * "Atom conversations" (by conversation id when the export has ids, else by replacing the months the
 * export covers) and the same month replacement for the aggregate reports. A per-message export repeats its
 * conversation ids (one row per message), so it always replaces the months it covers. Conversation rows (the
 * Audit export) and messages (a per-message log) are two kinds that coexist: an import replaces only rows of its
 * own kind, so neither export deletes the other's rows.
 */

/** A stored or incoming record as far as the upsert is concerned; the adapter carries its cells along. */
export interface StoredRecord {
  /** `YYYY-MM`. */
  month: string;
  id: string;
  /** Epoch ms of the start, or null without one; orders the sheet. */
  startMs: number | null;
  /**
   * A message of a per-message log (it has a kind). Messages sort after every conversation row, so they are one
   * block of rows that BILLED_BREAKDOWN reads whole (its ranges cannot skip rows without a kind).
   */
  message?: boolean;
}

export interface UpsertOutcome<T> {
  rows: T[];
  /** Incoming rows that replaced a stored row with their id (by id) or the stored rows of their months. */
  replaced: number;
  added: number;
  /** Rows of the file whose id appeared again further down: the last one is kept. */
  duplicatesInFile: number;
  byId: boolean;
}

const byStart = (a: StoredRecord, b: StoredRecord): number =>
  Number(a.message ?? false) - Number(b.message ?? false) ||
  (a.month < b.month
    ? -1
    : a.month > b.month
      ? 1
      : (a.startMs ?? -Infinity) - (b.startMs ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const isMessage = (r: StoredRecord): boolean => r.message === true;

/**
 * Keyed upsert: every stored row outside the replaced keys, and every row of the other kind, stays as it was; rows
 * end sorted by month, start, id (conversation rows, then messages).
 */
export function upsertRecords<T extends StoredRecord>(
  stored: readonly T[],
  incoming: readonly T[],
): UpsertOutcome<T> {
  const byId = incoming.length > 0 && incoming.every((r) => r.id !== '' && !r.message);
  // A file is one kind: a per-message log when any row has a kind.
  const messages = incoming.some(isMessage);
  const ownKind = (r: T): boolean => isMessage(r) === messages;
  let kept: T[];
  let fresh: T[];
  let duplicatesInFile = 0;
  let replaced: number;
  if (byId) {
    const last = new Map<string, T>();
    for (const r of incoming) {
      if (last.has(r.id)) duplicatesInFile++;
      last.set(r.id, r);
    }
    fresh = [...last.values()];
    kept = stored.filter((r) => !(ownKind(r) && last.has(r.id)));
    replaced = stored.length - kept.length;
  } else {
    const months = new Set(incoming.map((r) => r.month));
    fresh = [...incoming];
    kept = stored.filter((r) => !(ownKind(r) && months.has(r.month)));
    replaced = stored.length - kept.length;
  }
  const rows = [...kept, ...fresh].sort(byStart);
  return { rows, replaced, added: fresh.length, duplicatesInFile, byId };
}
