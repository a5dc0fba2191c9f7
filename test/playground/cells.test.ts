// @vitest-environment jsdom
/**
 * The page's state flows one way: a cell given to `mountPage` (the list main.ts passes is cells/index.ts) renders
 * the store's answer and follows it, with no edit to main.ts or the wiring. Here a probe cell, written in the test,
 * mounts after the page's own cells on the page's own HTML in jsdom; an edit in the assumptions panel and undo go
 * through the store and the run pipeline (its preview first) to the probe and the real cells alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SimulationResult, simulate, type simulateParallel } from 'cx-roi';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cells } from '../../playground/cells/index';
import { mountPage } from '../../playground/page/mount';
import type { Cell, Page } from '../../playground/page/page';

const html = readFileSync(join(import.meta.dirname, '../../playground/index.html'), 'utf8');

const stale = () => new DOMException('The request went stale', 'AbortError');
/**
 * The page's simulation, on this thread: the library's `simulate` with the same runs and seed, its preview (the first
 * runs) given first and the whole a task later, and a stale request refused as `simulateParallel` refuses it.
 */
const onThisThread: typeof simulateParallel = async (input, options = {}) => {
  if (options.signal?.aborted) throw stale();
  if (options.preview) options.preview.onPreview?.(simulate(input, { runs: options.preview.runs, seed: options.seed, keepRuns: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (options.signal?.aborted) throw stale();
  return simulate(input, { runs: options.runs, seed: options.seed, keepRuns: options.keepRuns });
};

/** What the probe saw, answer by answer, and the previews before them. */
const seen: { hash: string; medianRoi: number }[] = [];
const previews: string[] = [];
const probe: Cell = {
  name: 'probe',
  mount(page) {
    const box = page.doc.createElement('section');
    box.id = 'probe';
    page.$('#main').append(box);
    page.store.on('preview', ({ preview }) => {
      if (preview) previews.push(`${preview.result.runCount} of ${preview.of}`);
    });
    page.store.on('answer', ({ answer }) => {
      if (!answer) return;
      seen.push({ hash: answer.hash, medianRoi: answer.result.horizon.roi.p50 });
      box.textContent = `Median ROI ${answer.result.horizon.roi.p50}`;
    });
  },
};

let page: Page;

beforeAll(() => {
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, '');
  // What jsdom lacks and the page's layout asks for.
  globalThis.IntersectionObserver = class {
    observe() {}
    disconnect() {}
  } as unknown as typeof IntersectionObserver;
  globalThis.CSS ??= { escape: (text: string) => text.replace(/[^\w-]/g, (c) => `\\${c}`) } as unknown as typeof CSS;
  window.matchMedia = (() => ({ matches: false, addEventListener() {} })) as unknown as typeof window.matchMedia;
  vi.spyOn(console, 'error');
  // The charts never load here: the cells that draw wait for them, as on a page whose chart chunk is slow.
  page = mountPage(window, [...cells, probe], { charts: new Promise(() => {}), simulate: onThisThread });
});

const expected = (input: object): SimulationResult => simulate(input, { runs: 2000, seed: 1 });

describe('a cell registered by a test', () => {
  it('renders the first answer, and follows an edit and undo through the store', { timeout: 60_000 }, async () => {
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 20_000, interval: 50 });
    const first = expected({});
    expect(seen[0]?.medianRoi).toBe(first.horizon.roi.p50);
    expect(document.querySelector('#probe')?.textContent).toBe(`Median ROI ${first.horizon.roi.p50}`);
    // The real headline cell, mounted the same way, shows the same answer.
    expect(document.body.dataset.medianRoi).toBe(String(first.horizon.roi.p50));

    // An edit in the assumptions panel: the store, the pipeline, then every cell.
    const box = await vi.waitFor(
      () => {
        const input = document.querySelector<HTMLInputElement>('#field-churn-switchAfterBad');
        if (!input) throw new Error('the panel is not drawn yet');
        return input;
      },
      { timeout: 10_000, interval: 20 },
    );
    box.value = '50';
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 20_000, interval: 50 });
    const edited = expected({ churn: { switchAfterBad: 0.5 } });
    expect(seen[1]?.medianRoi).toBe(edited.horizon.roi.p50);
    expect(seen[1]?.medianRoi).not.toBe(seen[0]?.medianRoi);
    expect(page.store.data.answer?.state.input).toEqual({ churn: { switchAfterBad: 0.5 } });
    // Each answer came after its preview, from the first 500 of its 2,000 runs.
    expect(previews).toEqual(['500 of 2000', '500 of 2000']);
    const button = (id: string) => document.querySelector<HTMLButtonElement>(`#${id}`) as HTMLButtonElement;
    expect([button('undo').disabled, button('redo').disabled]).toEqual([false, true]);

    // Undo: the store goes back, and the cell follows to the first answer, the same result code.
    document.querySelector<HTMLButtonElement>('#undo')?.click();
    await vi.waitFor(() => expect(seen).toHaveLength(3), { timeout: 20_000, interval: 50 });
    expect(seen[2]).toEqual(seen[0]);
    expect(document.querySelector('#result-hash')?.textContent).toBe(seen[0]?.hash);
    // The panel and the history follow the store: the field shows the value undone to, redo is offered.
    expect(document.querySelector<HTMLInputElement>('#field-churn-switchAfterBad')?.value).toBe('86');
    expect([button('undo').disabled, button('redo').disabled]).toEqual([true, false]);
    // Every cell of the page mounted, and none failed while following the store.
    expect(console.error).not.toHaveBeenCalled();
  });
});
