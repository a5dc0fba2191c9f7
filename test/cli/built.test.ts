/**
 * The built CLI (dist/cli.js, from `npx tsup && npx tsx scripts/field-docs.ts --dist`): it imports the library by
 * its package name, so `cx-roi simulate --redis` holds one copy of it beside cx-roi/bullmq's.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const built = join(root, 'dist/cli.js');

/** Runs the built CLI and gives its exit code and output. */
function run(args: string[]) {
  const out = spawnSync(process.execPath, [built, ...args], { encoding: 'utf8', timeout: 60_000, cwd: root });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('the built CLI', () => {
  it('imports the library by its name instead of carrying a copy of it', () => {
    const cli = readFileSync(built, 'utf8');
    const library = readFileSync(join(root, 'dist/index.js'), 'utf8');
    expect(cli).toMatch(/^import \{[^}]*\bScenarioError\b[^}]*\} from "cx-roi";$/m);
    expect(cli).toMatch(/^import \{[^}]*\bsimulate\b[^}]*\} from "cx-roi";$/m);
    // The library's own code is in index.js, and only there.
    for (const body of ['var ScenarioError = class extends Error', 'function simulate(', 'function parseScenario(']) {
      expect(library).toContain(body);
      expect(cli).not.toContain(body);
    }
    expect(cli).not.toContain('mathjs');
    // The version, not the whole manifest.
    expect(cli).not.toContain('"devDependencies"');
    expect(cli).not.toContain('devDependencies:');
  });

  it('simulates, helps, and answers mistakes in one line', () => {
    const simulated = run(['simulate', '--runs', '10']);
    expect(simulated.stderr).toBe('');
    expect(simulated.status).toBe(0);
    expect(simulated.stdout).toContain('cx-roi: 10 runs, seed 1, horizon 60 months');
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^ {2}simulate {2,}runs a scenario/m);
    expect(run(['simulate', '--help']).stdout).toMatch(/^Usage: cx-roi simulate /);
    expect(run(['simulat'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cx-roi: unknown command "simulat". Did you mean "simulate"? Run cx-roi --help for the list.\n',
    });
    expect(run(['simulate', '--run', '10'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cx-roi: unknown option --run; did you mean --runs?\n',
    });
  });

  it('--redis: a bad address that cx-roi/bullmq refuses is the user’s mistake, in one line (one ScenarioError class)', () => {
    // cx-roi/bullmq throws the ScenarioError of the cx-roi it imports; the CLI's must be the same class to say it in words.
    expect(run(['simulate', '--redis', 'http://x', '--runs', '10'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cx-roi: --redis must start with redis:// or rediss:// (got "http://x")\n',
    });
  });
});
