/**
 * npm run bench: every speed and memory target, measured in one run on this
 * machine, as medians (of at least 5) and ratios. Prints one table.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';
import { randomBinomial } from 'd3-random';
import {
  binomial,
  breakEven,
  createStream,
  mergeShards,
  parseScenario,
  planShards,
  resultHash,
  sensitivity,
  simulate,
  simulateParallel,
  simulateShard,
  streamFamily,
  valueOfInformationFromRuns,
} from '../dist/index.js';
// Scenarios for the source's own model functions come from the source's parseScenario: it records the
// assumption fields the model reads (the built copy keeps its own record).
import { parseScenario as parseForSource } from '../src/scenario/parse.js';
import { simulateRange } from '../src/simulate/matrix.js';
import { monthlyMetrics, singlePrecisionMetrics } from '../src/simulate/metrics.js';
import { seriesBands, summarizeSeries } from '../src/simulate/summarize.js';
import { perCustomerRun } from '../test/oracle/per-customer.js';
import { baselineVersion, loadBaseline } from './baseline.js';
import { yardstick } from './yardstick.js';

const root = join(import.meta.dirname, '..');
const rows: { target: string; measured: string; goal: string; pass: boolean }[] = [];
const log = (text: string) => process.stderr.write(`${text}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median wall time in ms of `fn` over `repeats` calls, after one warm-up call. */
async function time(fn: () => unknown, repeats = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const add = (target: string, measured: string, goal: string, pass: boolean) => {
  rows.push({ target, measured, goal, pass });
  log(`  ${target}: ${measured} (${goal}) ${pass ? 'pass' : 'short'}`);
};

log(`1. simulate: default scenario, 60 months, 10,000 runs, against ${baselineVersion} in alternate calls`);
const baseline = await loadBaseline();
const ours: number[] = [];
const theirs: number[] = [];
await time(() => baseline.simulate({ horizonMonths: 60 }, { runs: 10_000, seed: 1 }), 1);
for (let round = 0; round < 7; round += 1) {
  theirs.push(await time(() => baseline.simulate({ horizonMonths: 60 }, { runs: 10_000, seed: 1 }), 1));
  ours.push(await time(() => simulate({ horizonMonths: 60 }, { runs: 10_000, seed: 1 }), 1));
}
const simulateMs = median(ours);
const baselineMs = median(theirs);
const versusBaseline = median(ours.map((x, i) => x / (theirs[i] as number)));
const yardstickMs = await time(() => yardstick(10_000, 60));
add(
  `simulate 10k runs × 60 months (summary included) vs ${baselineVersion}`,
  `${versusBaseline.toFixed(2)}× (${ms(simulateMs)} vs ${ms(baselineMs)}; median of 7 alternate pairs)`,
  '≤ 0.5×',
  versusBaseline <= 0.5,
);
add(
  '  vs a bare loop: the same draws from one stream a run, same summaries',
  `${(simulateMs / yardstickMs).toFixed(2)}× (${ms(yardstickMs)})`,
  '≤ 1.25×',
  simulateMs / yardstickMs <= 1.25,
);

log('1b. creating a stream');
{
  const streams = 1_000_000;
  const family = streamFamily(1, 'assumption', 'investment.failureReduction');
  let sink = 0;
  const familyNs =
    ((await time(() => {
      for (let run = 0; run < streams; run += 1) sink += family.at(run)();
    })) *
      1e6) /
    streams;
  const keyedNs =
    ((await time(() => {
      for (let run = 0; run < streams / 10; run += 1) sink += createStream(1, 'assumption', 'investment.failureReduction', run)();
    })) *
      1e6) /
    (streams / 10);
  add(
    'create a run’s stream (streamFamily.at) and draw once',
    `${familyNs.toFixed(0)} ns (createStream, whole key hashed: ${keyedNs.toFixed(0)} ns)`,
    '≤ 150 ns',
    familyNs <= 150,
  );
  if (sink === 0) log('  (no draws?)');
}

log('2. cost flat in population');
// The default business scaled: its customers and new customers a month (held), and a pool 25 times the customers.
const population = async (customers: number) =>
  time(() =>
    simulate(
      { business: { customers, newCustomersMonthly: (180 * customers) / 1e4 }, customers: { prospects: customers * 25 } },
      { runs: 2000, seed: 1 },
    ),
  );
const small = await population(1e4);
const large = await population(1e7);
add(
  '10⁷ customers vs 10⁴ (2,000 runs each)',
  `${(large / small).toFixed(2)}× (${ms(large)} vs ${ms(small)})`,
  '≤ 1.5×',
  large / small <= 1.5,
);
// What holding the business costs: each run solves base churn, the failures' scale, the excellent share and organic
// sign-ups from its own draws; the same scenario raw (business: null) reads them as written. Alternated, so the
// machine's drift falls on both alike.
const rawDefault = { ...(JSON.parse(JSON.stringify(parseScenario({}))) as object), business: null };
const heldTimes: number[] = [];
const rawTimes: number[] = [];
for (let round = 0; round < 5; round += 1) {
  heldTimes.push(await time(() => simulate({}, { runs: 2000, seed: 1 }), 1));
  rawTimes.push(await time(() => simulate(rawDefault, { runs: 2000, seed: 1 }), 1));
}
const [heldMs, rawMs] = [median(heldTimes), median(rawTimes)];
add(
  'a held business (solved every run) vs the same scenario raw, 2,000 runs',
  `${(heldMs / rawMs).toFixed(2)}× (${ms(heldMs)} vs ${ms(rawMs)})`,
  'reported',
  true,
);

log('3. count engine vs per-customer oracle at 10⁵ customers');
const tenfold = { business: { customers: 100_000, newCustomersMonthly: 1_800 }, customers: { prospects: 1_000_000 } };
const big = parseForSource(tenfold);
const enginePerRun = (await time(() => simulate(tenfold, { runs: 500, seed: 1 }))) / 500;
const oraclePerRun = await time(() => perCustomerRun(big, 1, 0));
add(
  'per-customer ÷ count engine, per run',
  `${Math.round(oraclePerRun / enginePerRun).toLocaleString('en-US')}× (${ms(oraclePerRun)} vs ${(enginePerRun * 1000).toFixed(0)} µs)`,
  '≥ 1,000×',
  oraclePerRun / enginePerRun >= 1000,
);

log('4. binomial sampler, ns a draw');
let worst = 0;
let worstD3 = 0;
const detail: string[] = [];
for (const n of [1e4, 1e6, 1e9])
  for (const p of [0.01, 0.3, 0.86]) {
    const draws = 1_000_000;
    const random = createStream('bench', n, p);
    const ours =
      ((await time(() => {
        let s = 0;
        for (let i = 0; i < draws; i += 1) s += binomial(random, n, p);
        return s;
      })) *
        1e6) /
      draws;
    const d3Draws = 200_000;
    const d3 = randomBinomial.source(createStream('bench-d3', n, p))(n, p);
    const theirs =
      ((await time(() => {
        let s = 0;
        for (let i = 0; i < d3Draws; i += 1) s += d3();
        return s;
      })) *
        1e6) /
      d3Draws;
    worst = Math.max(worst, ours);
    worstD3 = Math.max(worstD3, theirs);
    detail.push(`n=${n.toExponential(0)} p=${p}: ${ours.toFixed(0)} ns vs d3 ${theirs.toFixed(0)} ns`);
  }
log(`  ${detail.join('\n  ')}`);
add(
  'binomial, slowest of n ∈ {10⁴, 10⁶, 10⁹} × p ∈ {0.01, 0.3, 0.86}',
  `${worst.toFixed(0)} ns (d3-random: ${worstD3.toFixed(0)} ns)`,
  '≤ 60 ns',
  worst <= 60,
);

log('5. summary bands');
const scenario = parseForSource({});
const block = simulateRange(scenario, 1, 0, 10_000, false);
// The target was set for the seven figures of 0.3.0 (those kept in double precision); 0.4.0 adds four NPS shares
// and four figures derived from them.
const seven = monthlyMetrics.filter((metric) => !singlePrecisionMetrics.has(metric));
const sevenMs = await time(() =>
  seriesBands(
    [block],
    10_000,
    seven.map((metric) => ({ metric, from: 0, to: 60 })),
  ),
);
add('bands of 10k runs × 60 months × 7 figures', ms(sevenMs), '≤ 250 ms', sevenMs <= 250);
const summaryMs = await time(() => summarizeSeries([block], 10_000));
add('  all 15 banded figures (with NPS), 10k runs × 60 months', ms(summaryMs), 'reported', true);

log('6. import time and bundle size');
const importTimes = Array.from({ length: 7 }, () =>
  Number(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t=performance.now(); await import(${JSON.stringify(join(root, 'dist/index.js'))}); console.log(performance.now()-t)`,
      ],
      {
        encoding: 'utf8',
      },
    ),
  ),
);
const importMs = median(importTimes);
add("import('cx-roi') in a fresh Node process", ms(importMs), '≤ 100 ms', importMs <= 100);
const bundle = await build({
  entryPoints: [join(root, 'dist/index.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  logLevel: 'silent',
});
const gzipKb = gzipSync(bundle.outputFiles[0]?.contents ?? new Uint8Array()).length / 1024;
add('browser bundle (ESM, minified, gzipped)', `${gzipKb.toFixed(1)} KB`, '≤ 85 KB', gzipKb <= 85);
// What an app that only simulates ships: the analysis functions are left out by tree-shaking (sideEffects: false).
const simulateOnly = await build({
  stdin: { contents: `export { simulate } from ${JSON.stringify(join(root, 'dist/index.js'))};`, resolveDir: root },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  logLevel: 'silent',
});
add(
  '  an app importing only simulate (tree-shaken)',
  `${(gzipSync(simulateOnly.outputFiles[0]?.contents ?? new Uint8Array()).length / 1024).toFixed(1)} KB`,
  'reported',
  true,
);

log('7. memory: 100,000 runs × 120 months');
const memory = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { simulate } from ${JSON.stringify(join(root, 'dist/index.js'))};
       let peak = 0;
       const sample = () => { const m = process.memoryUsage(); peak = Math.max(peak, m.heapUsed + m.arrayBuffers); };
       const t = performance.now();
       const r = simulate({ horizonMonths: 120 }, { runs: 100000, seed: 1, onProgress: sample });
       sample();
       console.log(JSON.stringify({ peak, ms: performance.now() - t, months: r.series.length }));`,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  ),
) as { peak: number; ms: number };
const peakGb = memory.peak / 2 ** 30;
add('peak heap + array buffers', `${(peakGb * 1024).toFixed(0)} MB (${(memory.ms / 1000).toFixed(1)} s)`, '≤ 1024 MB', peakGb <= 1);

log('8. simulateParallel on 2 workers: 10,000 and 50,000 runs');
{
  const serial: number[] = [];
  const parallel: number[] = [];
  await simulateParallel({}, { runs: 10_000, seed: 1, workers: 2 });
  for (let round = 0; round < 7; round += 1) {
    serial.push(await time(() => simulate({}, { runs: 10_000, seed: 1 }), 1));
    parallel.push(await time(() => simulateParallel({}, { runs: 10_000, seed: 1, workers: 2 }), 1));
  }
  const speedUp = median(serial.map((x, i) => x / (parallel[i] as number)));
  add(
    'simulateParallel speed-up, 10k runs (2 workers)',
    `${speedUp.toFixed(2)}× (${ms(median(parallel))} vs ${ms(median(serial))}; median of 7 alternate pairs)`,
    '≥ 1.8×',
    speedUp >= 1.8,
  );
}
const serialMs = await time(() => simulate({}, { runs: 50_000, seed: 1 }));
const parallelMs = await time(() => simulateParallel({}, { runs: 50_000, seed: 1, workers: 2 }));
add(
  'simulateParallel speed-up, 50k runs (2 workers)',
  `${(serialMs / parallelMs).toFixed(2)}× (${ms(parallelMs)} vs ${ms(serialMs)})`,
  '≥ 1.8×',
  serialMs / parallelMs >= 1.8,
);

log('9. simulateParallel memory: 50,000 runs × 120 months, 1 worker vs 16');
const parallelMemory = (workers: number) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { simulateParallel, stopWorkers } from ${JSON.stringify(join(root, 'dist/index.js'))};
         let peak = 0;
         const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
         await simulateParallel({ horizonMonths: 120 }, { runs: 50000, seed: 1, workers: ${workers} });
         clearInterval(timer);
         stopWorkers();
         console.log(JSON.stringify({ peak }));`,
      ],
      { encoding: 'utf8' },
    ),
  ).peak as number;
const one = parallelMemory(1);
const sixteen = parallelMemory(16);
const perWorkerMb = (sixteen - one) / 15 / 2 ** 20;
add(
  'peak RSS: memory each worker past the first adds',
  `${perWorkerMb.toFixed(0)} MB (16 workers ${(sixteen / 2 ** 20).toFixed(0)} MB, 1 worker ${(one / 2 ** 20).toFixed(0)} MB)`,
  '≤ 50 MB',
  perWorkerMb <= 50,
);
log('10. decisions on a 10,000-run result (one core)');
{
  const kept = simulate({}, { runs: 10_000, seed: 1, keepRuns: true });
  const keptMs = await time(() => simulate({}, { runs: 10_000, seed: 1, keepRuns: true }));
  const sensitivityMs = await time(() => sensitivity(kept, { swings: false }));
  const voiMs = await time(() => valueOfInformationFromRuns(kept));
  add(
    'sensitivity (every 12 months) + value of information, 10k kept runs',
    `${ms(sensitivityMs + voiMs)} (${ms(sensitivityMs)} + ${ms(voiMs)}; ${((sensitivityMs + voiMs) / keptMs).toFixed(2)}× the simulation)`,
    '≤ 1000 ms',
    sensitivityMs + voiMs <= 1000,
  );
  add(
    '  simulate 10k runs keeping every run (monthly NPV included)',
    `${ms(keptMs)} (${(keptMs / simulateMs).toFixed(2)}× without keepRuns)`,
    'reported',
    true,
  );
  const searches = [
    breakEven({}, { vary: 'investment.upfront', target: { metric: 'roiMedian', value: 0 }, runs: 1000 }),
    breakEven({}, { vary: 'investment.failureReduction', target: { metric: 'probabilityPaidBackBy', month: 36, value: 0.2 }, runs: 1000 }),
    breakEven({}, { vary: 'investment.failureReduction', target: { metric: 'probabilityPaidBackBy', month: 36, value: 0.8 }, runs: 1000 }),
  ];
  const most = Math.max(...searches.map((b) => b.evaluations.length));
  add(
    'breakEven simulations (3 searches: upfront, failure reduction ×2)',
    searches.map((b) => `${b.evaluations.length} (${b.status})`).join(', '),
    '≤ 20 each',
    most <= 20,
  );
}

log('11. shards: plan, simulate and merge 20,000 runs in 8 shards (one core), and on BullMQ workers');
{
  const runs = 20_000;
  const wholeMs = await time(() => simulate({}, { runs, seed: 1 }), 3);
  let planMs = 0;
  let shardMs = 0;
  let mergeMs = 0;
  let bytes = 0;
  let same = true;
  const sharded = () => {
    let t = performance.now();
    const specs = planShards({}, { runs, seed: 1, shards: 8 });
    planMs = performance.now() - t;
    t = performance.now();
    const results = specs.map((spec) => simulateShard(spec));
    shardMs = performance.now() - t;
    bytes = results.reduce((n, r) => n + r.byteLength, 0);
    t = performance.now();
    const merged = mergeShards(results);
    mergeMs = performance.now() - t;
    return merged;
  };
  same = resultHash(sharded()) === resultHash(simulate({}, { runs, seed: 1 }));
  const shardedMs = await time(sharded, 3);
  const overhead = (shardedMs - wholeMs) / wholeMs;
  add(
    'shard overhead: plan + simulate 8 shards + merge vs simulate, 20k runs',
    `${(overhead * 100).toFixed(0)}% (${ms(shardedMs)} vs ${ms(wholeMs)}; plan ${planMs.toFixed(1)} ms, shards ${ms(shardMs)}, merge ${ms(mergeMs)}; ${(bytes / 2 ** 20).toFixed(0)} MB of shard results; same hash: ${same})`,
    'reported',
    same,
  );
  const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
  if (!redisServer)
    add(
      'BullMQ throughput, 1 and 2 workers',
      'not measured: redis-server is not installed (apt-get install -y redis-server)',
      'reported',
      false,
    );
  else {
    const { simulateOnQueue } = (await import('../dist/bullmq.js')) as unknown as typeof import('../src/bullmq/index.js');
    const port = 26_379;
    const url = `redis://127.0.0.1:${port}`;
    const redis = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await new Promise((r) => setTimeout(r, 500));
    const started: ChildProcess[] = [];
    const startWorkers = async (n: number) => {
      for (const w of started.splice(0)) w.kill('SIGKILL');
      const ready = Array.from({ length: n }, () => {
        const w = spawn(process.execPath, [join(root, 'dist/cli.js'), 'worker', '--redis', url, '--queue', 'bench'], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        started.push(w);
        return new Promise<void>((resolve) =>
          w.stderr?.on('data', (d: Buffer) => d.toString().includes('waiting for simulations') && resolve()),
        );
      });
      await Promise.all(ready);
    };
    const queueRuns = 40_000;
    const onQueue = () => simulateOnQueue({}, { connection: url, queue: 'bench', runs: queueRuns, seed: 1, shards: 8 });
    await startWorkers(1);
    const oneMs = await time(onQueue, 3);
    await startWorkers(2);
    const twoMs = await time(onQueue, 3);
    const sketchedMs = await time(
      () => simulateOnQueue({}, { connection: url, queue: 'bench', runs: queueRuns, seed: 1, shards: 8, exactBandsUpTo: 0 }),
      3,
    );
    const queueSame = resultHash(await onQueue()) === resultHash(simulate({}, { runs: queueRuns, seed: 1 }));
    const localMs = await time(() => simulate({}, { runs: queueRuns, seed: 1 }), 3);
    for (const w of started) w.kill('SIGKILL');
    redis.kill('SIGKILL');
    add(
      'BullMQ: 40k runs in 8 shards, 2 workers vs 1 (one machine, 2 cores)',
      `${(oneMs / twoMs).toFixed(2)}× (${ms(twoMs)} vs ${ms(oneMs)}; simulate on one core ${ms(localMs)}; ${Math.round(queueRuns / (twoMs / 1000)).toLocaleString('en-US')} runs/s with 2; same hash: ${queueSame})`,
      'reported',
      queueSame,
    );
    add(
      '  the same with sketched bands (exactBandsUpTo 0), 2 workers',
      `${ms(sketchedMs)} (${Math.round(queueRuns / (sketchedMs / 1000)).toLocaleString('en-US')} runs/s; ${(twoMs / sketchedMs).toFixed(2)}× as fast as exact bands)`,
      'reported',
      true,
    );
  }
}

add(
  'runs per second per core (default, 60 months)',
  `${Math.round(10_000 / (simulateMs / 1000)).toLocaleString('en-US')}`,
  'reported',
  true,
);

const header = ['target', 'measured (median of 5)', 'goal', 'result'];
const table = [header, ...rows.map((r) => [r.target, r.measured, r.goal, r.pass ? 'pass' : 'short'])];
const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] as string).length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
console.log(
  `cx-roi bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
