/**
 * Bad inputs to every BILLED_* function through the built bundle: each must fail with a message
 * that starts with the function's name and names the argument (and, for a cell, its row — the
 * position within the range, 1 for the range's first cell, with the offending value), rather than
 * returning NaN, a blank or a partial table.
 */
import { BilledSheet, ZONES, type Cells } from './billed-sheet';

interface BadInput {
  readonly fn: string;
  readonly what: string;
  readonly ranges: readonly Cells[];
  readonly scalars?: readonly unknown[];
  readonly error: RegExp;
}

const OCT = ['2025-10-01', '2025-10-02'];
const LOG_TIMES = ['2025-10-01 09:00', '2025-10-01 09:05', '2025-10-01 09:10'];
const LOG_CONTACTS = ['+57 300 123 4567', '+57 300 123 4567', '+57 300 123 4567'];

const BAD_INPUTS: readonly BadInput[] = [
  {
    fn: 'BILLED_BY_GROUP',
    what: 'mismatched sizes',
    ranges: [
      ['A', 'B', 'C'],
      [1, 2],
    ],
    scalars: [7],
    error: /^BILLED_BY_GROUP: closed_conversations has 2 cells but groups has 3/,
  },
  {
    fn: 'BILLED_BY_GROUP',
    what: 'text in a weight',
    ranges: [
      ['A', 'B'],
      [1, 'five'],
    ],
    scalars: [7],
    error: /^BILLED_BY_GROUP: closed_conversations row 2 .*\("five"\)/,
  },
  {
    fn: 'BILLED_BY_GROUP',
    what: 'a negative weight',
    ranges: [
      ['A', 'B', 'C'],
      [2, 3, -5],
    ],
    scalars: [7],
    error: /^BILLED_BY_GROUP: closed_conversations row 3 is negative \(-5\)/,
  },
  {
    fn: 'BILLED_BY_GROUP',
    what: 'all weights zero with units to split',
    ranges: [
      ['A', 'B'],
      [0, ''],
    ],
    scalars: [7],
    error: /^BILLED_BY_GROUP: closed_conversations .*zero/,
  },
  {
    fn: 'BILLED_BY_GROUP',
    what: 'a fractional billed_total',
    ranges: [['A'], [1]],
    scalars: [7.5],
    error: /^BILLED_BY_GROUP: billed_total .*\(7\.5\)/,
  },
  {
    fn: 'BILLED_BY_GROUP',
    what: 'a negative billed_total',
    ranges: [['A'], [1]],
    scalars: [-7],
    error: /^BILLED_BY_GROUP: billed_total .*\(-7\)/,
  },
  {
    fn: 'BILLED_BY_GROUP',
    what: 'text as cost_total',
    ranges: [['A'], [1]],
    scalars: [7, 'ten'],
    error: /^BILLED_BY_GROUP: cost_total .*\("ten"\)/,
  },
  {
    fn: 'BILLED_BY_GROUP',
    what: 'decimals out of 0–4',
    ranges: [['A'], [1]],
    scalars: [7, 10, 5],
    error: /^BILLED_BY_GROUP: decimals .*\(5\)/,
  },
  {
    fn: 'BILLED_BY_CAMPAIGN',
    what: 'a negative weight',
    ranges: [
      ['X', 'Y', 'Z'],
      [1, 2, -1],
    ],
    scalars: [10],
    error: /^BILLED_BY_CAMPAIGN: conversations row 3 is negative \(-1\)/,
  },
  {
    fn: 'BILLED_BY_CAMPAIGN',
    what: 'no cost_total',
    ranges: [['X'], [1]],
    error: /^BILLED_BY_CAMPAIGN: cost_total /,
  },
  {
    fn: 'BILLED_BY_CAMPAIGN',
    what: 'a negative cost_total',
    ranges: [['X'], [1]],
    scalars: [-10],
    error: /^BILLED_BY_CAMPAIGN: cost_total .*\(-10\)/,
  },
  {
    fn: 'BILLED_BY_CAMPAIGN',
    what: 'mismatched sizes',
    ranges: [
      ['X', 'Y'],
      [1, 2, 3],
    ],
    scalars: [10],
    error: /^BILLED_BY_CAMPAIGN: conversations has 3 cells but campaigns has 2/,
  },
  {
    fn: 'BILLED_PROJECTION',
    what: 'an unknown method',
    ranges: [OCT, [1, 2]],
    scalars: ['2025-10-02', 'exponential'],
    error: /^BILLED_PROJECTION: method .*\("exponential"\)/,
  },
  {
    fn: 'BILLED_PROJECTION',
    what: 'a non-date',
    ranges: [
      ['2025-10-01', 'yesterday'],
      [1, 2],
    ],
    error: /^BILLED_PROJECTION: dates row 2 is not a date \("yesterday"\)/,
  },
  {
    fn: 'BILLED_PROJECTION',
    what: 'an impossible ISO date',
    ranges: [['2025-02-30'], [1]],
    error: /^BILLED_PROJECTION: dates row 1 is not a date \("2025-02-30"\)/,
  },
  {
    fn: 'BILLED_PROJECTION',
    what: 'text in a figure',
    ranges: [OCT, [1, 'n/a']],
    error: /^BILLED_PROJECTION: daily_billed row 2 .*\("n\/a"\)/,
  },
  {
    fn: 'BILLED_PROJECTION',
    what: 'mismatched sizes',
    ranges: [OCT, [1, 2, 3]],
    error: /^BILLED_PROJECTION: daily_billed has 3 cells but dates has 2/,
  },
  {
    fn: 'BILLED_PROJECTION',
    what: 'a non-date as_of',
    ranges: [OCT, [1, 2]],
    scalars: ['next month'],
    error: /^BILLED_PROJECTION: as_of is not a date \("next month"\)/,
  },
  {
    fn: 'BILLED_CONVERSATIONS',
    what: 'an unknown kind',
    ranges: [LOG_TIMES, LOG_CONTACTS, ['user', 'sms', 'service']],
    error: /^BILLED_CONVERSATIONS: kinds row 2 is not a message kind.*\("sms"\)/,
  },
  {
    fn: 'BILLED_CONVERSATIONS',
    what: 'an unknown category',
    ranges: [LOG_TIMES, LOG_CONTACTS, ['user', 'marketing', 'service']],
    scalars: ['promo'],
    error: /^BILLED_CONVERSATIONS: category .*\("promo"\)/,
  },
  {
    fn: 'BILLED_CONVERSATIONS',
    what: 'a non-date timestamp',
    ranges: [['2025-13-01 09:00', ...LOG_TIMES.slice(1)], LOG_CONTACTS, ['user', 'marketing', 'service']],
    error: /^BILLED_CONVERSATIONS: timestamps row 1 is not a date \("2025-13-01 09:00"\)/,
  },
  {
    fn: 'BILLED_CONVERSATIONS',
    what: 'a row without a contact',
    ranges: [LOG_TIMES, ['+57 300 123 4567', '', '+57 300 123 4567'], ['user', 'marketing', 'service']],
    error: /^BILLED_CONVERSATIONS: contacts row 2 is blank/,
  },
  {
    fn: 'BILLED_CONVERSATIONS',
    what: 'mismatched sizes',
    ranges: [LOG_TIMES, LOG_CONTACTS, ['user', 'marketing']],
    error: /^BILLED_CONVERSATIONS: kinds has 2 cells but timestamps has 3/,
  },
  {
    fn: 'BILLED_BREAKDOWN',
    what: 'a number as a timestamp',
    ranges: [[45931, ...LOG_TIMES.slice(1)], LOG_CONTACTS, ['user', 'marketing', 'service']],
    error: /^BILLED_BREAKDOWN: timestamps row 1 is not a date \(45931\)/,
  },
  {
    fn: 'BILLED_BREAKDOWN',
    what: 'an unknown kind',
    ranges: [LOG_TIMES, LOG_CONTACTS, ['user', 'marketing', 'template']],
    error: /^BILLED_BREAKDOWN: kinds row 3 is not a message kind.*\("template"\)/,
  },
  {
    fn: 'BILLED_BREAKDOWN',
    what: 'mismatched sizes',
    ranges: [LOG_TIMES, LOG_CONTACTS.slice(1), ['user', 'marketing', 'service']],
    error: /^BILLED_BREAKDOWN: contacts has 2 cells but timestamps has 3/,
  },
];

describe.each(ZONES)('BILLED_* bad inputs in a %s spreadsheet', (timeZone) => {
  it.each(BAD_INPUTS)('$fn: $what', ({ fn, ranges, scalars = [], error }) => {
    const sheet = new BilledSheet(timeZone);
    expect(() => sheet.call(fn, ranges, ...scalars)).toThrow(error);
  });
});
