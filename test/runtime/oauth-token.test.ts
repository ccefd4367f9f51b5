/**
 * ScriptApp.getOAuthToken (https://developers.google.com/apps-script/reference/script/script-app#getOAuthToken()):
 * the user's token, in executions that run with the user's authorization only, and sent by UrlFetchApp to a
 * loopback server (the fake BigQuery) as the add-on's BigQuery client will send it.
 */
import { startFakeBigQueryServerProcess, type FakeBigQueryServer } from '../../dev/fake-bigquery/server';
import { createRuntime, OFFLINE_OAUTH_TOKEN } from '../../dev/runtime';

const source = `
  function token() { return ScriptApp.getOAuthToken(); }
  function TOKEN() { return ScriptApp.getOAuthToken(); }
  function onOpen(e) { return ScriptApp.getOAuthToken(); }
  function datasetStatus(url) {
    const res = UrlFetchApp.fetch(url, {
      headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() },
      muteHttpExceptions: true,
    });
    return [res.getResponseCode(), JSON.parse(res.getContentText())];
  }`;

describe('ScriptApp.getOAuthToken', () => {
  it("returns the runtime's token in FULL executions (menu, sidebar); tests may set or change it", () => {
    const rt = createRuntime();
    rt.loadSource(source);
    expect(rt.run('token')).toBe(OFFLINE_OAUTH_TOKEN);
    rt.oauthToken = 'ya29.changed';
    expect(rt.runFromSidebar('token')).toBe('ya29.changed');
    const other = createRuntime({ oauthToken: 'ya29.from-options' });
    other.loadSource(source);
    expect(other.run('token')).toBe('ya29.from-options');
  });

  it('fails as Apps Script does in AuthMode.NONE and LIMITED, in custom functions and at load time', () => {
    const rt = createRuntime();
    rt.loadSource(source);
    for (const authMode of ['NONE', 'LIMITED'] as const)
      expect(() => rt.runTrigger('onOpen', { authMode })).toThrow(
        'You do not have permission to call ScriptApp.getOAuthToken',
      );
    expect(() => rt.runCustomFunction('TOKEN')).toThrow('You do not have permission to call getOAuthToken');
    expect(() => rt.loadSource('var t = ScriptApp.getOAuthToken();')).toThrow(
      'You do not have permission to call ScriptApp.getOAuthToken',
    );
    expect(rt.counters['ScriptApp.getOAuthToken']).toBe(4);
  });

  describe('sent by UrlFetchApp to the fake BigQuery on loopback', () => {
    let server: FakeBigQueryServer;
    beforeAll(async () => {
      server = await startFakeBigQueryServerProcess({ token: 'ya29.user-token' });
      await server.createDataset('atom-billing-test', 'history');
    });
    afterAll(async () => {
      await server?.close();
    });

    it('is accepted when it is the token the server expects, refused (401) otherwise', () => {
      const url = `${server.url}/bigquery/v2/projects/atom-billing-test/datasets/history`;
      const rt = createRuntime({ oauthToken: 'ya29.user-token' });
      rt.loadSource(source);
      expect(rt.run('datasetStatus', url)).toEqual([
        200,
        expect.objectContaining({ id: 'atom-billing-test:history' }),
      ]);
      rt.oauthToken = 'ya29.expired';
      expect(rt.run('datasetStatus', url)).toEqual([
        401,
        { error: expect.objectContaining({ code: 401, status: 'UNAUTHENTICATED' }) },
      ]);
    });
  });
});
