/**
 * The page, wired: one store (store.ts) that the URL, the assumptions panel,
 * the settings and the run pipeline write (and the Compare cell, A and its
 * name), and the cells given to `mountPage` follow. The state flows one way: an edit or a run updates the
 * store, the cells follow it; a cell changes the scenario only through
 * `page.apply` or `page.useReading`. Adding a cell is adding it to the list
 * (cells/index.ts); nothing here changes.
 */
import { type ScenarioInput, simulateParallel, version } from 'cx-roi';
import { mountNumberStyle } from '../number-style-setting';
import { type PageState, decodeState, setAtPath } from '../url-state';
import { required } from './dom';
import { Drawing } from './drawing';
import { ChangeEffects } from './effects';
import { mountLayout } from './layout';
import { followAnswer, linkOf, openLink } from './link';
import type { Provenance } from '../export';
import type { Cell, ChartOptions, Charts, DrawStep, Page, ReadingChoice } from './page';
import { Panel } from './panel';
import { RunPipeline } from './run-pipeline';
import { mountSettings } from './settings';
import { Store } from './store';
import { Validation } from './validation';

export interface MountOptions {
  /** The charts module, loading (the page's answer needs none of it, so it loads beside the first simulation). */
  readonly charts: Promise<Charts>;
  /** How the page simulates: the library's `simulateParallel` (a test may give its own). */
  readonly simulate?: typeof simulateParallel;
}

/** The page the cells are given, and what it wires: the store, the validation, the pipeline, the panel, the drawing. */
class WiredPage implements Page {
  readonly store: Store;
  readonly doc: Document;
  readonly workers: number;
  readonly simulate: typeof simulateParallel;
  readonly #view: Window & typeof globalThis;
  readonly #validation: Validation;
  readonly #effects: ChangeEffects;
  readonly #pipeline: RunPipeline;
  readonly #panel: Panel;
  readonly #drawing = new Drawing();
  #charts: Charts | null = null;

  constructor(view: Window & typeof globalThis, options: MountOptions) {
    this.#view = view;
    this.doc = view.document;
    this.simulate = options.simulate ?? simulateParallel;
    this.workers = Math.max(1, Math.min(4, view.navigator.hardwareConcurrency || 2));
    const initial = decodeState(view.location.search, view.location.hash);
    this.store = new Store({ state: initial.state, extras: initial.extras, kept: initial.kept, linkedInput: initial.state.input });
    this.#validation = new Validation(this.store, this.doc);
    this.#effects = new ChangeEffects(this.store);
    this.#pipeline = new RunPipeline(this.store, {
      validate: this.#validation.validate,
      refused: this.#effects.refuse,
      failed: (error) => {
        this.say('The simulation did not run: see the message above.');
        this.#validation.failed(error);
      },
      say: this.say,
      progress: this.$<HTMLProgressElement>('#progress'),
      workers: this.workers,
      simulate: this.simulate,
    });
    this.#panel = new Panel(this.store, this.doc, {
      schedule: this.#schedule,
      validate: this.#validation.validate,
      useReading: this.useReading,
    });
    void options.charts.then((loaded) => {
      this.#charts = loaded;
      this.redraw();
    });
  }

  readonly #schedule = (delay: number) => this.#pipeline.schedule(delay);

  readonly $ = <T extends HTMLElement = HTMLElement>(selector: string): T => required<T>(this.doc, selector);

  readonly currency = () => this.store.data.extras.currency;

  readonly linkOf = (state: PageState) => linkOf(this.store, state, this.#view.location);

  readonly provenanceOf = (title: string): Provenance | null => {
    const { answer } = this.store.data;
    if (!answer) return null;
    const { runs, seed } = answer.state;
    const date = new Date().toISOString().slice(0, 10);
    return { title, link: this.linkOf(answer.state), runs, seed, result: answer.hash, version, date };
  };

  readonly say = (text: string) => {
    this.$('#status').textContent = text;
  };

  readonly apply = (next: ScenarioInput, from?: HTMLElement) => {
    this.store.replace({ ...this.store.data.state, input: next });
    if (from) this.#effects.expect(from);
    this.#schedule(0);
  };

  readonly useReading = (reading: ReadingChoice, from: HTMLElement) => {
    if (!reading.path) return;
    let input = this.store.data.state.input;
    for (const { path, value } of [{ path: reading.path, value: reading.value }, ...(reading.with ?? [])])
      input = setAtPath(input, path.split('.'), value);
    this.store.replace({ ...this.store.data.state, input });
    // A reading used from its field: the field was drawn again, and its new list of readings says what the change did.
    const inField = from.closest('.field') !== null;
    this.#effects.expect(inField ? (this.#panel.field(reading.path)?.querySelector<HTMLElement>('.alternatives') ?? from) : from);
    this.#schedule(0);
  };

  readonly addDrawStep = (step: DrawStep) => this.#drawing.add(step);

  readonly redraw = () => {
    const { answer } = this.store.data;
    if (answer && this.#charts) this.#drawing.start(answer.result, this.#charts);
  };

  readonly charts = () => this.#charts;

  readonly chartWidth = (box: HTMLElement) => Math.max(280, Math.min(960, box.clientWidth || 720));

  readonly chartOptions = (width: number): ChartOptions => {
    const { pinned, extras } = this.store.data;
    return { compare: pinned?.result ?? null, width, currency: this.currency(), names: { a: extras.nameA, b: extras.nameB } };
  };

  /** Mounts the cells, then what follows the store beside them: the drawing, the address, the settings, the layout. */
  mount(cells: readonly Cell[]): void {
    for (const cell of cells)
      try {
        cell.mount(this);
      } catch (error) {
        // One cell that cannot mount leaves the others (and the answer) working, and says which it was.
        console.error(`The ${cell.name} cell could not be mounted:`, error);
      }
    // A run needs the cores: the drawing of the answer it replaces stops, and starts again for whatever answer is on screen.
    this.store.on('run-start', () => this.#drawing.stop());
    this.store.on(['answer', 'resume', 'pinned', 'look'], this.redraw);
    followAnswer(this.store, this.#view);
    mountSettings(this.store, this.doc, { schedule: this.#schedule, drawFields: () => this.#panel.draw() });
    mountNumberStyle(this.$<HTMLSelectElement>('#number-style'), () => this.store.emit('style'));
    mountLayout(this.doc, this.redraw);
  }

  /** Opens the address's link: the simulation starts first; the panel is drawn while the workers run, one group a task. */
  readonly open = () => {
    openLink(this.store, this.#view.location);
    this.#schedule(0);
    this.#panel.draw(true);
  };
}

/** Mounts the page in `view` (its document holds the page's HTML) with `cells`, and opens its link; returns what the cells are given. */
export function mountPage(view: Window & typeof globalThis, cells: readonly Cell[], options: MountOptions): Page {
  const page = new WiredPage(view, options);
  page.mount(cells);
  view.addEventListener('popstate', page.open);
  // In a task of its own: reading the link checks the scenario, which must not lengthen the task that ran this module.
  setTimeout(page.open, 0);
  return page;
}
