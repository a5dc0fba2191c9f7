import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';

// What the tiers beyond `unit` need, how to tell whether it is there, and what to install or run when it
// is not. The global setup builds what the project can build; the rest is named in a failing test.

const root = join(import.meta.dirname, '..');

/** A prerequisite of a test project. */
export type Need = 'dist' | 'playground' | 'chromium' | 'redis-server';

/** Debian's Chromium, which the browser tests drive (CHROMIUM_PATH for another). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's redis-server, wherever PATH has it, or undefined. */
export function redisServerPath(): string | undefined {
  const candidates = [
    '/usr/bin/redis-server',
    '/usr/local/bin/redis-server',
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server')),
  ];
  return candidates.find((path) => path !== 'redis-server' && existsSync(path));
}

/** What a build writes, and what it is built from: outputs older than the newest input are stale. */
const builds = {
  dist: {
    command: ['npm', 'run', 'build:lib'],
    outputs: [
      'index.js',
      'index.cjs',
      'index.d.ts',
      'index.d.cts',
      'worker.js',
      'cli.js',
      'shard-thread.js',
      'testing.js',
      'testing.cjs',
      'testing.d.ts',
      'testing.d.cts',
      'bullmq.js',
      'bullmq.cjs',
      'bullmq.d.ts',
      'bullmq.d.cts',
    ].map((f) => `dist/${f}`),
    inputs: ['src', 'tsup.config.ts', 'scripts/field-docs.ts', 'tsconfig.json', 'package.json'],
  },
  playground: {
    command: ['npm', 'run', 'build:playground'],
    outputs: ['playground/dist/index.html'],
    inputs: ['src', 'playground', 'vite.config.ts', 'package.json'],
  },
} as const;

/** The newest file under `path` (a file or a folder), skipping build output and dependencies. */
function newest(path: string): { file: string; time: number } {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { file: path, time: stat.mtimeMs };
  let best = { file: path, time: 0 };
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    const found = newest(join(path, entry));
    if (found.time > best.time) best = found;
  }
  return best;
}

/** Why a build is needed ('dist/index.js is missing', 'src/x.ts is newer than dist/'), or undefined when it is current. */
export function staleness(build: keyof typeof builds): string | undefined {
  const { outputs, inputs } = builds[build];
  const missing = outputs.find((file) => !existsSync(join(root, file)));
  if (missing) return `${missing} is missing`;
  const oldest = Math.min(...outputs.map((file) => statSync(join(root, file)).mtimeMs));
  for (const input of inputs) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    const found = newest(path);
    if (found.time > oldest) return `${relative(root, found.file)} is newer than the build`;
  }
  return undefined;
}

/** Builds `build` when it is missing or stale; says so in one line. Returns whether it built. */
export function ensureBuilt(build: keyof typeof builds): boolean {
  const why = staleness(build);
  if (why === undefined) return false;
  const { command } = builds[build];
  const started = Date.now();
  process.stdout.write(`${build}: ${why}; building it once for every suite that needs it (${command.join(' ')})\n`);
  try {
    execFileSync(command[0] as string, command.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: Buffer | string; stderr?: Buffer | string };
    throw new Error(`${command.join(' ')} failed:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n')}`);
  }
  process.stdout.write(`${build}: built in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return true;
}

/** What is missing for `need` and how to get it, or undefined when it is there. */
export function missing(need: Need): string | undefined {
  switch (need) {
    case 'dist':
    case 'playground': {
      // Existence only: a source file saved while the tests run must not fail them.
      const absent = builds[need].outputs.find((file) => !existsSync(join(root, file)));
      return absent && `${absent} is missing: run \`npm run build\` (the global setup of \`npm test\` builds it)`;
    }
    case 'chromium':
      return existsSync(chromiumPath)
        ? undefined
        : `the browser tests drive Debian's Chromium, not found at ${chromiumPath}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`;
    case 'redis-server':
      return redisServerPath()
        ? undefined
        : "these tests start Debian's redis-server on the loopback address, not found on PATH: apt-get install redis-server (.ci/run does)";
  }
}
