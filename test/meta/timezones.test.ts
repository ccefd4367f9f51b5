import { isValidTimeZone } from '../../src/core/time';
import { ianaZoneForMetaTimezoneId, resolveWabaTimeZone } from '../../src/meta/timezones';

describe('Meta timezone_id → IANA zone', () => {
  test.each([
    ['1', 'America/Los_Angeles'],
    ['10', 'America/Argentina/Buenos_Aires'],
    ['25', 'America/Sao_Paulo'],
    ['41', 'America/Santiago'],
    ['43', 'America/Bogota'],
    ['51', 'America/Guayaquil'],
    ['53', 'Africa/Cairo'],
  ])('id %s is %s (rows of Meta’s timezone-ids page)', (id, zone) => {
    expect(ianaZoneForMetaTimezoneId(id)).toBe(zone);
    expect(ianaZoneForMetaTimezoneId(Number(id))).toBe(zone);
  });

  test('every confirmed id 1–53 maps to a zone this runtime knows', () => {
    for (let id = 1; id <= 53; id++) {
      const zone = ianaZoneForMetaTimezoneId(String(id));
      expect(zone).not.toBeNull();
      expect(isValidTimeZone(zone as string)).toBe(true);
    }
  });

  test.each([['0'], ['54'], ['94'], ['103'], [''], ['abc'], [null], [undefined], ['-1'], ['2.5']])(
    'unconfirmed or invalid id %p maps to nothing',
    (id) => {
      expect(ianaZoneForMetaTimezoneId(id)).toBeNull();
    },
  );

  test('a confirmed id uses the WABA zone', () => {
    expect(resolveWabaTimeZone('25', 'Europe/Madrid')).toEqual({
      timeZone: 'America/Sao_Paulo',
      zoneSource: 'waba',
    });
  });

  test('an unconfirmed id (94 = Mexico City in a third-party list) falls back to the spreadsheet zone, flagged', () => {
    expect(resolveWabaTimeZone('94', 'America/Mexico_City')).toEqual({
      timeZone: 'America/Mexico_City',
      zoneSource: 'spreadsheet',
    });
  });
});
