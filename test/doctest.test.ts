import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedModule, examplesOf, sourceFiles, statesResults } from './doctest/extract.js';

// Every TSDoc @example in src/ is run as a user would paste it, and what it states (`// => value`,
// `// throws Name: words`) is checked, so the documentation cannot drift from what the code does.
const root = join(import.meta.dirname, '..');
const out = join(root, 'test/.doctest');
const all = sourceFiles(join(root, 'src')).flatMap((file) => examplesOf(file, root));
// The queue's examples need a Redis server and are run by the BullMQ suite's own doctest.
const runnable = all.filter((e) => !e.file.startsWith('src/bullmq/'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const publicNames = Object.keys({ ...(await import('../src/testing/index.js')), ...(await import('../src/index.js')) });

describe('every TSDoc example runs and gives what it states', () => {
  it.each(runnable.map((e, i) => [`${e.file}:${e.line} ${e.symbol}`, i, e] as const))('%s', async (_, i, example) => {
    const path = join(out, `example-${i}.ts`);
    writeFileSync(path, checkedModule(example, publicNames));
    await import(/* @vite-ignore */ path);
  });
});

describe('every public function and class has an example that states its result', () => {
  const entries = { 'cx-roi': '../src/index.js', 'cx-roi/testing': '../src/testing/index.js' } as const;
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
