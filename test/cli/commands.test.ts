import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { closest } from '../../src/cli/did-you-mean.js';
import { cli } from './run-cli.js';

describe('cx-roi --help and cx-roi <command> --help', () => {
  it('--help lists every command with its one-line summary, and nothing of any command’s options', async () => {
    const { code, stdout, stderr } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const listed = stdout.split('\n').filter((line) => /^ {2}[a-z-]+ {2,}\S/.test(line) && !line.startsWith('  cx-roi'));
    expect(listed.map((line) => line.trim().split(/\s+/)[0])).toEqual(commands.map((c) => c.name));
    for (const command of commands) expect(stdout).toContain(`  ${command.name.padEnd(20)}  ${command.summary}\n`);
    expect(stdout).not.toContain('Options:');
    expect(stdout).not.toContain('Monte Carlo runs, a whole number');
    expect(stdout).toContain('Exit codes: 0 success, 1 unexpected failure, 2 bad scenario or arguments.');
    expect((await cli(['-h'])).stdout).toBe(stdout);
    expect((await cli(['help'])).stdout).toBe(stdout);
  });

  it('every command’s --help gives its usage and each of its flags, and no other command’s', async () => {
    const everyFlag = new Set(commands.flatMap((c) => c.flags.map((f) => f.name)));
    for (const command of commands) {
      const { code, stdout, stderr } = await cli([command.name, '--help']);
      expect(code, command.name).toBe(0);
      expect(stderr).toBe('');
      expect(stdout.startsWith(`Usage: cx-roi ${command.name}`), command.name).toBe(true);
      const own = new Set(command.flags.map((f) => f.name));
      const options = stdout.slice(stdout.indexOf('\nOptions:\n'), stdout.indexOf('\n\n', stdout.indexOf('\nOptions:\n') + 1));
      for (const flag of own) expect(options, `${command.name} --${flag}`).toMatch(new RegExp(`^ {2}--${flag}\\b`, 'm'));
      for (const flag of everyFlag)
        if (!own.has(flag)) expect(options, `${command.name} lists --${flag}`).not.toMatch(new RegExp(`--${flag}\\b`));
      expect(options).toContain('-h, --help');
      // The same help by -h and by cx-roi help <command>.
      expect((await cli([command.name, '-h'])).stdout).toBe(stdout);
      expect((await cli(['help', command.name])).stdout).toBe(stdout);
    }
  });

  it('a flag’s default and what it takes are in the command’s help; voi is value-of-information', async () => {
    expect((await cli(['simulate', '--help'])).stdout).toMatch(/^ {2}--runs N +Monte Carlo runs[\s\S]*\(default\s+1,000\)/m);
    expect((await cli(['sensitivity', '--help'])).stdout).toMatch(/\(default\s+10,000\)/);
    expect((await cli(['reality-check', '--help'])).stdout).toMatch(/\(default\s+2,000\)/);
    const voi = await cli(['voi', '--help']);
    expect(voi.stdout.startsWith('Usage: cx-roi value-of-information')).toBe(true);
  });

  it('help wins over a stray flag: cx-roi kpis --runs 5 --help prints the help', async () => {
    const { code, stdout } = await cli(['kpis', '--runs', '5', '--help']);
    expect(code).toBe(0);
    expect(stdout.startsWith('Usage: cx-roi kpis')).toBe(true);
  });
});

describe('mistakes in one line', () => {
  it('a mistyped flag: did you mean, and the usage exit code', async () => {
    const typo = await cli(['simulate', '--run', '10']);
    expect(typo).toEqual({ code: 2, stdout: '', stderr: 'cx-roi: unknown option --run; did you mean --runs?\n' });
    expect((await cli(['break-even', '--valu', '0'])).stderr).toBe('cx-roi: unknown option --valu; did you mean --value?\n');
    expect((await cli(['robustness', '--no-flip'])).stderr).toBe('cx-roi: unknown option --no-flip; did you mean --no-flips?\n');
    // Nothing near: the flag named, and where the options are.
    expect((await cli(['simulate', '--bogus'])).stderr).toBe('cx-roi: unknown option --bogus; see cx-roi --help\n');
    // Another command's flag is named as such, with the ones this command takes.
    expect(await cli(['kpis', '--runs', '10'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cx-roi: --runs does not apply to kpis; it takes --format\n',
    });
  });

  it('an unknown command: one line with the nearest command and where the list is, not the whole help', async () => {
    const near = await cli(['simulat', '--runs', '10']);
    expect(near).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cx-roi: unknown command "simulat". Did you mean "simulate"? Run cx-roi --help for the list.\n',
    });
    const far = await cli(['frobnicate']);
    expect(far).toEqual({ code: 2, stdout: '', stderr: 'cx-roi: unknown command "frobnicate". Run cx-roi --help for the list.\n' });
    expect((await cli(['help', 'kpi'])).stderr).toBe(
      'cx-roi: unknown command "kpi". Did you mean "kpis"? Run cx-roi --help for the list.\n',
    );
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')).toHaveLength(2);
  });

  it('a missing or extra file argument: the line, the command’s usage and where its help is', async () => {
    const { code, stderr } = await cli(['compare', 'a.json']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'cx-roi: compare needs two or more scenario files\n' +
        'Usage: cx-roi compare a.json b.json [more.json …] [--runs N] [--seed S] [--format table|json]\n' +
        'Run cx-roi compare --help for its options.\n',
    );
    expect((await cli(['kpis', 'a.json', 'b.json'], { 'a.json': '{}' })).stderr).toMatch(
      /^cx-roi: unexpected argument "b\.json"\nUsage: cx-roi kpis /,
    );
  });

  it('the command may follow its flags, and --version is answered anywhere', async () => {
    const csv = await cli(['--runs', '20', '--seed', '-3', 'simulate', '--format', 'csv']);
    expect(csv.stderr).toBe('');
    expect(csv.stdout.split('\n')[0]).toMatch(/^month,/);
    expect((await cli(['--version'])).stdout).toBe('1.2.3\n');
    expect((await cli(['kpis', '-v'])).stdout).toBe('1.2.3\n');
  });

  it('closest: the nearest word within a third of its length, else none', () => {
    expect(closest('simulat', ['simulate', 'kpis'])).toBe('simulate');
    expect(closest('run', ['runs', 'seed'])).toBe('runs');
    expect(closest('bogus', ['runs', 'seed', 'format'])).toBeUndefined();
    expect(closest('x', ['at'])).toBeUndefined();
    expect(closest('SIMULATE', ['simulate'])).toBe('simulate');
  });
});

describe('the CLI uses the library through its public API', () => {
  const root = join(import.meta.dirname, '../..');
  const cliDir = join(root, 'src/cli');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );

  it('imports only cx-roi, cx-roi/bullmq, Node, its own files, the pure formatters and package.json', () => {
    const sources = files(cliDir);
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([^']+)'/gm)].map((m) => m[1] as string);
      for (const specifier of specifiers) {
        const inside = specifier.startsWith('.') ? relative(root, join(file, '..', specifier)) : specifier;
        const allowed =
          specifier === 'cx-roi' ||
          specifier === 'cx-roi/bullmq' ||
          specifier.startsWith('node:') ||
          inside.startsWith('src/cli/') ||
          inside === 'src/format/numbers.js' ||
          inside === 'package.json';
        expect(allowed, `${relative(root, file)} imports ${specifier}`).toBe(true);
      }
    }
  });
});
