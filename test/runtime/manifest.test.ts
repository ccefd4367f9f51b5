/**
 * The manifest rules: service calls only under dist/appsscript.json's oauthScopes, with Apps Script's
 * "Required permissions" message (https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes);
 * the script's time zone is the manifest's; the host TZ is fixed for the tests (jest.config.cjs).
 */
import { readFileSync } from 'node:fs';
import { createRuntime, manualClock, type Manifest } from '../../dev/runtime';
import { distDir, loadBundle } from '../../dev/runtime/testing/bundle';

const AUTH = 'https://www.googleapis.com/auth/';
const shipped = JSON.parse(readFileSync(`${distDir}/appsscript.json`, 'utf8')) as Manifest;

const SOURCE = `
  function who() { return Session.getActiveUser().getEmail(); }
  function effective() { return Session.getEffectiveUser().getEmail(); }
  function fetchIt() { UrlFetchApp.fetch('http://127.0.0.1:9/'); }
  function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); }
  function read() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
  function trigger() { return ScriptApp.newTrigger('read').timeBased().everyHours(1).create().getHandlerFunction(); }
  function zone() { return [Session.getScriptTimeZone(), new Date(Date.UTC(2025, 9, 1, 12)).getHours(), new Date(2025, 9, 1).toISOString()]; }`;

function withScopes(scopes: string[] | undefined) {
  const rt = createRuntime({ manifest: { ...shipped, oauthScopes: scopes } });
  rt.loadSource(SOURCE);
  return rt;
}

describe('manifest scopes', () => {
  it("the shipped manifest covers what the add-on calls, including the user's email for the admin check", () => {
    const rt = withScopes(shipped.oauthScopes);
    expect(rt.run('who')).toBe('finance@example.com');
    expect(rt.run('effective')).toBe('finance@example.com');
    expect(rt.run('read')).toBe('Untitled spreadsheet');
    expect(() => rt.run('sidebar')).not.toThrow();
  });

  it('a call whose scope the manifest lacks fails with "Specified permissions are not sufficient"', () => {
    const rt = withScopes([`${AUTH}spreadsheets.currentonly`]);
    expect(() => rt.run('who')).toThrow(
      `Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: ${AUTH}userinfo.email`,
    );
    expect(() => rt.run('fetchIt')).toThrow(
      `Specified permissions are not sufficient to call UrlFetchApp.fetch. Required permissions: ${AUTH}script.external_request`,
    );
    expect(() => rt.run('sidebar')).toThrow(
      `Specified permissions are not sufficient to call Ui.showSidebar. Required permissions: ${AUTH}script.container.ui`,
    );
    const noSheets = withScopes([`${AUTH}userinfo.email`]);
    expect(() => noSheets.run('read')).toThrow(
      `Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (${AUTH}spreadsheets.currentonly || ${AUTH}spreadsheets)`,
    );
    expect(withScopes([`${AUTH}spreadsheets`]).run('read')).toBe('Untitled spreadsheet');
  });

  it('newTrigger fails without script.scriptapp and works with a manifest that has it (the shipped one, for the daily refresh)', () => {
    const without = (shipped.oauthScopes ?? []).filter((scope) => scope !== `${AUTH}script.scriptapp`);
    expect(() => withScopes(without).run('trigger')).toThrow(
      `Specified permissions are not sufficient to call ScriptApp.newTrigger. Required permissions: ${AUTH}script.scriptapp`,
    );
    expect(shipped.oauthScopes).toContain(`${AUTH}script.scriptapp`);
    expect(withScopes(shipped.oauthScopes).run('trigger')).toBe('read');
  });

  it('the add-on needs userinfo.email: without it the sidebar and the admin check fail for every user', () => {
    const without = (shipped.oauthScopes ?? []).filter((scope) => scope !== `${AUTH}userinfo.email`);
    const rt = loadBundle({ manifest: { ...shipped, oauthScopes: without } });
    const denied = `Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: ${AUTH}userinfo.email`;
    expect(() => rt.runFromSidebar('getSidebarBootstrap')).toThrow(denied);
    expect(() => rt.runFromSidebar('saveConnection', { wabaId: '123456', token: 'EAAG-x' })).toThrow(denied);
    expect(loadBundle().runFromSidebar('getSidebarBootstrap')).toMatchObject({
      userEmail: 'finance@example.com',
    });
  });

  it('a manifest without oauthScopes lets Apps Script detect them: nothing is refused for scope', () => {
    expect(withScopes(undefined).run('who')).toBe('finance@example.com');
  });
});

describe('time zones', () => {
  it("the script's zone is the manifest's (America/Bogota), and the script's local time follows it", () => {
    const rt = createRuntime({ clock: manualClock(0) });
    rt.loadSource(SOURCE);
    expect(rt.scriptTimeZone).toBe(shipped.timeZone);
    expect(rt.run('zone')).toEqual(['America/Bogota', 7, '2025-10-01T05:00:00.000Z']);
  });

  it('the tests run with a fixed host TZ equal to the manifest zone, so nothing depends on the machine', () => {
    expect(process.env.TZ).toBe('America/Bogota');
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(shipped.timeZone);
  });
});
