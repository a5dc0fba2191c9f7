/**
 * The statistical batteries at their full counts: `npm run test:stats [vitest arguments]`.
 *
 * `npm test` runs each battery at a CI count that keeps its power for the claim it tests (the tests say
 * why); this runs the full ones, those the README's figures were measured with: the fuzz's 10,000 extreme
 * scenarios, ten times the fast-check runs of every property, 1,000 runs a seed in the Monte Carlo error
 * battery, 600 runs an engine in the per-customer equivalence, and the random-stream batteries. Other
 * test files given as arguments run with the full counts too (e.g. `npm run test:stats test/shards`).
 *
 * Environment: CX_STATS=full (set here), CX_FUZZ_RUNS (the fuzz's count, e.g. 100000; `npm run fuzz` too),
 * FC_NUM_RUNS (fast-check's runs where a property names none), FC_SEED (replays a fast-check failure).
 */
import { spawnSync } from 'node:child_process';

const batteries = [
  'test/fuzz.test.ts',
  'test/properties.test.ts',
  'test/equivalence.test.ts',
  'test/random/',
  'test/simulate/monte-carlo.test.ts',
];
const extra = process.argv.slice(2);
process.stdout.write(`Full statistical counts (CX_STATS=full): ${batteries.join(', ')}\n`);
const run = spawnSync('npx', ['vitest', 'run', '--project', 'unit', '--testTimeout', String(3_600_000), ...batteries, ...extra], {
  stdio: 'inherit',
  env: { ...process.env, CX_STATS: 'full' },
});
process.exit(run.status ?? 1);
