/**
 * The worker entry of simulateParallel, for Node's worker_threads and for
 * browsers' module Web Workers alike.
 */
import { type WorkerRequest, handleWorkerRequest } from './protocol.js';

interface NodeParentPort {
  on(event: 'message', listener: (message: WorkerRequest) => void): void;
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
}

declare const self: { onmessage: ((event: { data: WorkerRequest }) => void) | null; postMessage(message: unknown, options?: { transfer?: ArrayBuffer[] }): void } | undefined;

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

if (isNode) {
  // A variable specifier keeps browser bundlers from trying to resolve a Node built-in.
  const workerThreads = 'node:worker_threads';
  const { parentPort } = (await import(/* @vite-ignore */ workerThreads)) as { parentPort: NodeParentPort | null };
  parentPort?.on('message', (request) => handleWorkerRequest(request, (message, transfer) => parentPort.postMessage(message, transfer)));
} else if (typeof self !== 'undefined') {
  const scope = self;
  scope.onmessage = (event) => handleWorkerRequest(event.data, (message, transfer) => scope.postMessage(message, { transfer: transfer ?? [] }));
}
