/** The README's two commands on a fresh machine: `npm start -- --help` prints the options; a missing Chromium is one line. */
import { spawnSync } from 'node:child_process';

const tsx = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });

describe('npm start -- --help', () => {
  it('prints the options and exits without starting a server', () => {
    const run = tsx(['dev/preview/main.ts', '--help']);
    expect(run.status).toBe(0);
    for (const option of [
      '--port N',
      'PORT',
      '--no-cost',
      '--locale L',
      'es_CO',
      'en_US',
      '--bigquery',
      '--help',
    ])
      expect(run.stdout).toContain(option);
    expect(run.stdout).not.toContain('http://');
  });

  it('an unknown option is named, with the usage, and nothing starts', () => {
    const run = tsx(['dev/preview/main.ts', '--prot', '9000']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^preview: unknown option --prot\n\nnpm start/);
  });

  it('a locale that is not one is refused by name before anything starts', () => {
    const run = tsx(['dev/preview/main.ts', '--locale', 'spanish']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('preview: --locale takes a locale such as es_CO or en_US, not "spanish"\n');
  });
});

describe('dev/ensure-chromium.ts, run before the tests and benches', () => {
  it('finds the Chromium this machine has, silently', () => {
    const run = tsx(['dev/ensure-chromium.ts']);
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });

  it('a Chromium that is not there is one line naming the command to run, and why', () => {
    const run = tsx(['dev/ensure-chromium.ts'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Chromium not found .*sudo apt-get install -y chromium.*browser tests/),
    ]);
  });
});
