import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    // import.meta.url locates worker.js; tsup shims it in the CommonJS build.
    shims: true,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    // Bundle the three mathjs functions used instead of loading all of mathjs/number's files at import.
    noExternal: ['mathjs'],
    treeshake: true,
  },
  {
    // The worker of simulateParallel: one self-contained ESM file for Node and browsers.
    entry: { worker: 'src/parallel/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
    noExternal: [/.*/],
    platform: 'neutral',
    minify: true,
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    noExternal: ['mathjs'],
  },
]);
