/** BILLED_UNIQUE_CONTACTS called the way Sheets calls it, through the built bundle. */
import { loadBundle } from '../../dev/runtime/testing/bundle';

describe.each(['Europe/Madrid', 'America/Bogota'])(
  'BILLED_UNIQUE_CONTACTS in a %s spreadsheet',
  (timeZone) => {
    function seeded() {
      const runtime = loadBundle({ spreadsheet: { timeZone, locale: 'es_ES' } });
      runtime.spreadsheet.setValues('Export!A1', [
        ['Contact', 'Date'],
        ['+57 300 123 4567', runtime.sheetDate('2025-09-30')],
        [573001234567, runtime.sheetDate('2025-10-01')],
        ['0057 (300) 123-4567', runtime.sheetDate('2025-10-31')],
        ['+52 55.1234.5678', runtime.sheetDate('2025-10-15')],
        ['', runtime.sheetDate('2025-10-16')],
        ['+1 415 555 0100', runtime.sheetDate('2025-11-01')],
      ]);
      return runtime;
    }

    it('counts digit-normalised contacts once, ignoring blanks', () => {
      const runtime = seeded();
      expect(runtime.runCustomFunction('BILLED_UNIQUE_CONTACTS', runtime.range('Export!A2:A7'))).toBe(3);
    });

    it('counts only rows whose calendar day lies in [start, end]', () => {
      const runtime = seeded();
      const october = runtime.runCustomFunction(
        'BILLED_UNIQUE_CONTACTS',
        runtime.range('Export!A2:A7'),
        runtime.range('Export!B2:B7'),
        runtime.sheetDate('2025-10-01'),
        runtime.sheetDate('2025-10-31'),
      );
      expect(october).toBe(2);
      const lastDay = runtime.runCustomFunction(
        'BILLED_UNIQUE_CONTACTS',
        runtime.range('Export!A2:A7'),
        runtime.range('Export!B2:B7'),
        '2025-10-31',
        '2025-10-31',
      );
      expect(lastDay).toBe(1);
    });

    it('names the function and the row for mismatched sizes and non-dates', () => {
      const runtime = seeded();
      expect(() =>
        runtime.runCustomFunction(
          'BILLED_UNIQUE_CONTACTS',
          runtime.range('Export!A2:A7'),
          runtime.range('Export!B2:B5'),
        ),
      ).toThrow(/^BILLED_UNIQUE_CONTACTS: .*dates/);
      runtime.spreadsheet.setValues('Export!B3', [['not a date']]);
      expect(() =>
        runtime.runCustomFunction(
          'BILLED_UNIQUE_CONTACTS',
          runtime.range('Export!A2:A7'),
          runtime.range('Export!B2:B7'),
        ),
      ).toThrow(/^BILLED_UNIQUE_CONTACTS: dates row 2/);
    });
  },
);
