/**
 * cx-roi/bullmq: simulations split into shards and run by BullMQ workers on
 * Redis, on as many machines as the work needs. A simulation is one BullMQ
 * flow: a parent job ("merge") whose children are the shards ("shard"). Each
 * shard is simulated in a worker thread by whichever worker takes it; when
 * the last one completes, a worker takes the parent, merges the shards with
 * `mergeShards` and returns the result. The merged result has the same result
 * hash as `simulate` with the same input and seed: run `i` depends only on
 * (seed, i), so a shard retried elsewhere gives the same bytes.
 *
 * `bullmq` (6) and `ioredis` are optional peer dependencies: install them to use this.
 * @packageDocumentation
 */
// The public names only; each keeps its documentation where it is declared.
export { queueRunMonths, simulateOnQueue } from './client.js';
export type { QueueSimulateOptions } from './client.js';
export { defaultQueue, defaultRedisTimeout } from './options.js';
export { redactedAddress, redisOptions } from './redis.js';
export type { RedisConnection, RedisStatus } from './redis.js';
export { createSimulationWorker, defaultShardTimeout } from './worker.js';
export type { SimulationWorker, SimulationWorkerOptions } from './worker.js';
