import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { type Options, defineConfig } from 'tsup';

// No sourcemaps: index.js, index.cjs and cli.js are unminified and read as they are in a stack trace, and
// maps with the full source were three quarters of the package.
const library: Options = {
  entry: { index: 'src/index.ts' },
  sourcemap: false,
  target: 'es2022',
  treeshake: true,
  // One file an entry: a dynamic import inside the library (the check of a custom worker's messages) is
  // inlined, not a chunk of its own beside index.js (a bundler of the app's splits it again, as the page's does).
  splitting: false,
};

// tsup 8 (the version that supports Node 20) sets baseUrl for its declaration build, which TypeScript 6
// deprecates: allow it there only.
const dts = { compilerOptions: { ignoreDeprecations: '6.0' } };

const bullmqEntry: Options = {
  entry: { bullmq: 'src/bullmq/index.ts' },
  dts,
  sourcemap: false,
  target: 'node20',
  shims: true,
  external: ['cx-roi', 'bullmq', 'ioredis'],
};

/** In the CommonJS build of cx-roi/bullmq, peers.cjs.ts (require) in the place of peers.ts (a top-level await, which CommonJS lacks). */
const commonJsPeers: Plugin = {
  name: 'cx-roi-commonjs-peers',
  setup(build) {
    build.onResolve({ filter: /^\.\/peers\.js$/ }, (args) => ({ path: join(args.resolveDir, 'peers.cjs.ts') }));
  },
};

export default defineConfig([
  { ...library, format: ['esm'], dts },
  // import.meta.url locates worker.js; the CommonJS build needs tsup's shim for it (the ESM build must not
  // get one: it would import Node's path and url and break browser bundles).
  { ...library, format: ['cjs'], dts, shims: true },
  {
    // The worker of simulateParallel: one self-contained ESM file for Node and browsers.
    entry: { worker: 'src/parallel/worker.ts' },
    format: ['esm'],
    sourcemap: false,
    target: 'es2022',
    noExternal: [/.*/],
    platform: 'neutral',
    minify: true,
  },
  {
    // cx-roi/worker: the protocol of simulateParallel's workers, for a worker an app builds itself. It runs in
    // the worker's own thread, so it carries what it needs rather than sharing the app's copy of the library.
    entry: { 'worker-api': 'src/worker-api.ts' },
    format: ['esm', 'cjs'],
    dts,
    sourcemap: false,
    target: 'es2022',
    treeshake: true,
  },
  {
    // cx-roi/testing: imports the library by its name, so a test and the library share one copy.
    entry: { testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts,
    sourcemap: false,
    target: 'es2022',
    external: ['cx-roi', 'fast-check'],
  },
  // cx-roi/bullmq: imports the library by its name (one copy with the app's); bullmq and ioredis are the app's.
  // Each build loads bullmq its own way (peers.ts, peers.cjs.ts), so a missing peer says what to install.
  { ...bullmqEntry, format: ['esm'] },
  { ...bullmqEntry, format: ['cjs'], esbuildPlugins: [commonJsPeers] },
  {
    // The thread a BullMQ worker simulates a shard in, next to bullmq.js and cli.js.
    entry: { 'shard-thread': 'src/bullmq/shard-thread.ts' },
    format: ['esm'],
    sourcemap: false,
    target: 'node20',
    external: ['cx-roi'],
  },
  {
    // The CLI imports the library by its name, as cx-roi/bullmq does: one copy in the process, so the ScenarioError
    // that cx-roi/bullmq throws is the CLI's. --redis loads the package's own cx-roi/bullmq (and so bullmq) when it
    // is given: the CLI runs without bullmq installed.
    entry: { cli: 'src/cli/bin.ts' },
    external: ['cx-roi', 'cx-roi/bullmq'],
    format: ['esm'],
    sourcemap: false,
    target: 'node20',
  },
]);
