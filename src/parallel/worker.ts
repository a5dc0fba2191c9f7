/**
 * The worker entry of simulateParallel, for Node's worker_threads and for
 * browsers' module Web Workers alike.
 */
import { importNodeBuiltin, isNode } from './platform.js';
import { type WorkerRequest, handleWorkerRequest } from './protocol.js';

interface NodeParentPort {
  on(event: 'message', listener: (message: WorkerRequest) => void): void;
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
}

declare const self:
  | {
      onmessage: ((event: { data: WorkerRequest }) => void) | null;
      postMessage(message: unknown, options?: { transfer?: ArrayBuffer[] }): void;
    }
  | undefined;

// No top-level await: bundlers build workers as classic scripts by default (Vite's iife), which cannot
// hold one. A Node worker's parent port keeps its messages until the listener is attached.
if (isNode) {
  void importNodeBuiltin<{ parentPort: NodeParentPort | null }>('node:worker_threads').then(({ parentPort }) =>
    parentPort?.on('message', (request) => handleWorkerRequest(request, (message, transfer) => parentPort.postMessage(message, transfer))),
  );
} else if (typeof self !== 'undefined') {
  const scope = self;
  scope.onmessage = (event) =>
    handleWorkerRequest(event.data, (message, transfer) => scope.postMessage(message, { transfer: transfer ?? [] }));
}
