import { BOGOTA, MADRID, foreignDate } from './helpers';
import { breakdown, charged, logArgs, type Row } from './pricing-helpers';
import { billedBreakdown } from '../../src/core/formulas/breakdown';
import { billedConversations } from '../../src/core/formulas/conversations';
import { PRICING_RULES } from '../../src/core/pricing/rules';

const UTC = { timeZone: 'UTC', locale: 'en_US' };

describe('per-message pricing (from 2025-07-01)', () => {
  it('the issue example: user 10:00, utility 11:00, marketing 11:30 → 1 charged (the marketing one)', () => {
    const rows: Row[] = [
      ['2025-09-10 10:00', '+57 300 000 0001', 'user'],
      ['2025-09-10 11:00', '573000000001', 'utility'],
      ['2025-09-10 11:30', '57 300 000 0001', 'marketing'],
    ];
    expect(charged(BOGOTA, rows)).toBe(1);
    expect(charged(BOGOTA, rows, 'marketing')).toBe(1);
    expect(charged(BOGOTA, rows, 'utility')).toBe(0);
    expect(breakdown(BOGOTA, rows)).toEqual([
      ['2025-09-10', 'message', 'marketing', 1, 0],
      ['2025-09-10', 'message', 'utility', 0, 1],
    ]);
  });

  it('charges a utility template once the 24 h service window has closed (the window is half-open)', () => {
    const rows: Row[] = [
      ['2025-09-10 10:00', '1', 'user'],
      ['2025-09-11 09:59', '1', 'utility'], // 23:59 after: free
      ['2025-09-11 10:00', '1', 'utility'], // exactly 24 h after: charged
    ];
    expect(charged(BOGOTA, rows)).toBe(1);
  });

  it('charges marketing and both authentication categories even inside the window; service is free', () => {
    const rows: Row[] = [
      ['2025-09-10 10:00', '1', 'user'],
      ['2025-09-10 10:01', '1', 'authentication'],
      ['2025-09-10 10:02', '1', 'AUTHENTICATION-INTERNATIONAL'],
      ['2025-09-10 10:03', '1', 'marketing'],
      ['2025-09-10 10:04', '1', 'marketing'],
      ['2025-09-10 10:05', '1', 'service'],
    ];
    expect(charged(BOGOTA, rows)).toBe(4);
    expect(charged(BOGOTA, rows, 'authentication')).toBe(1);
    expect(charged(BOGOTA, rows, 'authentication_international')).toBe(1);
    expect(charged(BOGOTA, rows, 'service')).toBe(0);
  });

  it('makes everything free for 72 h after the first reply within 24 h to an ad referral', () => {
    const rows: Row[] = [
      ['2025-09-10 10:00', '1', 'user_ad'],
      ['2025-09-10 12:00', '1', 'marketing'], // opens the free entry point: free until 09-13 12:00
      ['2025-09-13 11:59', '1', 'marketing'], // free
      ['2025-09-13 12:00', '1', 'marketing'], // charged
    ];
    expect(charged(BOGOTA, rows)).toBe(1);
    expect(breakdown(BOGOTA, rows)).toEqual([
      ['2025-09-10', 'message', 'marketing', 0, 1],
      ['2025-09-13', 'message', 'marketing', 1, 1],
    ]);
  });

  it('opens no free entry point for a reply 24 h or more after the referral', () => {
    const rows: Row[] = [
      ['2025-09-10 10:00', '1', 'user_ad'],
      ['2025-09-11 10:00', '1', 'marketing'],
    ];
    expect(charged(BOGOTA, rows)).toBe(1);
  });

  it('lets only the first business message after the referral open the free entry point', () => {
    // The service reply at 10:05 opens it; the marketing template at 11:00 is inside it: free.
    const rows: Row[] = [
      ['2025-09-10 10:00', '1', 'user_ad'],
      ['2025-09-10 10:05', '1', 'service'],
      ['2025-09-10 11:00', '1', 'marketing'],
    ];
    expect(charged(BOGOTA, rows)).toBe(0);
  });
});

