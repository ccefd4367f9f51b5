/**
 * The build check: dist/ is what `clasp push` sends, so it must be a project Apps Script accepts unchanged.
 * Runs on the files `npm run build` produced (npm test builds first).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { readGlobalFunctions } from '../../dev/build/gas-globals';

const dist = join(process.cwd(), 'dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');
const sidebar = readFileSync(join(dist, 'Sidebar.html'), 'utf8');
const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
const entryPath = join(process.cwd(), 'src/gas/globals.ts');
const globals = readGlobalFunctions(readFileSync(entryPath, 'utf8'), entryPath);

describe('dist/appsscript.json', () => {
  it('runs on V8 with exception logging and a time zone', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(Intl.DateTimeFormat(undefined, { timeZone: manifest.timeZone }).resolvedOptions().timeZone).toBe(
      manifest.timeZone,
    );
  });

  it('asks for the least-privilege scopes only', () => {
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  it('may fetch from the Graph API only', () => {
    expect(manifest.urlFetchWhitelist).toEqual(['https://graph.facebook.com/']);
  });
});

describe('dist/Code.js', () => {
  it('parses as a plain (non-module) script', () => {
    expect(() => new Script(code, { filename: 'Code.js' })).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
  });

  it('uses nothing Apps Script lacks', () => {
    const forbidden = [
      /\brequire\(/,
      /\bmodule\.exports\b/,
      /\bprocess\./,
      /\bwindow\./,
      /\bsetTimeout\(/,
      /\bsetInterval\(/,
      /(?<![.\w])fetch\(/,
      /\bnew URL\(/,
      /\bURLSearchParams\b/,
      /\bTextEncoder\b/,
      /\bTextDecoder\b/,
      /(?<![.\w])atob\(/,
      /(?<![.\w])btoa\(/,
      /\bBuffer\./,
      /^\s+#\w+\s*[;=]/m, // private class field declaration
      /^\s+static\s+\w+\s*=/m, // static class field
    ];
    for (const pattern of forbidden)
      expect({ pattern: String(pattern), found: pattern.test(code) }).toEqual({
        pattern: String(pattern),
        found: false,
      });
  });

  it("exposes exactly the entry file's functions as globals, internals stay inside one bundle variable", () => {
    const topLevelFunctions = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    expect(topLevelFunctions.sort()).toEqual(globals.map((g) => g.name).sort());
    expect([...code.matchAll(/^(?:var|let|const) (\w+)/gm)].map((m) => m[1])).toEqual(['AtomBilling']);
  });

  it('declares every global as a top-level function with its real parameter names', () => {
    expect(globals.map((g) => g.name)).toEqual(
      expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar', 'BILLED_UNIQUE_CONTACTS']),
    );
    for (const fn of globals) {
      const declared = new RegExp(`^function ${fn.name}\\(([^)]*)\\)`, 'm').exec(code);
      expect({
        name: fn.name,
        params: declared?.[1]
          .split(',')
          .map((p) => p.trim().replace(/\s*=.*$/, ''))
          .filter(Boolean),
      }).toEqual({
        name: fn.name,
        params: fn.params,
      });
    }
  });

  it('puts a finance-readable JSDoc with @param, @return and @customfunction directly above each custom function', () => {
    const customFunctions = globals.filter((g) => g.isCustomFunction);
    expect(customFunctions.length).toBeGreaterThan(0);
    for (const fn of customFunctions) {
      const match = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\nfunction ${fn.name}\\(`).exec(code);
      expect({ name: fn.name, hasDoc: match !== null }).toEqual({ name: fn.name, hasDoc: true });
      const doc = match![1];
      const description = doc.split('\n')[1].replace(/^\s*\*\s?/, '');
      expect(description.length).toBeGreaterThan(20);
      expect(description).not.toMatch(/^@/);
      for (const param of fn.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${param}\\b`));
      expect(doc).toMatch(/@return /);
      expect(doc).toMatch(/@customfunction/);
    }
  });

  it('names custom functions as Sheets requires (upper case, no trailing underscore)', () => {
    for (const fn of globals.filter((g) => g.isCustomFunction))
      expect(fn.name).toMatch(/^[A-Z][A-Z0-9_]*[A-Z0-9]$/);
  });
});

describe('dist/Sidebar.html', () => {
  it('is self-contained: CSS and JS inlined, nothing loaded from elsewhere', () => {
    expect(sidebar).not.toMatch(/<script[^>]+src=/i);
    expect(sidebar).not.toMatch(/<link[^>]+stylesheet/i);
    expect(sidebar).toMatch(/<style>[\s\S]*body[\s\S]*<\/style>/);
    expect(sidebar).toMatch(/<script>[\s\S]*google\.script\.run[\s\S]*<\/script>/);
    expect(sidebar).not.toContain('/*INLINE_');
  });
});

describe('clasp', () => {
  it('would push exactly the three dist files', () => {
    const status = JSON.parse(execFileSync('npx', ['clasp', 'status', '--json'], { encoding: 'utf8' }));
    expect([...status.filesToPush].sort()).toEqual([
      'dist/Code.js',
      'dist/Sidebar.html',
      'dist/appsscript.json',
    ]);
    expect(status.untrackedFiles).toEqual([]);
  });
});
