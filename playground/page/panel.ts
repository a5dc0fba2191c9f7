/**
 * The assumptions panel: every field of the scenario, by group, drawn from
 * the store's input; an edit goes to the store and is simulated after a pause
 * in typing (a committed value at once). The fields themselves are drawn by
 * fields/ (see assumptions-panel.ts).
 */
import { describeAssumptions } from 'cx-roi';
import {
  closedGroups,
  fieldId,
  fieldRows,
  filterFields,
  groups,
  ownTouchpoints,
  refreshSolvedFields,
  renderField,
  renderGroup,
  shownValue,
  touchpoints,
} from '../assumptions-panel';
import { setAtPath } from '../url-state';
import type { ReadingChoice } from './page';
import type { Store } from './store';

const touchpointPrefix = `${touchpoints}.`;
/** The default journey's touchpoint names, which a record of one's own must remove (null) to replace the journey. */
const defaultTouchpointNames = Object.keys(shownValue({}, touchpoints) as Record<string, unknown>);

export interface PanelHooks {
  /** Simulates the state as edited after `delay` ms. */
  schedule(delay: number): void;
  validate(): boolean;
  useReading(reading: ReadingChoice, from: HTMLElement): void;
}

export class Panel {
  readonly #store: Store;
  readonly #doc: Document;
  readonly #box: HTMLElement;
  readonly #hooks: PanelHooks;

  constructor(store: Store, doc: Document, hooks: PanelHooks) {
    this.#store = store;
    this.#doc = doc;
    this.#box = doc.querySelector<HTMLElement>('#fields') as HTMLElement;
    this.#hooks = hooks;
    store.on(['replaced', 'style'], () => this.draw());
    // What the business solves to follows the figures the answer on screen was simulated with.
    store.on('answer', ({ answer }) => {
      if (answer?.result.scenario.business) refreshSolvedFields(this.#box, describeAssumptions(answer.result.scenario));
    });
  }

  get #input() {
    return this.#store.data.state.input;
  }

  /** The input's own record of touchpoints to change (null entries remove defaults), from whatever form it has. */
  #touchpointRecord(): Record<string, unknown> {
    const own = ownTouchpoints(this.#input);
    const record: Record<string, unknown> = Object.create(null);
    if (own === undefined) return record;
    if (own !== null && typeof own === 'object' && !Array.isArray(own) && !('dist' in own)) return Object.assign(record, own);
    // A list or one number replaced the default journey: the same journey as named touchpoints, the defaults removed.
    for (const name of defaultTouchpointNames) record[name] = null;
    if (Array.isArray(own))
      own.forEach((value, i) => {
        record[`touchpoint-${i + 1}`] = value;
      });
    else record['whole-journey'] = own;
    return record;
  }

