/**
 * What Code.js costs before any custom function runs: Apps Script compiles and runs the whole file on every call
 * (every execution starts a fresh global scope), so its size is a per-call price. Measured as V8 compiling and
 * running it in a new context (node:vm), next to a plain 5 KB script of small functions, in one run: the ratio is
 * what the bench tracks (absolute times depend on the machine; Apps Script's own servers are not reachable here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { CODE_BUDGET_BYTES } from '../dev/build/budgets';
import { median } from './timing';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
let small = '';
for (let i = 0; Buffer.byteLength(small) < 5_000; i++)
  small += `function helper${i}(values, factor) {\n  return values.map((v) => v * factor + ${i});\n}\n`;

// A new file name each time, so V8's compilation cache never answers instead of the compiler.
let run = 0;
const load = (source: string) => () =>
  new Script(source, { filename: `load-${run++}.js` }).runInContext(createContext({}));
for (let i = 0; i < 5; i++) {
  load(code)();
  load(small)();
}
const codeMs = median(31, load(code));
const smallMs = median(31, load(small));
const bytes = Buffer.byteLength(code);
console.log(
  `Code.js load (compile + top level, fresh context): ${bytes.toLocaleString('en')} bytes ` +
    `(${((bytes / CODE_BUDGET_BYTES) * 100).toFixed(1)} % of the ${CODE_BUDGET_BYTES.toLocaleString('en')} budget), ` +
    `${codeMs.toFixed(2)} ms = ${(codeMs / smallMs).toFixed(0)}× a ${Buffer.byteLength(small).toLocaleString('en')}-byte script ` +
    `(${smallMs.toFixed(2)} ms); ${((codeMs / bytes) * 1024).toFixed(3)} ms per KB`,
);
