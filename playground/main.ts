/**
 * The cx-roi playground: a notebook of cells over the library's public API.
 * The page's state lives in one store (page/store.ts) and in the URL; an edit
 * goes to the store, the run pipeline simulates it in Web Workers (a change
 * cancels the run it makes stale; the last good answer stays on screen), and
 * every cell (cells/) follows the store. This file only wires them together.
 */
import { version } from 'cx-roi';
import { cells } from './cells/index';
import { mountNumberStyle } from './number-style-setting';
import { Drawing } from './page/drawing';
import { ChangeEffects } from './page/effects';
import { mountLayout } from './page/layout';
import { followAnswer, linkOf, openLink } from './page/link';
import type { Charts, Page, ReadingChoice } from './page/page';
import { Panel } from './page/panel';
import { RunPipeline } from './page/run-pipeline';
import { mountSettings } from './page/settings';
import { Store } from './page/store';
import { Validation } from './page/validation';
import { decodeState, setAtPath } from './url-state';

// The charts (Observable Plot and d3) load beside the first simulation, not before it: the answer's numbers need none of them.
const chartsModule = import('./charts');

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
};

const initial = decodeState(location.search, location.hash);
const store = new Store({ state: initial.state, extras: initial.extras, kept: initial.kept, linkedInput: initial.state.input });
const workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
const say = (text: string) => {
  $('#status').textContent = text;
};

const validation = new Validation(store, document);
const effects = new ChangeEffects(store);
const pipeline = new RunPipeline(store, {
  validate: validation.validate,
  refused: effects.refuse,
  failed(error) {
    say('The simulation did not run: see the message above.');
    validation.failed(error);
  },
  say,
  progress: $<HTMLProgressElement>('#progress'),
  workers,
});
const schedule = (delay: number) => pipeline.schedule(delay);

/** Puts a reading in the assumptions (and the fields it only makes sense with), and simulates; `from` says what it did. */
function useReading(reading: ReadingChoice, from: HTMLElement): void {
  if (!reading.path) return;
  let input = store.data.state.input;
  for (const { path, value } of [{ path: reading.path, value: reading.value }, ...(reading.with ?? [])])
    input = setAtPath(input, path.split('.'), value);
  store.replace({ ...store.data.state, input });
  // A reading used from its field: the field was drawn again, and its new list of readings says what the change did.
  const inField = from.closest('.field') !== null;
  effects.expect(inField ? (panel.field(reading.path)?.querySelector<HTMLElement>('.alternatives') ?? from) : from);
  schedule(0);
}

const panel = new Panel(store, document, { schedule, validate: validation.validate, useReading });

const drawing = new Drawing();
let charts: Charts | null = null;
function redraw(): void {
  const { answer } = store.data;
  if (answer && charts) drawing.start(answer.result, charts);
}
void chartsModule.then((loaded) => {
  charts = loaded;
  redraw();
});

const page: Page = {
  store,
  doc: document,
  $,
  currency: () => store.data.extras.currency,
  workers,
  linkOf: (state) => linkOf(store, state, location),
  provenanceOf(title) {
    const { answer } = store.data;
    if (!answer) return null;
    const { runs, seed } = answer.state;
    const date = new Date().toISOString().slice(0, 10);
    return { title, link: linkOf(store, answer.state, location), runs, seed, result: answer.hash, version, date };
  },
  say,
  apply(next, from) {
    store.replace({ ...store.data.state, input: next });
    if (from) effects.expect(from);
    schedule(0);
  },
  useReading,
  draw: (step) => drawing.add(step),
  redraw,
  charts: () => charts,
  chartWidth: (box) => Math.max(280, Math.min(960, box.clientWidth || 720)),
};

for (const cell of cells) cell.mount(page);
// A run needs the cores: the drawing of the answer it replaces stops, and starts again for whatever answer is on screen.
store.on('run-start', () => drawing.stop());
store.on(['answer', 'resume', 'pinned', 'look'], redraw);
followAnswer(store, window);
mountSettings(store, document, { schedule, drawFields: () => panel.draw() });
mountNumberStyle($<HTMLSelectElement>('#number-style'), () => panel.draw());
mountLayout(document, redraw);

function loadFromUrl(): void {
  openLink(store, location);
  // The simulation starts first; the panel is drawn while the workers run, one group a task.
  schedule(0);
  panel.draw(true);
}
window.addEventListener('popstate', loadFromUrl);
// In a task of its own: reading the link checks the scenario, which must not lengthen the task that ran this module.
setTimeout(loadFromUrl, 0);
