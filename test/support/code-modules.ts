/** The modules bundled into dist/Code.js, from the metafile `npm run build` writes (minified code names none). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';

export function codeModules(): string[] {
  const metafile = JSON.parse(
    readFileSync(join(process.cwd(), '.build/Code.js.meta.json'), 'utf8'),
  ) as Metafile;
  return Object.keys(metafile.inputs);
}
