import { join } from 'node:path';
import { build } from 'esbuild';
import type { Entries } from './extract.js';

/**
 * The package's entries built from the source into `outdir`, laid out as the package is (index.js, and beside
 * it worker.js, the thread of simulateParallel, and shard-thread.js, the thread of cx-roi/bullmq), for the
 * examples that start threads: a thread loads a file of JavaScript, which the source run through vitest's
 * aliases does not have. Built here, not read from dist/, so the examples run today's source whether or not
 * the package was built since it changed. Each entry imports the library by its name, as the package's do:
 * here, the one index.js, so an example, its threads and cx-roi/bullmq share one copy of it.
 */
export async function buildEntries(root: string, outdir: string): Promise<Entries> {
  await build({
    absWorkingDir: root,
    entryPoints: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      bullmq: 'src/bullmq/index.ts',
      'worker-api': 'src/worker-api.ts',
      worker: 'src/parallel/worker.ts',
      'shard-thread': 'src/bullmq/shard-thread.ts',
    },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The dependencies (zod, bullmq, fast-check, …) from node_modules, as an installed package has them.
    packages: 'external',
    logLevel: 'silent',
    plugins: [
      {
        name: 'cx-roi-by-name',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^cx-roi$/ }, () => ({ path: './index.js', external: true }));
        },
      },
    ],
  });
  return {
    'cx-roi': join(outdir, 'index.js'),
    'cx-roi/testing': join(outdir, 'testing.js'),
    'cx-roi/bullmq': join(outdir, 'bullmq.js'),
    'cx-roi/worker': join(outdir, 'worker-api.js'),
  };
}
