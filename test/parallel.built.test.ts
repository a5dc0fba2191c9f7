import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// simulateParallel as users get it: the built package, whose worker is a file beside it (the dist tier
// builds it first). The source-level tests of the same code are in parallel.test.ts.
const dist = join(import.meta.dirname, '../dist/index.js');
type Library = typeof import('../src/index.js');

describe('the built worker', () => {
  it('bundles as a classic script (Vite builds workers as iife by default): no top-level await', async () => {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [join(import.meta.dirname, '../dist/worker.js')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    expect(out.errors).toEqual([]);
    expect(out.outputFiles[0]?.text.length).toBeGreaterThan(1000);
  });
});

describe('simulateParallel (worker threads, built package)', () => {
  // Imported when the tests run, not when they are listed (`vitest list` needs no build).
  let simulate: Library['simulate'];
  let simulateParallel: Library['simulateParallel'];
  let ScenarioError: Library['ScenarioError'];
  let stopWorkers: Library['stopWorkers'] | undefined;
  beforeAll(async () => {
    ({ simulate, simulateParallel, ScenarioError, stopWorkers } = (await import(dist)) as Library);
  });
  afterAll(() => stopWorkers?.());

  it.each([1, 2, 3, 5])('with %d workers gives the result of simulate, bit for bit', async (workers) => {
    const input = { horizonMonths: 18, business: null, churn: { base: { dist: 'uniform' as const, min: 0.005, max: 0.02 } } };
    const options = { runs: 301, seed: 'parallel', keepRuns: true };
    const parallel = await simulateParallel(input, { ...options, workers });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(simulate(input, options)));
    // A held business solved in each worker, run by run, from that run's draws.
    const held = { horizonMonths: 18, churn: { switchAfterBad: { dist: 'uniform' as const, min: 0.19, max: 0.89 } } };
    expect(JSON.stringify(await simulateParallel(held, { ...options, workers }))).toBe(JSON.stringify(simulate(held, options)));
  });

  it.each([2, 3])(
    'with %d workers gives simulate’s result bit for bit with every part of programme design: targets, channels, a gate, maturity, NPS',
    async (workers) => {
      const input = {
        horizonMonths: 30,
        channels: {
          contactRate: 0.3,
          siloPenalty: { dist: 'uniform' as const, min: 1, max: 2 },
          offered: { phone: { share: 0.7, failure: 0.02, connected: true }, chat: { share: 0.3, failure: 0.04, connected: false } },
        },
        investment: {
          failureReduction: { delivery: { dist: 'pert' as const, min: -0.2, mode: 0.4, max: 0.7 }, order: 0.2 },
          upfront: { delivery: 80_000, order: 20_000 },
          maturity: Object.fromEntries(
            [
              'leadershipUnderstands',
              'notOnlyMarketing',
              'rightKpis',
              'knowsAudiences',
              'knowsChannelsAndJourneys',
              'customerData',
              'dedicatedTeam',
              'teamProcess',
              'researchTools',
            ].map((id) => [id, 'partly']),
          ),
          channels: { budget: { chat: 30_000 }, setupCost: 10_000, halfEffectSpend: 15_000 },
          stageGate: { month: 12, measure: 'effect' as const, threshold: 0.05 },
        },
      };
      const options = { runs: 257, seed: 'design', keepRuns: true };
      const parallel = await simulateParallel(input, { ...options, workers });
      const serial = simulate(input, options);
      expect(serial.horizon.stageGate?.stoppedShare).toBeGreaterThan(0);
      expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
    },
  );

  it('reuses its idle workers, and still gives identical results after an abort', async () => {
    const first = await simulateParallel({ horizonMonths: 6 }, { runs: 100, workers: 2, seed: 3 });
    const second = await simulateParallel({ horizonMonths: 6 }, { runs: 100, workers: 2, seed: 3 });
    expect(second).toEqual(first);
    const controller = new AbortController();
    const cut = simulateParallel({}, { runs: 100_000, workers: 2, signal: controller.signal });
    controller.abort();
    await expect(cut).rejects.toMatchObject({ name: 'AbortError' });
    expect(await simulateParallel({ horizonMonths: 6 }, { runs: 100, workers: 2, seed: 3 })).toEqual(first);
  });

  it('reports progress up to the total', async () => {
    const calls: number[] = [];
    await simulateParallel(
      { horizonMonths: 12 },
      {
        runs: 400,
        workers: 2,
        onProgress: (done, total) => {
          expect(total).toBe(400);
          calls.push(done);
        },
      },
    );
    expect(calls.at(-1)).toBe(400);
    expect(calls.length).toBeGreaterThan(10);
  });

  it('can be aborted', async () => {
    const controller = new AbortController();
    const running = simulateParallel({}, { runs: 200_000, workers: 2, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const already = new AbortController();
    already.abort();
    await expect(simulateParallel({}, { runs: 10, signal: already.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects bad input with ScenarioError before starting workers', async () => {
    await expect(simulateParallel({ churn: { base: 3 } }, { runs: 10 })).rejects.toBeInstanceOf(ScenarioError);
    await expect(simulateParallel({}, { runs: 10, workers: 0 })).rejects.toMatchObject({ issues: [{ path: 'options.workers' }] });
  });

  it('rejects, rather than crashing the process, when onProgress throws', async () => {
    const failing = simulateParallel(
      { horizonMonths: 12 },
      {
        runs: 400,
        workers: 2,
        onProgress: () => {
          throw new Error('progress bar broke');
        },
      },
    );
    await expect(failing).rejects.toThrow('progress bar broke');
    // The workers of the failed call were ended, and the next call works.
    expect(await simulateParallel({ horizonMonths: 6 }, { runs: 50, workers: 2, seed: 3 })).toEqual(
      simulate({ horizonMonths: 6 }, { runs: 50, seed: 3 }),
    );
  });

  it('rejects a signal that is not an AbortSignal and a createWorker that is not a function, naming them', async () => {
    await expect(simulateParallel({}, { runs: 10, signal: {} as AbortSignal })).rejects.toMatchObject({
      issues: [{ path: 'options.signal' }],
    });
    await expect(simulateParallel({}, { runs: 10, createWorker: 42 as never })).rejects.toMatchObject({
      issues: [{ path: 'options.createWorker' }],
    });
  });

  it('a createWorker that throws or returns no worker leaves no worker running', async () => {
    let made = 0;
    const terminated: number[] = [];
    const fake = (id: number) => ({
      post: () => undefined,
      onMessage: () => undefined,
      onError: () => undefined,
      terminate: () => terminated.push(id),
    });
    const throwsOnThird = () => {
      made += 1;
      if (made === 3) throw new Error('no more threads');
      return fake(made);
    };
    await expect(simulateParallel({}, { runs: 10, workers: 4, createWorker: throwsOnThird })).rejects.toThrow('no more threads');
    expect(terminated.sort()).toEqual([1, 2]);
    await expect(simulateParallel({}, { runs: 10, workers: 2, createWorker: () => ({}) as never })).rejects.toThrow(
      /createWorker must return a worker/,
    );
  });
});

describe('simulateParallel lets the process exit (child processes)', () => {
  // A script file, not --eval: worker threads inherit the parent's flags, and --input-type breaks them.
  const run = (script: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'cx-roi-')), 'exit.mjs');
    writeFileSync(file, `import { simulateParallel } from ${JSON.stringify(pathToFileURL(dist).href)};\n${script}`);
    return execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
  };

  it('after a bad signal, a throwing onProgress and a success, without stopWorkers', () => {
    const out = run(`
      await simulateParallel({}, { runs: 10, signal: {} }).catch((e) => console.log(e.name));
      await simulateParallel({ horizonMonths: 6 }, { runs: 200, workers: 2, onProgress: () => { throw new Error('x'); } }).catch((e) => console.log(e.message));
      const r = await simulateParallel({ horizonMonths: 6 }, { runs: 200, workers: 2 });
      console.log(r.runCount);`);
    expect(out.trim().split('\n')).toEqual(['ScenarioError', 'x', '200']);
  });

  it('after a signal whose removeEventListener throws', () => {
    const out = run(`
      const signal = { aborted: false, addEventListener() {}, removeEventListener() { throw new Error('rem'); } };
      await simulateParallel({ horizonMonths: 6 }, { runs: 200, workers: 2, signal }).then((r) => console.log(r.runCount), (e) => console.log(e.message));
      console.log('end');`);
    expect(out.trim().split('\n')).toEqual(['200', 'end']);
  });

  it('under Node flags a worker cannot take, such as --max-old-space-size', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cx-roi-')), 'flags.mjs');
    writeFileSync(
      file,
      `import { simulateParallel } from ${JSON.stringify(pathToFileURL(dist).href)};\nconsole.log((await simulateParallel({ horizonMonths: 6 }, { runs: 100, workers: 2 })).runCount);`,
    );
    expect(
      execFileSync(process.execPath, ['--max-old-space-size=4096', '--stack-size=2000', file], {
        encoding: 'utf8',
        timeout: 30_000,
      }).trim(),
    ).toBe('100');
  });

  it('runs from `node --input-type=module -e`, whose flag workers would otherwise inherit', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { simulateParallel } from ${JSON.stringify(pathToFileURL(dist).href)}; console.log((await simulateParallel({ horizonMonths: 6 }, { runs: 100, workers: 2 })).runCount);`,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(out.trim()).toBe('100');
  });
});
