/** What the Redis suites share: a redis-server on the loopback address, `cx-roi worker` processes, and waiting. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { redisServerPath } from '../prerequisites.js';

export const root = join(import.meta.dirname, '../..');
/** The built CLI, as users run it. */
export const cli = join(root, 'dist/cli.js');

/** A worker process and what it has written to stderr so far. */
export interface WorkerProcess {
  readonly process: ChildProcess;
  readonly log: string[];
}

/** Polls `check` every 50 ms until it holds; throws naming `what` after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts a redis-server on the loopback address at `at` and waits until it accepts connections. */
export async function startRedis(at: number): Promise<ChildProcess> {
  const server = spawn(redisServerPath() as string, ['--port', String(at), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const probe = new Queue('probe', { connection: { host: '127.0.0.1', port: at, maxRetriesPerRequest: null } });
  await until(
    () =>
      probe.getJobCounts().then(
        () => true,
        () => false,
      ),
    `redis-server on port ${at} to accept connections`,
  );
  await probe.close();
  return server;
}

/** Starts `cx-roi worker` on `url` and `queue` (with `flags`), adding it to `workers` so the suite can end it. */
export function startWorker(workers: WorkerProcess[], url: string, queue: string, flags: readonly string[] = []): WorkerProcess {
  const child = spawn(process.execPath, [cli, 'worker', '--redis', url, '--queue', queue, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
  const entry = { process: child, log: [] as string[] };
  child.stderr?.on('data', (chunk: Buffer) => entry.log.push(chunk.toString()));
  workers.push(entry);
  return entry;
}
