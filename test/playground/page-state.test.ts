/**
 * The page's store and its keyed task, on their own: the store tells each topic's listeners once, keeps the
 * history undo and redo walk, and never records the state a travel goes to twice; a keyed task aborts the work it
 * replaces, drops an overtaken answer, and reports a failure as an outcome, never as an abort.
 */
import { simulate } from 'cx-roi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyedTask } from '../../playground/page/keyed-task';
import { type Answer, Store, settingsKey } from '../../playground/page/store';
import { type PageState, resultHash } from '../../playground/url-state';

const result = simulate({}, { runs: 100, seed: 1 });
const answerFor = (state: PageState): Answer => ({ result, state, hash: resultHash(result) });
const stateWith = (seed: number): PageState => ({ input: {}, runs: 100, seed });

describe('the page store', () => {
  it('tells a listener of several topics once per update, and stops when asked', () => {
    const store = new Store();
    const heard: string[] = [];
    const stop = store.on(['answer', 'marks'], () => heard.push('both'));
    store.on('input', () => heard.push('input'));
    store.update({ valid: false }, 'answer', 'marks', 'input');
    expect(heard).toEqual(['both', 'input']);
    stop();
    store.update({ valid: true }, 'answer', 'marks');
    expect(heard).toEqual(['both', 'input']);
  });

  it('an edit by the user ends what the link got wrong, and says so to the banner', () => {
    const store = new Store({ linkProblems: ['Runs: a whole number'] });
    const topics: string[] = [];
    for (const topic of ['input', 'replaced', 'problems'] as const) store.on(topic, () => topics.push(topic));
    store.edit(stateWith(2));
    expect(store.data.linkProblems).toEqual([]);
    expect(topics).toEqual(['input', 'problems']);
  });

  it('undo and redo walk the answers settled, newest last, without recording a travel twice', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 12 }), fc.nat({ max: 12 }), (seeds, undos) => {
        const store = new Store();
        const settle = () => store.settle(answerFor(store.data.state));
        const settled: number[] = [];
        for (const seed of seeds) {
          store.edit(stateWith(seed));
          settle();
          // The same settings as the answer on screen are not a step of the history.
          if (settled.at(-1) !== seed) settled.push(seed);
        }
        const back = Math.min(undos, settled.length - 1);
        for (let i = 1; i <= back; i += 1) {
          expect(store.travel('undo')).toBe(true);
          settle();
          expect(store.data.answer?.state.seed).toBe(settled[settled.length - 1 - i]);
        }
        expect(store.canUndo).toBe(back < settled.length - 1);
        for (let i = 1; i <= back; i += 1) {
          expect(store.travel('redo')).toBe(true);
          settle();
        }
        expect(store.canRedo).toBe(false);
        expect(store.travel('redo')).toBe(false);
        expect(store.data.answer?.state.seed).toBe(settled.at(-1));
        // Nothing was recorded twice: undo all the way walks the settled answers once each.
        const walked: number[] = [store.data.answer?.state.seed as number];
        while (store.travel('undo')) {
          settle();
          walked.unshift(store.data.answer?.state.seed as number);
        }
        expect(walked).toEqual(settled);
      }),
    );
  });

  it('a new step after an undo ends redo: redo never throws away the newer edit', () => {
    const store = new Store();
    for (const seed of [1, 2, 3]) {
      store.edit(stateWith(seed));
      store.settle(answerFor(stateWith(seed)));
    }
    store.travel('undo');
    store.settle(answerFor(store.data.state));
    expect(store.canRedo).toBe(true);
    store.edit(stateWith(4));
    store.settle(answerFor(stateWith(4)));
    expect(store.canRedo).toBe(false);
    expect(store.travel('redo')).toBe(false);
    store.travel('undo');
    expect(store.data.state.seed).toBe(2);
  });

  it('settling an answer clears the preview and the running flag, and names the settings', () => {
    const store = new Store({ preview: { result, of: 2000 }, running: true });
    store.settle(answerFor(stateWith(3)));
    expect(store.data.preview).toBeNull();
    expect(store.data.running).toBe(false);
    expect(settingsKey(stateWith(3))).toBe(settingsKey(store.data.answer?.state as PageState));
  });
});

describe('a keyed task', () => {
  const later = <T>(value: T, signal: AbortSignal, ms = 5) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => resolve(value), ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new DOMException('stale', 'AbortError'));
      });
    });

  it('gives the value of work that finishes, and is free after', async () => {
    const task = new KeyedTask<string>();
    const running = task.run('a', (signal) => later(1, signal));
    expect(task.busy).toBe(true);
    expect(task.key).toBe('a');
    expect(await running).toEqual({ ok: true, value: 1 });
    expect(task.busy).toBe(false);
  });

  it('aborts the work a newer request replaces: the older comes to nothing, the newer to its value', async () => {
    const task = new KeyedTask<string>();
    let aborted = false;
    const first = task.run('a', (signal) => {
      signal.addEventListener('abort', () => {
        aborted = true;
      });
      return later(1, signal, 50);
    });
    const second = task.run('b', (signal) => later(2, signal));
    expect(await first).toBeNull();
    expect(aborted).toBe(true);
    expect(await second).toEqual({ ok: true, value: 2 });
  });

  it('drops an answer that comes after its work was overtaken, even if the work ignored the abort', async () => {
    const task = new KeyedTask<string>();
    const first = task.run('a', () => new Promise((resolve) => setTimeout(() => resolve('late'), 20)));
    const second = task.run('b', async () => 'now');
    expect(await second).toEqual({ ok: true, value: 'now' });
    expect(await first).toBeNull();
  });

  it('reports a failure as an outcome with its error, and an abort by the caller as nothing', async () => {
    const task = new KeyedTask<string>();
    const failed = await task.run('a', async () => {
      throw new Error('the model cannot take it');
    });
    expect(failed).toEqual({ ok: false, error: new Error('the model cannot take it') });
    const running = task.run('b', (signal) => later(1, signal, 50));
    task.abort();
    expect(await running).toBeNull();
    expect(task.busy).toBe(false);
  });
});
