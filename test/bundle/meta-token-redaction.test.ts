/**
 * Issue 15 point 7 through the built bundle: Meta quotes a long token back in its error; no 12-character piece of
 * it reaches a formula cell's error, a sidebar answer or the execution log (the text is redacted before it is cut).
 */
import { startFakeGraphServerProcess, type FakeGraphServer } from '../../dev/fake-graph/server';
import { connect, metaRuntime, SEED, thrown } from './meta-helpers';

jest.setTimeout(120_000);

// Longer than the 300 characters an error is cut to: cutting before redacting leaked its first part.
const TOKEN =
  'EAAG' + Array.from({ length: 316 }, (_, i) => 'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0z'[(i * 7) % 31]).join('');
let graph: FakeGraphServer;

beforeAll(async () => {
  graph = await startFakeGraphServerProcess({ token: TOKEN, seed: SEED });
});
afterAll(() => graph.close());

function leaks(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 12 <= TOKEN.length; i++)
    if (text.includes(TOKEN.slice(i, i + 12))) found.push(TOKEN.slice(i, i + 12));
  return found;
}

it('a formula cell, a sidebar call and the log never show any 12 characters of the token Meta quoted back', async () => {
  const { rt } = metaRuntime();
  connect(rt, graph, TOKEN);
  await graph.setFault({ kind: 'tokenEcho', times: 'always', pathIncludes: 'analytics' });

  const cell = thrown(() => rt.runCustomFunction('META_BILLED', '2025-10-01', '2025-10-31'));
  const sidebar = thrown(() => rt.runFromSidebar('runMonthClose', { month: '2025-10' }));
  for (const e of [cell, sidebar]) {
    expect(e.message).toMatch(/Invalid parameter access_token/);
    expect(leaks(e.message)).toEqual([]);
  }
  expect(leaks(JSON.stringify(rt.logs))).toEqual([]);
});
