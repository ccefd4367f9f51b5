/**
 * `npm run build`: bundles the add-on into dist/ exactly as `clasp push` sends it:
 * appsscript.json, Code.js (plain script, one top-level function per global) and Sidebar.html (self-contained).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_NAME, readGlobalFunctions, toAppsScript } from './gas-globals';

const root = process.cwd();
const dist = join(root, 'dist');
const entry = join(root, 'src/gas/globals.ts');

/**
 * Code.js is built for no platform (Apps Script is neither Node nor a browser); the sidebar for the browser, so
 * packages that only declare a "browser"/"main" entry (papaparse) resolve.
 */
async function bundle(
  entryPoint: string,
  platform: 'neutral' | 'browser',
  options: { globalName?: string; minify?: boolean } = {},
): Promise<string> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: 'iife',
    globalName: options.globalName,
    // ES2020 lowers `#private` and static class fields, which Apps Script cannot parse.
    target: 'es2020',
    platform,
    minify: options.minify ?? false,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    // papaparse's main file requires Node's 'stream' for its Node-only streaming mode; its browser build is the
    // same parser without it.
    alias: { papaparse: 'papaparse/papaparse.min.js' },
    logLevel: 'warning',
    // The sidebar's components: Preact through esbuild's automatic JSX runtime (as in tsconfig.json).
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  return result.outputFiles[0].text;
}

async function buildCode(): Promise<void> {
  const globals = readGlobalFunctions(readFileSync(entry, 'utf8'), entry);
  const code = toAppsScript(await bundle(entry, 'neutral', { globalName: BUNDLE_NAME }), globals);
  writeFileSync(join(dist, 'Code.js'), code);
}

async function buildSidebar(): Promise<void> {
  // Minified: the sidebar is downloaded on every open (Code.js stays readable for Apps Script's stack traces).
  const js = (await bundle(join(root, 'src/sidebar/main.tsx'), 'browser', { minify: true })).replace(
    /<\/script/gi,
    '<\\/script',
  );
  const css = readFileSync(join(root, 'src/sidebar/styles.css'), 'utf8');
  const html = readFileSync(join(root, 'src/sidebar/index.html'), 'utf8')
    .replace('/*INLINE_CSS*/', () => css)
    .replace('/*INLINE_JS*/', () => js);
  writeFileSync(join(dist, 'Sidebar.html'), html);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
await Promise.all([buildCode(), buildSidebar()]);
console.log(
  `built dist/: Code.js ${readFileSync(join(dist, 'Code.js')).length} bytes, Sidebar.html ${readFileSync(join(dist, 'Sidebar.html')).length} bytes`,
);
