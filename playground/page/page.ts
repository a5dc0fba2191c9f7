/**
 * What every cell is given: the store, the page's document, and the few
 * services cells share (the status line, the link of an answer, a change to
 * the scenario, the paced drawing of the charts). A cell mounts itself with
 * it and follows the store; it imports no other cell.
 */
import type { Reading, ReadingOutcome, ScenarioInput, SimulationResult, simulateParallel } from 'cx-roi';
import type { Provenance } from '../export';
import type { PageState } from '../url-state';
import type { Store } from './store';

/** The charts module (Observable Plot and d3), loaded beside the first simulation. */
export type Charts = typeof import('../charts');
export type ChartOptions = import('../charts').ChartOptions;

/** A step of drawing an answer's charts and slower words: light steps first, then (after the run-by-run analyses) heavy ones. */
export interface DrawStep {
  readonly heavy?: boolean;
  run(result: SimulationResult, charts: Charts): void | Promise<void>;
}

/** A published reading to put in the assumptions (with the fields it only makes sense with). */
export type ReadingChoice = Pick<ReadingOutcome, 'path' | 'value' | 'label'> & Partial<Pick<Reading, 'with'>>;

export interface Page {
  readonly store: Store;
  readonly doc: Document;
  /** The page's element for `selector`; a missing one is a bug in the page, thrown at once. */
  $<T extends HTMLElement = HTMLElement>(selector: string): T;
  /** The currency symbol (or code) figures are written with. */
  currency(): string;
  /** How many workers a simulation uses. */
  readonly workers: number;
  /** How the page simulates (the library's `simulateParallel`, in Web Workers). */
  readonly simulate: typeof simulateParallel;
  /** The address that reproduces `state`'s answer, with the pinned A and what the link kept. */
  linkOf(state: PageState): string;
  /** Where the answer on screen came from, for an export of `title`; null before the first answer. */
  provenanceOf(title: string): Provenance | null;
  /** Writes the status line under the answer. */
  say(text: string): void;
  /** A cell changes the scenario: the fields follow, it is simulated, and `from` says what the change did. */
  apply(next: ScenarioInput, from?: HTMLElement): void;
  /** Puts a reading in the assumptions and simulates; `from` says what it did. */
  useReading(reading: ReadingChoice, from: HTMLElement): void;
  /** Adds a step to the drawing of every answer (in the order added; heavy ones after the light). */
  addDrawStep(step: DrawStep): void;
  /** Draws the answer on screen again (its look changed, or A). */
  redraw(): void;
  /** The charts module once loaded, else null. */
  charts(): Charts | null;
  /** A chart's width for its box. */
  chartWidth(box: HTMLElement): number;
  /** The options every chart of the answer is drawn with at `width`: A over it once pinned, the currency, the names. */
  chartOptions(width: number): ChartOptions;
}

/** A cell of the notebook: mounts itself on the page and follows the store. */
export interface Cell {
  readonly name: string;
  mount(page: Page): void;
}
