/** The runtime's formula and number-format engines are dev-only: HyperFormula (GPL-v3 key) must never ship. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeModules } from '../support/code-modules';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');

it('dist/Code.js contains neither HyperFormula nor numfmt', () => {
  expect(codeModules().filter((m) => /node_modules\/(hyperformula|numfmt)\//.test(m))).toEqual([]);
  for (const marker of ['Handsoncode', 'HyperFormula', 'gpl-v3', 'codeToLocale', 'numfmt'])
    expect(code.includes(marker)).toBe(false);
});
