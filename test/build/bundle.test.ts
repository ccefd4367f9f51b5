/**
 * The build check: dist/ is what `clasp push` sends, so it must be a project Apps Script accepts unchanged.
 * Runs on the files `npm run build` produced (npm test builds first).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script, createContext } from 'node:vm';
import ts from 'typescript';
import {
  BUNDLE_NAME,
  readGlobalFunctions,
  readSidebarCalls,
  SIDEBAR_RPC_EXPORT,
  toAppsScript,
} from '../../dev/build/gas-globals';
import { codeModules } from '../support/code-modules';
import { CODE_BUDGET_BYTES, SIDEBAR_BUDGET_BYTES } from '../../dev/build/budgets';

const dist = join(process.cwd(), 'dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');
const sidebar = readFileSync(join(dist, 'Sidebar.html'), 'utf8');
const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
const entryPath = join(process.cwd(), 'src/gas/globals.ts');
const contractPath = join(process.cwd(), 'src/rpc/contract.ts');
const entryGlobals = readGlobalFunctions(readFileSync(entryPath, 'utf8'), entryPath);
const sidebarCalls = readSidebarCalls(readFileSync(contractPath, 'utf8'), contractPath);
/** Every global of Code.js: the entry file's functions, then one per sidebar call of the contract. */
const globals = [...entryGlobals, ...sidebarCalls];
/** A JSDoc type such as number, Date|string or Array<Array<string|number>> — not a cell reference or example. */
const JSDOC_TYPE = /^[A-Za-z]\w*(\[\])*(<[\w<>|, ]+>)?(\[\])*(\|[A-Za-z]\w*(\[\])*(<[\w<>|, ]+>)?(\[\])*)*$/;

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
      // The history in BigQuery (issue 19): the add-on creates its tables and runs load and query jobs in the
      // user's own project, which bigquery.readonly cannot (cloud-platform would grant far more). Called through
      // UrlFetchApp with ScriptApp.getOAuthToken(), not the advanced service: the client stays pure, tested against
      // dev/fake-bigquery.
      'https://www.googleapis.com/auth/bigquery',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      // ScriptApp.newTrigger/getUserTriggers/deleteTrigger: the month close's daily refresh.
      'https://www.googleapis.com/auth/script.scriptapp',
      // MailApp.sendEmail: the budget alert to the admins. send_mail only sends as the user; Gmail's scopes
      // (gmail.send, mail.google.com) would also reach the mailbox, which the add-on never needs.
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email', // Session.getActiveUser for the admin check
    ]);
  });

  it('may fetch from the Graph API and BigQuery only', () => {
    expect(manifest.urlFetchWhitelist).toEqual([
      'https://graph.facebook.com/',
      'https://bigquery.googleapis.com/',
    ]);
  });
});

/** Identifiers Code.js must not reference: Apps Script's V8 has no modules, Node or browser globals. */
const MISSING_IN_APPS_SCRIPT = new Set([
  'require',
  'module',
  'exports',
  'process',
  'Buffer',
  'global',
  'window',
  'document',
  'self',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'fetch',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'crypto',
  'structuredClone',
]);

/** True when `node` reads a variable (not a property name, object key, declaration or label). */
function isVariableReference(node: ts.Identifier): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if (
    (ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) &&
    p.name === node
  )
    return false;
  if ((ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === node) return false;
  if (ts.isLabeledStatement(p) && p.label === node) return false;
  if (ts.isBindingElement(p) && p.propertyName === node) return false;
  const declares =
    ts.isVariableDeclaration(p) ||
    ts.isParameter(p) ||
    ts.isFunctionDeclaration(p) ||
    ts.isFunctionExpression(p) ||
    ts.isClassDeclaration(p) ||
    ts.isClassExpression(p) ||
    ts.isBindingElement(p);
  return !(declares && (p as ts.NamedDeclaration).name === node);
}