describe('conversation-based pricing (before 2025-07-01)', () => {
  it('opens one charged conversation per category per 24 h', () => {
    const rows: Row[] = [
      ['2025-03-10 10:00', '1', 'marketing'], // opens, charged
      ['2025-03-10 20:00', '1', 'marketing'], // inside
      ['2025-03-11 10:00', '1', 'marketing'], // 24 h later: opens again
      ['2025-03-10 11:00', '2', 'marketing'], // another contact: its own
    ];
    expect(charged(BOGOTA, rows)).toBe(3);
  });

  it('lets conversations of different categories overlap, each charged', () => {
    const rows: Row[] = [
      ['2025-03-10 10:00', '1', 'marketing'],
      ['2025-03-10 11:00', '1', 'utility'],
      ['2025-03-10 12:00', '1', 'authentication'],
    ];
    expect(charged(BOGOTA, rows)).toBe(3);
  });

  it('opens a service conversation only when no conversation of any category is open', () => {
    const inside: Row[] = [
      ['2025-03-10 10:00', '1', 'marketing'],
      ['2025-03-10 11:00', '1', 'service'],
    ];
    expect(breakdown(BOGOTA, inside)).toEqual([['2025-03-10', 'conversation', 'marketing', 1, 0]]);
    const before: Row[] = [
      ['2025-03-10 10:00', '1', 'service'], // opens a (free, after 2024-11-01) service conversation
      ['2025-03-10 11:00', '1', 'marketing'], // a template opens its own category anyway
    ];
    expect(breakdown(BOGOTA, before)).toEqual([
      ['2025-03-10', 'conversation', 'marketing', 1, 0],
      ['2025-03-10', 'conversation', 'service', 0, 1],
    ]);
  });

  it('processes a template and a service message at the same instant template first, whatever the row order', () => {
    const a: Row[] = [
      ['2025-03-10 10:00', '1', 'service'],
      ['2025-03-10 10:00', '1', 'marketing'],
    ];
    expect(breakdown(BOGOTA, a)).toEqual([['2025-03-10', 'conversation', 'marketing', 1, 0]]);
    expect(breakdown(BOGOTA, [a[1], a[0]])).toEqual(breakdown(BOGOTA, a));
  });

  it('a free entry point is free, closes open conversations and lets none open for 72 h', () => {
    const rows: Row[] = [
      ['2025-03-10 08:00', '1', 'marketing'], // charged conversation until 03-11 08:00
      ['2025-03-10 09:00', '1', 'user_ad'],
      ['2025-03-10 10:00', '1', 'utility'], // opens the free entry point until 03-13 10:00, closes marketing
      ['2025-03-10 12:00', '1', 'marketing'], // nothing opens
      ['2025-03-13 09:59', '1', 'authentication'], // nothing opens
      ['2025-03-13 10:00', '1', 'marketing'], // a new charged marketing conversation
    ];
    expect(charged(BOGOTA, rows)).toBe(2);
    expect(breakdown(BOGOTA, rows)).toEqual([
      ['2025-03-10', 'conversation', 'marketing', 1, 0],
      ['2025-03-10', 'conversation', 'free_entry_point', 0, 1],
      ['2025-03-13', 'conversation', 'marketing', 1, 0],
    ]);
  });

  it('charges service conversations before 2023-06-01 (the older all-category free tier is not modelled)', () => {
    expect(charged(BOGOTA, [['2023-05-31 10:00', '1', 'service']])).toBe(1);
  });

  it('gives the first 1,000 service conversations of a calendar month free (2023-06..2024-10), across contacts', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 1000; i++)
      rows.push([`2024-03-${String(1 + (i % 28)).padStart(2, '0')} 12:00`, `${1000 + i}`, 'service']);
    // 2024-03-31 23:30 in Bogota is 2024-04-01 04:30 UTC: still March in the sheet, so it is the 1,001st.
    rows.push(['2024-03-31 23:30', '9', 'service']);
    rows.push(['2024-04-01 00:30', '8', 'service']); // April: free
    expect(charged(BOGOTA, rows)).toBe(1);
    expect(breakdown(BOGOTA, rows).filter((r) => Number(r[3]) > 0)).toEqual([
      ['2024-03-31', 'conversation', 'service', 1, 0],
    ]);
    // The charged one is the latest in time, wherever its row is.
    expect(charged(BOGOTA, [...rows].reverse())).toBe(1);
  });

  it('counts the free-tier month in the sheet zone: the same instants in UTC fall in April', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 1000; i++)
      rows.push([foreignDate(Date.UTC(2024, 2, 15, 12, 0, i)), `${1000 + i}`, 'service']);
    rows.push([foreignDate(Date.UTC(2024, 3, 1, 4, 30)), '9', 'service']); // 2024-03-31 23:30 Bogota
    expect(charged(BOGOTA, rows)).toBe(1);
    expect(charged(UTC, rows)).toBe(0);
  });

  it('counts the month across a DST switch in Madrid (2024-03-31 02:00 → 03:00)', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 1000; i++)
      rows.push([`2024-03-31 ${String(3 + (i % 20)).padStart(2, '0')}:30`, `${1000 + i}`, 'service']);
    rows.push(['2024-03-31 23:59', '9', 'service']); // 21:59 UTC: March in Madrid, charged
    rows.push([foreignDate(Date.UTC(2024, 2, 31, 22, 0)), '8', 'service']); // 00:00 CEST on 1 April: free
    expect(charged(MADRID, rows)).toBe(1);
  });

  it('makes every service conversation free from 2024-11-01', () => {
    const october: Row[] = [];
    const november: Row[] = [];
    for (let i = 0; i < 1001; i++) {
      october.push(['2024-10-15 12:00', `${1000 + i}`, 'service']);
      november.push(['2024-11-15 12:00', `${1000 + i}`, 'service']);
    }
    expect(charged(BOGOTA, october)).toBe(1);
    expect(charged(BOGOTA, november)).toBe(0);
  });
});

