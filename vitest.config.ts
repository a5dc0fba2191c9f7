import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import type { Need } from './test/prerequisites.js';
import LongestFirstSequencer from './test/sequencer.js';

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

// The tiers. `unit` runs on the source alone (`npm run test:unit`, the inner loop); the others need what
// the global setup builds (the library's dist/, the playground) or the machine has (Chromium,
// redis-server), and fail, naming what to install, where it is missing. A suite that uses the built
// package is named *.built.test.ts, or listed here.
const tiers: Record<string, { include: string[]; needs: Need[]; alone?: true }> = {
  dist: {
    include: [
      'test/**/*.built*.test.ts',
      'test/typecheck.test.ts',
      'test/examples.test.ts',
      'test/package.test.ts',
      'test/docs/**/*.test.ts',
      'test/cli/**/*.test.ts',
    ],
    needs: ['dist'],
  },
  browser: { include: ['test/e2e/**/*.test.ts'], needs: ['playground', 'chromium'] },
  // The packed tarball in fresh projects: Node, TypeScript, a Vite app in Chromium, BullMQ on Redis.
  package: { include: ['test/consumers/**/*.test.ts'], needs: ['dist', 'chromium', 'redis-server'] },
  // Mostly waiting on worker processes and Redis, so it runs beside the others (first, by the sequencer).
  redis: { include: ['test/bullmq/bullmq.test.ts'], needs: ['dist', 'redis-server'] },
  // Where timing is the test (4 s job locks, a 1 s shard limit), which a CPU-starved process misses: alone, last.
  'redis-alone': { include: ['test/bullmq/timing.test.ts'], needs: ['dist', 'redis-server'], alone: true },
};

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
    setupFiles: ['test/setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    sequence: { sequencer: LongestFirstSequencer },
    // Every project's suites share one pool (vitest runs the projects of one group at once). The long suites
    // (browser, package, Redis) start first and mostly wait on other processes, so a few more workers than cores
    // keep both busy; six made the machine so full that a BullMQ snippet's threads all but stopped.
    maxWorkers: 4,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          include: ['test/**/*.test.ts'],
          exclude: Object.values(tiers).flatMap((tier) => tier.include),
          provide: { needs: [] },
        },
      },
      ...Object.entries(tiers).map(([name, { include, needs, alone }]) => ({
        extends: true as const,
        test: {
          name,
          include,
          provide: { needs },
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/needs.ts'],
          // These wait on browsers, npm, tsc and Redis while other suites share the cores: more time than a unit test.
          testTimeout: 180_000,
          // A project alone runs after the others (vitest runs sequence groups one after another).
          ...(alone ? { sequence: { groupOrder: 1 }, maxWorkers: 1 } : {}),
        },
      })),
    ],
  },
});
