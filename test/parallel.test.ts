import { availableParallelism } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { simulateParallelWith } from '../src/parallel/parallel.js';
import { type ShardWorker, defaultWorkerCap, idleWorkerMilliseconds, stopWorkers } from '../src/parallel/worker-pool.js';
import { simulateParallel } from '../src/parallel/simulate-parallel.js';
import { simulate } from '../src/simulate/simulate.js';
import { splitRuns } from '../src/simulate/split-runs.js';
import { type ShardMessage, type WorkerRequest, handleWorkerRequest } from '../src/parallel/protocol.js';
import { monthlyMetrics } from '../src/simulate/metrics.js';
import { bandMetrics, splitBandTasks } from '../src/simulate/summarize.js';

// simulateParallel with real worker threads, whose worker is the built file, is in parallel.built.test.ts.

describe('sharding', () => {
  it('splitRuns covers every run once, in near-equal contiguous blocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 64 }), (runs, parts) => {
        const shards = splitRuns(runs, parts);
        expect(shards.length).toBe(Math.min(runs, parts));
        let next = 0;
        for (const { first, count } of shards) {
          expect(first).toBe(next);
          expect(count).toBeGreaterThan(0);
          next += count;
        }
        expect(next).toBe(runs);
        const counts = shards.map((s) => s.count);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('splitBandTasks asks for every figure × month band exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 16 }), (months, parts) => {
        const seen = new Map<string, number>();
        for (const group of splitBandTasks(months, parts))
          for (const { metric, from, to } of group)
            for (let t = from; t < to; t += 1) seen.set(`${metric}:${t}`, (seen.get(`${metric}:${t}`) ?? 0) + 1);
        expect(seen.size).toBe(bandMetrics.length * months);
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
      }),
    );
  });
});

describe('workers as simulateParallel uses them (in-process workers answering through the same handler)', () => {
  const inProcess = (made: { count: number; floatsSent: number }) => (): ShardWorker => {
    made.count += 1;
    let listener: (message: ShardMessage) => void = () => undefined;
    return {
      post: (request) => {
        if (request.type === 'bands')
          for (const block of request.blocks) for (const values of Object.values(block.values)) made.floatsSent += values?.length ?? 0;
        void Promise.resolve().then(() => handleWorkerRequest(request, (message) => listener(message)));
      },
      onMessage: (l) => (listener = l),
      onError: () => undefined,
      terminate: () => undefined,
    };
  };

  it('start at most 8 by default, however many cores', async () => {
    const made = { count: 0, floatsSent: 0 };
    await simulateParallelWith(inProcess(made), 32, { horizonMonths: 6 }, { runs: 100, seed: 1 });
    expect(made.count).toBe(defaultWorkerCap);
    stopWorkers();
  });

  it('start no more than the runs, nor more than twice the cores, however many are asked for, with the same result', async () => {
    const made = { count: 0, floatsSent: 0 };
    const capped = await simulateParallelWith(inProcess(made), 2, { horizonMonths: 6 }, { runs: 10, seed: 1, workers: 256 });
    stopWorkers();
    // Two cores: at most four workers.
    expect(made.count).toBe(4);
    const many = { count: 0, floatsSent: 0 };
    await simulateParallelWith(inProcess(many), 64, { horizonMonths: 6 }, { runs: 10, seed: 1, workers: 256 });
    stopWorkers();
    expect(many.count).toBe(10);
    expect(JSON.stringify(capped)).toBe(JSON.stringify(simulate({ horizonMonths: 6 }, { runs: 10, seed: 1 })));
    // Through the public function, with this machine's cores and a createWorker that counts.
    const counted = { count: 0, floatsSent: 0 };
    await simulateParallel({ horizonMonths: 6 }, { runs: 10, seed: 1, workers: 256, createWorker: inProcess(counted) });
    expect(counted.count).toBeLessThanOrEqual(Math.min(10, 2 * availableParallelism()));
  });

  it('are each sent only the months they summarise: every kept figure once, and the two NPS shares at most once more for the figures derived from them', async () => {
    const kept = monthlyMetrics.length * 12 * 50;
    for (const workers of [1, 3, 7]) {
      const made = { count: 0, floatsSent: 0 };
      await simulateParallelWith(inProcess(made), workers, { horizonMonths: 12 }, { runs: 50, seed: 1, workers });
      stopWorkers();
      if (workers === 1) expect(made.floatsSent).toBe(kept);
      expect(made.floatsSent, `${workers} workers`).toBeGreaterThanOrEqual(kept);
      // Passives and NPS read the promoter and detractor shares: four columns, each read by at most two more groups.
      expect(made.floatsSent, `${workers} workers`).toBeLessThanOrEqual(kept + 2 * 4 * 12 * 50);
    }
  });
});

