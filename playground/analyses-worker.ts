/**
 * The run-by-run analyses (drivers, sensitivity over the years, value of
 * information) off the page's thread: one request a worker (see `callWorker`), sent a result's first runs as
 * typed arrays (packRuns).
 */
import { analyse } from './analyses';
import { type Analyses, type PackedRuns, unpackRuns } from './analyses-cache';
import type { WorkerAnswer } from './worker-call';

declare const self: {
  onmessage: ((event: { data: PackedRuns }) => void) | null;
  postMessage(message: WorkerAnswer<Analyses>): void;
};

self.onmessage = (event) => {
  try {
    self.postMessage({ ok: true, value: analyse(unpackRuns(event.data)) });
  } catch (error) {
    self.postMessage({ ok: false, message: (error as Error).message });
  }
};
