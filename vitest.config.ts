import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// vitest 5's failure reporter calls Map.groupBy, which Node 20 lacks: without
// this, a failing test crashes the reporter instead of showing its diff.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<K, V>(items: Iterable<V>, keyOf: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  // The testing kit imports the library by its package name: the source, here, as for the tests.
  resolve: {
    alias: [
      { find: /^cx-roi$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^cx-roi\/testing$/, replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
      { find: /^cx-roi\/worker$/, replacement: fileURLToPath(new URL('./src/worker-api.ts', import.meta.url)) },
      { find: /^cx-roi\/bullmq$/, replacement: fileURLToPath(new URL('./src/bullmq/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