interface ParsedScript {
  source: ts.SourceFile;
  checker: ts.TypeChecker;
}

/** A script parsed with a type checker (no lib files), so an identifier can be resolved to its declaration. */
function parseScript(fileName: string, text: string): ParsedScript {
  const options: ts.CompilerOptions = {
    allowJs: true,
    noLib: true,
    noResolve: true,
    types: [],
    target: ts.ScriptTarget.ES2020,
  };
  const host = ts.createCompilerHost(options);
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, ...rest) => (name === fileName ? source : getSourceFile(name, ...rest));
  const program = ts.createProgram([fileName], options, host);
  return { source: program.getSourceFile(fileName) ?? source, checker: program.getTypeChecker() };
}

/** The bundle's own variable or parameter of that name (esbuild's CommonJS wrapper passes `module`, `exports`). */
function isDeclaredInScript(node: ts.Identifier, checker: ts.TypeChecker): boolean {
  return (checker.getSymbolAtLocation(node)?.declarations?.length ?? 0) > 0;
}

/** `typeof self` or `typeof self != "undefined" ? self : …`: never a ReferenceError where the global is missing. */
function isTypeofGuarded(node: ts.Identifier): boolean {
  if (ts.isTypeOfExpression(node.parent)) return true;
  for (let child: ts.Node = node, up = node.parent; up; child = up, up = up.parent) {
    if (!ts.isConditionalExpression(up) || up.whenTrue !== child) continue;
    const test = up.condition;
    if (
      ts.isBinaryExpression(test) &&
      [ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
        test.operatorToken.kind,
      ) &&
      [test.left, test.right].some(
        (side) => ts.isTypeOfExpression(side) && side.expression.getText() === node.text,
      ) &&
      [test.left, test.right].some((side) => ts.isStringLiteral(side) && side.text === 'undefined')
    )
      return true;
  }
  return false;
}

