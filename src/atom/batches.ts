/**
 * Splits parsed rows into importAtomRows calls. google.script.run documents no payload limit, but a call's
 * arguments are serialised in one request and large requests fail or crawl, so a batch is capped both in rows
 * (the server's figure) and in JSON characters.
 */
import type { AtomRow } from './rows';

/** ~1 MB of JSON per call: a few seconds of upload on an office line, far from any request limit. */
export const MAX_BATCH_CHARS = 1_000_000;

export function splitIntoBatches(
  rows: readonly AtomRow[],
  maxRows: number,
  maxChars = MAX_BATCH_CHARS,
): AtomRow[][] {
  const batches: AtomRow[][] = [];
  let current: AtomRow[] = [];
  let chars = 2;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (current.length > 0 && (current.length >= maxRows || chars + size > maxChars)) {
      batches.push(current);
      current = [];
      chars = 2;
    }
    current.push(row);
    chars += size;
  }
  if (current.length > 0 || batches.length === 0) batches.push(current);
  return batches;
}
