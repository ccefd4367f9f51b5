import { billedUniqueContacts } from '../../src/core/formulas/unique-contacts';
import { BOGOTA, MADRID, bogota, column, foreignDate } from './helpers';

describe('BILLED_UNIQUE_CONTACTS', () => {
  it('counts distinct phone numbers however they are written, ignoring blanks', () => {
    const contacts = column(
      '+57 300 123 4567',
      573001234567,
      '0057-300-123-4567',
      '',
      '+34 600 11 22 33',
      '(34) 600.112.233',
    );
    expect(billedUniqueContacts({ contacts }, BOGOTA)).toBe(2);
  });

  it('accepts a row range and a single cell', () => {
    expect(billedUniqueContacts({ contacts: [['1', '2', '1']] }, BOGOTA)).toBe(2);
    expect(billedUniqueContacts({ contacts: '+57 300' }, BOGOTA)).toBe(1);
    expect(billedUniqueContacts({ contacts: '' }, BOGOTA)).toBe(0);
  });

  it('keeps only rows whose calendar day (spreadsheet zone) is within [start, end]', () => {
    // Bogota is UTC-5: 2025-10-01 23:30 local is 2025-10-02 04:30 UTC, still 1 October in the sheet.
    const contacts = column('111', '222', '333', '444');
    const dates = column(
      bogota(2025, 9, 30, 23, 59),
      bogota(2025, 10, 1, 0, 0),
      bogota(2025, 10, 1, 23, 30),
      '2025-10-02',
    );
    const args = { contacts, dates, start: bogota(2025, 10, 1), end: '2025-10-01' };
    expect(billedUniqueContacts(args, BOGOTA)).toBe(2);
    // Same instants read in Madrid: 2025-09-30 23:59 Bogota = 2025-10-01 06:59 Madrid; 2025-10-01 23:30
    // Bogota = 2025-10-02 06:30 Madrid; the ISO text is read as Madrid's 2 October.
    expect(billedUniqueContacts({ ...args, start: '2025-10-01', end: '2025-10-01' }, MADRID)).toBe(2);
  });

  it('leaves a bound open when it is omitted or blank', () => {
    const contacts = column('1', '2', '3');
    const dates = column('2025-09-01', '2025-10-01', '2025-11-01');
    expect(billedUniqueContacts({ contacts, dates, start: '2025-10-01' }, BOGOTA)).toBe(2);
    expect(billedUniqueContacts({ contacts, dates, end: '2025-10-01' }, BOGOTA)).toBe(2);
    expect(billedUniqueContacts({ contacts, dates, start: '', end: '' }, BOGOTA)).toBe(3);
  });

  it('counts a contact once even when several of its rows are in range', () => {
    const contacts = column('+1 555 0100', '15550100', '15550100');
    const dates = column('2025-10-01', '2025-10-02', '2025-12-01');
    expect(billedUniqueContacts({ contacts, dates, start: '2025-10-01', end: '2025-10-31' }, BOGOTA)).toBe(1);
  });

  it('ignores the date of a row without a contact', () => {
    const contacts = column('1', '', '');
    const dates = column('2025-10-01', 'not a date', '');
    expect(billedUniqueContacts({ contacts, dates }, BOGOTA)).toBe(1);
  });

  it('accepts Dates from another realm as start and end', () => {
    const contacts = column('1', '2');
    const dates = column(foreignDate(Date.UTC(2025, 9, 1, 12)), foreignDate(Date.UTC(2025, 9, 3, 12)));
    expect(
      billedUniqueContacts({ contacts, dates, start: bogota(2025, 10, 1), end: bogota(2025, 10, 2) }, BOGOTA),
    ).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a non-date',
      { contacts: column('1', '2', '3'), dates: column('2025-10-01', '2025-10-01', 'abc') },
      'BILLED_UNIQUE_CONTACTS: dates row 3 is not a date ("abc")',
    ],
    [
      'a blank date',
      { contacts: column('1', '2'), dates: column('2025-10-01', '') },
      'BILLED_UNIQUE_CONTACTS: dates row 2 is blank',
    ],
    [
      'mismatched sizes',
      { contacts: column('1', '2'), dates: column('2025-10-01') },
      'BILLED_UNIQUE_CONTACTS: dates has 1 cells but contacts has 2; they must be the same size',
    ],
    [
      'a bad start',
      { contacts: column('1'), dates: column('2025-10-01'), start: 'soon' },
      'BILLED_UNIQUE_CONTACTS: start is not a date ("soon")',
    ],
    [
      'start after end',
      { contacts: column('1'), dates: column('2025-10-01'), start: '2025-10-02', end: '2025-10-01' },
      'BILLED_UNIQUE_CONTACTS: start (2025-10-02) is after end (2025-10-01)',
    ],
    [
      'bounds without dates',
      { contacts: column('1'), start: '2025-10-01' },
      'BILLED_UNIQUE_CONTACTS: dates is required when start or end is given',
    ],
    [
      'a non-phone contact',
      { contacts: column('1', 'Juan') },
      'BILLED_UNIQUE_CONTACTS: contacts row 2 is not a phone number ("Juan")',
    ],
    [
      'a 2-D block',
      {
        contacts: [
          ['1', '2'],
          ['3', '4'],
        ],
      },
      'BILLED_UNIQUE_CONTACTS: contacts must be a single column or a single row (got 2 rows × 2 columns)',
    ],
    ['no contacts', {}, 'BILLED_UNIQUE_CONTACTS: contacts is required'],
  ])('rejects %s', (_what, args, message) => {
    expect(() => billedUniqueContacts(args as { contacts: unknown }, BOGOTA)).toThrow(message);
  });
});
