/** Properties, Cache, Lock, Session, Utilities, Logger/console, HtmlService, ScriptApp and the script's clock. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, createHmac } from 'node:crypto';
import { createRuntime, manualClock, type AppsScriptRuntime, type RuntimeOptions } from '../../dev/runtime';

const OCT_1_NOON_UTC = Date.UTC(2025, 9, 1, 12, 0, 0);

function runtimeWith(source: string, options: RuntimeOptions = {}): AppsScriptRuntime {
  const rt = createRuntime(options);
  rt.loadSource(source);
  return rt;
}

describe('the context', () => {
  it('holds Apps Script globals and ES builtins only', () => {
    const rt = runtimeWith(`function kinds() {
      return ['require', 'process', 'setTimeout', 'fetch', 'URL', 'TextEncoder', 'atob', 'Buffer', 'window', 'module']
        .map(n => typeof globalThis[n])
        .concat([typeof SpreadsheetApp, typeof UrlFetchApp, typeof Intl, typeof JSON]);
    }`);
    expect(rt.run('kinds')).toEqual([...Array(10).fill('undefined'), 'object', 'object', 'object', 'object']);
  });

  it("the script's Date and Date.now follow the injected clock", () => {
    const clock = manualClock(OCT_1_NOON_UTC);
    const rt = runtimeWith(
      `function now() { return [new Date().getTime(), Date.now(), new Date(0).getTime(), new Date() instanceof Date]; }`,
      { clock },
    );
    expect(rt.run('now')).toEqual([OCT_1_NOON_UTC, OCT_1_NOON_UTC, 0, true]);
    clock.advance(1500);
    expect((rt.run('now') as number[])[1]).toBe(OCT_1_NOON_UTC + 1500);
  });

  it('sheetDate gives midnight (or a wall time) in the spreadsheet zone', () => {
    const rt = createRuntime({ spreadsheet: { timeZone: 'America/Bogota' } }); // UTC-5, no DST
    expect(rt.sheetDate('2025-10-01').getTime()).toBe(Date.UTC(2025, 9, 1, 5));
    expect(rt.sheetDate('2025-10-01 14:30').getTime()).toBe(Date.UTC(2025, 9, 1, 19, 30));
  });

  it('errors thrown by the script reach Node as Errors with the same name and message', () => {
    const rt = runtimeWith(
      `function boom() { throw new RangeError('out of range'); } function str() { throw 'plain text'; }`,
    );
    expect(() => rt.run('boom')).toThrow(
      expect.objectContaining({ name: 'RangeError', message: 'out of range' }),
    );
    expect(() => rt.run('str')).toThrow(new Error('plain text'));
  });
});

describe('PropertiesService', () => {
  const source = `
    function save(store, key, value) { PropertiesService[store]().setProperty(key, value); }
    function read(store, key) { return PropertiesService[store]().getProperty(key); }
    function all() { const p = PropertiesService.getDocumentProperties(); p.setProperties({ a: 1, b: 'two' }); return [p.getProperties(), p.getKeys().sort()]; }
    function wipe() { const p = PropertiesService.getDocumentProperties(); p.deleteProperty('a'); const k = p.getKeys(); p.deleteAllProperties(); return [k, p.getKeys()]; }`;

  it('keeps three separate stores of strings', () => {
    const rt = runtimeWith(source);
    rt.run('save', 'getDocumentProperties', 'k', 'doc');
    rt.run('save', 'getUserProperties', 'k', 'user');
    rt.run('save', 'getScriptProperties', 'k', 42);
    expect([
      rt.run('read', 'getDocumentProperties', 'k'),
      rt.run('read', 'getUserProperties', 'k'),
      rt.run('read', 'getScriptProperties', 'k'),
    ]).toEqual(['doc', 'user', '42']);
    expect(rt.run('read', 'getDocumentProperties', 'missing')).toBeNull();
    expect(rt.properties.script.get('k')).toBe('42');
    expect(rt.run('all')).toEqual([{ k: 'doc', a: '1', b: 'two' }, ['a', 'b', 'k']]);
    expect(rt.run('wipe')).toEqual([['k', 'b'], []]);
  });

  it('enforces 9 KB per value and 500 KB per store', () => {
    const rt = runtimeWith(source);
    expect(() => rt.run('save', 'getDocumentProperties', 'big', 'x'.repeat(9 * 1024))).not.toThrow();
    expect(() => rt.run('save', 'getDocumentProperties', 'big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    // 56 × (3-byte key + 9,000-byte value) = 504,168 bytes; one more 9,004-byte entry passes 500 × 1024.
    for (let i = 0; i < 56; i++) rt.properties.user.set(`k${String(i).padStart(2, '0')}`, 'y'.repeat(9000));
    expect(() => rt.run('save', 'getUserProperties', 'last', 'z'.repeat(9000))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(rt.properties.user.has('last')).toBe(false);
  });
});

describe('CacheService', () => {
  const source = `
    function put(key, value, ttl) { CacheService.getScriptCache().put(key, value, ttl); }
    function get(key) { return CacheService.getScriptCache().get(key); }
    function many() { const c = CacheService.getDocumentCache(); c.putAll({ a: '1', b: '2' }); c.remove('a'); return c.getAll(['a', 'b', 'c']); }`;

  it('expires entries after the default 600 s on the runtime clock', () => {
    const clock = manualClock(OCT_1_NOON_UTC);
    const rt = runtimeWith(source, { clock });
    rt.run('put', 'k', 'v');
    clock.advance(599_999);
    expect(rt.run('get', 'k')).toBe('v');
    clock.advance(1);
    expect(rt.run('get', 'k')).toBeNull();
  });

  it('honours a given expiry and caps it at 21,600 s', () => {
    const clock = manualClock(OCT_1_NOON_UTC);
    const rt = runtimeWith(source, { clock });
    rt.run('put', 'short', 'v', 5);
    rt.run('put', 'long', 'v', 100_000);
    clock.advance(5_000);
    expect(rt.run('get', 'short')).toBeNull();
    clock.advance(21_600_000 - 5_001);
    expect(rt.run('get', 'long')).toBe('v');
    clock.advance(1);
    expect(rt.cache.script.get('long')).toBeNull();
  });

  it('supports getAll/putAll/remove', () => {
    const rt = runtimeWith(source);
    expect(rt.run('many')).toEqual({ b: '2' });
  });

  it('limits keys to 250 characters and values to 100 KB', () => {
    const rt = runtimeWith(source);
    expect(() => rt.run('put', 'k'.repeat(250), 'v')).not.toThrow();
    expect(() => rt.run('put', 'k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => rt.run('put', 'k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });
});

describe('LockService', () => {
  const source = `
    function take(ms) { const l = LockService.getDocumentLock(); const got = l.tryLock(ms); return [got, l.hasLock()]; }
    function wait(ms) { LockService.getDocumentLock().waitLock(ms); return 'got it'; }
    function cycle() { const l = LockService.getScriptLock(); l.waitLock(1000); const held = l.hasLock(); l.releaseLock(); return [held, l.hasLock()]; }`;

  it('acquires and releases a free lock', () => {
    const rt = runtimeWith(source);
    expect(rt.run('cycle')).toEqual([true, false]);
    expect(rt.run('take', 10)).toEqual([true, true]);
  });

  it('times out (on the runtime clock) while another execution holds the document lock', () => {
    const clock = manualClock(OCT_1_NOON_UTC);
    const rt = runtimeWith(source, { clock });
    const release = rt.holdDocumentLock();
    expect(rt.run('take', 3000)).toEqual([false, false]);
    expect(clock.now()).toBe(OCT_1_NOON_UTC + 3000);
    expect(() => rt.run('wait', 1000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    release();
    expect(rt.run('wait', 1000)).toBe('got it');
  });

  it('releases the locks an execution still holds when it ends', () => {
    const rt = runtimeWith(source);
    rt.run('take', 0);
    expect(rt.run('take', 0)).toEqual([true, true]); // would be false if the first run still held it
  });
});

describe('Session', () => {
  it('reports the user, locale and script time zone set for the test', () => {
    const rt = runtimeWith(
      `function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getActiveUserLocale(), Session.getScriptTimeZone()]; }`,
      { user: { email: 'ana@contoso.co', locale: 'es' }, scriptTimeZone: 'America/Mexico_City' },
    );
    expect(rt.run('who')).toEqual(['ana@contoso.co', 'ana@contoso.co', 'es', 'America/Mexico_City']);
  });
});

describe('Utilities', () => {
  it('formatDate renders SimpleDateFormat patterns in the given zone', () => {
    const rt = runtimeWith(`function f(ms, tz, p) { return Utilities.formatDate(new Date(ms), tz, p); }`);
    const instant = Date.UTC(2025, 2, 9, 3, 4, 5, 6); // Sunday 2025-03-09 03:04:05.006 UTC
    expect(rt.run('f', instant, 'America/Bogota', 'yyyy-MM-dd HH:mm:ss')).toBe('2025-03-08 22:04:05');
    expect(rt.run('f', instant, 'UTC', "EEE, d MMM yyyy 'at' h:mm a")).toBe('Sun, 9 Mar 2025 at 3:04 AM');
    expect(rt.run('f', instant, 'Asia/Kolkata', 'yyyyMMdd HHmm Z XXX')).toBe('20250309 0834 +0530 +05:30');
    expect(rt.run('f', instant, 'UTC', 'EEEE MMMM dd yy SSS')).toBe('Sunday March 09 25 006');
    // New York switches to DST at 2025-03-09 07:00 UTC.
    expect(rt.run('f', Date.UTC(2025, 2, 9, 12), 'America/New_York', 'HH:mm Z')).toBe('08:00 -0400');
  });

  it('parseCsv handles quotes, embedded delimiters and line breaks', () => {
    const rt = runtimeWith(`function p(text, d) { return Utilities.parseCsv(text, d); }`);
    expect(rt.run('p', 'a,"b,c"\n"say ""hi""",x\r\n', undefined)).toEqual([
      ['a', 'b,c'],
      ['say "hi"', 'x'],
    ]);
    expect(rt.run('p', 'a;b', ';')).toEqual([['a', 'b']]);
  });

  it('computeDigest, HMAC and base64 work with signed byte arrays', () => {
    const rt = runtimeWith(`
      function md5(s) { return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, s); }
      function hmac(v, k) { return Utilities.computeHmacSha256Signature(v, k); }
      function b64(s) { const e = Utilities.base64Encode(s); return [e, Utilities.newBlob(Utilities.base64Decode(e)).getDataAsString()]; }`);
    const signed = (buf: Buffer): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));
    expect(rt.run('md5', 'abc')).toEqual(signed(createHash('md5').update('abc').digest()));
    expect((rt.run('md5', 'abc') as number[]).some((b) => b < 0)).toBe(true);
    expect(rt.run('hmac', 'token', 'secret')).toEqual(
      signed(createHmac('sha256', 'secret').update('token').digest()),
    );
    expect(rt.run('b64', 'Año €')).toEqual([Buffer.from('Año €').toString('base64'), 'Año €']);
  });

  it('sleep uses the runtime clock; getUuid and formatString work', () => {
    const clock = manualClock(OCT_1_NOON_UTC);
    const rt = runtimeWith(
      `function go() { Utilities.sleep(2500); return [Utilities.getUuid(), Utilities.formatString('%s has %d rows (%.1f%%)', 'Data', 12.7, 99.44)]; }`,
      { clock },
    );
    const [uuid, text] = rt.run('go') as [string, string];
    expect(clock.now()).toBe(OCT_1_NOON_UTC + 2500);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text).toBe('Data has 12 rows (99.4%)');
  });
});

describe('Logger and console', () => {
  it('collect lines in runtime.logs', () => {
    const rt = runtimeWith(
      `function go() { Logger.log('rows: %s', 3); Logger.log({ a: 1 }); console.log('x', 2); console.error(new Error('bad')); }`,
    );
    rt.run('go');
    expect(rt.logs).toEqual(['rows: 3', '{"a":1}', 'x 2', 'Error: bad']);
  });
});

describe('HtmlService and ScriptApp', () => {
  it('createHtmlOutputFromFile reads distDir/NAME.html; setTitle/getTitle/setWidth', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rt-html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<b>sidebar</b>');
    const rt = runtimeWith(
      `function go() { const h = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Atom Billing').setWidth(300); return [h.getContent(), h.getTitle(), h.getWidth()]; }
       function missing() { HtmlService.createHtmlOutputFromFile('Nope'); }`,
      { distDir: dir },
    );
    expect(rt.run('go')).toEqual(['<b>sidebar</b>', 'Atom Billing', 300]);
    expect(() => rt.run('missing')).toThrow('No HTML file named Nope was found.');
  });

  it('ScriptApp.AuthMode has the four modes', () => {
    const rt = runtimeWith(`function modes() { return Object.keys(ScriptApp.AuthMode).sort(); }`);
    expect(rt.run('modes')).toEqual(['CUSTOM_FUNCTION', 'FULL', 'LIMITED', 'NONE']);
  });
});
