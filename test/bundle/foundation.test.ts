/** The first path through the real bundle: loading, the add-on menu, the sidebar. */
import { loadBundle } from '../../dev/runtime/testing/bundle';

describe('loading dist/Code.js', () => {
  it('calls no Apps Script service at load time', () => {
    const runtime = loadBundle();
    expect(Object.values(runtime.counters).reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('onOpen / onInstall', () => {
  it('builds Extensions ▸ Atom Billing ▸ Open sidebar', () => {
    const runtime = loadBundle();
    runtime.runTrigger('onOpen', { authMode: 'LIMITED' });
    expect(runtime.ui.menus).toEqual([
      {
        addon: true,
        title: expect.any(String),
        items: [{ caption: 'Open sidebar', functionName: 'showSidebar' }],
      },
    ]);
  });

  it('in AuthMode.NONE touches neither Properties nor UrlFetch', () => {
    const runtime = loadBundle();
    runtime.runTrigger('onOpen', { authMode: 'NONE' });
    expect(runtime.ui.menus).toHaveLength(1);
    const touched = Object.keys(runtime.counters).filter(
      (k) => runtime.counters[k] > 0 && /^(PropertiesService|UrlFetchApp|CacheService|LockService)\b/.test(k),
    );
    expect(touched).toEqual([]);
  });

  it('onInstall builds the same menu', () => {
    const runtime = loadBundle();
    runtime.runTrigger('onInstall', { authMode: 'FULL' });
    expect(runtime.ui.menus[0].items).toEqual([{ caption: 'Open sidebar', functionName: 'showSidebar' }]);
  });
});

describe('Open sidebar', () => {
  it('shows dist/Sidebar.html titled "Atom Billing"', () => {
    const runtime = loadBundle();
    runtime.run('showSidebar');
    expect(runtime.ui.sidebars).toHaveLength(1);
    expect(runtime.ui.sidebars[0].title).toBe('Atom Billing');
    expect(runtime.ui.sidebars[0].html).toContain('google.script.run');
  });

  it("answers the sidebar bootstrap in the user's language, with the spreadsheet's locale for figures", () => {
    const runtime = loadBundle({
      user: { email: 'lucia@example.com', locale: 'es' },
      spreadsheet: { name: 'Cierre', timeZone: 'Europe/Madrid', locale: 'en_US' },
    });
    expect(runtime.runFromSidebar('getSidebarBootstrap')).toEqual({
      language: 'es',
      userEmail: 'lucia@example.com',
      spreadsheetName: 'Cierre',
      spreadsheetTimeZone: 'Europe/Madrid',
      spreadsheetLocale: 'en_US',
    });
  });
});
