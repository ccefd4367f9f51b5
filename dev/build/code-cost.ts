/**
 * What each feature costs in dist/Code.js, from esbuild's metafile: the bytes each module left in the minified
 * bundle, summed per feature folder (src/core, src/meta, src/rates, src/atom, src/month-close, src/gas/<feature>),
 * and the rest of the file — the custom functions' JSDoc'd stubs, the generated sidebar stubs and the IIFE wrapper.
 * `npm run build` prints it; the README's "What each feature costs in Code.js" table is a copy of it.
 */
import type { Metafile } from 'esbuild';

/** The feature folder a bundled module belongs to: src/gas/<feature> for adapters, else src/<feature>. */
export function featureOf(modulePath: string): string {
  const parts = modulePath.split('/');
  if (parts[0] !== 'src') return 'node_modules';
  if (parts[1] === 'gas') return parts.length > 3 ? `src/gas/${parts[2]}` : 'src/gas (entry files)';
  return parts.length > 2 ? `src/${parts[1]}` : 'src';
}

/** Bytes per feature folder, largest first, then the stubs (everything of Code.js outside the modules). */
export function codeCost(metafile: Metafile, codeBytes: number): [string, number][] {
  const output = Object.entries(metafile.outputs).find(([path]) => !path.endsWith('.map'))![1];
  const byFeature = new Map<string, number>();
  let inModules = 0;
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    byFeature.set(featureOf(path), (byFeature.get(featureOf(path)) ?? 0) + bytesInOutput);
    inModules += bytesInOutput;
  }
  return [
    ...[...byFeature].sort((a, b) => b[1] - a[1]),
    ['stubs (custom functions, sidebar calls) and wrapper', codeBytes - inModules],
  ];
}

/** The table `npm run build` prints: one line per feature, bytes right-aligned. */
export function formatCodeCost(rows: [string, number][], codeBytes: number): string {
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `Code.js by feature (${codeBytes} bytes):`,
    ...rows.map(([name, bytes]) => `  ${name.padEnd(width)} ${String(bytes).padStart(7)}`),
  ].join('\n');
}
