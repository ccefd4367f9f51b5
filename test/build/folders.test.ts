/**
 * The folder list is the architecture (README, Folders): features are folders, src/core and the feature folders are
 * pure, src/gas is thin over them. This reads every relative import under src/, bench/ and dev/ (TypeScript's own
 * pre-processor, so comments and strings that merely look like imports do not count) and fails on a shortcut.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const SOURCE = /\.(ts|tsx)$/;

/** The pure folders: no Apps Script service, no sidebar; gas and sidebar build on them, never the other way. */
const PURE = ['src/core', 'src/month-close', 'src/rates', 'src/atom', 'src/meta', 'src/i18n', 'src/bigquery'];
/** Features with a public index: src/gas imports them through it only. */
const FEATURES = ['src/meta', 'src/month-close', 'src/rates', 'src/atom'];

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The repository-relative file a relative specifier names (as esbuild and tsc resolve it), or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(root, dirname(from), specifier);
  const candidates = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'].map((ext) => base + ext);
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) throw new Error(`${from}: cannot resolve "${specifier}"`);
  return relative(root, found).split(sep).join('/');
}

interface Import {
  from: string;
  to: string;
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return info.importedFiles.flatMap(({ fileName }) => {
    const to = resolveImport(file, fileName);
    return to ? [{ from: file, to }] : [];
  });
}

/** src/<top>/, or src/gas/<feature>/ (a file directly in src/gas is the composition root, folder "src/gas"). */
export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return parts.slice(0, -1).join('/') || '.';
  if (parts[1] === 'gas' && parts.length > 3) return `src/gas/${parts[2]}`;
  return `src/${parts[1]}`;
}

const within = (file: string, folder: string) => file.startsWith(`${folder}/`);

/** Every cycle between folders, each as its strongly connected component (Tarjan), sorted. */
export function folderCycles(edges: [string, string][]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) if (a !== b) next.set(a, (next.get(a) ?? new Set()).add(b));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component.sort());
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return components.sort((a, b) => a[0].localeCompare(b[0]));
}

const srcImports = filesUnder('src').flatMap(importsOf);
const show = ({ from, to }: Import) => `${from} → ${to}`;

describe('the import graph of src/', () => {
  it('has no cycle between folders (src/<top>/, src/gas/<feature>/)', () => {
    const cycles = folderCycles(srcImports.map(({ from, to }) => [folderOf(from), folderOf(to)]));
    const explained = cycles.map((component) => ({
      folders: component,
      imports: srcImports
        .filter(({ from, to }) => folderOf(from) !== folderOf(to))
        .filter(({ from, to }) => component.includes(folderOf(from)) && component.includes(folderOf(to)))
        .map(show),
    }));
    expect(explained).toEqual([]);
  });

  it('keeps the pure folders free of src/gas and src/sidebar', () => {
    const impure = srcImports.filter(
      ({ from, to }) =>
        PURE.some((folder) => within(from, folder)) && (within(to, 'src/gas') || within(to, 'src/sidebar')),
    );
    expect(impure.map(show)).toEqual([]);
  });

  it('imports a feature into src/gas through its public index only', () => {
    const pastIndex = srcImports.filter(
      ({ from, to }) =>
        within(from, 'src/gas') && FEATURES.some((f) => within(to, f) && to !== `${f}/index.ts`),
    );
    expect(pastIndex.map(show)).toEqual([]);
  });
});

it('keeps test/ out of bench/ and dev/ (tools may not depend on test helpers)', () => {
  const intoTests = [...filesUnder('bench'), ...filesUnder('dev')]
    .flatMap(importsOf)
    .filter(({ to }) => within(to, 'test'));
  expect(intoTests.map(show)).toEqual([]);
});

it('keeps the offline runtime one service per module, with no import cycle between its modules', () => {
  const runtime = filesUnder('dev/runtime').flatMap(importsOf);
  const cycles = folderCycles(
    runtime.filter(({ to }) => within(to, 'dev/runtime')).map(({ from, to }) => [from, to]),
  );
  expect(cycles).toEqual([]);
});

describe('the checks themselves', () => {
  it('name a file by its folder', () => {
    expect(folderOf('src/gas/meta/connection-store.ts')).toBe('src/gas/meta');
    expect(folderOf('src/gas/globals.ts')).toBe('src/gas');
    expect(folderOf('src/core/pricing/engine.ts')).toBe('src/core');
    expect(folderOf('src/sidebar/month-close/messages.ts')).toBe('src/sidebar');
  });

  it('find a cycle of two and of three folders, and none in a chain', () => {
    expect(
      folderCycles([
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'a'],
      ]),
    ).toEqual([['a', 'b']]);
    expect(
      folderCycles([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      folderCycles([
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
        ['a', 'a'],
      ]),
    ).toEqual([]);
  });
});
