/**
 * cx-roi/bullmq where timing is the test: a worker process killed mid-shard (SIGKILL) leaves its shard to the
 * other worker once its job lock runs out (4 s here, to keep the test short), and a worker's 1 s shard limit
 * stops a long shard yet lets a short one finish. A process starved of the CPU by other suites misses so short
 * a lock or limit, so this file runs alone, after the others (the redis-alone project in vitest.config.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultHash, simulate } from '../../src/index.js';
import { cli, root, startRedis, startWorker as startOne, until, type WorkerProcess } from './cluster.js';

const queue = `timing-${process.pid}`;
const port = 40_000 + (process.pid % 20_000);
const url = `redis://127.0.0.1:${port}`;
let redis: ChildProcess | undefined;
const workers: WorkerProcess[] = [];
const startWorker = () => startOne(workers, url, queue, ['--lock-duration', '4000']);

type BullmqModule = typeof import('../../src/bullmq/index.js');
let client: BullmqModule;

describe('cx-roi/bullmq: a killed worker and a shard limit, timed', () => {
  beforeAll(async () => {
    client = (await import(join(root, 'dist/bullmq.js'))) as BullmqModule;
    redis = await startRedis(port);
    const started = [startWorker(), startWorker()];
    await until(() => started.every((w) => w.log.join('').includes('waiting for simulations')), 'both workers to be ready');
  });

  afterAll(() => {
    for (const w of workers) w.process.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('a worker killed mid-run leaves its shard to the other: the same result hash', async () => {
    const [victim, survivor] = workers as [(typeof workers)[number], (typeof workers)[number]];
    let killed: string | undefined;
    // The shard the victim has started and not finished, if any.
    const running = (w: (typeof workers)[number]) => {
      const log = w.log.join('');
      return [...log.matchAll(/shard (\S+) started/g)].map((m) => m[1] as string).find((id) => !log.includes(`shard ${id} done`));
    };
    const result = await client.simulateOnQueue(
      {},
      {
        connection: url,
        queue,
        runs: 20_000,
        seed: 2,
        shards: 8,
        onProgress: () => {
          // Mid-shard, the victim dies without a word (SIGKILL).
          const id = killed ? undefined : running(victim);
          if (id) {
            killed = id;
            victim.process.kill('SIGKILL');
          }
        },
      },
    );
    expect(killed).toBeDefined();
    expect(victim.log.join('')).not.toContain(`shard ${killed} done`);
    expect(survivor.log.join('')).toContain(`shard ${killed} done`);
    expect(resultHash(result)).toBe(resultHash(simulate({}, { runs: 20_000, seed: 2 })));
    const replacement = startWorker();
    await until(() => replacement.log.join('').includes('waiting for simulations'), 'the replacement worker');
  });

  it("a shard past the worker's --shard-timeout fails with its reason, and the worker takes the next job", async () => {
    const slow = `${queue}-slow`;
    const child = spawn(process.execPath, [cli, 'worker', '--redis', url, '--queue', slow, '--shard-timeout', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const entry = { process: child, log: [] as string[] };
    child.stderr?.on('data', (chunk: Buffer) => entry.log.push(chunk.toString()));
    workers.push(entry);
    await until(() => entry.log.join('').includes('waiting for simulations'), 'the worker with a shard timeout');
    // 40,000 runs in one shard: several seconds of work, past the one-second limit.
    const t = Date.now();
    await expect(client.simulateOnQueue({}, { connection: url, queue: slow, runs: 40_000, shards: 1, attempts: 3 })).rejects.toThrow(
      /shard 0 failed after 1 attempt: the shard ran past the worker's limit of 1 s \(shardTimeout\) and was stopped/,
    );
    expect(Date.now() - t).toBeLessThan(10_000);
    const next = await client.simulateOnQueue({}, { connection: url, queue: slow, runs: 300, seed: 3, shards: 1 });
    expect(resultHash(next)).toBe(resultHash(simulate({}, { runs: 300, seed: 3 })));
    child.kill('SIGTERM');
  });
});
