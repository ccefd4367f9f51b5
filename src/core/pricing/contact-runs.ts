/**
 * Puts a message log in (line, contact, time, kind) order without sorting a million records by a
 * compound comparator: contacts are numbered, a counting sort groups each contact's messages into
 * one run, and each run is sorted as plain numbers, time and kind packed into one double
 * (time · 8 + kind; exact for integer ms while |time| < 2^50, i.e. up to year 37,000; the sheet
 * readers admit years 1900–9999 only).
 */
import { KIND_SLOTS } from './message-kinds';

export interface MessageLog {
  /** Delivery instants, integer epoch ms. */
  readonly times: ArrayLike<number>;
  /** Normalised contact identities. */
  readonly contacts: ArrayLike<string>;
  /** Message kinds (see message-kinds.ts). */
  readonly kinds: ArrayLike<number>;
  /**
   * Normalised business phone numbers (the line a message was sent from or written to). Windows,
   * conversations and per-line allowances belong to a (line, contact) pair. Absent: one line.
   */
  readonly lines?: ArrayLike<string>;
}

export interface ContactRuns {
  /** time · KIND_SLOTS + kind, sorted within each contact's run. */
  readonly keys: Float64Array;
  /** Contact c's run is keys[runStarts[c] .. runStarts[c + 1]). */
  readonly runStarts: Int32Array;
  /** Index into lineNames of each run's line. */
  readonly runLines: Int32Array;
  /** The distinct lines, in order of first appearance ([''] without lines). */
  readonly lineNames: string[];
}

/** Below this length insertion sort beats creating a subarray and calling the native sort. */
const SHORT_RUN = 24;

export function sortIntoContactRuns(log: MessageLog): ContactRuns {
  const n = log.times.length;
  const contacts = numbered(log.contacts);
  let contactIds = contacts.ids;
  let contactCount = contacts.names.length;
  let lineNames = [''];
  let runLines = new Int32Array(contactCount);
  if (log.lines) {
    // A (line, contact) pair is one thread: number the pairs, keeping each pair's line.
    const lines = numbered(log.lines);
    lineNames = lines.names;
    const lineCount = lineNames.length;
    const pairIds = new Int32Array(n);
    const pairIdOf = new Map<number, number>();
    const pairLines: number[] = [];
    for (let i = 0; i < n; i++) {
      const key = contactIds[i] * lineCount + lines.ids[i];
      let id = pairIdOf.get(key);
      if (id === undefined) {
        id = pairLines.length;
        pairIdOf.set(key, id);
        pairLines.push(lines.ids[i]);
      }
      pairIds[i] = id;
    }
    contactIds = pairIds;
    contactCount = pairLines.length;
    runLines = Int32Array.from(pairLines);
  }
  const runStarts = new Int32Array(contactCount + 1);
  for (let i = 0; i < n; i++) runStarts[contactIds[i] + 1]++;
  for (let c = 0; c < contactCount; c++) runStarts[c + 1] += runStarts[c];
  const next = runStarts.slice(0, contactCount);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[next[contactIds[i]]++] = log.times[i] * KIND_SLOTS + log.kinds[i];
  for (let c = 0; c < contactCount; c++) sortRun(keys, runStarts[c], runStarts[c + 1]);
  return { keys, runStarts, runLines, lineNames };
}

/** Each value's number, in order of first appearance, and the distinct values. */
function numbered(values: ArrayLike<string>): { ids: Int32Array; names: string[] } {
  const ids = new Int32Array(values.length);
  const idOf = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let id = idOf.get(value);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(value, id);
    }
    ids[i] = id;
  }
  return { ids, names: [...idOf.keys()] };
}

function sortRun(keys: Float64Array, start: number, end: number): void {
  if (end - start > SHORT_RUN) {
    keys.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= start && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
}
