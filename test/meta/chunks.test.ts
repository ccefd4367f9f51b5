import { planAnalyticsChunks } from '../../src/meta/analytics';

describe('planAnalyticsChunks', () => {
  test('a range spanning 2025-07-01 is split at midnight of the switch day in the WABA zone (São Paulo, UTC-3)', () => {
    const chunks = planAnalyticsChunks(20250615, 20250710, 'America/Sao_Paulo');
    expect(chunks).toEqual([
      // 2025-06-15T03:00Z .. 2025-07-01T03:00Z
      {
        api: 'conversation_analytics',
        fromDay: 20250615,
        toDay: 20250630,
        start: 1749956400,
        end: 1751338800,
      },
      // 2025-07-01T03:00Z .. 2025-07-11T03:00Z
      { api: 'pricing_analytics', fromDay: 20250701, toDay: 20250710, start: 1751338800, end: 1752202800 },
    ]);
  });

  test('the switch instant follows the zone: Los Angeles midnight is 07:00Z (PDT)', () => {
    const chunks = planAnalyticsChunks(20250630, 20250701, 'America/Los_Angeles');
    expect(chunks.map((c) => [c.api, c.end - c.start])).toEqual([
      ['conversation_analytics', 86400],
      ['pricing_analytics', 86400],
    ]);
    expect(chunks[1].start).toBe(Date.UTC(2025, 6, 1, 7) / 1000);
  });

  test('long ranges are split by calendar month', () => {
    const chunks = planAnalyticsChunks(20250115, 20250303, 'America/Bogota');
    expect(chunks.map((c) => [c.fromDay, c.toDay])).toEqual([
      [20250115, 20250131],
      [20250201, 20250228],
      [20250301, 20250303],
    ]);
    // Bogotá is UTC-5 all year.
    expect(chunks[1].start).toBe(Date.UTC(2025, 1, 1, 5) / 1000);
    expect(chunks[1].end).toBe(Date.UTC(2025, 2, 1, 5) / 1000);
  });

  test('a year across the switch gives 12 month chunks, 6 per API', () => {
    const chunks = planAnalyticsChunks(20250101, 20251231, 'America/Sao_Paulo');
    expect(chunks).toHaveLength(12);
    expect(chunks.filter((c) => c.api === 'conversation_analytics').map((c) => c.toDay)).toEqual([
      20250131, 20250228, 20250331, 20250430, 20250531, 20250630,
    ]);
  });

  test('a single day is one chunk', () => {
    expect(planAnalyticsChunks(20251225, 20251225, 'America/Sao_Paulo')).toHaveLength(1);
  });

  test('a DST day is 23 hours long (Santiago springs forward at midnight on 2025-09-07)', () => {
    const [chunk] = planAnalyticsChunks(20250907, 20250907, 'America/Santiago');
    // Midnight does not exist that day: the day starts at 01:00 -03 = 04:00Z and ends at 03:00Z next day.
    expect(chunk.start).toBe(Date.UTC(2025, 8, 7, 4) / 1000);
    expect(chunk.end).toBe(Date.UTC(2025, 8, 8, 3) / 1000);
  });

  test('an inverted range is a programming error', () => {
    expect(() => planAnalyticsChunks(20250702, 20250701, 'UTC')).toThrow(RangeError);
  });
});
