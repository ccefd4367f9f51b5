/** The Meta connection settings through the built bundle: save (validated with Meta), read, clear, admins. */
import type { FakeGraphServer } from '../../dev/fake-graph';
import {
  connect,
  DATASET,
  fetches,
  metaRuntime,
  useGraph,
  thrown,
  TOKEN,
  WABA_ID,
  withOtherGraph,
} from './meta-helpers';
import { noted } from '../support/error-notes';
import { serverFailureText } from '../../src/sidebar/server-errors';

const server = useGraph();
let graph: FakeGraphServer;

beforeEach(() => {
  graph = server();
});

const expectedLines = DATASET.lines.map((l) => ({
  id: l.id,
  displayPhoneNumber: l.displayPhoneNumber,
  verifiedName: l.verifiedName,
}));

describe('before any connection', () => {
  it('getConnection is null and the formulas say how to connect, without fetching', () => {
    const { rt } = metaRuntime();
    expect(rt.runFromSidebar('getConnection')).toBeNull();
    expect(() => rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31')).toThrow(
      'META_BILLED: this spreadsheet is not connected to Meta — an admin can connect it in the sidebar ' +
        '(Extensions ▸ Atom Billing ▸ Open sidebar ▸ Meta connection)',
    );
    expect(() => rt.runCustomFunction('META_ANALYTICS', '2025-10-01', '2025-10-31')).toThrow(
      /^META_ANALYTICS: this spreadsheet is not connected to Meta/,
    );
    expect(fetches(rt)).toBe(0);
  });
});

