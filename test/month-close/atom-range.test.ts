/** Which month a groups/campaigns range's Atom table belongs to (issue 15 point 9). */
import {
  otherMonthNotes,
  otherMonthOf,
  tableMonthOf,
  type MonthAtomTables,
} from '../../src/month-close/atom-range';

const TABLES: MonthAtomTables = {
  '2025-10': {
    groups: { sheet: 'Billing 2025-10', range: 'W5:X305' },
    campaigns: { sheet: 'Billing 2025-10', range: 'Z5:AA305' },
  },
  '2025-09': { groups: { sheet: 'Atom export', range: 'C1:D40' }, campaigns: null },
};

describe('tableMonthOf', () => {
  it('a Billing sheet is its month, whatever the columns', () => {
    expect(tableMonthOf({ sheet: 'Billing 2025-10', range: 'W5:X400' }, {})).toBe('2025-10');
    expect(tableMonthOf({ sheet: 'Billing 2024-01', range: 'A1:B2' }, TABLES)).toBe('2024-01');
  });
  it('a month’s Atom table on another sheet: same sheet and columns, any rows', () => {
    expect(tableMonthOf({ sheet: 'Atom export', range: '$C$1:$D$90' }, TABLES)).toBe('2025-09');
    expect(tableMonthOf({ sheet: 'Atom export', range: 'E1:F40' }, TABLES)).toBeNull();
  });
  it('a sheet of the user’s own is undated', () => {
    expect(tableMonthOf({ sheet: 'Atom groups', range: 'A1:B20' }, TABLES)).toBeNull();
    expect(tableMonthOf({ sheet: 'Billing October', range: 'A1:B20' }, TABLES)).toBeNull();
  });
});

describe('otherMonthOf and the note', () => {
  it('flags another month’s table only', () => {
    const october = TABLES['2025-10'].groups;
    expect(otherMonthOf(october, '2025-11', TABLES)).toBe('2025-10');
    expect(otherMonthOf(october, '2025-10', TABLES)).toBeNull();
    expect(otherMonthOf(null, '2025-11', TABLES)).toBeNull();
    expect(otherMonthOf({ sheet: 'Atom groups', range: 'A:B' }, '2025-11', TABLES)).toBeNull();
  });
  it('notes the range, its month and the month split (the sidebar words the note)', () => {
    const october = { sheet: 'Billing 2025-10', range: 'W5:X305' };
    expect(otherMonthNotes(october, null, '2025-11', TABLES)).toEqual([
      {
        code: 'otherMonthTable',
        what: 'groups',
        range: "'Billing 2025-10'!W5:X305",
        month: '2025-11',
        owner: '2025-10',
      },
    ]);
    expect(otherMonthNotes(october, null, '2025-10', TABLES)).toEqual([]);
  });
});
