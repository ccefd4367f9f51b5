/**
 * Puts a message log in (contact, time, kind) order without sorting a million records by a
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
   * Optional tally groups (small integers, e.g. the recipient's country for pricing by market), the same for
   * every message of a contact: units are counted per group, nothing else depends on them. Absent: group 0.
   */
  readonly groups?: ArrayLike<number>;
}

export interface ContactRuns {
  /** time · KIND_SLOTS + kind, sorted within each contact's run. */
  readonly keys: Float64Array;
  /** Contact c's run is keys[runStarts[c] .. runStarts[c + 1]). */
  readonly runStarts: Int32Array;
  /** The tally group of each run (its contact's first message's). */
  readonly runGroups: Int32Array;
}

/** Below this length insertion sort beats creating a subarray and calling the native sort. */
const SHORT_RUN = 24;

export function sortIntoContactRuns(log: MessageLog): ContactRuns {
  const n = log.times.length;
  const contactIds = new Int32Array(n);
  const idOf = new Map<string, number>();
  const groupOf: number[] = [];
  for (let i = 0; i < n; i++) {
    const contact = log.contacts[i];
    let id = idOf.get(contact);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(contact, id);
      groupOf.push(log.groups ? log.groups[i] : 0);
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
  return { keys, runStarts, runGroups: Int32Array.from(groupOf) };
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
