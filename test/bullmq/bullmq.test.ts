/**
 * cx-roi/bullmq for real: a redis-server on the loopback address, two
 * worker processes (`cx-roi worker`, from the built package), and clients
 * (`simulateOnQueue` from the built `dist/bullmq.js`, and `cx-roi simulate
 * --redis`). The workers keep BullMQ's job locks at the default 30 s, so the suite runs beside the others;
 * the tests whose timing is the point (a worker killed mid-shard, found by a short lock; a 1 s shard limit) are
 * test/bullmq/timing.test.ts, run alone.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowProducer, Queue } from 'bullmq';
import { planShards, resultHash, simulate } from '../../src/index.js';
import { planKey } from '../../src/shards/fingerprint.js';
import type { ShardSpec } from '../../src/shards/plan.js';
import { cli, root, startRedis, startWorker as startOne, until, type WorkerProcess } from './cluster.js';

const queue = `test-${process.pid}`;
const port = 20_000 + (process.pid % 20_000);
const url = `redis://127.0.0.1:${port}`;
const connection = { host: '127.0.0.1', port, maxRetriesPerRequest: null };
let redis: ChildProcess | undefined;
const workers: WorkerProcess[] = [];
const startWorker = () => startOne(workers, url, queue);

// The client as users install it: the built module (it imports the library by its name).
type BullmqModule = typeof import('../../src/bullmq/index.js');
let client: BullmqModule;

describe('cx-roi/bullmq on a real Redis with two worker processes', () => {
  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/bullmq.js'))) throw new Error('dist/bullmq.js is missing: npm test builds it first (npm run build)');
    client = (await import(join(root, 'dist/bullmq.js'))) as BullmqModule;
    redis = await startRedis(port);
    const started = [startWorker(), startWorker()];
    await until(() => started.every((w) => w.log.join('').includes('waiting for simulations')), 'both workers to be ready');
  });

  afterAll(async () => {
    for (const w of workers) w.process.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('20,000 runs in 8 shards give simulate’s result hash, with progress to the last run', async () => {
    const seen: number[] = [];
    const result = await client.simulateOnQueue(
      {},
      { connection: url, queue, runs: 20_000, seed: 1, shards: 8, onProgress: (done) => seen.push(done) },
    );
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

  it('cancels: the promise rejects with an AbortError and no job is left behind', async () => {
    const controller = new AbortController();
    const running = client.simulateOnQueue(
      {},
      {
        connection: url,
        queue,
        runs: 40_000,
        seed: 3,
        shards: 8,
        signal: controller.signal,
        onProgress: (done) => done > 0 && controller.abort(),
      },
    );
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const jobs = new Queue(queue, { connection });
    await until(
      async () =>
        Object.values(await jobs.getJobCounts('waiting', 'active', 'waiting-children', 'prioritized', 'delayed')).every((n) => n === 0),
      'the queue to empty',
      15_000,
    );
    await jobs.close();
  });

  it('times out with a TimeoutError', async () => {
    await expect(
      client.simulateOnQueue({}, { connection: url, queue, runs: 40_000, seed: 4, shards: 4, timeout: 200 }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
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
      children: [
        {
          name: 'shard',
          queueName: queue,
          data: { spec: { ...spec, version: '0.0.1' } },
          opts: { attempts: 3, failParentOnFailure: true },
        },
      ],
    });
    const child = node.children?.[0]?.job;
    await until(async () => (await child?.getState()) === 'failed', 'the shard to fail');
    const jobs = new Queue(queue, { connection });
    const failed = await jobs.getJob(child?.id as string);
    expect(failed?.failedReason).toMatch(/planned by cx-roi 0\.0\.1; this is cx-roi/);
    expect(failed?.attemptsMade).toBe(1);
    await until(async () => (await node.job.getState()) === 'failed', 'the simulation to fail');
    await jobs.remove(node.job.id as string, { removeChildren: true });
    await jobs.close();
    await flows.close();
  });

  it('says when Redis cannot be reached, and a timeout or a signal works before it answers', async () => {
    const nowhere = 'redis://127.0.0.1:1';
    let t = Date.now();
    await expect(client.simulateOnQueue({}, { connection: nowhere, queue, runs: 10, timeout: 500 })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(Date.now() - t).toBeLessThan(5000);
    t = Date.now();
    await expect(client.simulateOnQueue({}, { connection: nowhere, queue, runs: 10, redisTimeout: 3000 })).rejects.toThrow(
      /Redis at redis:\/\/127\.0\.0\.1:1 did not answer for 3 s \(connect ECONNREFUSED/,
    );
    expect(Date.now() - t).toBeLessThan(8000);
    await expect(client.simulateOnQueue({}, { queue, runs: 10 } as never)).rejects.toMatchObject({
      issues: [{ path: 'options.connection' }],
    });
  }, 30_000);

  it('reads a Redis address, or names what is wrong with it', () => {
    expect(client.redisOptions('redis://u:p%40ss@[::1]:6390/3')).toMatchObject({
      host: '::1',
      port: 6390,
      username: 'u',
      password: 'p@ss',
      db: 3,
    });
    for (const bad of ['redis://h:1/abc', 'redis://h:1/-1', 'redis://h:1/1.5', 'redis://h:1?db=3', 'http://h:1', 'nonsense', 5])
      expect(() => client.redisOptions(bad as string), String(bad)).toThrow(/options\.connection/);
    // Bad percent-encoding in the user name or password: a ScenarioError naming the part, the password hidden; not a URIError.
    const refusal = (address: string) => {
      try {
        client.redisOptions(address);
      } catch (error) {
        return { name: (error as Error).name, issues: (error as { issues?: unknown }).issues };
      }
      return 'accepted';
    };
    expect(refusal('redis://us%zzer:pw@h:1')).toEqual({
      name: 'ScenarioError',
      issues: [
        expect.objectContaining({
          path: 'options.connection',
          message: expect.stringMatching(/^has a user name that is not valid percent-encoding/),
        }),
      ],
    });
    expect(refusal('redis://u:s3cr%e7@h:1')).toEqual({
      name: 'ScenarioError',
      issues: [
        {
          path: 'options.connection',
          value: 'redis://u:***@h:1',
          message: expect.stringMatching(/^has a password that is not valid percent-encoding/),
        },
      ],
    });
    // A raw / or @ in a password is hidden all the same; a URL object, port 0 or no host is refused.
    expect(client.redactedAddress('redis://user:my/secret@10.0.0.5:6379')).toBe('redis://user:***@10.0.0.5:6379');
    expect(client.redactedAddress('redis://u:p@ss@127.0.0.1:1')).toBe('redis://u:***@127.0.0.1:1');
    expect(client.redactedAddress('redis://s3cret@127.0.0.1:1/2')).toBe('redis://***@127.0.0.1:1/2');
    expect(JSON.stringify(refusal('redis://user:my/secret@10.0.0.5:6379'))).not.toContain('secret');
    for (const bad of [new URL('redis://127.0.0.1:6379'), 'redis://127.0.0.1:0', 'redis://'])
      expect(refusal(bad as never), String(bad)).toMatchObject({ name: 'ScenarioError', issues: [{ path: 'options.connection' }] });
    // A worker's options are checked by name before it connects.
    expect(() => client.createSimulationWorker({ connection: url, concurency: 2 } as never)).toThrow(
      /options\.concurency: is not an option of createSimulationWorker/,
    );
    expect(() => client.createSimulationWorker({ connection: url, prefix: '' })).toThrow(/options\.prefix/);
    expect(() => client.createSimulationWorker({ connection: url, queue: 'q'.repeat(201) })).toThrow(
      /options\.queue: must be a name of 1 to 200 characters/,
    );
    // The CLI says so in one line.
    let stderr = '';
    try {
      execFileSync(process.execPath, [cli, 'simulate', '--redis', 'redis://u:s3cr%e7@127.0.0.1:1'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    expect(stderr).toBe(
      'cx-roi: --redis has a password that is not valid percent-encoding (write % as %25, and each other escape as % and two hex digits) (got "redis://u:***@127.0.0.1:1")\n',
    );
  });

  it('a forged spec past the limits, or a job without a spec, fails at once in words, without retries', async () => {
    const flows = new FlowProducer({ connection });
    const [spec] = planShards({}, { runs: 1000, exactBandsUpTo: 0 }) as [ShardSpec];
    const s = { ...spec, runs: 10_000_000, count: 10_000_000 };
    const forged = { ...s, plan: planKey(s as ShardSpec) };
    const node = await flows.add({
      name: 'merge',
      queueName: queue,
      data: { plan: forged.plan, runs: forged.runs, shards: 2 },
      children: [
        { name: 'shard', queueName: queue, data: { spec: forged }, opts: { attempts: 3, failParentOnFailure: false } },
        { name: 'shard', queueName: queue, data: null, opts: { attempts: 3, failParentOnFailure: false } },
      ],
    });
    const jobs = new Queue(queue, { connection });
    expect(node.children).toHaveLength(2);
    const started = Date.now();
    for (const child of node.children ?? [])
      await until(async () => (await child.job.getState()) === 'failed', 'the shard to fail', 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    const [big, empty] = await Promise.all((node.children ?? []).map((c) => jobs.getJob(c.job.id as string)));
    expect(big?.failedReason).toMatch(
      /spec\.count: gives a shard result of about 1,2\d\d MB, more than the 256 MB planShards allows a shard/,
    );
    expect(big?.attemptsMade).toBe(1);
    expect(empty?.failedReason).toBe("a shard job's data must be { spec } with a spec from planShards (got null)");
    expect(empty?.attemptsMade).toBe(1);
    await jobs.remove(node.job.id as string, { removeChildren: true });
    await jobs.close();
    await flows.close();
  });

  it("the signal's reason is passed on", async () => {
    const controller = new AbortController();
    const why = new Error('the board changed its mind');
    const running = client.simulateOnQueue(
      {},
      {
        connection: url,
        queue,
        runs: 40_000,
        seed: 9,
        shards: 4,
        signal: controller.signal,
        onProgress: (done) => done > 0 && controller.abort(why),
      },
    );
    await expect(running).rejects.toBe(why);
    const before = new AbortController();
    before.abort(why);
    await expect(client.simulateOnQueue({}, { connection: url, queue, runs: 10, signal: before.signal })).rejects.toBe(why);
  });

  it('the CLI client prints the result hash; bad flags are named', () => {
    const out = execFileSync(
      process.execPath,
      [cli, 'simulate', '--runs', '2000', '--seed', '7', '--redis', url, '--queue', queue, '--shards', '3', '--format', 'json'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
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
    expect(bad(['simulate', '--redis', url, '--queue', queue, '--shards', '0'])).toEqual({
      status: 2,
      stderr: expect.stringMatching(/--shards must be a whole number from 1 to 100,000/),
    });
    expect(bad(['simulate', '--redis', 'http://x', '--queue', queue])).toEqual({
      status: 2,
      stderr: expect.stringMatching(/--redis must start with redis:\/\/ or rediss:\/\//),
    });
    expect(bad(['simulate', '--shards', '3'])).toEqual({ status: 2, stderr: expect.stringMatching(/--shards applies with --redis URL/) });
    expect(bad(['worker'])).toEqual({ status: 2, stderr: expect.stringMatching(/worker needs --redis URL/) });
    expect(bad(['worker', '--redis', url, '--concurrency', '0'])).toEqual({
      status: 2,
      stderr: expect.stringMatching(/--concurrency must be a whole number from 1 to 256/),
    });
    expect(bad(['worker', '--redis', url, '--shard-timeout', '0.5'])).toEqual({
      status: 2,
      stderr: expect.stringMatching(/--shard-timeout must be a number of seconds from 1 to 2,000,000 \(got "0.5"\)/),
    });
    expect(bad(['simulate', '--timeout', '3'])).toEqual({ status: 2, stderr: expect.stringMatching(/--timeout applies with --redis URL/) });
    expect(bad(['simulate', '--redis', url, '--timeout', 'soon'])).toEqual({
      status: 2,
      stderr: expect.stringMatching(/--timeout must be a number of seconds/),
    });
  });

  it('cx-roi simulate --redis --timeout cancels a simulation that takes longer, in one line', () => {
    const t = Date.now();
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(
        process.execPath,
        [cli, 'simulate', '--runs', '200000', '--redis', url, '--queue', queue, '--shards', '4', '--timeout', '0.5'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      failure = { status: (error as { status: number }).status, stderr: (error as { stderr: string }).stderr };
    }
    expect(failure).toEqual({ status: 1, stderr: 'cx-roi: The simulation took longer than 500 ms\n' });
    expect(Date.now() - t).toBeLessThan(15_000);
  });
});

/** A worker process of the CLI, with its stderr and how it ended. */
function workerProcess(
  address: string,
  queueName: string,
): { process: ChildProcess; log: string[]; exit: Promise<{ code: number | null; at: number }> } {
  const child = spawn(process.execPath, [cli, 'worker', '--redis', address, '--queue', queueName], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  // 'close', not 'exit': the process's last lines may still be in the pipe when it exits.
  const exit = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('close', (code) => resolve({ code, at: Date.now() })),
  );
  return { process: child, log, exit };
}

