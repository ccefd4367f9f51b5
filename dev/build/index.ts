/**
 * `npm run build`: bundles the add-on into dist/ exactly as `clasp push` sends it:
 * appsscript.json, Code.js (plain script, one top-level function per global) and Sidebar.html (self-contained).
 * Both are minified: Apps Script loads all of Code.js on every custom-function call (budget in budgets.ts,
 * test/build) and the sidebar downloads Sidebar.html on every open. Names are mangled, not kept (keepNames would
 * cost ~10 KB; error messages and `name`s are string literals): Code.js's source map goes to .build/Code.js.map,
 * outside dist/ so clasp never pushes it, to map an Apps Script stack trace (line 1, column N) back to src/.
 * Beside it, .build/Code.js.meta.json (esbuild's metafile) says which modules Code.js holds (test/build reads it:
 * minified code no longer names them); the build prints what each feature folder costs in Code.js (code-cost.ts).
 */
import { build, type Metafile } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeCost, formatCodeCost } from './code-cost';
import { BUNDLE_NAME, readGlobalFunctions, readSidebarCalls, toAppsScript } from './gas-globals';

const root = process.cwd();
const dist = join(root, 'dist');
const entry = join(root, 'src/gas/globals.ts');
const contract = join(root, 'src/rpc/contract.ts');
const buildInfo = join(root, '.build');

/**
 * Code.js is built for no platform (Apps Script is neither Node nor a browser); the sidebar for the browser, so
 * packages that only declare a "browser"/"main" entry (papaparse) resolve.
 */
async function bundle(
  entryPoint: string,
  platform: 'neutral' | 'browser',
  options: { globalName?: string; sourceMapFile?: string } = {},
): Promise<{ code: string; sourceMap?: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: 'iife',
    globalName: options.globalName,
    // ES2020 lowers `#private` and static class fields, which Apps Script cannot parse.
    target: 'es2020',
    platform,
    minify: true,
    // An external map (no sourceMappingURL comment in the bundle), named after the file it maps.
    sourcemap: options.sourceMapFile ? 'external' : false,
    outfile: options.sourceMapFile?.replace(/\.map$/, ''),
    write: false,
    metafile: true,
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
  const code = result.outputFiles.find((f) => !f.path.endsWith('.map'));
  const sourceMap = result.outputFiles.find((f) => f.path.endsWith('.map'));
  return { code: code!.text, sourceMap: sourceMap?.text, metafile: result.metafile };
}

async function buildCode(): Promise<void> {
  const globals = [
    ...readGlobalFunctions(readFileSync(entry, 'utf8'), entry),
    ...readSidebarCalls(readFileSync(contract, 'utf8'), contract),
  ];
  const sourceMapFile = join(buildInfo, 'Code.js.map');
  const { code, sourceMap, metafile } = await bundle(entry, 'neutral', {
    globalName: BUNDLE_NAME,
    sourceMapFile,
  });
  // The stubs go after the bundle, so the map's lines and columns stay those of Code.js.
  const codeJs = toAppsScript(code, globals);
  writeFileSync(join(dist, 'Code.js'), codeJs);
  const codeBytes = Buffer.byteLength(codeJs, 'utf8');
  console.log(formatCodeCost(codeCost(metafile, codeBytes), codeBytes));
  writeFileSync(sourceMapFile, sourceMap!);
  writeFileSync(join(buildInfo, 'Code.js.meta.json'), JSON.stringify(metafile));
}

async function buildSidebar(): Promise<void> {
  const js = (await bundle(join(root, 'src/sidebar/main.tsx'), 'browser')).code.replace(
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
mkdirSync(buildInfo, { recursive: true });
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
await Promise.all([buildCode(), buildSidebar()]);
console.log(
  `built dist/: Code.js ${readFileSync(join(dist, 'Code.js')).length} bytes, Sidebar.html ${readFileSync(join(dist, 'Sidebar.html')).length} bytes`,
);
