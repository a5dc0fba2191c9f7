/**
 * The option checks of cx-roi/bullmq, without Redis: a bad option is named in
 * a ScenarioError before any connection is made, every problem at once, in
 * the same words for the worker and the client.
 */
import { describe, expect, it } from 'vitest';
import {
  createSimulationWorker,
  defaultQueue,
  defaultRedisTimeout,
  defaultShardTimeout,
  queueRunMonths,
  simulateOnQueue,
} from '../../src/bullmq/index.js';
import { ScenarioError } from '../../src/index.js';

/** Nothing listens here: a check that let an option through would fail on the connection instead. */
const nowhere = 'redis://127.0.0.1:1';

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('the options were accepted');
}

describe('cx-roi/bullmq option checks', () => {
  it('the worker names every bad option, in order, with the value it got', () => {
    const onRedisStatus = 'log';
    const error = refusal(() =>
      createSimulationWorker({
        connection: nowhere,
        concurrency: 0,
        lockDuration: 999.5,
        queue: 'a:b',
        shardTimeout: 500,
        redisTimeout: 2_147_483_648,
        onRedisStatus,
        prefix: '',
        concurency: 2,
      } as never),
    );
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).issues).toEqual([
      { path: 'options.concurrency', value: 0, message: 'must be a whole number from 1 to 256' },
      { path: 'options.lockDuration', value: 999.5, message: 'must be a whole number of milliseconds from 1,000 to 3,600,000' },
      { path: 'options.queue', value: 'a:b', message: 'must be a name of 1 to 200 characters without ":"' },
      { path: 'options.shardTimeout', value: 500, message: 'must be a whole number of milliseconds from 1,000' },
      { path: 'options.redisTimeout', value: 2_147_483_648, message: 'must be a whole number of milliseconds from 1,000' },
      { path: 'options.onRedisStatus', value: 'log', message: 'must be a function (status) => void' },
      { path: 'options.prefix', value: '', message: 'must be a key prefix of 1 to 100 characters' },
      {
        path: 'options.concurency',
        value: undefined,
        message:
          'is not an option of createSimulationWorker (options: connection, queue, concurrency, lockDuration, prefix, shardTimeout, redisTimeout, onRedisStatus)',
      },
    ]);
  });

  it('the worker takes the bounds of each range', () => {
    // The edges are in the range: only the connection's address is then checked, and it is refused.
    const error = refusal(() =>
      createSimulationWorker({
        connection: 'http://h:1',
        concurrency: 256,
        lockDuration: 3_600_000,
        shardTimeout: 1000,
        redisTimeout: 2_147_483_647,
        queue: 'q'.repeat(200),
      }),
    );
    expect((error as ScenarioError).issues).toEqual([
      expect.objectContaining({ path: 'options.connection', message: 'must start with redis:// or rediss://' }),
    ]);
    expect((refusal(() => createSimulationWorker({ connection: nowhere, lockDuration: 3_600_001 })) as ScenarioError).issues).toMatchObject(
      [{ path: 'options.lockDuration' }],
    );
  });

  it('the client names every bad option of the queue, in order, before it plans or connects', async () => {
    const signal = { aborted: false };
    const running = simulateOnQueue({}, {
      connection: nowhere,
      attempts: 101,
      timeout: 0,
      redisTimeout: 999,
      onProgress: 'print',
      signal,
      queue: '',
    } as never);
    const error = await running.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).issues).toEqual([
      { path: 'options.attempts', value: 101, message: 'must be a whole number from 1 to 100' },
      { path: 'options.timeout', value: 0, message: 'must be a whole number of milliseconds from 1' },
      { path: 'options.redisTimeout', value: 999, message: 'must be a whole number of milliseconds from 1,000' },
      { path: 'options.onProgress', value: 'print', message: 'must be a function (done, total) => void' },
      { path: 'options.signal', value: signal, message: 'must be an AbortSignal' },
      { path: 'options.queue', value: '', message: 'must be a name of 1 to 200 characters without ":"' },
    ]);
  });

  it('the client checks its options before the address and the scenario', async () => {
    const error = await simulateOnQueue({ horizonMonths: -1 } as never, { connection: 'http://h:1', attempts: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as ScenarioError).issues).toEqual([
      { path: 'options.attempts', value: 0, message: 'must be a whole number from 1 to 100' },
    ]);
  });

  it('keeps its public constants', () => {
    expect({ defaultQueue, defaultRedisTimeout, defaultShardTimeout, queueRunMonths }).toEqual({
      defaultQueue: 'cx-roi',
      defaultRedisTimeout: 15_000,
      defaultShardTimeout: 3_600_000,
      queueRunMonths: 6_000_000,
    });
  });
});