describe('a preview from the first runs (options.preview)', () => {
  const inProcess = (): ShardWorker => {
    let listener: (message: ShardMessage) => void = () => undefined;
    return {
      post: (request) => void Promise.resolve().then(() => handleWorkerRequest(request, (message) => listener(message))),
      onMessage: (l) => (listener = l),
      onError: () => undefined,
      terminate: () => undefined,
    };
  };
  const scenario = { horizonMonths: 18, investment: { stageGate: { month: 6, measure: 'effect', threshold: 0.05 } } } as const;

  it('is the result of its runs alone, and the whole is the result of all the runs, bit for bit, kept runs or not', async () => {
    for (const [workers, runs, first, keepRuns, previewKeeps] of [
      [2, 300, 75, true, undefined],
      [3, 301, 2, false, true],
      [2, 200, 150, true, false],
      [1, 40, 39, false, undefined],
      [4, 90, 3, false, false],
    ] as const) {
      const previews: unknown[] = [];
      const progress: number[] = [];
      const whole = await simulateParallelWith(inProcess, 8, scenario, {
        runs,
        seed: 'preview',
        keepRuns,
        workers,
        onProgress: (done) => progress.push(done),
        preview: { runs: first, keepRuns: previewKeeps, onPreview: (result) => previews.push(result) },
      });
      stopWorkers();
      const label = `${workers} workers, ${first} of ${runs} runs`;
      expect(previews, label).toHaveLength(1);
      expect(JSON.stringify(previews[0]), label).toBe(
        JSON.stringify(simulate(scenario, { runs: first, seed: 'preview', keepRuns: previewKeeps ?? keepRuns })),
      );
      expect(JSON.stringify(whole), label).toBe(JSON.stringify(simulate(scenario, { runs, seed: 'preview', keepRuns })));
      expect(progress.at(-1), label).toBe(runs);
      expect(progress, label).toEqual([...progress].sort((a, b) => a - b));
    }
  });

  it('refuses a preview of as many runs as the call, or a missing onPreview, naming the field', async () => {
    const call = (preview: unknown) =>
      simulateParallelWith(inProcess, 2, {}, { runs: 100, workers: 2, preview: preview as { runs: number; onPreview: () => void } });
    await expect(call({ runs: 100, onPreview: () => undefined })).rejects.toThrow(
      /options\.preview\.runs: must be a whole number from 1 to 99/,
    );
    await expect(call({ runs: 10 })).rejects.toThrow(/options\.preview\.onPreview: must be a function/);
    await expect(call({ runs: 10, keepRuns: 'yes', onPreview: () => undefined })).rejects.toThrow(
      /options\.preview\.keepRuns: must be true or false/,
    );
    await expect(call(null)).rejects.toThrow(/options\.preview\.runs/);
    await expect(call({ runs: 10, onPreview: () => undefined, run: 3 })).rejects.toThrow(
      /options\.preview\.run: is not an option of a preview; did you mean "runs"\?/,
    );
  });

  it('stops when aborted during the preview or after it, rejecting with the reason, and the next call works', async () => {
    for (const when of ['in the preview round', 'in onPreview', 'after onPreview'] as const) {
      const controller = new AbortController();
      let previewed = false;
      const call = simulateParallelWith(
        inProcess,
        2,
        { horizonMonths: 12 },
        {
          runs: 400,
          seed: 3,
          workers: 2,
          signal: controller.signal,
          preview: {
            runs: 100,
            onPreview: () => {
              previewed = true;
              if (when === 'in onPreview') controller.abort(new Error(`stopped ${when}`));
              if (when === 'after onPreview') void Promise.resolve().then(() => controller.abort(new Error(`stopped ${when}`)));
            },
          },
        },
      );
      if (when === 'in the preview round') controller.abort(new Error(`stopped ${when}`));
      await expect(call, when).rejects.toThrow(`stopped ${when}`);
      expect(previewed, when).toBe(when !== 'in the preview round');
      const after = await simulateParallelWith(inProcess, 2, { horizonMonths: 12 }, { runs: 400, seed: 3, workers: 2 });
      expect(JSON.stringify(after), when).toBe(JSON.stringify(simulate({ horizonMonths: 12 }, { runs: 400, seed: 3 })));
      stopWorkers();
    }
  });

  it('does not wait for what onPreview returns, and a promise it returns that rejects rejects the call', async () => {
    const options = (onPreview: () => unknown) => ({
      runs: 60,
      seed: 2,
      workers: 2,
      preview: { runs: 10, onPreview: onPreview as () => void },
    });
    // A promise that never settles does not hold the whole answer up.
    const whole = await simulateParallelWith(
      inProcess,
      2,
      { horizonMonths: 6 },
      options(() => new Promise(() => undefined)),
    );
    expect(JSON.stringify(whole)).toBe(JSON.stringify(simulate({ horizonMonths: 6 }, { runs: 60, seed: 2 })));
    await expect(
      simulateParallelWith(
        inProcess,
        2,
        { horizonMonths: 6 },
        options(() => Promise.reject(new Error('drawn badly'))),
      ),
    ).rejects.toThrow('drawn badly');
    stopWorkers();
  });

  it('rejects the call when onPreview throws, and leaves no worker busy', async () => {
    await expect(
      simulateParallelWith(
        inProcess,
        2,
        {},
        {
          runs: 100,
          workers: 2,
          preview: {
            runs: 10,
            onPreview: () => {
              throw new Error('the page failed to draw');
            },
          },
        },
      ),
    ).rejects.toThrow('the page failed to draw');
    const after = await simulateParallelWith(inProcess, 2, { horizonMonths: 6 }, { runs: 20, seed: 1, workers: 2 });
    expect(after.runCount).toBe(20);
    stopWorkers();
  });
});

