/**
 * A worker thread of cx-roi/bullmq: simulates the shards it is sent, one at
 * a time. A shard is seconds to minutes of arithmetic; in a thread of its own
 * it leaves the BullMQ worker's event loop free to renew the job's lock,
 * report progress and hear a cancellation.
 */
import { parentPort } from 'node:worker_threads';
import { ScenarioError, type ShardSpec, mergeShards, resultHash, simulateShard } from 'cx-roi';

/** What the BullMQ worker sends: a shard to simulate, or every shard's result to merge. */
export type ThreadRequest =
  | { readonly type: 'shard'; readonly spec: ShardSpec }
  | { readonly type: 'merge'; readonly results: readonly Uint8Array[] };

/** What the thread answers: progress, the shard's bytes, the merged result (as JSON, with its hash), or why it failed. */
export type ThreadMessage =
  | { readonly type: 'progress'; readonly done: number; readonly count: number }
  | { readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly type: 'merged'; readonly hash: string; readonly json: string }
  | { readonly type: 'error'; readonly message: string; readonly invalid: boolean };

const port = parentPort;
port?.on('message', (request: ThreadRequest) => {
  try {
    if (request.type === 'merge') {
      // Merging 10⁵ runs takes seconds: here, not on the event loop that keeps the job's lock.
      const result = mergeShards(request.results);
      port.postMessage({ type: 'merged', hash: resultHash(result), json: JSON.stringify(result) } satisfies ThreadMessage);
      return;
    }
    const { spec } = request;
    let last = 0;
    const bytes = simulateShard(spec, {
      onProgress: (done, count) => {
        // At most about ten reports a second, and the last one.
        const now = Date.now();
        if (now - last < 100 && done < count) return;
        last = now;
        port.postMessage({ type: 'progress', done, count } satisfies ThreadMessage);
      },
    });
    port.postMessage({ type: 'done', bytes } satisfies ThreadMessage, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    // A bad spec, or shards that do not merge, will be as bad on the next try: the job fails without retries.
    const invalid = error instanceof ScenarioError || request.type === 'merge';
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), invalid } satisfies ThreadMessage);
  }
});
