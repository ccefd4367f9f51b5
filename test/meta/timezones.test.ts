import { isValidTimeZone } from '../../src/core/time';
import { TIMEZONE_ID_SOURCES, timezoneIds } from '../../src/meta/timezone-ids';
import { ianaZoneForMetaTimezoneId, metaTimezone, resolveWabaTimeZone } from '../../src/meta/timezones';

const TIMEZONE_IDS = timezoneIds();

describe('Meta timezone_id → IANA zone', () => {
  // The Latin-American ids of shared/reference/meta-2026.md §1 (* = unconfirmed range there).
  test.each([
    [94, 'America/Mexico_City', 'confirmed'],
    [91, 'America/Tijuana', 'confirmed'],
    [92, 'America/Hermosillo', 'confirmed'],
    [93, 'America/Mazatlan', 'confirmed'],
    [213, 'America/Cancun', 'unconfirmed'],
    [258, 'America/Monterrey', 'unconfirmed'],
    [254, 'America/Merida', 'unconfirmed'],
    [216, 'America/Chihuahua', 'unconfirmed'],
    [43, 'America/Bogota', 'confirmed'],
    [103, 'America/Lima', 'confirmed'],
    [41, 'America/Santiago', 'confirmed'],
    [40, 'Pacific/Easter', 'confirmed'],
    [271, 'America/Punta_Arenas', 'unconfirmed'],
    [10, 'America/Argentina/Buenos_Aires', 'confirmed'],
    [9, 'America/Argentina/San_Luis', 'confirmed'],
    [11, 'America/Argentina/Salta', 'confirmed'],
    [197, 'America/Argentina/Cordoba', 'unconfirmed'],
    [139, 'America/Caracas', 'confirmed'],
    [25, 'America/Sao_Paulo', 'confirmed'],
    [22, 'America/Noronha', 'confirmed'],
    [23, 'America/Campo_Grande', 'confirmed'],
    [24, 'America/Belem', 'confirmed'],
    [249, 'America/Manaus', 'unconfirmed'],
    [224, 'America/Fortaleza', 'unconfirmed'],
    [273, 'America/Recife', 'unconfirmed'],
    [206, 'America/Bahia', 'unconfirmed'],
    [218, 'America/Cuiaba', 'unconfirmed'],
    [61, 'America/Guatemala', 'confirmed'],
    [102, 'America/Panama', 'confirmed'],
    [138, 'America/Montevideo', 'confirmed'],
    [111, 'America/Asuncion', 'confirmed'],
    [21, 'America/La_Paz', 'confirmed'],
    [51, 'America/Guayaquil', 'confirmed'],
    [50, 'Pacific/Galapagos', 'confirmed'],
    [44, 'America/Costa_Rica', 'confirmed'],
    [131, 'America/El_Salvador', 'confirmed'],
    [63, 'America/Tegucigalpa', 'confirmed'],
    [97, 'America/Managua', 'confirmed'],
    [49, 'America/Santo_Domingo', 'confirmed'],
    [107, 'America/Puerto_Rico', 'confirmed'],
    [135, 'America/Port_of_Spain', 'confirmed'],
    [75, 'America/Jamaica', 'confirmed'],
    [232, 'America/Havana', 'unconfirmed'],
    [209, 'America/Belize', 'unconfirmed'],
  ])('id %s is %s (%s), as a number or as text', (id, zone, confidence) => {
    expect(metaTimezone(id)).toEqual({ zone, confidence });
    expect(metaTimezone(String(id))).toEqual({ zone, confidence });
    expect(metaTimezone(` ${id} `)).toEqual({ zone, confidence });
    expect(resolveWabaTimeZone(String(id), 'Europe/Madrid')).toEqual({
      timeZone: zone,
      zoneSource: 'waba',
      zoneConfidence: confidence,
    });
  });

  test('the table holds every id 1–475 of the reference appendix, each a zone this runtime knows', () => {
    expect(Object.keys(TIMEZONE_IDS).map(Number)).toEqual(Array.from({ length: 475 }, (_, i) => i + 1));
    // Spot checks at the ends of each range and at the tzdb links the appendix names.
    expect([1, 53, 54, 141, 142, 147, 475].map((id) => TIMEZONE_IDS[id])).toEqual([
      'America/Los_Angeles',
      'Africa/Cairo',
      'Atlantic/Canary',
      'Africa/Johannesburg',
      'America/Winnipeg',
      'Africa/Abidjan',
      'WET',
    ]);
    expect([31, 137, 226, 445].map((id) => TIMEZONE_IDS[id])).toEqual([
      'America/Rainy_River',
      'Europe/Kiev',
      'America/Godthab',
      'Pacific/Enderbury',
    ]);
    for (let id = 1; id <= 475; id++) {
      expect([id, isValidTimeZone(TIMEZONE_IDS[id])]).toEqual([id, true]);
      expect(ianaZoneForMetaTimezoneId(id)).toBe(TIMEZONE_IDS[id]);
    }
  });

  test('ids 1–141 are confirmed, 142–475 unconfirmed, each range with its source', () => {
    expect(TIMEZONE_ID_SOURCES.map((r) => [r.from, r.to, r.confidence])).toEqual([
      [1, 53, 'confirmed'],
      [54, 141, 'confirmed'],
      [142, 475, 'unconfirmed'],
    ]);
    expect(TIMEZONE_ID_SOURCES.every((r) => r.source.length > 20)).toBe(true);
    expect(metaTimezone(141)?.confidence).toBe('confirmed');
    expect(metaTimezone(142)?.confidence).toBe('unconfirmed');
  });

  test.each([
    ['0'],
    [0],
    ['476'],
    [592],
    ['9999'],
    [''],
    ['abc'],
    [null],
    [undefined],
    ['-1'],
    ['2.5'],
    ['1e2'],
  ])('id %p maps to nothing: the spreadsheet zone is used and said to be a fallback', (id) => {
    expect(ianaZoneForMetaTimezoneId(id)).toBeNull();
    expect(resolveWabaTimeZone(id, 'America/Bogota')).toEqual({
      timeZone: 'America/Bogota',
      zoneSource: 'spreadsheet',
      zoneConfidence: 'fallback',
    });
  });

  test('a zone the runtime’s Intl does not know falls back to the spreadsheet zone', () => {
    const table = { ...TIMEZONE_IDS, 94: 'America/Nowhere_City' };
    expect(metaTimezone(94, table)).toBeNull();
    expect(metaTimezone(43, table)).toEqual({ zone: 'America/Bogota', confidence: 'confirmed' });
  });
});
