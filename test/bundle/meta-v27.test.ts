/**
 * Graph v27.0 through the built bundle (issue 17 point 1; meta-2026.md §6): the client talks v27.0 and uses none of
 * what v27 removes, which the fake refuses as Meta does; a connection stored on v26.0 keeps working.
 */
import type { FakeGraphServer } from '../../dev/fake-graph';
import { connect, metaRuntime, TOKEN, useGraph, WABA_ID } from './meta-helpers';

const server = useGraph();
let graph: FakeGraphServer;

beforeEach(async () => {
  graph = server();
  await graph.clearRequests();
});

const REMOVED_IN_V27 = [/[?&]ids=/, /[?&]date_format=/, /[?&]method=/, /[?&]callback=/, /\.as\(|\.as%28/];

describe('Graph v27.0', () => {
  it('a new connection is on v27.0 and every request it sends is one v27 still answers', async () => {
    const { rt } = metaRuntime();
    expect(connect(rt, graph)).toMatchObject({ apiVersion: 'v27.0' });
    const cost = rt.runCustomFunction('META_COST', '2025-10-01', '2025-10-31');
    expect(typeof cost).toBe('number');
    const requests = await graph.requests();
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.path).toMatch(/^\/v27\.0\//);
      for (const removed of REMOVED_IN_V27) expect(r.url).not.toMatch(removed);
      expect(r.status).toBe(200);
    }
  });

  it('the fake refuses a v27-removed feature (multi-ID ?ids=) with a Graph error, and takes it on v26.0', async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const refused = await fetch(`${graph.url}/v27.0/?ids=${WABA_ID}&fields=id`, { headers });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({
      code: 100,
      message: expect.stringMatching(/Multi-ID/),
    });
    const aliased = await fetch(`${graph.url}/v27.0/${WABA_ID}?fields=${encodeURIComponent('name.as(x)')}`, {
      headers,
    });
    expect(aliased.status).toBe(400);
    const older = await fetch(`${graph.url}/v26.0/${WABA_ID}?fields=id&date_format=U`, { headers });
    expect(older.status).toBe(200);
  });

  it('a connection stored on v26.0 keeps working, with the same figures as v27.0', () => {
    const v27 = metaRuntime().rt;
    connect(v27, graph);
    const v26 = metaRuntime().rt;
    expect(
      v26.runFromSidebar('saveConnection', {
        wabaId: WABA_ID,
        token: TOKEN,
        apiVersion: 'v26.0',
        graphBaseUrl: graph.url,
      }),
    ).toMatchObject({ apiVersion: 'v26.0' });
    const args = ['2025-10-01', '2025-10-31'] as const;
    expect(v26.runCustomFunction('META_BILLED', ...args)).toBe(v27.runCustomFunction('META_BILLED', ...args));
    expect(v26.runCustomFunction('META_COST', ...args)).toBe(v27.runCustomFunction('META_COST', ...args));
  });
});
