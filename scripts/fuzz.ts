/**
 * The long adversarial sweep: `npm run fuzz [count]` runs test/fuzz.test.ts
 * over `count` generated scenarios (100,000 by default; `npm test` runs
 * 2,000 and `npm run test:stats` 10,000), each a new fast-check seed unless
 * FC_SEED is set.
 */
import { spawnSync } from 'node:child_process';

const count = process.argv[2] ?? '100000';
if (!/^\d+$/.test(count)) {
  process.stderr.write(`npm run fuzz: the count must be a whole number, got ${count}\n`);
  process.exit(2);
}
const run = spawnSync('npx', ['vitest', 'run', 'test/fuzz.test.ts', '--testTimeout', String(3_600_000)], {
  stdio: 'inherit',
  env: { ...process.env, CX_FUZZ_RUNS: count },
});
process.exit(run.status ?? 1);