describe('a malformed message from a worker of the app’s own (createWorker)', () => {
  // A worker that answers its first request with `message`, or with what the real handler posts, changed by `change`.
  const posting = (answer: (request: WorkerRequest, real: ShardMessage[]) => unknown) => (): ShardWorker => {
    let listener: (message: ShardMessage) => void = () => undefined;
    return {
      post: (request) =>
        void Promise.resolve().then(() => {
          const real: ShardMessage[] = [];
          handleWorkerRequest(request, (message) => real.push(message));
          listener(answer(request, real) as ShardMessage);
        }),
      onMessage: (l) => (listener = l),
      onError: () => undefined,
      terminate: () => undefined,
    };
  };
  const run = (answer: (request: WorkerRequest, real: ShardMessage[]) => unknown) =>
    simulateParallel({ horizonMonths: 6 }, { runs: 20, workers: 2, createWorker: posting(answer) });
  const finalOf = (real: ShardMessage[]) => real[real.length - 1] as ShardMessage & Record<string, unknown>;

  it.each([
    ['null', () => null, /a simulation worker sent a message that is null, not an object/],
    ['a number', () => 42, /a message that is 42, not an object/],
    ['{}', () => ({}), /a message without a type/],
    ['an unknown type', () => ({ type: 'finished' }), /a message of unknown type "finished"/],
    ['progress without a count', () => ({ type: 'progress', done: 'half' }), /a "progress" message whose done is "half"/],
    [
      'an error with malformed issues',
      () => ({ type: 'error', message: 'x', issues: [42] }),
      /an "error" message whose issues are not a list/,
    ],
    [
      'done with no matrix',
      (request: WorkerRequest) => (request.type === 'shard' ? { type: 'done' } : undefined),
      /a "done" message whose matrix is undefined, not an object/,
    ],
    [
      'done for the wrong runs',
      (request: WorkerRequest, real: ShardMessage[]) => {
        const done = finalOf(real);
        return request.type === 'shard' ? { ...done, matrix: { ...(done.matrix as object), first: 99 } } : done;
      },
      /a block of runs from 99, 10 runs, when it was asked for runs from 0, 10 runs/,
    ],
    [
      'done with a horizon column missing',
      (request: WorkerRequest, real: ShardMessage[]) => {
        const done = finalOf(real) as { matrix: { horizon: object } };
        return request.type === 'shard'
          ? { ...done, matrix: { ...done.matrix, horizon: { ...done.matrix.horizon, npv: undefined } } }
          : done;
      },
      /a block whose horizon.npv is not a typed array of 10 runs/,
    ],
    [
      'done with pieces missing',
      (request: WorkerRequest, real: ShardMessage[]) => {
        const done = finalOf(real) as { matrix: object };
        return request.type === 'shard' ? { ...done, matrix: { ...done.matrix, pieces: [] } } : done;
      },
      /a block with 0 pieces, when \d+ were asked for/,
    ],
    [
      'a horizon figure that is NaN',
      (request: WorkerRequest, real: ShardMessage[]) => {
        const done = finalOf(real) as unknown as { matrix: { horizon: Record<string, Float64Array> } };
        if (request.type === 'shard') done.matrix.horizon.roi?.fill(Number.NaN);
        return done;
      },
      /a block whose horizon\.roi holds NaN at run 0, which is not a finite number/,
    ],
    [
      'an executed flag of 7',
      (request: WorkerRequest, real: ShardMessage[]) => {
        const done = finalOf(real) as unknown as { matrix: { horizon: Record<string, Uint8Array> } };
        if (request.type === 'shard') done.matrix.horizon.executed?.fill(7);
        return done;
      },
      /a block whose horizon\.executed holds 7 at run 0, which is not a flag of 0 or 1/,
    ],
    [
      'a payback month of −3',
      (request: WorkerRequest, real: ShardMessage[]) => {
        const done = finalOf(real) as unknown as { matrix: { horizon: Record<string, Int32Array> } };
        if (request.type === 'shard') done.matrix.horizon.paybackMonth?.fill(-3);
        return done;
      },
      /horizon\.paybackMonth holds -3 at run 0, which is not a month from 1 to the horizon \(\d+\), or 0 for none/,
    ],
    [
      'progress past the block',
      (request: WorkerRequest, real: ShardMessage[]) => (request.type === 'shard' ? { type: 'progress', done: 1e308 } : finalOf(real)),
      /a "progress" message whose done is 1e\+308, not a count of the block's runs/,
    ],
    [
      'bands out of order',
      (request: WorkerRequest, real: ShardMessage[]) => {
        const final = finalOf(real) as { bands?: Record<string, { p5: number; p95: number }[]> };
        const first = request.type === 'bands' ? Object.values(final.bands ?? {})[0]?.[0] : undefined;
        if (first) [first.p5, first.p95] = [1e9, -1e9];
        return final;
      },
      /whose percentiles are out of order/,
    ],
    [
      'bands with a NaN median',
      (request: WorkerRequest, real: ShardMessage[]) => {
        const final = finalOf(real) as { bands?: Record<string, { p50: number }[]> };
        const first = request.type === 'bands' ? Object.values(final.bands ?? {})[0]?.[0] : undefined;
        if (first) first.p50 = Number.NaN;
        return final;
      },
      /bands without a band of \w+ for month 1 \(mean, p5 … p95, each a finite number\)/,
    ],
    [
      'bands with a month missing',
      (request: WorkerRequest, real: ShardMessage[]) => (request.type === 'bands' ? { type: 'bands', bands: {} } : finalOf(real)),
      /bands without a band of \w+ for month 1/,
    ],
    [
      'a block when asked for bands',
      (request: WorkerRequest, real: ShardMessage[]) => (request.type === 'bands' ? { type: 'done', matrix: {} } : finalOf(real)),
      /a "done" message \(a block of runs\) when it was asked for bands/,
    ],
  ])('rejects, saying what was wrong, for %s', async (_, answer, expected) => {
    await expect(run(answer as (request: WorkerRequest, real: ShardMessage[]) => unknown)).rejects.toThrow(expected);
  });

  it('still works with a worker that answers well', async () => {
    expect(JSON.stringify(await run((_, real) => finalOf(real)))).toBe(JSON.stringify(simulate({ horizonMonths: 6 }, { runs: 20 })));
  });
});

