import { ZoneCalendar } from '../../src/core/zone-calendar';
import { dayKeyAt, zonedTimeToEpoch } from '../../src/core/time';

describe('ZoneCalendar', () => {
  it('reads calendar days on both sides of UTC', () => {
    const bogota = new ZoneCalendar('America/Bogota'); // UTC-5, no DST
    expect(bogota.dayKeyAt(Date.UTC(2025, 9, 1, 4, 59))).toBe(20250930);
    expect(bogota.dayKeyAt(Date.UTC(2025, 9, 1, 5, 0))).toBe(20251001);
    const madrid = new ZoneCalendar('Europe/Madrid'); // UTC+2 in summer
    expect(madrid.dayKeyAt(Date.UTC(2025, 8, 30, 21, 59))).toBe(20250930);
    expect(madrid.dayKeyAt(Date.UTC(2025, 8, 30, 22, 0))).toBe(20251001);
  });

  it('follows a DST switch inside an hour that does not start on a UTC hour (Adelaide, +10:30)', () => {
    const adelaide = new ZoneCalendar('Australia/Adelaide');
    // 2025-04-06 03:00 ACDT (+10:30) becomes 02:00 ACST (+9:30): at 2025-04-05 16:30 UTC.
    expect(adelaide.offsetAt(Date.UTC(2025, 3, 5, 16, 29))).toBe(10.5 * 3_600_000);
    expect(adelaide.offsetAt(Date.UTC(2025, 3, 5, 16, 30))).toBe(9.5 * 3_600_000);
    expect(adelaide.offsetAt(Date.UTC(2025, 3, 5, 16, 10))).toBe(10.5 * 3_600_000);
  });

  it('agrees with the Intl-based helpers on every hour of a year with DST', () => {
    const zone = 'Europe/Madrid';
    const cal = new ZoneCalendar(zone);
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 3_600_000 + 17 * 60_000) {
      expect(cal.dayKeyAt(t)).toBe(dayKeyAt(t, zone));
    }
  });

  it('finds local wall times like zonedTimeToEpoch, also in a DST gap (Santiago skips midnight)', () => {
    const cases: Array<[string, number, number, number, number]> = [
      ['Europe/Madrid', 2025, 3, 30, 2],
      ['Europe/Madrid', 2025, 10, 26, 2],
      ['America/Santiago', 2024, 9, 8, 0],
      ['America/Bogota', 2025, 7, 1, 0],
    ];
    for (const [zone, y, m, d, h] of cases) {
      expect(new ZoneCalendar(zone).instantOf(y, m, d, h, 30)).toBe(zonedTimeToEpoch(y, m, d, zone, h, 30));
    }
  });

  it('rejects an unknown zone', () => {
    expect(() => new ZoneCalendar('Mars/Olympus')).toThrow('Unknown time zone');
  });
});
