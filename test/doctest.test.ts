import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntries } from './doctest/build.js';
import { type DocExample, checkedModule, examplesOf, sourceFiles, statesResults } from './doctest/extract.js';
import { startRedis } from './doctest/redis.js';

// Every TSDoc @example in src/ is run as a user would paste it, and what it states (`// => value`,
// `// throws Name: words`) is checked, so the documentation cannot drift from what the code does.
const root = join(import.meta.dirname, '..');
const out = join(root, 'test/.doctest');
const all = sourceFiles(join(root, 'src')).flatMap((file) => examplesOf(file, root));
// The queue's examples need a Redis server: they run in a describe of their own, which starts one.
const onQueue = (e: DocExample) => e.file.startsWith('src/bullmq/');
const runnable = all.filter((e) => !onQueue(e));
const queued = all.filter(onQueue);
// Examples that start threads (simulateParallel's workers, cx-roi/bullmq's shard threads) run against the package's
// entries built from the source, with the threads' files beside them (see buildEntries); the rest against the source.
const startsThreads = (e: DocExample) => onQueue(e) || /\bsimulateParallel\s*\(/.test(e.code);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const publicNames = Object.keys({ ...(await import('../src/testing/index.js')), ...(await import('../src/index.js')) });
const built = all.some(startsThreads) ? await buildEntries(root, join(out, 'dist')) : undefined;

/** Writes the example as a module that checks what it states, and runs it. */
async function run(example: DocExample, name: string, code = example.code): Promise<void> {
  const path = join(out, `${name}.ts`);
  writeFileSync(path, checkedModule({ ...example, code }, publicNames, startsThreads(example) ? built : undefined));
  await import(/* @vite-ignore */ path);
}

describe('how an example is read', () => {
  const example = (code: string): DocExample => ({ file: 'src/x.ts', line: 10, symbol: 'x', code });

  it('checks a value stated over the comment lines after it as one value', async () => {
    await run(example('[1, 2]; // => [\n//   1,\n//   2,\n// ]'), 'reading-0');
    await expect(run(example('[1, 3]; // => [\n//   1,\n//   2,\n// ]'), 'reading-1')).rejects.toThrow('src/x.ts:10: the example states [');
    // The comment after a whole value is not part of it.
    await run(example('[1]; // => [1]\n// ] closes nothing: a comment of its own'), 'reading-2');
  });

  it('refuses a stated value that never reads as one expression, naming its line', () => {
    expect(() => checkedModule(example('const a = 1;\na; // => [1,\n// 2'), [])).toThrow(
      'src/x.ts:11: the value stated is not a JavaScript expression',
    );
  });

  it('loads the package from the entries it is given, and every other module as written', () => {
    const entries = {
      'cx-roi': '/built/index.js',
      'cx-roi/testing': '/built/testing.js',
      'cx-roi/bullmq': '/built/bullmq.js',
      'cx-roi/worker': '/built/worker-api.js',
    };
    const code = checkedModule(
      example("import { simulate } from 'cx-roi';\nimport { redisOptions } from \"cx-roi/bullmq\";\nimport fc from 'fast-check';"),
      [],
      entries,
    );
    expect(code).toContain('import { simulate } from "/built/index.js";');
    expect(code).toContain('import { redisOptions } from "/built/bullmq.js";');
    expect(code).toContain("import fc from 'fast-check';");
    expect(code).toContain('import * as __library from "/built/index.js";');
    expect(code).not.toContain("'cx-roi");
  });
});

describe('every TSDoc example runs and gives what it states', () => {
  it.each(runnable.map((e, i) => [`${e.file}:${e.line} ${e.symbol}`, i, e] as const))('%s', async (_, i, example) => {
    await run(example, `example-${i}`);
  });
});

describe('the examples of cx-roi/bullmq run on a Redis server of their own', () => {
  // The examples' address, redis://127.0.0.1:6379, becomes the started server's.
  const stated = 'redis://127.0.0.1:6379';
  let redis: { server: ChildProcess; address: string } | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => {
    redis?.server.kill('SIGKILL');
  });

  it.each(queued.map((e, i) => [`${e.file}:${e.line} ${e.symbol}`, i, e] as const))('%s', async (_, i, example) => {
    await run(example, `queue-example-${i}`, example.code.replaceAll(stated, (redis as { address: string }).address));
  });
});

describe('every public function and class has an example that states its result', () => {
  const entries = {
    'cx-roi': '../src/index.js',
    'cx-roi/testing': '../src/testing/index.js',
    'cx-roi/bullmq': '../src/bullmq/index.js',
    'cx-roi/worker': '../src/worker-api.js',
  } as const;
  it.each(Object.entries(entries))('%s', async (_, entry) => {
    const api = (await import(/* @vite-ignore */ entry)) as Record<string, unknown>;
    const documented = new Set(all.filter((e) => statesResults(e.code)).map((e) => e.symbol));
    const missing = Object.entries(api)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });
});