  /** The input with `value` at `path`; a journey given as a list stays a list. */
  #withField(path: string, value: unknown) {
    const input = this.#input;
    const own = ownTouchpoints(input);
    const at = (touchpointValue: unknown) => setAtPath(input, ['journey', 'touchpointFailure'], touchpointValue);
    if (path === touchpoints) return at(value);
    if (path.startsWith(touchpointPrefix) && Array.isArray(own)) {
      const list = [...own];
      list[Number(path.slice(touchpointPrefix.length))] = value;
      return at(list);
    }
    if (path.startsWith(touchpointPrefix)) {
      const record = this.#touchpointRecord();
      record[path.slice(touchpointPrefix.length)] = value;
      return at({ ...record });
    }
    return setAtPath(input, path.split('.'), value);
  }

  #replaceTouchpoints(value: unknown): void {
    this.#store.replace({ ...this.#store.data.state, input: setAtPath(this.#input, ['journey', 'touchpointFailure'], value) });
    this.#hooks.schedule(0);
  }

  readonly #callbacks = {
    useReading: (reading: ReadingChoice, from: HTMLElement) => this.#hooks.useReading(reading, from),
    change: (path: string, value: unknown, final: boolean, redraw = false) => {
      const state = { ...this.#store.data.state, input: this.#withField(path, value) };
      // Holding the business or not changes which fields are solved: every field is drawn again.
      if (path === 'business') this.#store.replace(state);
      else {
        this.#store.edit(state);
        if (redraw) this.#redrawField(path);
      }
      // A committed value (change, slider let go) runs at once; typing waits for a pause.
      this.#hooks.schedule(final ? 0 : 250);
    },
    removeTouchpoint: (path: string) => {
      const own = ownTouchpoints(this.#input);
      if (Array.isArray(own)) this.#replaceTouchpoints(own.filter((_, i) => i !== Number(path.slice(touchpointPrefix.length))));
      else {
        const record = this.#touchpointRecord();
        // Named touchpoints merge with the defaults: null removes one.
        record[path.slice(touchpointPrefix.length)] = null;
        this.#replaceTouchpoints({ ...record });
      }
      this.#doc.querySelector<HTMLElement>('.add-touchpoint input')?.focus();
    },
    addTouchpoint: (name: string): string | null => {
      const current = shownValue(this.#input, touchpoints);
      const names =
        current !== null && typeof current === 'object' && !('dist' in current) && !Array.isArray(current) ? Object.keys(current) : [];
      // The library's rule for a name, said before it is broken.
      if (!/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(name))
        return 'A touchpoint’s name starts with a letter and has only letters, digits, - or _ (at most 40), e.g. returns or after-sales.';
      if (names.includes(name)) return `There is already a touchpoint called “${name}”: change its rate above, or pick another name.`;
      const record = this.#touchpointRecord();
      record[name] = 0.002;
      this.#replaceTouchpoints({ ...record });
      this.#doc.getElementById(fieldId(`${touchpointPrefix}${name}`))?.focus();
      return null;
    },
  };

  /** Redraws one field in place (its controls changed shape), keeping the focus on the control that changed it. */
  #redrawField(path: string): void {
    const input = this.#input;
    const cell = [...this.#box.querySelectorAll<HTMLElement>('.field')].find((c) => c.dataset.path === path);
    const row = fieldRows(input).find((r) => r.path === path);
    if (!cell || !row) {
      this.draw();
      return;
    }
    const focused = this.#doc.activeElement as HTMLElement | null;
    const focusKey = focused && cell.contains(focused) ? (focused.getAttribute('aria-label') ?? focused.id) : null;
    const fresh = renderField(row, shownValue(input, path), input, this.#doc, this.#callbacks);
    cell.replaceWith(fresh);
    const again =
      focusKey === null
        ? null
        : [...fresh.querySelectorAll<HTMLElement>('select, input, button')].find(
            (e) => (e.getAttribute('aria-label') ?? e.id) === focusKey,
          );
    (again ?? fresh.querySelector<HTMLElement>('select, input'))?.focus();
  }

  /** The field of `path` once drawn, else null. */
  field(path: string): HTMLElement | null {
    return this.#box.querySelector<HTMLElement>(`.field[data-path="${path}"]`);
  }

  /**
   * Draws the panel for the input: at once, or (on load, while the simulation starts in the workers) one group a
   * task, so no single task draws them all.
   */
  draw(oneGroupATask = false): void {
    const box = this.#box;
    const rows = fieldRows(this.#input);
    const closed = closedGroups(box);
    box.replaceChildren();
    const pending = [...groups];
    const drawn = this.#store.data.state;
    const next = (): void => {
      if (this.#store.data.state !== drawn) {
        this.draw(); // changed meanwhile (undo, a link): draw it whole
        return;
      }
      const group = pending.shift();
      if (!group) {
        filterFields(box, this.#doc.querySelector<HTMLInputElement>('#field-search')?.value ?? '');
        this.#hooks.validate();
        return;
      }
      box.append(renderGroup(this.#doc, group, rows, drawn.input, this.#callbacks, closed));
      if (oneGroupATask) setTimeout(next, 0);
      else next();
    };
    if (oneGroupATask) setTimeout(next, 0);
    else next();
  }
}
