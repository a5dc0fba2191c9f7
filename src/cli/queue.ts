import type { CliIo } from './command.js';

/** The package's cx-roi/bullmq, as the CLI loads it. */
export type BullmqModule = typeof import('cx-roi/bullmq');

/** What --redis is, for the help of the commands that take it. */
export const redisDescription = 'a Redis server, redis://host:port (rediss:// for TLS)';

/** One line for a queue flag given without --redis, or worker without it: both need a Redis server. */
export function needsRedis(io: CliIo, who: string): number {
  io.stderr(`cx-roi: ${who} --redis URL (a Redis server, e.g. redis://127.0.0.1:6379)\n`);
  return 2;
}

/** cx-roi/bullmq, loaded only for --redis: bullmq and ioredis are optional peer dependencies. */
export async function loadBullmq(io: CliIo): Promise<BullmqModule | undefined> {
  try {
    // The package's own subpath export, not bundled into the CLI: it loads bullmq, which may not be installed.
    return await import('cx-roi/bullmq');
  } catch (error) {
    // cx-roi/bullmq says what is missing (PeerDependencyError); Node's own error if the subpath itself is not found.
    const code = (error as NodeJS.ErrnoException).code;
    if ((error as Error).name !== 'PeerDependencyError' && code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    io.stderr('cx-roi: --redis needs the packages bullmq (6) and ioredis (5 or 6) installed beside cx-roi: npm install bullmq ioredis\n');
    return undefined;
  }
}
