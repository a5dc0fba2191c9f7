/**
 * When a Redis client is "not answering": only after a ping's interval without an answer, from the start as after an
 * answer. A client still connecting in its first half second (a busy machine) is not yet failing, so a 500 ms timeout
 * says only that the simulation took longer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RedisWatch } from '../../src/bullmq/redis';

afterEach(() => {
  vi.useRealTimers();
});

describe('RedisWatch', () => {
  it('is not failing before a ping interval has passed without an answer, and is after', async () => {
    vi.useFakeTimers();
    const watch = new RedisWatch(
      () => new Promise(() => {}),
      'redis://test',
      10_000,
      () => {},
      1000,
    ).start();
    await vi.advanceTimersByTimeAsync(500);
    expect(watch.failing).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    expect(watch.failing).toBe(true);
    watch.stop();
  });

  it('is not failing while Redis answers, and fails a ping interval after it stops', async () => {
    vi.useFakeTimers();
    let up = true;
    const watch = new RedisWatch(
      () => (up ? Promise.resolve('PONG') : new Promise(() => {})),
      'redis://test',
      10_000,
      () => {},
      1000,
    ).start();
    await vi.advanceTimersByTimeAsync(2500);
    expect(watch.failing).toBe(false);
    up = false;
    await vi.advanceTimersByTimeAsync(2100);
    expect(watch.failing).toBe(false); // the failed ping was noticed at its interval's end
    await vi.advanceTimersByTimeAsync(1100);
    expect(watch.failing).toBe(true);
    watch.stop();
  });
});