describe('the switch to per-message pricing at local midnight 2025-07-01', () => {
  it('keeps a utility conversation opened before the switch free for utility templates after it', () => {
    const rows: Row[] = [
      ['2025-06-30 20:00', '1', 'utility'], // conversation-based: charged, open until 07-01 20:00
      ['2025-07-01 10:00', '1', 'utility'], // per-message, no service window, inside that conversation: free
      ['2025-07-01 20:00', '1', 'utility'], // the conversation has closed: charged
      ['2025-07-01 10:30', '1', 'marketing'], // marketing gets no such grace: charged
    ];
    expect(charged(BOGOTA, rows)).toBe(3);
    expect(breakdown(BOGOTA, rows)).toEqual([
      ['2025-06-30', 'conversation', 'utility', 1, 0],
      ['2025-07-01', 'message', 'marketing', 1, 0],
      ['2025-07-01', 'message', 'utility', 1, 1],
    ]);
  });

  it('places the switch at midnight in the sheet zone, on both sides of UTC', () => {
    // Bogota (UTC-5): 04:30 UTC is 23:30 on 30 June (conversation), 05:30 UTC is 00:30 on 1 July (message).
    const bogotaRows: Row[] = [
      [foreignDate(Date.UTC(2025, 6, 1, 4, 30)), '1', 'utility'],
      [foreignDate(Date.UTC(2025, 6, 1, 5, 30)), '1', 'utility'],
    ];
    expect(charged(BOGOTA, bogotaRows)).toBe(1); // the second is inside the first's conversation
    expect(charged(UTC, bogotaRows)).toBe(2); // both per-message, no window
    // Madrid (UTC+2 in summer): 21:30 UTC is 23:30 on 30 June, 22:30 UTC is 00:30 on 1 July.
    const madridRows: Row[] = [
      [foreignDate(Date.UTC(2025, 5, 30, 21, 30)), '1', 'utility'],
      [foreignDate(Date.UTC(2025, 5, 30, 22, 30)), '1', 'utility'],
    ];
    expect(charged(MADRID, madridRows)).toBe(1);
    expect(charged(UTC, madridRows)).toBe(1); // in UTC both are conversation-based, one conversation
  });
});

