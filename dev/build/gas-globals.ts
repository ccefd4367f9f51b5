import ts from 'typescript';

/** A global of Code.js (the entry file's, or a sidebar call of the contract), with the JSDoc Apps Script sees. */
export interface GlobalFunction {
  name: string;
  params: string[];
  jsDoc: string | null;
  isCustomFunction: boolean;
  /** What the stub calls inside the bundle: the entry file's export, or a member of the sidebar's RPC object. */
  target: string;
}

/** The entry file's export holding the sidebar's calls (typed by SidebarRpc); each member becomes a global. */
export const SIDEBAR_RPC_EXPORT = 'sidebarRpc';

/** Reads the entry file's exported function declarations (the add-on's globals) and their JSDoc. */
export function readGlobalFunctions(entrySource: string, fileName: string): GlobalFunction[] {
  const source = ts.createSourceFile(fileName, entrySource, ts.ScriptTarget.ES2020, true);
  const globals: GlobalFunction[] = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const docs = ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc);
    const jsDoc = docs.length ? docs[docs.length - 1].getText(source) : null;
    globals.push({
      name: statement.name.text,
      params: statement.parameters.map((p) => p.name.getText(source)),
      jsDoc,
      isCustomFunction: jsDoc !== null && /@customfunction\b/.test(jsDoc),
      target: statement.name.text,
    });
  }
  return globals;
}

/**
 * The sidebar's calls, read from the SidebarRpc interface of the contract (src/rpc/contract.ts): google.script.run
 * reaches only top-level functions, so each member gets a global stub forwarding to the entry file's sidebarRpc
 * export. Their docs stay in the contract (no JSDoc in Code.js: they are not custom functions).
 */
export function readSidebarCalls(contractSource: string, fileName: string): GlobalFunction[] {
  const source = ts.createSourceFile(fileName, contractSource, ts.ScriptTarget.ES2020, true);
  const contract = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'SidebarRpc',
  );
  if (!contract) throw new Error(`build: ${fileName} declares no interface SidebarRpc`);
  return contract.members.map((member) => {
    if (!ts.isMethodSignature(member) || !ts.isIdentifier(member.name))
      throw new Error(
        `build: SidebarRpc member "${member.getText(source)}" is not a method (name(params): result)`,
      );
    const name = member.name.text;
    return {
      name,
      params: member.parameters.map((p) => p.name.getText(source)),
      jsDoc: null,
      isCustomFunction: false,
      target: `${SIDEBAR_RPC_EXPORT}.${name}`,
    };
  });
}

/** The one top-level variable holding the bundled add-on; only the globals below reach into it. */
export const BUNDLE_NAME = 'AtomBilling';

/** esbuild's IIFE for the bundle, minified or not: `var AtomBilling=(()=>{…})();`, maybe after "use strict". */
const IIFE_START = new RegExp(`^(?:"use strict";\\n?)?var ${BUNDLE_NAME} ?= ?\\(\\(\\) ?=> ?\\{`);
const IIFE_END = /\}\)\(\);$/;

/**
 * Turns esbuild's IIFE output (`var AtomBilling = (() => { … })();`) into the Apps Script file: after it, one
 * top-level `function NAME(params)` per global, preceded by its JSDoc (esbuild drops ordinary comments), readable
 * even when the bundle is minified. Internal helpers stay inside the IIFE, so they are neither callable from
 * google.script.run nor usable as custom functions: only the entry file's functions are globals.
 */
export function toAppsScript(bundle: string, globals: GlobalFunction[]): string {
  const body = bundle.trimEnd();
  if (!IIFE_START.test(body) || !IIFE_END.test(body))
    throw new Error(`build: expected esbuild's IIFE "var ${BUNDLE_NAME} = (() => { … })();"`);
  const stubs = globals.map((fn) => {
    const params = fn.params.join(', ');
    const doc = fn.jsDoc ? `${fn.jsDoc.replace(/^\s+\*/gm, ' *')}\n` : '';
    return `${doc}function ${fn.name}(${params}) {\n  return ${BUNDLE_NAME}.${fn.target}(${params});\n}\n`;
  });
  return `${body}\n\n${stubs.join('\n')}`;
}
