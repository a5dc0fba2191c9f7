/**
 * The page's one way to ask a Web Worker: one request a worker, ended when it
 * answers or when the request goes stale (then the promise rejects with an
 * AbortError, and the worker's work stops with it). The workers answer
 * `{ ok: true, value }` or `{ ok: false, message }`.
 */

/** What a page worker answers. */
export type WorkerAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function callWorker<T>(start: () => Worker, request: unknown, signal?: AbortSignal, transfer: Transferable[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('The request went stale', 'AbortError'));
    const worker = start();
    const finish = () => {
      signal?.removeEventListener('abort', abort);
      worker.terminate();
    };
    const abort = () => {
      finish();
      reject(new DOMException('The request went stale', 'AbortError'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerAnswer<T>>) => {
      finish();
      if (event.data.ok) resolve(event.data.value);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the worker failed'));
    };
    worker.postMessage(request, transfer);
  });
}