describe('BILLED_BREAKDOWN dates', () => {
  it('returns each day as a Date at local midnight, also on a 25-hour DST day', () => {
    const rows: Row[] = [['2024-10-27 23:30', '1', 'marketing']]; // Madrid leaves summer time on this day
    const madridTable = breakdown(MADRID, rows);
    expect(madridTable).toEqual([['2024-10-27', 'conversation', 'marketing', 1, 0]]);
  });

  it('builds dates with the sheet’s factory', () => {
    const made: number[] = [];
    const sheet = { ...MADRID, makeDate: (ms: number) => (made.push(ms), foreignDate(ms)) };
    breakdown(sheet, [['2024-10-27 23:30', '1', 'marketing']]);
    expect(made).toEqual([Date.UTC(2024, 9, 26, 22, 0)]); // 2024-10-27 00:00 CEST
  });

  it('has only a header for a log without business messages, in Spanish for "es"', () => {
    expect(billedBreakdown(logArgs([['2025-09-10 10:00', '1', 'user']]), BOGOTA)).toEqual([
      ['Fecha', 'Modelo de precio', 'Categoría', 'Unidades cobradas', 'Unidades gratuitas'],
    ]);
  });
});

describe('the 2026-10-01 rule: in-window utility and service beyond 1,000 per line a month charged', () => {
  it('is in force, with the allowance and its per-line scope as fields of the dated entry', () => {
    expect(PRICING_RULES.find((r) => r.from === 20261001)).toMatchObject({
      enabled: true,
      model: 'message',
      freeServicePerMonth: 1000,
      freeServiceScope: 'line',
      utilityFreeInServiceWindow: false,
    });
    // The 2023-06..2024-10 tier stays per WhatsApp Business Account.
    expect(PRICING_RULES.find((r) => r.from === 20230601)?.freeServiceScope).toBe('account');
  });

  it('worked example (a): service reply in the allowance, utility and marketing charged → 2', () => {
    const rows: Row[] = [
      ['2026-10-15 10:00', '+57 300 000 0001', 'user'],
      ['2026-10-15 10:05', '+57 300 000 0001', 'service'],
      ['2026-10-15 11:00', '+57 300 000 0001', 'utility'],
      ['2026-10-15 11:30', '+57 300 000 0001', 'marketing'],
    ];
    for (const sheet of [BOGOTA, MADRID]) {
      expect(charged(sheet, rows)).toBe(2);
      expect(breakdown(sheet, rows)).toEqual([
        ['2026-10-15', 'message', 'marketing', 1, 0],
        ['2026-10-15', 'message', 'utility', 1, 0],
        ['2026-10-15', 'message', 'service', 0, 1],
      ]);
    }
  });

  it('worked example (b): 1,003 service messages from one line → 3 charged; split 600 / 403 across two lines → 0', () => {
    const oneLine: Row[] = Array.from({ length: 1003 }, (_, i): Row => [
      `2026-10-${String(1 + (i % 31)).padStart(2, '0')} 12:00`,
      `${5_000_000 + i}`,
      'service',
      '+57 601 000 0001',
    ]);
    expect(charged(BOGOTA, oneLine)).toBe(3);
    expect(charged(BOGOTA, oneLine, 'service')).toBe(3);
    // Without lines the whole input is one line: the same 3.
    expect(
      charged(
        BOGOTA,
        oneLine.map(([t, c, k]): Row => [t, c, k]),
      ),
    ).toBe(3);
    const twoLines = oneLine.map(([t, c, k], i): Row => [
      t,
      c,
      k,
      i < 600 ? '+57 601 000 0001' : '+57 601 000 0002',
    ]);
    expect(charged(BOGOTA, twoLines)).toBe(0);
    expect(charged(MADRID, twoLines)).toBe(0);
  });

  it('charges the latest service messages of the month on a line, whatever the row order, and starts again next month', () => {
    const rows: Row[] = Array.from({ length: 1001 }, (_, i): Row => [
      '2026-11-10 08:00',
      `${7_000 + i}`,
      'service',
      '1',
    ]);
    rows.push(['2026-11-30 23:30', '9', 'service', '1']); // the 1,002nd of November: charged
    rows.push(['2026-12-01 00:30', '9', 'service', '1']); // December: free again (no roll-over)
    rows.reverse();
    expect(breakdown(BOGOTA, rows)).toEqual([
      ['2026-11-10', '+1', 'message', 'service', 1, 1000],
      ['2026-11-30', '+1', 'message', 'service', 1, 0],
      ['2026-12-01', '+1', 'message', 'service', 0, 1],
    ]);
  });

  it('worked example (c): a utility template in the window at 23:30 on 2026-09-30 is free, at 00:30 on 2026-10-01 charged', () => {
    const rows: Row[] = [
      ['2026-09-30 23:00', '1', 'user'],
      ['2026-09-30 23:30', '1', 'utility'],
      ['2026-09-30 23:50', '2', 'user'],
      ['2026-10-01 00:30', '2', 'utility'],
    ];
    for (const sheet of [BOGOTA, MADRID]) {
      expect(breakdown(sheet, rows)).toEqual([
        ['2026-09-30', 'message', 'utility', 0, 1],
        ['2026-10-01', 'message', 'utility', 1, 0],
      ]);
    }
    // The day is the spreadsheet's: 2026-10-01 00:30 in Madrid is still 2026-09-30 in Bogota (free).
    const madridInstant = foreignDate(Date.UTC(2026, 8, 30, 22, 30));
    const fixed: Row[] = [
      [foreignDate(Date.UTC(2026, 8, 30, 22, 0)), '3', 'user'],
      [madridInstant, '3', 'utility'],
    ];
    expect(charged(MADRID, fixed)).toBe(1);
    expect(charged(BOGOTA, fixed)).toBe(0);
  });

  it('keeps everything inside a 72 h free entry point free, service and utility included', () => {
    const rows: Row[] = [
      ['2026-10-05 09:00', '1', 'user_ad'],
      ['2026-10-05 09:05', '1', 'service'], // opens the free entry point until 10-08 09:05
      ['2026-10-06 10:00', '1', 'utility'],
      ['2026-10-07 10:00', '1', 'marketing'],
      ['2026-10-08 09:05', '1', 'marketing'], // closed: charged
    ];
    expect(charged(BOGOTA, rows)).toBe(1);
  });

  it('keeps windows per line: a customer who wrote to one line has no open window on another', () => {
    const rows: Row[] = [
      ['2026-08-10 10:00', '1', 'user', '+57 601 000 0001'],
      ['2026-08-10 11:00', '1', 'utility', '+57 601 000 0001'], // in the window: free (2025-07 rule)
      ['2026-08-10 11:00', '1', 'utility', '+57 601 000 0002'], // no window on this line: charged
    ];
    expect(breakdown(BOGOTA, rows)).toEqual([
      ['2026-08-10', '+576010000001', 'message', 'utility', 0, 1],
      ['2026-08-10', '+576010000002', 'message', 'utility', 1, 0],
    ]);
  });

  it('keeps the 2023-06..2024-10 free tier per account even with lines', () => {
    const rows: Row[] = Array.from({ length: 1001 }, (_, i): Row => [
      '2024-03-15 12:00',
      `${1000 + i}`,
      'service',
      i % 2 ? '+1 555 0001' : '+1 555 0002',
    ]);
    expect(charged(BOGOTA, rows)).toBe(1);
    // Units at one instant are taken in line order: the charged one is on the later line.
    expect(breakdown(BOGOTA, rows)).toEqual([
      ['2024-03-15', '+15550001', 'conversation', 'service', 0, 500],
      ['2024-03-15', '+15550002', 'conversation', 'service', 1, 500],
    ]);
  });

  it('names the lines argument in its errors', () => {
    const rows: Row[] = [
      ['2026-10-15 10:00', '1', 'service', '+57 601 000 0001'],
      ['2026-10-15 10:05', '1', 'service', 'front desk'],
    ];
    expect(() => charged(BOGOTA, rows)).toThrow(
      'BILLED_CONVERSATIONS: lines row 2 is not a phone number ("front desk")',
    );
    const blank: Row[] = [['2026-10-15 10:00', '1', 'service', '']];
    expect(() => charged(BOGOTA, blank)).toThrow(/BILLED_CONVERSATIONS: lines row 1/);
    expect(() =>
      billedConversations({ ...logArgs(rows.slice(0, 1)), lines: [['1'], ['2']] }, BOGOTA),
    ).toThrow(/BILLED_CONVERSATIONS: lines has 2 cells but timestamps has 1/);
  });
});

