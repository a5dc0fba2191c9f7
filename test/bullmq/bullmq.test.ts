/**
 * cx-roi/bullmq for real: a redis-server on the loopback address, two
 * worker processes (`cx-roi worker`, from the built package), and clients
 * (`simulateOnQueue` from the built `dist/bullmq.js`, and `cx-roi simulate
 * --redis`). Skipped, saying why, where redis-server is not installed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowProducer, Queue } from 'bullmq';
import { planShards, resultHash, simulate } from '../../src/index.js';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? whichRedis();

function whichRedis(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

if (!redisServer) {
  // Said out loud, not skipped silently: the summary shows the skipped tests with this reason.
  console.warn('cx-roi/bullmq integration tests SKIPPED: redis-server is not installed (Debian: apt-get install -y redis-server; .ci/run installs it)');
}

const queue = `test-${process.pid}`;
const port = 20_000 + (process.pid % 20_000);
const url = `redis://127.0.0.1:${port}`;
const connection = { host: '127.0.0.1', port, maxRetriesPerRequest: null };
let redis: ChildProcess | undefined;
const workers: { process: ChildProcess; log: string[] }[] = [];

function startWorker(): { process: ChildProcess; log: string[] } {
  const child = spawn(process.execPath, [cli, 'worker', '--redis', url, '--queue', queue, '--lock-duration', '4000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const entry = { process: child, log: [] as string[] };
  child.stderr?.on('data', (chunk: Buffer) => entry.log.push(chunk.toString()));
  workers.push(entry);
  return entry;
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The client as users install it: the built module (it imports the library by its name).
type BullmqModule = typeof import('../../src/bullmq/index.js');
let client: BullmqModule;

describe.skipIf(!redisServer)('cx-roi/bullmq on a real Redis with two worker processes', () => {
  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/bullmq.js'))) throw new Error('dist/bullmq.js is missing: npm test builds it first (npm run build)');
    client = (await import(join(root, 'dist/bullmq.js'))) as BullmqModule;
    redis = spawn(redisServer as string, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const probe = new Queue('probe', { connection });
    await until(
      () =>
        probe.getJobCounts().then(
          () => true,
          () => false,
        ),
      'redis-server to accept connections',
    );
    await probe.close();
    const started = [startWorker(), startWorker()];
    await until(() => started.every((w) => w.log.join('').includes('waiting for simulations')), 'both workers to be ready');
  });

  afterAll(async () => {
    for (const w of workers) w.process.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('20,000 runs in 8 shards give simulate’s result hash, with progress to the last run', async () => {
    const seen: number[] = [];
    const result = await client.simulateOnQueue({}, { connection: url, queue, runs: 20_000, seed: 1, shards: 8, onProgress: (done) => seen.push(done) });
    expect(resultHash(result)).toBe(resultHash(simulate({}, { runs: 20_000, seed: 1 })));
    expect(result.runCount).toBe(20_000);
    expect(seen.at(-1)).toBe(20_000);
    expect(seen.length).toBeGreaterThan(8);
    // The flow's jobs are removed once the result is read.
    const jobs = new Queue(queue, { connection });
    const counts = await jobs.getJobCounts('waiting', 'active', 'completed', 'failed', 'waiting-children');
    await jobs.close();
    expect(counts).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0, 'waiting-children': 0 });
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

  it('cancels: the promise rejects with an AbortError and no job is left behind', async () => {
    const controller = new AbortController();
    const running = client.simulateOnQueue({}, { connection: url, queue, runs: 40_000, seed: 3, shards: 8, signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const jobs = new Queue(queue, { connection });
    await until(async () => Object.values(await jobs.getJobCounts('waiting', 'active', 'waiting-children', 'prioritized', 'delayed')).every((n) => n === 0), 'the queue to empty', 15_000);
    await jobs.close();
  });

  it('times out with a TimeoutError', async () => {
    await expect(client.simulateOnQueue({}, { connection: url, queue, runs: 40_000, seed: 4, shards: 4, timeout: 200 })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('past exactBandsUpTo the bands come from sketches and say so; the horizon stays exact', async () => {
    const result = await client.simulateOnQueue({}, { connection: url, queue, runs: 3000, seed: 5, shards: 3, exactBandsUpTo: 1000 });
    expect(result.bands).toEqual({ method: 'sketch', relativeAccuracy: 0.01 });
    expect(result.horizon).toEqual(simulate({}, { runs: 3000, seed: 5 }).horizon);
  });

  it('a shard of another version fails the simulation at once, in words, without retries', async () => {
    const flows = new FlowProducer({ connection });
    const [spec] = planShards({}, { runs: 10 });
    const node = await flows.add({
      name: 'merge',
      queueName: queue,
      data: { plan: spec?.plan, runs: 10, shards: 1 },
      children: [{ name: 'shard', queueName: queue, data: { spec: { ...spec, version: '0.0.1' } }, opts: { attempts: 3, failParentOnFailure: true } }],
    });
    const child = node.children?.[0]?.job;
    await until(async () => (await child?.getState()) === 'failed', 'the shard to fail');
    const failed = await new Queue(queue, { connection }).getJob(child?.id as string);
    expect(failed?.failedReason).toMatch(/planned by cx-roi 0\.0\.1; this is cx-roi/);
    expect(failed?.attemptsMade).toBe(1);
    await until(async () => (await node.job.getState()) === 'failed', 'the simulation to fail');
    await new Queue(queue, { connection }).remove(node.job.id as string, { removeChildren: true });
    await flows.close();
  });

  it('says when Redis cannot be reached, and a timeout or a signal works before it answers', async () => {
    const nowhere = 'redis://127.0.0.1:1';
    let t = Date.now();
    await expect(client.simulateOnQueue({}, { connection: nowhere, queue, runs: 10, timeout: 500 })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - t).toBeLessThan(5000);
    t = Date.now();
    await expect(client.simulateOnQueue({}, { connection: nowhere, queue, runs: 10 })).rejects.toThrow(/could not reach Redis at redis:\/\/127\.0\.0\.1:1 within 10 s/);
    expect(Date.now() - t).toBeLessThan(15_000);
    await expect(client.simulateOnQueue({}, { queue, runs: 10 } as never)).rejects.toMatchObject({ issues: [{ path: 'options.connection' }] });
  }, 30_000);

  it('reads a Redis address, or names what is wrong with it', () => {
    expect(client.redisOptions('redis://u:p%40ss@[::1]:6390/3')).toMatchObject({ host: '::1', port: 6390, username: 'u', password: 'p@ss', db: 3 });
    for (const bad of ['redis://h:1/abc', 'redis://h:1/-1', 'redis://h:1/1.5', 'redis://h:1?db=3', 'http://h:1', 'nonsense', 5])
      expect(() => client.redisOptions(bad as string), String(bad)).toThrow(/options\.connection/);
  });

  it('the CLI client prints the result hash; bad flags are named', () => {
    const out = execFileSync(process.execPath, [cli, 'simulate', '--runs', '2000', '--seed', '7', '--redis', url, '--queue', queue, '--shards', '3', '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const printed = JSON.parse(out) as Parameters<typeof resultHash>[0];
    expect(resultHash(printed)).toBe(resultHash(simulate({}, { runs: 2000, seed: 7 })));
    const bad = (args: string[]) => {
      try {
        execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        return { status: (error as { status: number }).status, stderr: (error as { stderr: string }).stderr };
      }
      throw new Error('no error');
    };
    expect(bad(['simulate', '--redis', url, '--queue', queue, '--shards', '0'])).toEqual({ status: 2, stderr: expect.stringMatching(/--shards must be a whole number from 1 to 100,000/) });
    expect(bad(['simulate', '--redis', 'http://x', '--queue', queue])).toEqual({ status: 2, stderr: expect.stringMatching(/--redis must start with redis:\/\/ or rediss:\/\//) });
    expect(bad(['simulate', '--shards', '3'])).toEqual({ status: 2, stderr: expect.stringMatching(/--shards applies with --redis URL/) });
    expect(bad(['worker'])).toEqual({ status: 2, stderr: expect.stringMatching(/worker needs --redis URL/) });
    expect(bad(['worker', '--redis', url, '--concurrency', '0'])).toEqual({ status: 2, stderr: expect.stringMatching(/--concurrency must be a whole number from 1 to 256/) });
  });
});
