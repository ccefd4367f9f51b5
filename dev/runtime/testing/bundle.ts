/** The built add-on (dist/Code.js, produced by `npm run build` before the tests) loaded in the offline runtime. */
import { join } from 'node:path';
import { createRuntime, type AppsScriptRuntime, type RuntimeOptions } from '..';

export const distDir = join(process.cwd(), 'dist');

export function loadBundle(options: RuntimeOptions = {}): AppsScriptRuntime {
  const runtime = createRuntime({ distDir, ...options });
  runtime.loadFile(join(distDir, 'Code.js'));
  return runtime;
}
