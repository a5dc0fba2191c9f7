/**
 * The run-by-run analyses (drivers, sensitivity over the years, value of
 * information) off the page's thread: one worker for the page's life, sent
 * each new result's first runs as typed arrays (packRuns); the page keeps only the newest answer.
 */
import { analyse } from './analyses';
import { type PackedRuns, unpackRuns } from './analyses-cache';

declare const self: {
  onmessage: ((event: { data: { id: number; result: PackedRuns } }) => void) | null;
  postMessage(message: unknown): void;
};

self.onmessage = (event) => {
  const { id, result } = event.data;
  try {
    self.postMessage({ id, ok: true, analyses: analyse(unpackRuns(result)) });
  } catch (error) {
    self.postMessage({ id, ok: false, message: (error as Error).message });
  }
};