/** Everything in the parsed Code.js that Apps Script's V8 rejects or lacks, as readable findings. */
function unsupportedSyntax({ source, checker }: ParsedScript): string[] {
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${what} (line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
  const visit = (node: ts.Node): void => {
    const exported =
      ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (
      exported ||
      ts.isImportDeclaration(node) ||
      ts.isExportDeclaration(node) ||
      ts.isExportAssignment(node)
    )
      at(node, 'import/export');
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      at(node, 'import()');
    else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword)
      at(node, 'import.meta');
    else if (ts.isPrivateIdentifier(node)) at(node, `#private member ${node.text}`);
    else if (ts.isClassStaticBlockDeclaration(node)) at(node, 'static block');
    else if (
      ts.isPropertyDeclaration(node) &&
      node.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
    )
      at(node, `static field ${node.name.getText(source)}`);
    else if (
      ts.isIdentifier(node) &&
      MISSING_IN_APPS_SCRIPT.has(node.text) &&
      isVariableReference(node) &&
      !isDeclaredInScript(node, checker) &&
      !isTypeofGuarded(node)
    )
      at(node, `global ${node.text}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('dist/Code.js', () => {
  const parsedCode = parseScript('Code.js', code);
  const source = parsedCode.source;

  it('parses as a plain (non-module) script', () => {
    expect(() => new Script(code, { filename: 'Code.js' })).not.toThrow();
  });

  it('uses nothing Apps Script lacks: no modules, Node or browser globals, #private or static fields', () => {
    expect(unsupportedSyntax(parsedCode)).toEqual([]);
  });

  it('catches each construct Apps Script lacks (the check above is not vacuous)', () => {
    const bad = [
      'export function f() {}',
      'import x from "y";',
      'const u = new URL("https://a.b/");',
      'setTimeout(() => 1);',
      'class A { #x = 1; }',
      'class B { static y = 2; }',
      'const p = process.env;',
    ];
    for (const snippet of bad) {
      const parsed = parseScript('bad.js', snippet);
      expect({ snippet, flagged: unsupportedSyntax(parsed).length > 0 }).toEqual({ snippet, flagged: true });
    }
    // Property names and object keys that merely share a global's name are fine.
    const fine = 'const o = { fetch: 1, window: 2 }; o.process = o.URL; class C { crypto() {} }';
    expect(unsupportedSyntax(parseScript('fine.js', fine))).toEqual([]);
    // A guarded or locally declared name is fine; the same name read unguarded, or guarded by another name, is not.
    const guarded =
      'var n = typeof self != "undefined" ? self : {}; ((exports, module) => module.exports = exports)({}, {});';
    expect(unsupportedSyntax(parseScript('guarded.js', guarded))).toEqual([]);
    const unguarded =
      'var a = typeof self != "undefined" ? window : {}; var b = module.exports; setTimeout(f, 1);';
    expect(unsupportedSyntax(parseScript('unguarded.js', unguarded))).toEqual([
      'global window (line 1)',
      'global module (line 1)',
      'global setTimeout (line 1)',
    ]);
  });

  it("is one bundle variable followed by plain top-level functions, exactly the entry file's globals", () => {
    const shape = source.statements.map((s) => {
      if (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)) return `"${s.expression.text}"`;
      if (ts.isVariableStatement(s))
        return `var ${s.declarationList.declarations.map((d) => d.name.getText(source))}`;
      if (ts.isFunctionDeclaration(s) && !s.asteriskToken && !s.modifiers?.length)
        return `function ${s.name?.text}`;
      return `unexpected: ${s.getText(source).slice(0, 60)}`;
    });
    expect(shape).toEqual([
      '"use strict"',
      `var ${BUNDLE_NAME}`,
      ...globals.map((g) => `function ${g.name}`),
    ]);
  });

  it('loads with no Apps Script service at all (no side effects) and defines only those globals', () => {
    const context = createContext({});
    new Script(code, { filename: 'Code.js' }).runInContext(context);
    expect(Object.getOwnPropertyNames(context).sort()).toEqual(
      [BUNDLE_NAME, ...globals.map((g) => g.name)].sort(),
    );
    for (const g of globals)
      expect({ name: g.name, type: typeof context[g.name] }).toEqual({ name: g.name, type: 'function' });
  });

  it("serves every sidebar call of the contract: a global per SidebarRpc member, calling the bundle's implementation", () => {
    expect(sidebarCalls.map((c) => c.name)).toEqual(
      expect.arrayContaining(['getSidebarBootstrap', 'runMonthClose', 'importAtomRows', 'getActiveRange']),
    );
    // The entry file declares none of them itself: the contract is where a sidebar call is named.
    const entryNames = new Set(entryGlobals.map((g) => g.name));
    expect(sidebarCalls.filter((c) => entryNames.has(c.name))).toEqual([]);
    const context = createContext({});
    new Script(code, { filename: 'Code.js' }).runInContext(context);
    const rpc = context[BUNDLE_NAME][SIDEBAR_RPC_EXPORT] as Record<string, unknown>;
    expect(Object.keys(rpc).sort()).toEqual(sidebarCalls.map((c) => c.name).sort());
    for (const call of sidebarCalls) {
      expect({ name: call.name, type: typeof rpc[call.name] }).toEqual({ name: call.name, type: 'function' });
      expect(code).toContain(
        `function ${call.name}(${call.params.join(', ')}) {\n  return ${BUNDLE_NAME}.${SIDEBAR_RPC_EXPORT}.${call.name}(${call.params.join(', ')});\n}`,
      );
    }
  });

  it('declares every global as a top-level function with its real parameter names', () => {
    expect(globals.map((g) => g.name)).toEqual(
      expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar', 'BILLED_UNIQUE_CONTACTS']),
    );
    const declared = new Map(
      source.statements
        .filter(ts.isFunctionDeclaration)
        .map((f) => [f.name!.text, f.parameters.map((p) => p.name.getText(source))]),
    );
    for (const fn of globals)
      expect({ name: fn.name, params: declared.get(fn.name) }).toEqual({ name: fn.name, params: fn.params });
  });

  it('puts a finance-readable JSDoc with @param, @return and @customfunction directly above each custom function', () => {
    const customFunctions = globals.filter((g) => g.isCustomFunction);
    expect(customFunctions.length).toBeGreaterThan(0);
    for (const fn of customFunctions) {
      const match = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\nfunction ${fn.name}\\(`).exec(code);
      expect({ name: fn.name, hasDoc: match !== null }).toEqual({ name: fn.name, hasDoc: true });
      const lines = match![1].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ''));
      // Line 0 is "/**"; the description is one line, then a blank line or the first tag.
      expect({ name: fn.name, description: lines[1].length > 20 && !lines[1].startsWith('@') }).toEqual({
        name: fn.name,
        description: true,
      });
      expect({ name: fn.name, after: lines[2] === '' || lines[2].startsWith('@') }).toEqual({
        name: fn.name,
        after: true,
      });
      // `@param {type} name description`, in declaration order, each with a JSDoc type (not an example value).
      const params = lines.filter((l) => l.startsWith('@param'));
      expect(params.map((l) => /^@param \{([^}]+)\} (\w+) \S/.exec(l)?.[2])).toEqual(fn.params);
      for (const l of params) expect(/^@param \{([^}]+)\}/.exec(l)![1]).toMatch(JSDOC_TYPE);
      expect(lines.filter((l) => /^@return \{[^}]+\} \S/.test(l))).toHaveLength(1);
      expect(lines.filter((l) => l === '@customfunction')).toHaveLength(1);
    }
  });

  it('stays within its byte budget (Apps Script loads all of it on every custom-function call)', () => {
    expect(Buffer.byteLength(code, 'utf8')).toBeLessThanOrEqual(CODE_BUDGET_BYTES);
  });

  it("holds the add-on's own code and no CSV parser (rate cards are split into rows in the sidebar)", () => {
    const modules = codeModules();
    expect(modules).toContain('src/rates/card-csv.ts');
    expect(modules.filter((m) => m.includes('papaparse') || m === 'src/rates/card-rows.ts')).toEqual([]);
  });

  it('is built from the IIFE esbuild emits, minified or not, and from nothing else', () => {
    const [onOpen] = globals.filter((g) => g.name === 'onOpen');
    const built = (bundle: string) => () => toAppsScript(bundle, [onOpen]);
    expect(built(`"use strict";var ${BUNDLE_NAME}=(()=>{var a=1;})();\n`)()).toMatch(
      new RegExp(
        `^"use strict";var ${BUNDLE_NAME}=\\(\\(\\)=>\\{var a=1;\\}\\)\\(\\);\\n\\n/\\*\\*[\\s\\S]*\\*/\\nfunction onOpen\\(`,
      ),
    );
    expect(built(`var ${BUNDLE_NAME} = (() => {\n  var a = 1;\n})();\n`)).not.toThrow();
    for (const bad of [
      `var Other=(()=>{})();`,
      `console.log(1);var ${BUNDLE_NAME}=(()=>{})();`,
      `var ${BUNDLE_NAME}=(()=>{})();evil();`,
      `var ${BUNDLE_NAME}=require("x");`,
    ])
      expect(built(bad)).toThrow(/expected esbuild's IIFE/);
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
    expect(sidebar).not.toMatch(
      /(?:src|href)\s*=\s*["']?(?:https?:)?\/\/|@import|url\(\s*["']?(?:https?:)?\/\//i,
    );
  });

  it('stays within its 300 KB budget (what every sidebar open downloads)', () => {
    expect(Buffer.byteLength(sidebar, 'utf8')).toBeLessThanOrEqual(SIDEBAR_BUDGET_BYTES);
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
