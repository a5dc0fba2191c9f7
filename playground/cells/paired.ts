/**
 * Paired differences, B − A: the pinned A and the current B simulated again
 * with the same seed, run by run, in the background (once per pair of inputs
 * and options).
 */
import type { Comparison } from 'cx-roi';
import { inWorker, pairedRows, pairedWords } from '../decisions';
import { KeyedTask } from '../page/keyed-task';
import type { Cell, Page } from '../page/page';
import { table } from '../page/table';

export const pairedCell: Cell = {
  name: 'paired',
  mount(page: Page) {
    const { store } = page;
    const comparing = new KeyedTask<string>();
    /** The paired comparison of A and the current B, by what it was asked. */
    let paired: { key: string; comparison: Comparison | null; error: string | null } | null = null;

    const draw = () => {
      const section = page.$('#paired');
      const box = page.$('#compare-paired');
      const { pinned, answer, extras } = store.data;
      section.hidden = !pinned;
      if (!pinned || !paired || !answer) return;
      const status = page.$('#paired-status');
      const words = page.$('#paired-words');
      const { comparison, error } = paired;
      box.dataset.state = comparison ? 'done' : error ? 'failed' : 'running';
      if (!comparison) {
        const { runs, seed } = answer.state;
        status.textContent = error
          ? `The paired comparison failed: ${error}`
          : `Simulating A and B again, ${runs.toLocaleString('en-US')} runs each with seed ${seed}, run by run…`;
        words.textContent = '';
        box.replaceChildren();
        delete box.dataset.npvMedian;
        return;
      }
      const pair = comparison.pairs[0];
      if (!pair) return;
      status.textContent = `A and B simulated again with seed ${String(comparison.seed)}, ${comparison.runCount.toLocaleString('en-US')} runs each, and compared run by run.`;
      words.textContent = pairedWords(pair, comparison.runCount);
      box.dataset.npvMedian = String(pair.npv.p50);
      // The names in brackets only when they say more than "B − A".
      const named = extras.nameA !== 'A' || extras.nameB !== 'B' ? ` (${extras.nameB} − ${extras.nameA})` : '';
      box.replaceChildren(table(page.doc, ['', `B − A${named}`], pairedRows(pair), 'numbers'));
    };

    const compare = async () => {
      const { pinned, answer } = store.data;
      if (!pinned || !answer) {
        comparing.abort();
        paired = null;
        return draw();
      }
      const settings = answer.state;
      const input = pinned.input;
      const key = JSON.stringify([input, settings.input, settings.runs, settings.seed]);
      if (paired?.key === key) return draw();
      paired = { key, comparison: null, error: null };
      draw();
      const outcome = await comparing.run(key, (signal) =>
        inWorker(
          { kind: 'compare', scenarios: { A: input, B: settings.input }, options: { runs: settings.runs, seed: settings.seed } },
          signal,
        ),
      );
      if (!outcome) return;
      paired = outcome.ok ? { key, comparison: outcome.value, error: null } : { key, comparison: null, error: outcome.error.message };
      draw();
    };

    store.on('run-start', () => {
      if (!comparing.busy) return;
      comparing.abort();
      if (paired && paired.comparison === null && paired.error === null) paired = null;
    });
    store.on('pinned', () => {
      paired = null;
      void compare();
    });
    store.on(['answer', 'resume'], () => void compare());
    store.on('look', draw);
  },
};
