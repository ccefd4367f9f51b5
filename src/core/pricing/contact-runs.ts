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
  const contactIds = new Int32Array(n);
  const idOf = new Map<string, number>();
  const lineOf: number[] = [];
  const lineIdOf = new Map<string, number>();
  const lines = log.lines;
  for (let i = 0; i < n; i++) {
    // A (line, contact) pair is one thread; "\n" cannot occur in normalised digits.
    const contact = lines ? `${lines[i]}\n${log.contacts[i]}` : log.contacts[i];
    let id = idOf.get(contact);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(contact, id);
      const line = lines ? lines[i] : '';
      let lineId = lineIdOf.get(line);
      if (lineId === undefined) {
        lineId = lineIdOf.size;
        lineIdOf.set(line, lineId);
      }
      lineOf.push(lineId);
    }
    contactIds[i] = id;
  }
  const contactCount = idOf.size;
  const runStarts = new Int32Array(contactCount + 1);
  for (let i = 0; i < n; i++) runStarts[contactIds[i] + 1]++;
  for (let c = 0; c < contactCount; c++) runStarts[c + 1] += runStarts[c];
  const next = runStarts.slice(0, contactCount);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[next[contactIds[i]]++] = log.times[i] * KIND_SLOTS + log.kinds[i];
  for (let c = 0; c < contactCount; c++) sortRun(keys, runStarts[c], runStarts[c + 1]);
  return { keys, runStarts, runLines: Int32Array.from(lineOf), lineNames: [...lineIdOf.keys()] };
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
