/**
 * The history in BigQuery read as counts first (src/month-close/stored-counts.ts): deciding over the counts and
 * reading back only the rows they pick gives exactly what the same rule gives over every stored row — the kept
 * rows, the figures' rows, the notes and the month's rows after the import.
 */
import fc from 'fast-check';
import type { MetaUsageRow } from '../../src/month-close/figures';
import { dataRowsOf } from '../../src/month-close/meta-data-sheet';
import { monthRowsAfterImport } from '../../src/month-close/month-rows';
import {
  countsOf,
  importedGroups,
  importedLineDigits,
  rowsOfCounts,
  storedCountsToRead,
} from '../../src/month-close/stored-counts';
import { decideHistory, lookbackFirstDay, storedRowsFrom } from '../../src/month-close/stored-history';

const OCT = { year: 2025, month: 10 };
const LINES = ['+57 300 1234567', '+52 55 1234 5678', '+55 11 4002-8922'];
/** Today 2026-10-11: 1–10 October 2025 are past Meta's lookback. */
const TODAY = 20261011;

const aRow = fc.record({
  day: fc.integer({ min: 1, max: 20 }).map((d) => `2025-10-${String(d).padStart(2, '0')}`),
  line: fc.constantFrom(...LINES, null),
  volume: fc.integer({ min: 0, max: 1000 }),
  currency: fc.constantFrom('BRL', 'USD', undefined),
});

const usage = (r: { day: string; line: string | null; volume: number; currency?: string }): MetaUsageRow => ({
  day: r.day,
  line: r.line,
  country: 'CO',
  pricingModel: 'message',
  category: 'MARKETING',
  type: 'REGULAR',
  tier: null,
  volume: r.volume,
  cost: r.volume / 100,
  ...(r.currency && { currency: r.currency }),
});

test('deciding over the counts and reading back the rows they pick equals the rule over every stored row', () => {
  fc.assert(
    fc.property(
      fc.array(aRow, { maxLength: 40 }),
      fc.array(aRow, { maxLength: 20 }),
      fc.subarray(LINES),
      (storedRaw, answerRaw, imported) => {
        const lines = imported.map((displayPhoneNumber) => ({ displayPhoneNumber }));
        const lineDigits = importedLineDigits(lines);
        const stored = storedRaw.map(usage);
        // Meta answers for the imported lines only, in the account's currency or a former account's.
        const answer = answerRaw
          .map(usage)
          .filter(
            (r) => r.line !== null && (lineDigits === null || lineDigits.has(r.line.replace(/\D/g, ''))),
          );
        const lookback = lookbackFirstDay(TODAY);

        // Today's way: every stored row read back.
        const all = decideHistory(OCT, answer, storedRowsFrom(stored, lineDigits, 'BRL'), lookback, 'BRL');
        // Counts first, then only the rows they pick.
        const counts = countsOf(stored, 'BRL');
        const read = rowsOfCounts(
          stored,
          storedCountsToRead(OCT, answer, counts, lines, TODAY, 'BRL'),
          'BRL',
        );
        const fromCounts = decideHistory(
          OCT,
          answer,
          storedRowsFrom(read, lineDigits, 'BRL'),
          lookback,
          'BRL',
          importedGroups(counts, lineDigits),
        );
        expect(fromCounts.kept).toEqual(all.kept);
        expect(fromCounts.usage).toEqual(all.usage);
        expect(fromCounts.notes).toEqual(all.notes);
        const fresh = dataRowsOf(answer, new Map(), 'BRL');
        expect(monthRowsAfterImport(read, lineDigits, fromCounts.kept, fresh)).toEqual(
          monthRowsAfterImport(stored, lineDigits, all.kept, fresh),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('a timely close (Meta answers every stored day and line) reads no rows back; an empty answer reads them all', () => {
  const stored = [
    usage({ day: '2025-10-12', line: LINES[0], volume: 1 }),
    usage({ day: '2025-10-12', line: LINES[0], volume: 2 }),
    usage({ day: '2025-10-13', line: LINES[1], volume: 3 }),
  ];
  const counts = countsOf(stored, 'BRL');
  expect(counts).toEqual([
    { day: '2025-10-12', line: LINES[0], currency: 'BRL', rows: 2 },
    { day: '2025-10-13', line: LINES[1], currency: 'BRL', rows: 1 },
  ]);
  const answer = [usage({ day: '2025-10-12', line: LINES[0], volume: 5 })];
  expect(storedCountsToRead(OCT, answer, counts, [], TODAY, 'BRL')).toEqual([]);
  expect(storedCountsToRead(OCT, [], counts, [], TODAY, 'BRL')).toEqual(counts);
  // One line imported: the other line's rows are read back (the month's partition is replaced whole).
  expect(storedCountsToRead(OCT, answer, counts, [{ displayPhoneNumber: LINES[0] }], TODAY, 'BRL')).toEqual([
    counts[1],
  ]);
});