describe('cx-roi/bullmq when Redis fails', () => {
  const otherPort = port + 1;
  const other = `redis://127.0.0.1:${otherPort}`;
  let second: ChildProcess | undefined;
  const started: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/bullmq.js'))) throw new Error('dist/bullmq.js is missing: npm test builds it first (npm run build)');
    client = (await import(join(root, 'dist/bullmq.js'))) as BullmqModule;
    second = await startRedis(otherPort);
  });

  afterAll(() => {
    for (const child of started) child.kill('SIGKILL');
    second?.kill('SIGKILL');
  });

  it('a library worker that gives up on Redis lets its process end, even when its status callback throws', async () => {
    // In a process of its own: what is measured is whether the process ends.
    const script = [
      `const { createSimulationWorker } = await import(${JSON.stringify(join(root, 'dist/bullmq.js'))});`,
      "const w = createSimulationWorker({ connection: 'redis://127.0.0.1:1', redisTimeout: 2000, onRedisStatus: () => { throw new Error('a callback that throws'); } });",
      'const why = await w.closed;',
      'await w.close();',
      "console.log('closed:', why?.message);",
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('close', (c) => {
        clearTimeout(kill);
        resolve(c);
      });
    });
    expect({ code, out, err }).toEqual({
      code: 0,
      out: 'closed: Redis at redis://127.0.0.1:1 did not answer for 2 s (connect ECONNREFUSED 127.0.0.1:1)\n',
      err: '',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);

  it('a library worker and client in one process whose Redis dies mid-run: both settle and the process ends', async () => {
    const thirdPort = port + 2;
    const third = await startRedis(thirdPort);
    started.push(third);
    const address = `redis://127.0.0.1:${thirdPort}`;
    const script = [
      `const { createSimulationWorker, simulateOnQueue } = await import(${JSON.stringify(join(root, 'dist/bullmq.js'))});`,
      `const worker = createSimulationWorker({ connection: '${address}', redisTimeout: 3000 });`,
      'let killed = false;',
      `const client = simulateOnQueue({}, { connection: '${address}', queue: 'midrun', runs: 100000, shards: 2, redisTimeout: 3000, onProgress: (done) => { if (done > 0 && !killed) { killed = true; console.log('killing'); } } }).then(() => 'resolved', (e) => 'client: ' + e.message);`,
      `const w = createSimulationWorker({ connection: '${address}', queue: 'midrun', redisTimeout: 3000 });`,
      'console.log(await client);',
      "console.log('worker:', (await w.closed)?.message);",
      'await worker.close();',
    ].join('\n');
    // A file, not --input-type with -e: the shard threads inherit the process's flags, and that one is for -e only.
    const file = join(mkdtempSync(join(tmpdir(), 'cx-roi-midrun-')), 'midrun.mjs');
    writeFileSync(file, script);
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Redis dies (SIGKILL) once the shards are running.
      if (out.includes('killing')) third.kill('SIGKILL');
    });
    const code = await new Promise<number | null>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 45_000);
      child.on('close', (c) => {
        clearTimeout(kill);
        resolve(c);
      });
    });
    expect({ code, err, out }).toMatchObject({ code: 0, err: '' });
    expect(out).toMatch(
      new RegExp(`client: the simulation on queue "midrun" stopped: Redis at ${address.replace(/\./g, '\\.')} did not answer for 3 s`),
    );
    expect(out).toMatch(/worker: Redis at .* did not answer for 3 s/);
  }, 60_000);

  it('a timeout while Redis does not answer says so', async () => {
    await expect(client.simulateOnQueue({}, { connection: 'redis://127.0.0.1:1', queue, runs: 10, timeout: 1500 })).rejects.toThrow(
      /^The simulation took longer than 1500 ms; Redis at redis:\/\/127\.0\.0\.1:1 was not answering \(connect ECONNREFUSED 127\.0\.0\.1:1\)$/,
    );
  });

  it('a database that does not exist: the client and the worker stop at once, naming Redis and the cause', async () => {
    const t = Date.now();
    await expect(client.simulateOnQueue({}, { connection: `${other}/16`, queue, runs: 10 })).rejects.toThrow(
      `the simulation on queue "${queue}" stopped: Redis at ${other}/16 refused the connection's set-up (ERR DB index is out of range)`,
    );
    expect(Date.now() - t).toBeLessThan(5000);
    const worker = workerProcess(`${other}/16`, queue);
    started.push(worker.process);
    const { code } = await worker.exit;
    expect(code).toBe(1);
    expect(worker.log.join('')).toBe(
      `cx-roi worker: stopping: Redis at ${other}/16 refused the connection's set-up (ERR DB index is out of range)\n`,
    );
  });

  it('Redis killed mid-run: the client settles within its bound; a busy worker says so in a line or two and exits 1; SIGTERM ends an idle one within 10 s; an unreachable one exits 1 in one line', async () => {
    const busy = workerProcess(other, queue);
    const idle = workerProcess(other, `${queue}-idle`);
    const nowhere = workerProcess('redis://127.0.0.1:1', queue);
    started.push(busy.process, idle.process, nowhere.process);
    await until(
      () => busy.log.join('').includes('waiting for simulations') && idle.log.join('').includes('waiting for simulations'),
      'the workers on the second Redis',
    );
    let killedAt = 0;
    const running = client.simulateOnQueue(
      {},
      {
        connection: other,
        queue,
        runs: 200_000,
        shards: 4,
        redisTimeout: 2000,
        onProgress: (done) => {
          if (done > 0 && killedAt === 0) {
            killedAt = Date.now();
            second?.kill('SIGKILL');
          }
        },
      },
    );
    await expect(running).rejects.toThrow(
      new RegExp(`^the simulation on queue "${queue}" stopped: Redis at redis://127\\.0\\.0\\.1:${otherPort} did not answer for 2 s`),
    );
    // Settled within the bound: 2 s of silence, a second to see it, a second each to give up removing the jobs and closing.
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    // An idle worker whose Redis has gone ends on SIGTERM within 10 s.
    idle.process.kill('SIGTERM');
    const termAt = Date.now();
    const idleEnd = await idle.exit;
    expect(idleEnd.at - termAt).toBeLessThan(10_000);
    // The busy worker gives up after 15 s without Redis: exit code 1, a line or two, no stack trace.
    const busyEnd = await busy.exit;
    expect(busyEnd.code).toBe(1);
    expect(busyEnd.at - killedAt).toBeLessThan(25_000);
    const said = busy.log.join('');
    expect(said).toMatch(
      new RegExp(`cx-roi worker: stopping: Redis at ${other.replace(/\./g, '\\.')} did not answer for 15 s \\(.+\\)\\n$`),
    );
    // No stack trace, and Redis's error said at most twice (when lost, and when given up on), not once a second.
    expect(said).not.toMatch(/\n\s+at |errno/);
    expect(said.match(/ECONNREFUSED/g)?.length ?? 0).toBeLessThanOrEqual(2);
    // A worker that never reached Redis: exit code 1 and one line.
    const nowhereEnd = await nowhere.exit;
    expect(nowhereEnd.code).toBe(1);
    expect(nowhere.log.join('')).toMatch(
      /^cx-roi worker: stopping: Redis at redis:\/\/127\.0\.0\.1:1 did not answer for 15 s \(connect ECONNREFUSED 127\.0\.0\.1:1\)\n$/,
    );
  }, 60_000);
});
