/**
 * The run pipeline, in one place: a change waits for a pause while typing
 * (a committed value runs at once); a run shows a preview from its first runs,
 * then the full answer; a newer change aborts it; a change that leaves the
 * settings as they were runs nothing. The answer goes to the store; the cells
 * follow it.
 */
import type { SimulationResult, simulateParallel } from 'cx-roi';
import { resultHash } from '../url-state';
import { KeyedTask } from './keyed-task';
import { type Store, settingsKey } from './store';

/** Most runs kept whole for the run-by-run cells (histogram, outcomes, drivers, sensitivity, value of information), and how many they read past it. */
const runsKeptWhole = 20_000;
const runsSampled = 5_000;
/**
 * A first answer, from the first 500 runs, while the rest are simulated: the same runs the full simulation
 * starts with (run i depends only on the seed and i), shown as a preview (its ± is that of 500 runs) and
 * replaced by the full answer. Only when the full simulation has at least four times as many runs.
 */
const previewRuns = 500;

export interface PipelineHooks {
  /** Checks the inputs, showing each problem where it is fixed; true when they can be simulated. */
  validate(): boolean;
  /** The change cannot be simulated (a value the model cannot take). */
  refused(): void;
  /** A run failed: say why where it can be read. */
  failed(error: unknown): void;
  say(text: string): void;
  readonly progress: HTMLProgressElement;
  readonly workers: number;
  readonly simulate: typeof simulateParallel;
}

export class RunPipeline {
  readonly #store: Store;
  readonly #hooks: PipelineHooks;
  readonly #run = new KeyedTask<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The status line of the answer on screen. */
  #answerStatus = '';
  /** Whether the background work of the answer on screen was stopped for a run that has not yet given its answer. */
  #backgroundStopped = false;

  constructor(store: Store, hooks: PipelineHooks) {
    this.#store = store;
    this.#hooks = hooks;
  }

  #mark(): void {
    this.#store.update({ pending: this.#timer !== undefined, running: this.#run.busy }, 'marks');
  }

  /** Simulates the state as edited after `delay` ms (a committed value: 0), unless nothing changed or it cannot be. */
  schedule(delay = 200): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#hooks.validate()) {
      this.#hooks.refused();
      this.giveUp();
      return;
    }
    // Nothing changed (a field left after its value was simulated, a value typed back): the answer on screen, or the
    // one on its way, is already this state's. Simulating it again would put a preview over the numbers for nothing.
    const { state, answer } = this.#store.data;
    const key = settingsKey(state);
    if (this.#run.key === key) {
      this.#mark();
      return;
    }
    if (answer !== null && settingsKey(answer.state) === key) {
      this.#hooks.say(this.#answerStatus);
      this.giveUp();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#simulate();
    }, delay);
    this.#mark();
  }

  /** Gives up the run under way, if any, and its preview: the answer on screen stays, with its background work. */
  giveUp(): void {
    this.#run.abort();
    this.#dropPreview();
    this.#hooks.progress.hidden = true;
    this.#mark();
    this.#resume();
  }

  #dropPreview(): void {
    if (this.#store.data.preview) this.#store.update({ preview: null }, 'preview');
  }

  /** The run that stopped the background work ended without an answer (given up, failed): the answer on screen gets it back. */
  #resume(): void {
    if (!this.#backgroundStopped || this.#run.busy) return;
    this.#backgroundStopped = false;
    if (this.#store.data.answer) this.#store.emit('resume');
  }

  async #simulate(): Promise<void> {
    const { progress, workers, simulate } = this.#hooks;
    const settings = this.#store.data.state;
    const key = settingsKey(settings);
    const started = performance.now();
    // A new answer is on its way: the background work on the one it replaces stops, so the simulation has the cores.
    this.#backgroundStopped = true;
    this.#store.emit('run-start');
    progress.max = settings.runs;
    progress.value = 0;
    progress.hidden = settings.runs < 5000;
    this.#hooks.say(`Simulating ${settings.runs.toLocaleString('en-US')} runs…`);
    const running = this.#run.run(key, async (signal) => {
      // Up to 20,000 runs every run is kept for the run-by-run cells; past that, keeping them all would block the
      // page, so those cells read the first 5,000, which are exactly the runs a 5,000-run simulation with the same
      // seed gives (run i depends only on the seed and i). Bands and horizon figures always use every run.
      const keepAll = settings.runs <= runsKeptWhole;
      // The preview is the first runs of the whole, which the whole then reuses rather than simulating twice; its runs
      // are kept, so it has every card the full answer has (the outcomes read them).
      const preview =
        settings.runs >= 4 * previewRuns
          ? {
              runs: previewRuns,
              keepRuns: true,
              onPreview: (result: SimulationResult) => {
                if (!signal.aborted) this.#showPreview(result, settings.runs);
              },
            }
          : undefined;
      const options = { seed: settings.seed, workers, signal };
      const whole = await simulate(settings.input, {
        ...options,
        runs: settings.runs,
        keepRuns: keepAll,
        onProgress: (done) => (progress.value = done),
        preview,
      });
      if (keepAll) return whole;
      const sampled = await simulate(settings.input, { ...options, runs: runsSampled, keepRuns: true });
      return { ...whole, runs: sampled.runs };
    });
    this.#mark();
    const outcome = await running;
    if (outcome === null) return; // given up, or overtaken by a newer run
    progress.hidden = true;
    if (outcome.ok) {
      const ms = performance.now() - started;
      this.#answerStatus = `${settings.runs.toLocaleString('en-US')} runs in ${(ms / 1000).toFixed(2)} s on ${workers} worker${workers > 1 ? 's' : ''}.`;
      progress.ownerDocument.body.dataset.updateMs = String(Math.round(ms));
      this.#backgroundStopped = false;
      this.#store.settle({ result: outcome.value, state: settings, hash: resultHash(outcome.value) });
      this.#hooks.say(this.#answerStatus);
    } else {
      this.#hooks.refused();
      this.#dropPreview();
      // Whatever failed is said where it can be read; the page never stays on "Simulating…".
      this.#hooks.failed(outcome.error);
      this.#resume();
    }
    this.#mark();
  }

  #showPreview(result: SimulationResult, of: number): void {
    this.#store.update({ preview: { result, of } }, 'preview', 'marks');
    this.#hooks.say(
      `Preview from the first ${result.runCount.toLocaleString('en-US')} of ${of.toLocaleString('en-US')} runs; the full answer follows…`,
    );
  }
}
