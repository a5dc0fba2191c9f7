/**
 * What is wrong with the inputs, said where it is fixed: each problem beside
 * its field, the runs and seed under "Advanced", and under the answer what
 * has no field (and what the link got wrong, and why its A is not pinned).
 */
import { ScenarioError, parseScenario } from 'cx-roi';
import { plainMessage, showIssues } from '../assumptions-panel';
import { assumptionLabel } from '../labels';
import { writtenNumber } from '../number-style-setting';
import type { PageState } from '../url-state';
import { required } from './dom';
import type { Store } from './store';

type Issue = { path: string; message: string; value: unknown };

/** The seed and runs as the page allows them, or what is wrong, in words. */
export function optionIssues(s: PageState): Issue[] {
  const issues: Issue[] = [];
  if (!(Number.isInteger(s.runs) && s.runs >= 100 && s.runs <= 100_000))
    issues.push({
      path: 'options.runs',
      value: s.runs,
      message: `Runs: a whole number from ${writtenNumber(100)} to ${writtenNumber(100_000)}.`,
    });
  if (typeof s.seed === 'string' && (s.seed.length === 0 || s.seed.length > 200))
    issues.push({
      path: 'options.seed',
      value: s.seed,
      message: `Seed: a whole number, or text of 1 to 200 characters (this one has ${s.seed.length}).`,
    });
  return issues;
}

const issueWords = (i: Issue) =>
  `${i.path && !i.path.startsWith('options.') ? `${assumptionLabel(i.path)}: ` : ''}${plainMessage(i.message)}`;

export class Validation {
  readonly #store: Store;
  readonly #doc: Document;
  readonly #fields: HTMLElement;
  /** The problems without a field of their own, said under the answer. */
  #others: string[] = [];

  constructor(store: Store, doc: Document) {
    this.#store = store;
    this.#doc = doc;
    this.#fields = this.#$('#fields');
    store.on('problems', () => this.#showBanner());
  }

  #$<T extends HTMLElement = HTMLElement>(selector: string): T {
    return required<T>(this.#doc, selector);
  }

  #showBanner(extra: readonly string[] = []): void {
    const { linkProblems, pinProblem } = this.#store.data;
    // Why A is not pinned is said in the Compare cell, far below: the answer points there.
    const messages = [...linkProblems, ...(pinProblem ? [pinProblem.pointer] : []), ...this.#others, ...extra];
    const banner = this.#$('#banner');
    banner.hidden = messages.length === 0;
    banner.textContent = messages.join(' · ');
  }

  /** Checks the page's scenario and options, showing each problem next to its field; true when all is well. */
  validate = (): boolean => {
    const { state, answer } = this.#store.data;
    const issues: Issue[] = [];
    try {
      parseScenario(state.input);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      issues.push(...error.issues);
    }
    issues.push(...optionIssues(state));
    const unmatched = showIssues(this.#fields, issues);
    const optionProblems = unmatched.filter((i) => i.path.startsWith('options.'));
    this.#$('#runs-error').textContent = optionProblems.map((i) => i.message).join(' ');
    // A bad number of runs or seed (from a link) is shown where it can be fixed.
    if (optionProblems.length > 0) this.#$<HTMLDetailsElement>('#advanced').open = true;
    this.#$('#runs').setAttribute('aria-invalid', String(optionProblems.some((i) => i.path === 'options.runs')));
    this.#$('#seed').setAttribute('aria-invalid', String(optionProblems.some((i) => i.path === 'options.seed')));
    this.#others = unmatched.filter((i) => !i.path.startsWith('options.')).map(issueWords);
    this.#showBanner();
    // Nothing simulated yet (a link with a bad value): the answer says why, where it is read.
    if (!answer && issues.length > 0)
      this.#$('#headline-sentence').textContent =
        `No answer yet: ${issues.map(issueWords).join('; ')}. Fix ${issues.length === 1 ? 'it' : 'them'} under Assumptions.`;
    const valid = issues.length === 0;
    if (valid !== this.#store.data.valid) this.#store.update({ valid }, 'marks');
    return valid;
  };

  /** A run failed: why, beside the field it concerns, or under the answer. */
  failed = (error: unknown): void => {
    const issues = error instanceof ScenarioError ? error.issues : [];
    const unmatched = showIssues(this.#fields, issues);
    const text =
      error instanceof ScenarioError ? unmatched.map((i) => `${i.path}: ${plainMessage(i.message)}`).join(' · ') : (error as Error).message;
    if (text) this.#showBanner([`The simulation failed: ${text}`]);
    if (issues.length > 0) this.#store.update({ valid: false }, 'marks');
  };
}
