/**
 * Act and see: the change a cell made, until its answer is in; then the cell
 * says, where its button was pressed, what the change did (see change-effect.ts).
 */
import type { SimulationResult } from 'cx-roi';
import { type PendingEffect, effectLine, effectWords } from '../change-effect';
import { type Store, settingsKey } from './store';

export class ChangeEffects {
  readonly #store: Store;
  #pending: PendingEffect | null = null;
  /** The answer before the newest one: what a change is compared with. */
  #before: SimulationResult | null;

  constructor(store: Store) {
    this.#store = store;
    this.#before = store.data.answer?.result ?? null;
    store.on('answer', ({ answer }) => {
      if (!answer) return;
      const before = this.#before;
      this.#before = answer.result;
      if (!this.#pending) return;
      // A change overtaken by a later one says nothing.
      const { box, key } = this.#pending;
      this.#pending = null;
      effectLine(box).textContent = key === settingsKey(answer.state) && before ? effectWords(before, answer.result) : '';
    });
  }

  /** A cell has changed the scenario: its line says "simulating" now, and what changed when the answer lands. */
  expect(box: HTMLElement): void {
    if (this.#pending && this.#pending.box !== box) effectLine(this.#pending.box).textContent = '';
    const { state, answer } = this.#store.data;
    const key = settingsKey(state);
    if (answer && settingsKey(answer.state) === key) {
      this.#pending = null;
      effectLine(box).textContent = 'This change left the scenario as it was.';
      return;
    }
    this.#pending = { box, key };
    effectLine(box).textContent = 'Simulating this change…';
  }

  /** The change a cell asked for cannot be simulated: its line says so (the field says why). */
  refuse = (): void => {
    if (!this.#pending) return;
    effectLine(this.#pending.box).textContent =
      'Not simulated: the change leaves a value the model cannot take (see the highlighted field).';
    this.#pending = null;
  };
}