describe('saveConnection', () => {
  it('validates with Meta, stores in document properties, makes the first saver admin', () => {
    const { rt } = metaRuntime();
    const view = connect(rt, graph);
    const expected = {
      wabaId: WABA_ID,
      wabaName: 'Atom Demo LatAm',
      currency: 'BRL',
      country: 'BR',
      formerAccounts: [],
      timeZone: 'America/Sao_Paulo',
      zoneSource: 'waba',
      zoneConfidence: 'confirmed',
      lines: expectedLines,
      tokenHint: `…${TOKEN.slice(-4)}`,
      apiVersion: 'v27.0',
      isAdmin: true,
      admins: ['ana@example.com'],
    };
    expect(view).toEqual(expected);
    expect(rt.runFromSidebar('getConnection')).toEqual(expected);
    expect(fetches(rt)).toBe(2); // the WABA and its phone numbers, in one fetchAll
    expect(rt.counters['UrlFetchApp.fetchAll']).toBe(1);
    expect([...rt.properties.document.keys()].sort()).toEqual([
      'atomBilling.meta.admins',
      'atomBilling.meta.connection',
    ]);
    expect(rt.properties.user.size + rt.properties.script.size).toBe(0);
  });

  it.each([['0'], ['476'], ['592']])(
    'a WABA whose timezone_id (%s) is not mapped falls back to the spreadsheet zone and says so',
    (timezoneId) =>
      withOtherGraph({ token: TOKEN, timezoneId, timeZone: 'America/Mexico_City' }, (other) => {
        const { rt } = metaRuntime();
        expect(connect(rt, other)).toMatchObject({
          timeZone: 'America/Bogota',
          zoneSource: 'spreadsheet',
          zoneConfidence: 'fallback',
        });
      }),
  );

  it.each([
    ['94', 'America/Mexico_City', 'confirmed'],
    ['138', 'America/Montevideo', 'confirmed'],
    ['213', 'America/Cancun', 'unconfirmed'],
  ])('timezone_id %s is the WABA zone %s (%s)', (timezoneId, timeZone, zoneConfidence) =>
    withOtherGraph({ token: TOKEN, timezoneId }, (other) => {
      const { rt } = metaRuntime();
      expect(connect(rt, other)).toMatchObject({ timeZone, zoneSource: 'waba', zoneConfidence });
    }),
  );

  it('keeps the Graph version a connection was saved with when an admin reconnects without one', async () => {
    const { rt } = metaRuntime();
    const save = (apiVersion?: string) =>
      rt.runFromSidebar('saveConnection', {
        wabaId: WABA_ID,
        token: TOKEN,
        graphBaseUrl: graph.url,
        apiVersion,
      });
    expect(save()).toMatchObject({ apiVersion: 'v27.0' }); // the default for a new connection
    expect(save('v25.0')).toMatchObject({ apiVersion: 'v25.0' });
    expect(save()).toMatchObject({ apiVersion: 'v25.0' });
    await graph.clearRequests();
    rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-02');
    const paths = (await graph.requests()).map((r) => r.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.startsWith('/v25.0/'))).toBe(true);
    expect(save('v26.0')).toMatchObject({ apiVersion: 'v26.0' });
  });

  it('a token too short to hint at is not shown at all, not even its last characters', () => {
    const shortToken = 'Tk-0000042';
    return withOtherGraph({ token: shortToken }, (other) => {
      const { rt } = metaRuntime();
      expect(connect(rt, other, shortToken)).toMatchObject({ wabaName: 'Atom Demo LatAm', tokenHint: '…' });
      expect(JSON.stringify(rt.runFromSidebar('getConnection'))).not.toContain('0042');
    });
  });

  it('a token Meta refuses stores nothing and says why', () => {
    const { rt } = metaRuntime();
    const e = thrown(() => connect(rt, graph, 'EAAG-wrong-token-0000'));
    expect(e.name).toBe('ConnectionSettingsError');
    // The admin typed it a moment ago: not "expired or revoked — ask an admin" (issue 16 point 7).
    expect(serverFailureText(e, 'en')).toBe(
      'Not connected: Meta did not accept this token — check it and paste it again.',
    );
    // Worded by the sidebar in the user's language (issue 16 point 4).
    expect(serverFailureText(e, 'es')).toBe(
      'Sin conexión: Meta no aceptó este token; revíselo y péguelo de nuevo.',
    );
    expect(rt.properties.document.size).toBe(0);
    expect(rt.runFromSidebar('getConnection')).toBeNull();
  });

  it('an address where no Graph server answers says Meta could not be reached there, not "a shorter date range"', () => {
    const { rt } = metaRuntime();
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    const e = thrown(() =>
      rt.runFromSidebar('saveConnection', {
        wabaId: WABA_ID,
        token: TOKEN,
        graphBaseUrl: 'http://127.0.0.1:9',
      }),
    );
    expect(e.name).toBe('ConnectionSettingsError');
    expect(serverFailureText(e, 'en')).toMatch(
      /^Not connected: Meta could not be reached at http:\/\/127\.0\.0\.1:9 \(Address unavailable: http:\/\/127\.0\.0\.1:9\/v27\.0\/.*\) — check the Graph address, then try again\.$/,
    );
    expect(serverFailureText(e, 'es')).toMatch(
      /^Sin conexión: no se pudo contactar a Meta en http:\/\/127\.0\.0\.1:9 \(.*\); revise la dirección de Graph/,
    );
    expect(e.message).not.toContain('date range');
    expect(e.message).not.toContain(TOKEN);
    expect(rt.properties.document.size).toBe(0);
  });

  it('run as a script bound to the spreadsheet (not an add-on), it stores no token and says why (issue 15 point 10)', () => {
    const { rt } = metaRuntime();
    rt.installationSource = 'NONE';
    const e = thrown(() => connect(rt, graph));
    expect(e.name).toBe('ConnectionSettingsError');
    expect(e.message).toMatch(
      /^Not connected: Atom Billing is running as a script bound to this spreadsheet, not as an add-on, so every editor of the spreadsheet could open the script and read the token — it stores none\. Install Atom Billing as an Editor add-on/,
    );
    expect(rt.properties.document.size).toBe(0);
    expect(fetches(rt)).toBe(0);
    // Installed by a domain admin (or from the Marketplace, the default), the same request connects.
    rt.installationSource = 'APPS_MARKETPLACE_DOMAIN_ADD_ON';
    connect(rt, graph);
    expect(rt.runFromSidebar('getConnection')).toMatchObject({ wabaId: WABA_ID });
  });

  it('a missing permission stores nothing and names whatsapp_business_management', async () => {
    const { rt } = metaRuntime();
    await graph.setFault({ kind: 'permission200' });
    const e = thrown(() => connect(rt, graph));
    expect(e.message).toMatch(
      /^Not connected: Meta denied access \(error 200\).*whatsapp_business_management/,
    );
    expect(rt.properties.document.size).toBe(0);
  });

  it.each([
    [
      'a WABA id that is not a number',
      { wabaId: 'my waba', token: TOKEN },
      /WhatsApp Business Account id must be the number/,
    ],
    ['an empty token', { wabaId: WABA_ID, token: '' }, /Paste the system user's access token/],
    [
      'a malformed API version',
      { wabaId: WABA_ID, token: TOKEN, apiVersion: '25' },
      /version must look like v27\.0/,
    ],
    [
      'plain HTTP to another host',
      { wabaId: WABA_ID, token: TOKEN, graphBaseUrl: 'http://graph.example.com' },
      /must be an https:\/\//,
    ],
  ])('refuses %s before calling Meta', (_label, request, message) => {
    const { rt } = metaRuntime();
    expect(() => rt.runFromSidebar('saveConnection', request)).toThrow(message);
    expect(fetches(rt)).toBe(0);
    expect(rt.properties.document.size).toBe(0);
  });
});

