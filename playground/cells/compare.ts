/**
 * Compare: pin the answer on screen as A, change an assumption, and B is
 * drawn over A in the charts, with a table of A, B and B − A. A link can carry
 * A: it is simulated and pinned, or the cell says why it could not be (and the
 * address keeps it).
 */
import { type ScenarioInput, ScenarioError, type ScenarioIssue, parseScenario, simulateParallel } from 'cx-roi';
import { comparison } from '../headline';
import { KeyedTask } from '../page/keyed-task';
import type { Cell, Page } from '../page/page';
import { table } from '../page/table';
import { type PageState, resultHash } from '../url-state';
import { optionIssues } from '../page/validation';

export const compareCell: Cell = {
  name: 'compare',
  mount(page: Page) {
    const { store } = page;
    const pinning = new KeyedTask<ScenarioInput>();
    /** The link's scenario A, waiting for runs and a seed the page allows: it is pinned with the first result. */
    let waitingA: ScenarioInput | null = null;

    const showPinProblem = () => {
      page.$('#compare-error').textContent = store.data.pinProblem?.words ?? '';
      page.$('#clear-pin').hidden = !store.data.pinned && store.data.kept.a === undefined;
    };

    const drawTable = () => {
      const box = page.$('#compare-table');
      showPinProblem();
      const { pinned, answer, extras } = store.data;
      if (!pinned || !answer) {
        box.textContent = 'Pin the current result as A, change an assumption, and B is drawn over A in the charts. The link keeps both.';
        return;
      }
      box.replaceChildren(
        table(
          page.doc,
          ['Figure', `A: ${extras.nameA} (${pinned.hash})`, `B: ${extras.nameB} (${answer.hash})`, 'B − A'],
          comparison(pinned.result, answer.result, page.currency()),
          'numbers compare',
        ),
      );
    };

    /** Says, here and briefly under the answer, that the link's A could not be pinned, and why. `waiting`: it is pinned once the runs and seed are valid. */
    const cannotPin = async (why: string | readonly ScenarioIssue[], waiting = false) => {
      const a = store.data.kept.a;
      // The words load only now: few links have an A that cannot be pinned.
      const words = await import('../pin-problem');
      if (store.data.kept.a !== a) return; // pinned or cleared meanwhile, or another link
      store.update({ pinProblem: words.pinProblemWords(store.data.extras.nameA, why, waiting) }, 'problems');
    };

    /** Simulates a linked scenario A, to pin it beside B; one that cannot be pinned is said, and stays in the link. */
    const pinFromLink = async (input: ScenarioInput, settings: PageState) => {
      const options = optionIssues(settings);
      if (options.length > 0) {
        pinning.abort();
        waitingA = input;
        return void cannotPin(options.map((i) => i.message).join(' '), true);
      }
      const outcome = await pinning.run(input, async (signal) => {
        parseScenario(input);
        return simulateParallel(input, { runs: settings.runs, seed: settings.seed, keepRuns: true, workers: page.workers, signal });
      });
      if (!outcome) return;
      if (!outcome.ok) {
        const error = outcome.error;
        return void cannotPin(error instanceof ScenarioError ? error.issues : error.message);
      }
      // Pinned: from now on the link carries A as pinned.
      store.update(
        { pinned: { result: outcome.value, hash: resultHash(outcome.value), input }, kept: { ...store.data.kept, a: undefined } },
        'pinned',
      );
    };

    /** Stops pinning the link's A, and forgets it and what stopped it: the user pinned or cleared A. */
    const forgetLinkedA = () => {
      pinning.abort();
      waitingA = null;
      store.update({ kept: { ...store.data.kept, a: undefined }, pinProblem: null }, 'problems');
    };

    store.on('link', ({ extras, state, linkProblemA }) => {
      pinning.abort();
      waitingA = null;
      if (linkProblemA !== null) void cannotPin(linkProblemA);
      else if (extras.compare) void pinFromLink(extras.compare, state);
      drawTable();
    });
    store.on('answer', ({ answer }) => {
      if (waitingA && answer) {
        const input = waitingA;
        waitingA = null;
        store.update({ pinProblem: null }, 'problems');
        void pinFromLink(input, answer.state);
      }
    });
    store.on(['answer', 'look', 'pinned', 'problems'], drawTable);
    page.$('#pin').addEventListener('click', () => {
      const { answer } = store.data;
      if (!answer) return;
      forgetLinkedA();
      store.update({ pinned: { result: answer.result, hash: answer.hash, input: answer.state.input } }, 'pinned');
    });
    page.$('#clear-pin').addEventListener('click', () => {
      forgetLinkedA();
      store.update({ pinned: null }, 'pinned');
      page.$('#pin').focus();
    });
    for (const [id, key] of [
      ['#name-a', 'nameA'],
      ['#name-b', 'nameB'],
    ] as const)
      page.$<HTMLInputElement>(id).addEventListener('change', (event) => {
        const value = (event.target as HTMLInputElement).value.trim().slice(0, 40) || (key === 'nameA' ? 'A' : 'B');
        store.update({ extras: { ...store.data.extras, [key]: value } }, 'look');
      });
    store.on('link', ({ extras }) => {
      page.$<HTMLInputElement>('#name-a').value = extras.nameA;
      page.$<HTMLInputElement>('#name-b').value = extras.nameB;
    });
  },
};
