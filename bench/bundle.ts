/** Shared by the Atom benchmarks: the built bundle in the offline runtime, and the batches its sidebar would send. */
import { join } from 'node:path';
import { createRuntime, type AppsScriptRuntime } from '../dev/runtime';
import type { AtomRow } from '../src/atom';
import { splitIntoBatches } from '../src/atom/batches';
import type { AtomImportSetup } from '../src/rpc/contract';

export function atomBundle(rows: readonly AtomRow[]): {
  rt: AppsScriptRuntime;
  setup: AtomImportSetup;
  batches: AtomRow[][];
} {
  const rt = createRuntime({
    distDir: join(process.cwd(), 'dist'),
    spreadsheet: { timeZone: 'America/Bogota', locale: 'es_CO' },
  });
  rt.loadFile(join(process.cwd(), 'dist/Code.js'));
  const setup = rt.runFromSidebar('getAtomImportSetup') as AtomImportSetup;
  return { rt, setup, batches: splitIntoBatches(rows, setup.batchRows) };
}
