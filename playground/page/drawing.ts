/**
 * The charts and slower cells of an answer, a step a task so the page stays
 * responsive (no task over ~100 ms), in the order the cells added their steps;
 * the run-by-run analyses (drivers, sensitivity, value of information) are
 * computed in a worker while the light steps draw, and the heavy steps wait
 * for them. A newer answer, or a run starting, ends the round under way.
 */
import type { SimulationResult } from 'cx-roi';
import { type Analyses, analysesKnown, firstRuns, packRuns, rememberAnalyses } from '../analyses-cache';
import type { Charts, DrawStep } from './page';
import { KeyedTask } from './keyed-task';
import { callWorker } from '../worker-call';

export class Drawing {
  readonly #steps: DrawStep[] = [];
  readonly #analyses = new KeyedTask<object>();
  /** The analyses asked for, while they are computed: a redraw of the same result (a resize, A pinned) waits for them. */
  #asked: { readonly result: object; readonly answer: Promise<Analyses | null> } | null = null;
  #round = 0;

  add(step: DrawStep): void {
    this.#steps.push(step);
  }

  /** Ends the round under way and its analyses (a run needs the cores). */
  stop(): void {
    this.#round += 1;
    this.#analyses.abort();
    this.#asked = null;
  }

  /** Draws `result` with `charts`, ending any round under way (and its analyses, unless they are this result's). */
  start(result: SimulationResult, charts: Charts): void {
    if (this.#asked?.result === result) this.#round += 1;
    else this.stop();
    const round = this.#round;
    const analyses = analysesKnown(result) ? null : this.#analysesOf(result);
    const steps: (() => void | Promise<void>)[] = [
      ...this.#steps.filter((s) => !s.heavy).map((s) => () => s.run(result, charts)),
      async () => {
        const found = await analyses;
        if (found) rememberAnalyses(result, found);
      },
      ...this.#steps.filter((s) => s.heavy).map((s) => () => s.run(result, charts)),
    ];
    const next = async () => {
      if (round !== this.#round) return; // a newer round draws its own
      const step = steps.shift();
      if (!step) return;
      await step();
      setTimeout(() => void next(), 0);
    };
    setTimeout(() => void next(), 0);
  }

  #analysesOf(result: SimulationResult): Promise<Analyses | null> {
    if (this.#asked?.result === result) return this.#asked.answer;
    const answer = this.#ask(result).finally(() => {
      if (this.#asked?.answer === answer) this.#asked = null;
    });
    this.#asked = { result, answer };
    return answer;
  }

  async #ask(result: SimulationResult): Promise<Analyses | null> {
    if (typeof Worker === 'undefined') return null;
    const { packed, transfer } = packRuns(
      firstRuns({ scenario: result.scenario, seed: result.seed, runCount: result.runCount, runs: result.runs }),
    );
    const outcome = await this.#analyses.run(result, (signal) =>
      callWorker<Analyses>(
        () => new Worker(new URL('../analyses-worker.ts', import.meta.url), { type: 'module' }),
        packed,
        signal,
        transfer,
      ),
    );
    return outcome?.ok ? outcome.value : null;
  }
}
