/**
 * The cost table `npm run build` prints (and the README copies): every byte of dist/Code.js is in exactly one row.
 * Runs on the files `npm run build` produced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { codeCost, featureOf } from '../../dev/build/code-cost';

const codeBytes = readFileSync(join(process.cwd(), 'dist/Code.js')).length;
const metafile = JSON.parse(
  readFileSync(join(process.cwd(), '.build/Code.js.meta.json'), 'utf8'),
) as Metafile;

describe('what each feature costs in Code.js', () => {
  it('groups modules by feature folder, gas adapters by their own feature', () => {
    expect(
      [
        'src/core/time.ts',
        'src/meta/timezone-ids.ts',
        'src/gas/month-close/rpc.ts',
        'src/gas/globals.ts',
        'node_modules/x/index.js',
      ].map(featureOf),
    ).toEqual(['src/core', 'src/meta', 'src/gas/month-close', 'src/gas (entry files)', 'node_modules']);
  });

  it('adds up to the bytes of Code.js, the stubs being what no module accounts for', () => {
    const rows = codeCost(metafile, codeBytes);
    expect(rows.reduce((sum, [, bytes]) => sum + bytes, 0)).toBe(codeBytes);
    expect(rows.map(([name]) => name)).toEqual(
      expect.arrayContaining(['src/core', 'src/meta', 'src/rates', 'src/atom', 'src/month-close']),
    );
    const stubs = rows.at(-1)!;
    expect(stubs[0]).toMatch(/^stubs/);
    // The custom functions' JSDoc'd globals alone are several KB; a negative or tiny rest means a wrong sum.
    expect(stubs[1]).toBeGreaterThan(5_000);
  });
});
