import type { CliIo, Command, CommandContext } from '../command.js';
import { text, usageError } from '../command.js';
import { optionalNumber, seconds } from '../flags.js';
import { type BullmqModule, loadBullmq, needsRedis, redisDescription } from '../queue.js';

/** The worker on the queue, with a line on stderr for each job and each change in Redis's state. */
function startWorker(io: CliIo, bullmq: BullmqModule, context: CommandContext, onGaveUp: () => void) {
  const { values } = context;
  const concurrency = optionalNumber(values, 'concurrency');
  const lockDuration = optionalNumber(values, 'lock-duration');
  const shardTimeoutText = text(values, 'shard-timeout');
  const shardTimeout = shardTimeoutText === undefined ? undefined : seconds(shardTimeoutText, '--shard-timeout');
  const running = bullmq.createSimulationWorker({
    connection: text(values, 'redis') as string,
    queue: text(values, 'queue') ?? bullmq.defaultQueue,
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(lockDuration === undefined ? {} : { lockDuration }),
    ...(shardTimeout === undefined ? {} : { shardTimeout }),
    // One line when Redis is lost, comes back, or is given up on; its errors repeat each second and are not printed.
    onRedisStatus: (status) => {
      if (status.state === 'gave-up') onGaveUp();
      io.stderr(`cx-roi worker: ${status.state === 'gave-up' ? 'stopping: ' : ''}${status.message}\n`);
    },
  });
  const { worker } = running;
  worker.on('active', (job) => io.stderr(`cx-roi worker: ${job.name} ${job.id} started\n`));
  worker.on('completed', (job, value) => {
    const hash = job.name === 'merge' ? `, result hash ${(value as { hash?: string }).hash}` : '';
    io.stderr(`cx-roi worker: ${job.name} ${job.id} done${hash}\n`);
  });
  worker.on('failed', (job, error) => io.stderr(`cx-roi worker: ${job?.name ?? 'a job'} ${job?.id ?? ''} failed: ${error.message}\n`));
  return running;
}

/** Simulates shards from the queue until the process is asked to stop, or Redis is gone. */
async function run(context: CommandContext): Promise<number> {
  const { io, values, files } = context;
  if (values.redis === undefined) return needsRedis(io, 'worker needs');
  if (files.length > 0) {
    io.stderr('cx-roi: worker takes no file (it simulates what clients send)\n');
    return usageError;
  }
  const bullmq = await loadBullmq(io);
  if (!bullmq) return usageError;
  let gaveUp = false;
  const running = startWorker(io, bullmq, context, () => {
    gaveUp = true;
  });
  const stopped = new Promise<'stop'>((resolve) => io.onStop?.(() => resolve('stop')));
  // Ready, asked to stop, or given up on Redis, whichever comes first.
  const ready = running.worker.waitUntilReady().then(() => 'ready' as const);
  const first = await Promise.race([ready, stopped, running.closed.then(() => 'closed' as const)]);
  // (A database that does not exist is refused at once, though the client goes on and reports itself ready.)
  if (first === 'ready' && !gaveUp) {
    const queue = text(values, 'queue') ?? bullmq.defaultQueue;
    io.stderr(`cx-roi worker: waiting for simulations on queue "${queue}" at ${bullmq.redactedAddress(text(values, 'redis') as string)}\n`);
    await Promise.race([stopped, running.closed]);
  }
  if (!gaveUp) {
    io.stderr('cx-roi worker: stopping (the shards running finish first)\n');
    await running.close();
  }
  // Given up on Redis: exit non-zero, for a supervisor to restart the worker.
  return (await running.closed) ? 1 : 0;
}

/** `cx-roi worker`: a worker of the simulations sent to a Redis queue. */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'simulates the shards sent to a Redis queue, until stopped',
  usage: 'cx-roi worker --redis URL [--queue NAME] [--concurrency N] [--lock-duration MS] [--shard-timeout SECONDS]',
  description:
    'Simulates the shards of simulations sent to a Redis queue (cx-roi simulate --redis, or simulateOnQueue from cx-roi/bullmq), ' +
    'each in a thread, --concurrency at a time, until stopped (Ctrl-C, SIGTERM). A shard running past --shard-timeout fails ' +
    'with its reason. When Redis has not answered for 15 s the worker stops with exit code 1, for a supervisor to restart it. ' +
    'Needs the packages bullmq and ioredis.',
  flags: [
    { name: 'redis', type: 'string', value: 'URL', description: redisDescription },
    { name: 'queue', type: 'string', value: 'NAME', description: 'the queue clients and workers share', default: 'cx-roi' },
    { name: 'concurrency', type: 'string', value: 'N', description: 'shards simulated at a time, 1 to 256', default: '1' },
    {
      name: 'lock-duration',
      type: 'string',
      value: 'MS',
      description:
        "how long a job's lock lasts without renewal, 1,000 to 3,600,000 ms: a dead worker's shard goes to another after about this long",
      default: '30,000',
    },
    { name: 'shard-timeout', type: 'string', value: 'SECONDS', description: 'the most one shard may run on this worker', default: '3,600' },
  ],
  examples: [['cx-roi worker --redis redis://10.0.0.5:6379 --concurrency 2', 'on each machine, then cx-roi simulate --redis …']],
  run,
};
