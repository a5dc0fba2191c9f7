/**
 * Compare: pin the answer on screen as A, change an assumption, and B is
 * drawn over A in the charts, with a table of A, B and B − A. A link can carry
 * A: it is simulated and pinned, or the cell says why it could not be (and the
 * address keeps it).
 */
import { type Scenario, type ScenarioInput, ScenarioError, type ScenarioIssue, describeAssumptions, parseScenario } from 'cx-roi';
import { valueWords } from '../assumptions-panel';
import { assumptionLabel } from '../labels';
import { comparison } from '../headline';
import { KeyedTask } from '../page/keyed-task';
import type { Cell, Page } from '../page/page';
import type { PageData, Store } from '../page/store';
import { table } from '../page/table';
import { type PageState, resultHash } from '../url-state';
import { optionIssues } from '../page/validation';

/** What B assumes that A does not, assumption by assumption, in the page's words: what a board asks first of two scenarios. */
function differenceWords(a: Scenario, b: Scenario, names: { nameA: string; nameB: string }, currency: string): string {
  const rowsA = new Map(describeAssumptions(a).map((row) => [row.path, row]));
  const said = describeAssumptions(b).flatMap((row) => {
    const before = rowsA.get(row.path);
    // What the business solves follows what differs; it is not a difference of its own.
    if (!before || row.derivedFrom !== null || JSON.stringify(before.value) === JSON.stringify(row.value)) return [];
    return [`${assumptionLabel(row.path)}: ${valueWords(before, before.value, currency)} → ${valueWords(row, row.value, currency)}`];
  });
  const structure = JSON.stringify(a.business) !== JSON.stringify(b.business) ? ['the business it is for'] : [];
  const all = [...said, ...structure];
  if (all.length === 0) return `${names.nameA} and ${names.nameB} assume the same: they differ only in their runs or seed, if at all.`;
  return `What ${names.nameB} assumes differently from ${names.nameA}: ${all.join('; ')}.`;
}

class Compare {
  readonly #page: Page;
  readonly #store: Store;
  readonly #pinning = new KeyedTask<ScenarioInput>();
  /** The link's scenario A, waiting for runs and a seed the page allows: it is pinned with the first result. */
  #waitingA: ScenarioInput | null = null;

  constructor(page: Page) {
    this.#page = page;
    this.#store = page.store;
    const store = page.store;
    store.on('link', (data) => this.#openLink(data));
    store.on('answer', ({ answer }) => {
      if (!this.#waitingA || !answer) return;
      const input = this.#waitingA;
      this.#waitingA = null;
      store.update({ pinProblem: null }, 'problems');
      void this.#pinFromLink(input, answer.state);
    });
    store.on(['answer', 'look', 'pinned', 'problems'], () => this.#drawTable());
    page.$('#pin').addEventListener('click', () => {
      const { answer } = store.data;
      if (!answer) return;
      this.#forgetLinkedA();
      store.update({ pinned: { result: answer.result, hash: answer.hash, input: answer.state.input } }, 'pinned');
    });
    page.$('#clear-pin').addEventListener('click', () => {
      this.#forgetLinkedA();
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
  }

  /** A link was opened: its names, and its A pinned (or why it cannot be). */
  #openLink({ extras, state, linkProblemA }: PageData): void {
    this.#page.$<HTMLInputElement>('#name-a').value = extras.nameA;
    this.#page.$<HTMLInputElement>('#name-b').value = extras.nameB;
    this.#pinning.abort();
    this.#waitingA = null;
    if (linkProblemA !== null) void this.#cannotPin(linkProblemA);
    else if (extras.compare) void this.#pinFromLink(extras.compare, state);
    this.#drawTable();
  }

  #drawTable(): void {
    const page = this.#page;
    const { pinned, answer, extras, pinProblem, kept } = this.#store.data;
    page.$('#compare-error').textContent = pinProblem?.words ?? '';
    page.$('#clear-pin').hidden = !pinned && kept.a === undefined;
    const box = page.$('#compare-table');
    const differs = page.$('#compare-differs');
    if (!pinned || !answer) {
      box.textContent = 'Pin the current result as A, change an assumption, and B is drawn over A in the charts. The link keeps both.';
      differs.textContent = '';
      return;
    }
    differs.textContent = differenceWords(pinned.result.scenario, answer.result.scenario, extras, page.currency());
    box.replaceChildren(
      table(
        page.doc,
        ['Figure', `A: ${extras.nameA} (${pinned.hash})`, `B: ${extras.nameB} (${answer.hash})`, 'B − A'],
        comparison(pinned.result, answer.result, page.currency()),
        'numbers compare',
      ),
    );
  }

  /** Says, here and briefly under the answer, that the link's A could not be pinned, and why. `waiting`: it is pinned once the runs and seed are valid. */
  async #cannotPin(why: string | readonly ScenarioIssue[], waiting = false): Promise<void> {
    const a = this.#store.data.kept.a;
    // The words load only now: few links have an A that cannot be pinned.
    const words = await import('../pin-problem');
    if (this.#store.data.kept.a !== a) return; // pinned or cleared meanwhile, or another link
    this.#store.update({ pinProblem: words.pinProblemWords(this.#store.data.extras.nameA, why, waiting) }, 'problems');
  }

  /** Simulates a linked scenario A, to pin it beside B; one that cannot be pinned is said, and stays in the link. */
  async #pinFromLink(input: ScenarioInput, settings: PageState): Promise<void> {
    const options = optionIssues(settings);
    if (options.length > 0) {
      this.#pinning.abort();
      this.#waitingA = input;
      return void this.#cannotPin(options.map((i) => i.message).join(' '), true);
    }
    const outcome = await this.#pinning.run(input, async (signal) => {
      parseScenario(input);
      return this.#page.simulate(input, { runs: settings.runs, seed: settings.seed, keepRuns: true, workers: this.#page.workers, signal });
    });
    if (!outcome) return;
    if (!outcome.ok) {
      const error = outcome.error;
      return void this.#cannotPin(error instanceof ScenarioError ? error.issues : error.message);
    }
    // Pinned: from now on the link carries A as pinned.
    this.#store.update(
      {
        pinned: { result: outcome.value, hash: resultHash(outcome.value), input },
        kept: { ...this.#store.data.kept, a: undefined },
        pinProblem: null,
      },
      'pinned',
      'problems',
    );
  }

  /** Stops pinning the link's A, and forgets it and what stopped it: the user pinned or cleared A. */
  #forgetLinkedA(): void {
    this.#pinning.abort();
    this.#waitingA = null;
    this.#store.update({ kept: { ...this.#store.data.kept, a: undefined }, pinProblem: null }, 'problems');
  }
}

export const compareCell: Cell = {
  name: 'compare',
  mount(page) {
    new Compare(page);
  },
};