describe('edge cases of the message log', () => {
  it('takes a service message with no customer message in the log as delivered (the window opened before the log starts)', () => {
    // WhatsApp only delivers a free-form message inside an open customer-service window, so a logged
    // one proves a window was open; the customer's message is simply outside the range. Before
    // 2023-06-01 it opens a charged service conversation, like any service message with none open.
    expect(charged(BOGOTA, [['2023-05-01 00:30', '1', 'service']])).toBe(1);
    // Per-message pricing: free, and it opens no window for a later utility template (charged).
    const rows: Row[] = [
      ['2025-09-01 00:30', '1', 'service'],
      ['2025-09-01 00:40', '1', 'utility'],
    ];
    expect(breakdown(BOGOTA, rows)).toEqual([
      ['2025-09-01', 'message', 'utility', 1, 0],
      ['2025-09-01', 'message', 'service', 0, 1],
    ]);
  });

  it('opens no free entry point under conversation-based pricing for a reply 24 h or more after the referral', () => {
    const rows: Row[] = [
      ['2025-03-10 10:00', '1', 'user_ad'],
      ['2025-03-11 10:00', '1', 'marketing'], // exactly 24 h later: a charged marketing conversation
      ['2025-03-11 11:00', '1', 'service'], // inside it: nothing opens
    ];
    expect(breakdown(BOGOTA, rows)).toEqual([['2025-03-11', 'conversation', 'marketing', 1, 0]]);
  });

  it('charges nothing for contacts that only ever write to the business', () => {
    const rows: Row[] = [
      ['2024-03-10 10:00', '1', 'user'],
      ['2025-09-10 10:00', '2', 'user_ad'],
      ['2025-09-10 10:00', '2', 'user'],
    ];
    expect(charged(BOGOTA, rows)).toBe(0);
    expect(breakdown(BOGOTA, rows)).toEqual([]);
  });

  it('counts several templates of one contact at the same instant as one conversation per category, and each as a message', () => {
    const at = (kind: string): Row => ['2025-03-10 10:00', '1', kind];
    const before: Row[] = [at('marketing'), at('marketing'), at('utility'), at('service')];
    expect(breakdown(BOGOTA, before)).toEqual([
      ['2025-03-10', 'conversation', 'marketing', 1, 0],
      ['2025-03-10', 'conversation', 'utility', 1, 0],
    ]);
    const after: Row[] = before.map(([, contact, kind]) => ['2025-09-10 10:00', contact, kind]);
    expect(breakdown(BOGOTA, after)).toEqual([
      ['2025-09-10', 'message', 'marketing', 2, 0],
      ['2025-09-10', 'message', 'utility', 1, 0],
      ['2025-09-10', 'message', 'service', 0, 1],
    ]);
  });

  it('rejects a timestamp the log cannot place (a Date beyond year 9999), naming the row', () => {
    const rows: Row[] = [
      ['2025-09-10 10:00', '1', 'user'],
      [foreignDate(Date.UTC(40000, 0, 1)), '1', 'marketing'],
    ];
    expect(() => charged(BOGOTA, rows)).toThrow(
      'BILLED_CONVERSATIONS: timestamps row 2 is not a date (+040000-01-01T00:00:00.000Z)',
    );
  });
});