describe('admins', () => {
  function connectedAsAna() {
    const m = metaRuntime({ email: 'ana@example.com' });
    connect(m.rt, graph);
    return m;
  }

  it('a non-admin sees the connection read-only, with the admins to ask', () => {
    const { rt, user } = connectedAsAna();
    user.email = 'bob@example.com';
    expect(rt.runFromSidebar('getConnection')).toMatchObject({ isAdmin: false, admins: ['ana@example.com'] });
  });

  it('a non-admin cannot save, clear or change admins, and nothing changes', () => {
    const { rt, user } = connectedAsAna();
    const before = new Map(rt.properties.document);
    user.email = 'bob@example.com';
    rt.resetCounters();
    // Jest compares a thrown Error's whole message with the expected one.
    const refusal = noted(
      "Only an admin of this spreadsheet's Meta connection can change it — ask ana@example.com",
      {
        code: 'notAdmin',
        admins: ['ana@example.com'],
      },
    );
    expect(() => connect(rt, graph)).toThrow(refusal);
    expect(() => rt.runFromSidebar('clearConnection')).toThrow(refusal);
    expect(() => rt.runFromSidebar('addAdmin', 'bob@example.com')).toThrow(refusal);
    expect(() => rt.runFromSidebar('removeAdmin', 'ana@example.com')).toThrow(refusal);
    expect(rt.properties.document).toEqual(before);
    expect(fetches(rt)).toBe(0);
  });

  it('admins add and remove admins; emails are compared case-insensitively; the last admin stays', () => {
    const { rt, user } = connectedAsAna();
    expect(rt.runFromSidebar('addAdmin', ' Bob@Example.com ')).toEqual([
      'ana@example.com',
      'bob@example.com',
    ]);
    expect(rt.runFromSidebar('addAdmin', 'bob@example.com')).toEqual(['ana@example.com', 'bob@example.com']);
    expect(() => rt.runFromSidebar('addAdmin', 'not an email')).toThrow(
      '"not an email" is not an email address',
    );
    user.email = 'BOB@example.com';
    expect(rt.runFromSidebar('getConnection')).toMatchObject({ isAdmin: true });
    expect(rt.runFromSidebar('removeAdmin', 'ana@example.com')).toEqual(['bob@example.com']);
    expect(() => rt.runFromSidebar('removeAdmin', 'bob@example.com')).toThrow(
      'The last admin cannot be removed — add another admin first',
    );
    expect(() => rt.runFromSidebar('removeAdmin', 'carl@example.com')).toThrow(
      'carl@example.com is not an admin',
    );
    user.email = 'ana@example.com';
    expect(() => rt.runFromSidebar('clearConnection')).toThrow(
      /ask bob@example\.com\u2063\{"code":"notAdmin","admins":\["bob@example\.com"\]\}$/,
    );
  });

  it('clearConnection removes the connection but keeps the admins: only they may connect again', () => {
    const { rt, user } = connectedAsAna();
    expect(rt.runFromSidebar('clearConnection')).toBeNull();
    expect(rt.runFromSidebar('getConnection')).toBeNull();
    expect([...rt.properties.document.keys()]).toEqual(['atomBilling.meta.admins']);
    expect(() => rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31')).toThrow(
      /^META_COST: this spreadsheet is not connected to Meta/,
    );
    user.email = 'carl@example.com';
    expect(() => connect(rt, graph)).toThrow(
      /ask ana@example\.com\u2063\{"code":"notAdmin","admins":\["ana@example\.com"\]\}$/,
    );
    user.email = 'ana@example.com';
    expect(connect(rt, graph)).toMatchObject({ isAdmin: true, admins: ['ana@example.com'] });
  });

  it('while another execution holds the document lock, changes are refused clearly and nothing changes', () => {
    const { rt } = connectedAsAna();
    const before = new Map(rt.properties.document);
    const release = rt.holdDocumentLock();
    const busy = 'Someone else is changing the Meta connection — try again in a moment';
    expect(() => rt.runFromSidebar('addAdmin', 'bob@example.com')).toThrow(busy);
    expect(() => rt.runFromSidebar('clearConnection')).toThrow(busy);
    expect(() => connect(rt, graph)).toThrow(busy);
    expect(rt.properties.document).toEqual(before);
    release();
    expect(rt.runFromSidebar('addAdmin', 'bob@example.com')).toEqual(['ana@example.com', 'bob@example.com']);
  });

  it('a refused change releases the lock: the next change goes through', () => {
    const { rt, user } = connectedAsAna();
    user.email = 'bob@example.com';
    expect(() => rt.runFromSidebar('addAdmin', 'bob@example.com')).toThrow(/^Only an admin/);
    user.email = 'ana@example.com';
    expect(() => rt.runFromSidebar('removeAdmin', 'ana@example.com')).toThrow(/last admin/);
    expect(rt.runFromSidebar('addAdmin', 'carl@example.com')).toEqual([
      'ana@example.com',
      'carl@example.com',
    ]);
  });

  it('without a user email (another domain), changes are refused with an explanation', () => {
    const { rt } = metaRuntime({ email: '' });
    expect(() => connect(rt, graph)).toThrow(/does not share your email address/);
    expect(rt.properties.document.size).toBe(0);
  });
});
