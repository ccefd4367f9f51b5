/** The runtime's formula and number-format engines are dev-only: HyperFormula (GPL-v3 key) must never ship. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');

it('dist/Code.js contains neither HyperFormula nor numfmt', () => {
  for (const marker of ['Handsoncode', 'HyperFormula', 'gpl-v3', 'codeToLocale', 'numfmt'])
    expect(code.includes(marker)).toBe(false);
});