describe('an aborted simulateParallel', () => {
  const silent = (): ShardWorker => ({
    post: () => undefined,
    onMessage: () => undefined,
    onError: () => undefined,
    terminate: () => undefined,
  });

  it('rejects with the reason the caller gave, before and during the run, as fetch does', async () => {
    const before = new AbortController();
    const early = new Error('the user left the page');
    before.abort(early);
    await expect(
      simulateParallel({ horizonMonths: 6 }, { runs: 20, workers: 2, createWorker: silent, signal: before.signal }),
    ).rejects.toBe(early);
    const during = new AbortController();
    const running = simulateParallel({ horizonMonths: 6 }, { runs: 20, workers: 2, createWorker: silent, signal: during.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const late = new Error('a newer question came in');
    during.abort(late);
    await expect(running).rejects.toBe(late);
  });

  it('rejects with an AbortError when the signal has no reason of its own', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      simulateParallel({ horizonMonths: 6 }, { runs: 20, workers: 2, createWorker: silent, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('handleWorkerRequest given something that is not a request', () => {
  const aField = { path: 'churn.base', value: 0.01, domain: { min: 0, max: 1 } };
  it.each([
    ['null', null, /handleWorkerRequest was given a request that is null, not an object/],
    ['a string', 'shard', /a request that is "shard", not an object/],
    ['{}', {}, /a request without a type/],
    ['an unknown type', { type: 'simulate' }, /a request of unknown type "simulate"/],
    ['a shard without a scenario', { type: 'shard', first: 0, count: 10, fields: [] }, /a "shard" request without a scenario/],
    [
      'a shard with a fractional count',
      { type: 'shard', scenario: { horizonMonths: 12 }, first: 0, count: 1.5, fields: [] },
      /whose first \(0\) or count \(1.5\) is not a whole number/,
    ],
    // Bounded before any work: each of these asked a worker for gigabytes.
    [
      'a shard of a billion months',
      { type: 'shard', scenario: { horizonMonths: 1e9 }, first: 0, count: 10, fields: [] },
      /scenario's horizonMonths \(1000000000\) is not a whole number from 1 to 240/,
    ],
    [
      'a shard of a billion runs',
      { type: 'shard', scenario: { horizonMonths: 60 }, first: 0, count: 1e9, fields: [] },
      /1000000000 runs of 60 months, past the 24000000 run-months a worker holds/,
    ],
    [
      'a shard of no runs',
      { type: 'shard', scenario: { horizonMonths: 60 }, first: 0, count: 0, fields: [] },
      /is not a whole number of runs \(at least one\)/,
    ],
    [
      'a piece past the horizon',
      {
        type: 'shard',
        scenario: { horizonMonths: 60 },
        first: 0,
        count: 10,
        fields: [aField],
        pieces: [{ metric: 'roi', from: 0, to: 1e9 }],
      },
      /whose pieces are not a list of \{ metric, from, to \}/,
    ],
    [
      'a shard with no fields',
      { type: 'shard', scenario: { horizonMonths: 60 }, first: 0, count: 10, fields: [] },
      /a "shard" request without its fields \(the scenario's assumptions: \{ path, value, domain \} each\)/,
    ],
    [
      'a piece of no monthly figure',
      {
        type: 'shard',
        scenario: { horizonMonths: 60 },
        first: 0,
        count: 10,
        fields: [aField],
        pieces: [{ metric: '__proto__', from: 0, to: 1 }],
      },
      /whose pieces are not/,
    ],
    [
      'bands of a billion runs in no block',
      { type: 'bands', blocks: [], tasks: [], total: 1e9 },
      /blocks' runs do not add up to its total \(1000000000\)/,
    ],
    ['bands without blocks', { type: 'bands', tasks: [], total: 1 }, /a "bands" request without its blocks/],
  ])('answers %s with an error message that says so', (_, request, expected) => {
    const posted: ShardMessage[] = [];
    handleWorkerRequest(request as WorkerRequest, (message) => posted.push(message));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.type).toBe('error');
    expect((posted[0] as { message: string }).message).toMatch(expected);
    expect((posted[0] as { message: string }).message).not.toMatch(/TypeError|\n\s+at /);
  });

  it('throws a TypeError that names post when post is not a function', () => {
    expect(() => handleWorkerRequest({ type: 'bands', blocks: [], tasks: [], total: 1 }, undefined as never)).toThrow(
      /needs a function to post its answers with \(post\)/,
    );
  });
});

describe('idle workers', () => {
  it('are kept warm for the next call, and ended after 30 s without one', async () => {
    vi.useFakeTimers();
    try {
      const terminated: number[] = [];
      let made = 0;
      // In-process workers that answer like real ones, through the same request handler.
      const factory = (): ShardWorker => {
        made += 1;
        const id = made;
        let listener: (message: ShardMessage) => void = () => undefined;
        return {
          post: (request) => void Promise.resolve().then(() => handleWorkerRequest(request, (message) => listener(message))),
          onMessage: (l) => (listener = l),
          onError: () => undefined,
          terminate: () => terminated.push(id),
        };
      };
      const first = await simulateParallelWith(factory, 2, { horizonMonths: 6 }, { runs: 40, seed: 1 });
      await simulateParallelWith(factory, 2, { horizonMonths: 6 }, { runs: 40, seed: 1 });
      expect(made).toBe(2); // the second call reused the first call's workers
      expect(first.runCount).toBe(40);
      vi.advanceTimersByTime(idleWorkerMilliseconds - 1);
      expect(terminated).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(terminated.sort()).toEqual([1, 2]);
    } finally {
      stopWorkers();
      vi.useRealTimers();
    }
  });
});
