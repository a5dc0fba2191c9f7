/**
 * `cx-roi/worker`: what a worker an app builds itself needs, for `simulateParallel`'s `createWorker` (a
 * CommonJS bundle, another thread pool, a worker the app's bundler makes): the handler of the requests
 * `simulateParallel` sends, and the types of the requests and answers. The main entry leaves them out: they
 * are a wire protocol between two parts of this package, not something an analysis calls.
 * @packageDocumentation
 */
export { handleWorkerRequest } from './parallel/protocol.js';
export type { BandsRequest, MonthPiece, ShardMessage, ShardRequest, WorkerRequest } from './parallel/protocol.js';
