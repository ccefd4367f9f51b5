import { addFault } from '../../dev/fake-graph/router';
import { createGraphClient } from '../../src/meta/client';
import { MetaParameterError, MetaResponseError } from '../../src/meta/errors';
import type { HttpResponse } from '../../src/meta/ports';
import { FakeClock, harness, thrown, TOKEN } from './helpers';

const budget = { deadlineAt: Number.MAX_SAFE_INTEGER };

describe('readAccount (validating a connection)', () => {
  test('reads the WABA and its phone numbers in one fetchAll', () => {
    const h = harness({ seed: 42, timezoneId: '43', currency: 'COP', country: 'CO', name: 'Atom Bogotá' });
    const account = h.client.readAccount(budget);
    expect(account.waba).toEqual({
      id: '102290129340398',
      name: 'Atom Bogotá',
      currency: 'COP',
      country: 'CO',
      timezoneId: '43',
    });
    expect(account.lines).toEqual([
      { id: '109876543210001', displayPhoneNumber: '+55 11 4002-8922', verifiedName: 'Atom Demo Brasil' },
      { id: '109876543210002', displayPhoneNumber: '+52 55 1234 5678', verifiedName: 'Atom Demo México' },
      { id: '109876543210003', displayPhoneNumber: '+57 601 765 4321', verifiedName: 'Atom Demo Colombia' },
    ]);
    expect(h.batches).toHaveLength(1);
    expect(h.batches[0].map((r) => decodeURIComponent(r.url.replace('http://fake-graph.test', '')))).toEqual([
      '/v27.0/102290129340398?fields=id,name,currency,country,timezone_id',
      '/v27.0/102290129340398/phone_numbers?fields=id,display_phone_number,verified_name',
    ]);
  });

  test('an unknown WABA id → Meta’s "does not exist" text under a parameter error', () => {
    const h = harness({ seed: 42 }, { wabaId: '999' });
    const e = thrown(() => h.client.readAccount(budget));
    expect(e).toBeInstanceOf(MetaParameterError);
    expect(e.message).toContain("Object with ID '999' does not exist");
  });

  test('empty phone list is fine (a WABA without numbers yet)', () => {
    const h = harness({ seed: 42 });
    addFault(h.state, { kind: 'emptyData', pathIncludes: 'phone_numbers' });
    expect(h.client.readAccount(budget).lines).toEqual([]);
  });

  test('apiVersion and graphBaseUrl are configurable; defaults are v27.0 on graph.facebook.com', () => {
    const seen: string[] = [];
    const ok = (body: unknown): HttpResponse => ({ status: 200, headers: {}, body: JSON.stringify(body) });
    const http = {
      fetchAll: (reqs: { url: string }[]) =>
        reqs.map((r) => {
          seen.push(r.url);
          return r.url.includes('phone_numbers') ? ok({ data: [] }) : ok({ id: '1', timezone_id: 25 });
        }),
    };
    createGraphClient({ wabaId: '1', token: TOKEN }, { http, clock: new FakeClock() }).readAccount(budget);
    createGraphClient(
      { wabaId: '1', token: TOKEN, apiVersion: 'v25.0', graphBaseUrl: 'http://127.0.0.1:9/' },
      { http, clock: new FakeClock() },
    ).readAccount(budget);
    expect(seen.map((u) => u.split('?')[0])).toEqual([
      'https://graph.facebook.com/v27.0/1',
      'https://graph.facebook.com/v27.0/1/phone_numbers',
      'http://127.0.0.1:9/v25.0/1',
      'http://127.0.0.1:9/v25.0/1/phone_numbers',
    ]);
  });

  /** A Graph that answers the WABA read normally and gives phone_numbers one page linking to `next`. */
  function clientWithPhonePagingLink(next: string) {
    const http = {
      fetchAll: (reqs: { url: string }[]) =>
        reqs.map((r) => ({
          status: 200,
          headers: {},
          body: JSON.stringify(
            r.url.includes('phone_numbers') ? { data: [{ id: '2' }], paging: { next } } : { id: '1' },
          ),
        })),
    };
    return createGraphClient({ wabaId: '1', token: TOKEN }, { http, clock: new FakeClock() });
  }

  test('a paging link to another host is refused (the bearer token would go there)', () => {
    const client = clientWithPhonePagingLink('https://evil.example/v25.0/1/phone_numbers?after=x');
    expect(thrown(() => client.readAccount(budget))).toBeInstanceOf(MetaResponseError);
  });

  test('a paging link that does not advance is an error, not an endless loop', () => {
    const self =
      'https://graph.facebook.com/v25.0/1/phone_numbers?fields=id%2Cdisplay_phone_number%2Cverified_name';
    const client = clientWithPhonePagingLink(`${self}&access_token=${TOKEN}`);
    const e = thrown(() => client.readAccount(budget));
    expect(e.message).toMatch(/does not advance/);
    expect(e.message).not.toContain(TOKEN);
  });
});
