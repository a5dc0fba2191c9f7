import { describe, expect, it } from 'vitest';
import { planShards, realityCheck, robustness, ScenarioError, sensitivity, simulate } from '../../src/index.js';
import { simulateParallelWith } from '../../src/parallel/parallel.js';
import { checkOptions, optionIssues, optionsObject } from '../../src/scenario/options-check.js';

/** The issues a call throws, as `path: message`. */
function issues(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

const names = { of: 'example', names: ['runs', 'seed'], example: '{ runs: 10 }' };

describe('option checks, one way throughout the library', () => {
  it('takes left-out options as none, and refuses what is not an object with an example', () => {
    expect(optionsObject(undefined, names)).toEqual({});
    expect(optionsObject({ runs: 3 }, names)).toEqual({ runs: 3 });
    expect(issues(() => optionsObject([] as never, names))).toEqual(['options: must be an object, e.g. { runs: 10 }']);
  });

  it('names each unknown option, with the nearest one and the list', () => {
    expect(issues(() => optionsObject({ run: 3, colour: 'red' } as never, names))).toEqual([
      'options.run: is not an option of example; did you mean "runs"? (options: runs, seed)',
      'options.colour: is not an option of example (options: runs, seed)',
    ]);
  });

  it('names the option, its value and the rule it breaks; a left-out option keeps no rule', () => {
    const rules = { runs: { ok: (v: unknown) => v === 1, rule: 'must be 1' }, seed: { ok: () => false, rule: 'never' } };
    expect(optionIssues({ runs: 2 }, rules)).toEqual([{ path: 'options.runs', value: 2, message: 'must be 1' }]);
    expect(optionIssues({ runs: null, seed: undefined }, rules)).toEqual([{ path: 'options.runs', value: null, message: 'must be 1' }]);
    expect(() => checkOptions({ runs: 1 }, rules)).not.toThrow();
    expect(issues(() => checkOptions({ runs: 5 }, rules, 'options.swings'))).toEqual(['options.swings.runs: must be 1']);
  });

  it('simulate, planShards and realityCheck suggest the option meant, as the decisions do', () => {
    expect(issues(() => simulate({}, { run: 10 } as never))).toEqual([
      'options.run: is not an option of simulate; did you mean "runs"? (options: runs, seed, keepRuns, onProgress)',
    ]);
    expect(issues(() => planShards({}, { shard: 2 } as never))[0]).toMatch(
      /^options\.shard: is not an option of planShards; did you mean "shards"\?/,
    );
    expect(issues(() => realityCheck({ sed: 2 } as never))[0]).toMatch(
      /^options\.sed: is not an option of realityCheck; did you mean "seed"\?/,
    );
  });

  it('nested and decision options keep the same rules: swings names a mistyped part, robustness each bad option', () => {
    const result = simulate({}, { runs: 30, keepRuns: true });
    expect(issues(() => sensitivity(result, { swings: { rnge: 0.1, runs: 1 } } as never))).toEqual([
      'options.swings.rnge: is not an option of sensitivity’s swings; did you mean "range"? (options: range, runs)',
      'options.swings.runs: must be a whole number of runs, at least 2',
    ]);
    expect(issues(() => robustness({}, { runs: 30, horizons: [0], flips: 'yes' } as never))).toEqual([
      'options.horizons: must be a list of at most 12 horizons, whole numbers of months from 1 to 240',
      'options.flips: must be true or false',
    ]);
  });

  it('simulateParallel names a mistyped option and a bad worker count before it starts a worker', async () => {
    const noWorker = () => {
      throw new Error('no worker should be started');
    };
    await expect(simulateParallelWith(noWorker, 2, {}, { worker: 2 } as never)).rejects.toThrow(
      /options\.worker: is not an option of simulateParallel; did you mean "workers"\?/,
    );
    await expect(simulateParallelWith(noWorker, 2, {}, { workers: 0 })).rejects.toThrow(
      /options\.workers: must be a whole number from 1 to 256/,
    );
  });
});
