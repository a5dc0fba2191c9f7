/**
 * The page's state, in one place: the scenario as edited, the answer on screen
 * (the last good result) and the preview of the one on its way, the pinned A,
 * the history for undo and redo, and what the page has to say about the link.
 * Everything on the page reads it and is told, by topic, when it changes; only
 * the store's own methods change it, so the state flows one way: an edit or a
 * run updates the store, the cells follow.
 */
import type { ScenarioInput, SimulationResult } from 'cx-roi';
import { type KeptLink, type LinkExtras, type PageState, defaultExtras, defaultPageState } from '../url-state';

/** A full answer: the result on screen, the settings it was simulated from, and its code. */
export interface Answer {
  readonly result: SimulationResult;
  readonly state: PageState;
  readonly hash: string;
}

/** The pinned A: its result and the input it was simulated from (the paired comparison simulates it again). */
export interface Pinned {
  readonly result: SimulationResult;
  readonly hash: string;
  readonly input: ScenarioInput;
}

export interface PageData {
  /** The scenario and options as edited: possibly invalid, possibly not simulated yet. */
  readonly state: PageState;
  /** The currency, the pinned A's input and the names of A and B: kept in the link. */
  readonly extras: LinkExtras;
  /** What the link carried that the page has not used: the address keeps it as it was. */
  readonly kept: KeptLink;
  /** The scenario as the link gave it: once the user changes it, a scenario the link carried but could not be read is dropped. */
  readonly linkedInput: ScenarioInput;
  /** The answer on screen; the link and "Copy link" describe this one. */
  readonly answer: Answer | null;
  /** A preview of the answer on its way, from its first runs. */
  readonly preview: { readonly result: SimulationResult; readonly of: number } | null;
  /** Whether a run is waiting for a pause in typing, or under way. */
  readonly pending: boolean;
  readonly running: boolean;
  /** Whether the inputs as edited can be simulated. */
  readonly valid: boolean;
  readonly pinned: Pinned | null;
  /** What could not be read from the link that opened the page: said until the user changes something. */
  readonly linkProblems: readonly string[];
  /** Why the link's scenario A cannot be pinned, when it cannot even be read (from the link that opened the page). */
  readonly linkProblemA: string | null;
  /** Why the link's A is not pinned: in the Compare cell, and pointed to under the answer. */
  readonly pinProblem: { readonly words: string; readonly pointer: string } | null;
}

/**
 * What changed, for whom: `input` the scenario as edited; `replaced` it was replaced as a whole (undo or redo, a
 * reset, a cell's change: the forms showing it are drawn again); `style` the way numbers are written changed (the
 * forms write theirs again); `link` a link was opened (its scenario, options, names and A); `answer` a new full
 * answer; `preview` one came or went;
 * `marks` whether the answer on screen is current, a preview or the previous one; `run-start` a run began (background
 * work on the answer on screen stops); `resume` it ended without an answer (the work starts again); `look` the currency
 * or the names of A and B; `pinned` A; `problems` what the link got wrong; `history` undo and redo.
 */
export type Topic =
  | 'input'
  | 'replaced'
  | 'style'
  | 'link'
  | 'answer'
  | 'preview'
  | 'marks'
  | 'run-start'
  | 'resume'
  | 'look'
  | 'pinned'
  | 'problems'
  | 'history';

type Listener = (data: PageData) => void;

/** The settings a run depends on: two states with the same key have the same answer. */
export const settingsKey = (s: PageState): string => JSON.stringify([s.input, s.runs, s.seed]);

const historyLength = 100;

export class Store {
  #data: PageData;
  readonly #listeners = new Map<Topic, Set<Listener>>();
  readonly #undo: PageState[] = [];
  readonly #redo: PageState[] = [];
  /** The settings undo or redo went to: their answer is not recorded in the history again. */
  #travelledTo: string | null = null;

  constructor(initial: Partial<PageData> = {}) {
    this.#data = {
      state: defaultPageState,
      extras: defaultExtras,
      kept: {},
      linkedInput: defaultPageState.input,
      answer: null,
      preview: null,
      pending: false,
      running: false,
      valid: true,
      pinned: null,
      linkProblems: [],
      linkProblemA: null,
      pinProblem: null,
      ...initial,
    };
  }

  get data(): PageData {
    return this.#data;
  }

  /** Listens to `topics`; returns the way to stop. */
  on(topics: Topic | readonly Topic[], listener: Listener): () => void {
    const list = typeof topics === 'string' ? [topics] : topics;
    for (const topic of list) {
      const set = this.#listeners.get(topic) ?? new Set();
      this.#listeners.set(topic, set);
      set.add(listener);
    }
    return () => {
      for (const topic of list) this.#listeners.get(topic)?.delete(listener);
    };
  }

  /** Changes the data and tells each topic's listeners once (a listener of two of the topics, once). */
  update(patch: Partial<PageData>, ...topics: Topic[]): void {
    this.#data = { ...this.#data, ...patch };
    this.emit(...topics);
  }

  emit(...topics: Topic[]): void {
    const told = new Set<Listener>();
    for (const topic of topics)
      for (const listener of this.#listeners.get(topic) ?? [])
        if (!told.has(listener)) {
          told.add(listener);
          // One failing listener must not stop the others (the marks, the link, the charts): its error is raised on its own.
          try {
            listener(this.#data);
          } catch (error) {
            setTimeout(() => {
              throw error;
            }, 0);
          }
        }
  }

  /** The scenario as edited is now `state`; a change by the user also ends what the link got wrong. */
  edit(state: PageState): void {
    const problems = this.#data.linkProblems.length > 0;
    this.update({ state, linkProblems: [] }, 'input', ...(problems ? (['problems'] as const) : []));
  }

  /** The scenario was replaced as a whole by `state` (a reset, a cell's change, a touchpoint added or removed): the forms follow. */
  replace(state: PageState): void {
    const problems = this.#data.linkProblems.length > 0;
    this.update({ state, linkProblems: [] }, 'input', 'replaced', ...(problems ? (['problems'] as const) : []));
  }

  /** A full answer is in: it goes on screen, the preview goes, and the answer it replaces enters the history. */
  settle(answer: Answer): void {
    const key = settingsKey(answer.state);
    const travelled = this.#travelledTo === key;
    this.#travelledTo = null;
    const before = this.#data.answer;
    if (before && !travelled && settingsKey(before.state) !== key) {
      this.#undo.push(before.state);
      if (this.#undo.length > historyLength) this.#undo.shift();
      // A new step after an undo starts a new branch: redo would throw it away for the abandoned one.
      this.#redo.length = 0;
    }
    this.update({ answer, preview: null, running: false }, 'answer', 'preview', 'marks', 'history');
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /** Goes back (or forward) to a state that was simulated, replacing the scenario as edited; false when there is none. */
  travel(direction: 'undo' | 'redo'): boolean {
    const [from, to] = direction === 'undo' ? [this.#undo, this.#redo] : [this.#redo, this.#undo];
    const target = from.pop();
    if (!target) return false;
    if (this.#data.answer) to.push(this.#data.answer.state);
    // The run that follows must not record the state it leaves a second time.
    this.#travelledTo = settingsKey(target);
    this.update({ state: target }, 'input', 'replaced', 'history');
    return true;
  }
}
