/**
 * The cx-roi playground: a notebook of cells over the library's public API.
 * State lives in the URL; simulations run in Web Workers; a change cancels
 * the run it makes stale; the last good result stays on screen.
 */
import { ScenarioError, type SimulationResult, impliedKpis, parseScenario, runsCsv, seriesCsv, simulateParallel } from 'cx-roi';
import { type ChartId, charts } from './charts';
import { chartPng, chartSvg, download } from './export';
import { ownTouchpoints, renderFields, showIssues, valueAt } from './fields';
import { comparison, headline, kpiRows } from './headline';
import { type PageState, decodeState, encodeState, resultHash, setAtPath } from './url-state';

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
};

const fieldsBox = $('#fields');
const runsInput = $<HTMLInputElement>('#runs');
const seedInput = $<HTMLInputElement>('#seed');
const progress = $<HTMLProgressElement>('#progress');
const status = $('#status');
const banner = $('#banner');
const workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));

let state: PageState = decodeState(location.hash).state;
let lastGood: { result: SimulationResult; state: PageState; hash: string } | null = null;
let pinned: { result: SimulationResult; hash: string } | null = null;
let running: AbortController | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function showBanner(messages: readonly string[]): void {
  banner.hidden = messages.length === 0;
  banner.textContent = messages.join(' · ');
}

/** Checks the page's scenario and options, showing each problem next to its field; true when all is well. */
function validate(): boolean {
  const issues: { path: string; message: string; value: unknown }[] = [];
  try {
    parseScenario(state.input);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    issues.push(...error.issues);
  }
  if (!(Number.isInteger(state.runs) && state.runs >= 100 && state.runs <= 100_000))
    issues.push({ path: 'options.runs', value: state.runs, message: 'runs must be a whole number from 100 to 100,000' });
  const unmatched = showIssues(fieldsBox, issues);
  const runsError = $('#runs-error');
  runsError.textContent = unmatched.filter((i) => i.path.startsWith('options.')).map((i) => i.message).join('; ');
  runsInput.setAttribute('aria-invalid', String(runsError.textContent !== ''));
  const others = unmatched.filter((i) => !i.path.startsWith('options.')).map((i) => `${i.path || 'scenario'}: ${i.message}`);
  showBanner(others);
  if (issues.length > 0) status.textContent = 'Fix the highlighted fields to simulate; the last good result stays on screen.';
  return issues.length === 0;
}

function schedule(delay = 200): void {
  clearTimeout(timer);
  if (!validate()) {
    running?.abort();
    return;
  }
  history.replaceState(null, '', encodeState(state));
  timer = setTimeout(run, delay);
}

async function run(): Promise<void> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const started = performance.now();
  const settings = state;
  progress.max = settings.runs;
  progress.value = 0;
  progress.hidden = false;
  status.textContent = `Simulating ${settings.runs.toLocaleString('en-US')} runs…`;
  document.body.classList.add('busy');
  try {
    const result = await simulateParallel(settings.input, {
      runs: settings.runs,
      seed: settings.seed,
      keepRuns: true,
      workers,
      signal: controller.signal,
      onProgress: (done) => (progress.value = done),
    });
    const seconds = (performance.now() - started) / 1000;
    lastGood = { result, state: settings, hash: resultHash(result) };
    render();
    status.textContent = `${settings.runs.toLocaleString('en-US')} runs in ${seconds.toFixed(2)} s on ${workers} worker${workers > 1 ? 's' : ''}.`;
    document.body.dataset.updateMs = String(Math.round(seconds * 1000));
  } catch (error) {
    if ((error as Error).name === 'AbortError') return;
    if (error instanceof ScenarioError) showIssues(fieldsBox, error.issues);
    else showBanner([`The simulation failed: ${(error as Error).message}`]);
  } finally {
    if (running === controller) {
      running = null;
      progress.hidden = true;
      document.body.classList.remove('busy');
    }
  }
}

function render(): void {
  if (!lastGood) return;
  const { result, hash } = lastGood;
  const cards = $('#headline');
  cards.replaceChildren(
    ...headline(result).map((h) => {
      const card = document.createElement('div');
      card.className = 'card';
      card.dataset.figure = h.id;
      card.innerHTML = '<div class="card-label"></div><div class="card-value"></div><p class="card-words"></p>';
      (card.querySelector('.card-label') as HTMLElement).textContent = h.label;
      (card.querySelector('.card-value') as HTMLElement).textContent = h.value;
      (card.querySelector('.card-words') as HTMLElement).textContent = h.words;
      return card;
    }),
  );
  renderBusiness(result);
  renderNpsHint(result);
  $('#result-hash').textContent = hash;
  document.body.dataset.resultHash = hash;
  document.body.dataset.medianRoi = String(result.horizon.roi.p50);
  for (const [id, chart] of Object.entries(charts) as [ChartId, (typeof charts)[ChartId]][]) {
    const box = $(`#chart-${id}`);
    const width = Math.max(320, Math.min(900, box.clientWidth || 720));
    box.replaceChildren(chart(result, { compare: pinned?.result ?? null, width }));
  }
  renderComparison();
}

/** The NPS cell's words, from the scenario's own figures. */
function renderNpsHint(result: SimulationResult): void {
  const w = result.scenario.wordOfMouth;
  const pct = (x: (typeof w)['recommendAfterBad']) => (typeof x === 'number' ? `${Math.round(100 * x)}%` : 'an uncertain share');
  const p = { recommendAfterExcellent: w.recommendAfterExcellent, recommendAfterBad: w.recommendAfterBad, detractorAfterOrdinary: w.detractorAfterOrdinary };
  const last = result.series[result.series.length - 1];
  $('#nps-hint').textContent =
    `A survey of each month's customers: promoters are ${pct(p.recommendAfterExcellent)} of those with an excellent experience and ${pct(p.recommendAfterBad)} of those with a bad one (Temkin: 90% and 18%); ` +
    `detractors are the other bad ones and ${pct(p.detractorAfterOrdinary)} of the ordinary good ones (an illustrative assumption). Median and 5–95% band over the runs.` +
    (last ? ` In month ${last.month}: ${last.nps.baseline.score.p50.toFixed(1)} without the programme, ${last.nps.invested.score.p50.toFixed(1)} with it (medians).` : '');
}

/** A table with a header row and rows whose first cell labels the row. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], className = ''): HTMLTableElement {
  const element = document.createElement('table');
  if (className) element.className = className;
  const head = document.createElement('tr');
  for (const text of headers) {
    const th = document.createElement('th');
    th.textContent = text;
    head.append(th);
  }
  element.createTHead().append(head);
  const body = element.createTBody();
  for (const cells of rows) {
    const tr = document.createElement('tr');
    for (const [i, text] of cells.entries()) {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      cell.textContent = text;
      tr.append(cell);
    }
    body.append(tr);
  }
  return element;
}

/** The business the simulated scenario implies, and any warnings about it. */
function renderBusiness(result: SimulationResult): void {
  $('#kpis').replaceChildren(table(['', 'Without the programme', 'With it, at full effect'], kpiRows(impliedKpis(result.scenario)), 'kpis'));
  $('#warnings').replaceChildren(
    ...result.warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = `${w.message} (${w.field})`;
      return li;
    }),
  );
}

function renderComparison(): void {
  const box = $('#compare-table');
  $('#clear-pin').hidden = !pinned;
  if (!pinned || !lastGood) {
    box.textContent = 'Pin the current result as A, change an assumption, and B is drawn over A in the charts above.';
    return;
  }
  box.replaceChildren(table(['', `A (pinned, ${pinned.hash})`, `B (current, ${lastGood.hash})`], comparison(pinned.result, lastGood.result)));
}

const touchpointPrefix = 'journey.touchpointFailure.';

/** The input's own record of touchpoints to change: its own entries (null ones remove defaults), or a new record. */
function touchpointRecord(): Record<string, unknown> {
  const own = ownTouchpoints(state.input);
  if (own !== null && typeof own === 'object' && !Array.isArray(own) && !('dist' in own)) return { ...(own as Record<string, unknown>) };
  // A number or a list replaced the journey: start from what the page shows.
  return own === undefined ? {} : { ...(valueAt(state.input, 'journey.touchpointFailure') as Record<string, unknown>) };
}

function setField(path: string, value: unknown): void {
  if (path.startsWith(touchpointPrefix)) {
    const record = touchpointRecord();
    record[path.slice(touchpointPrefix.length)] = value;
    state = { ...state, input: setAtPath(state.input, ['journey', 'touchpointFailure'], record) };
  } else state = { ...state, input: setAtPath(state.input, path.split('.'), value) };
}

function shape(value: unknown): string {
  return value !== null && typeof value === 'object' && 'dist' in value ? `dist:${String((value as { dist: unknown }).dist)}` : 'number';
}

function drawFields(): void {
  renderFields(fieldsBox, state.input, {
    change(path, value, final) {
      const before = shape(valueAt(state.input, path));
      setField(path, value);
      // A field that turns from a number into a distribution (or changes kind) needs new controls.
      if (shape(value) !== before) drawFields();
      schedule(final ? 50 : 250);
    },
    removeTouchpoint(name) {
      const record = touchpointRecord();
      // Named touchpoints merge with the defaults: null removes one.
      record[name] = null;
      state = { ...state, input: setAtPath(state.input, ['journey', 'touchpointFailure'], record) };
      drawFields();
      schedule(50);
    },
    addTouchpoint(name) {
      setField(`${touchpointPrefix}${name}`, 0.01);
      drawFields();
      schedule(50);
    },
  });
  validate();
}

function loadFromUrl(): void {
  const { state: decoded, problems } = decodeState(location.hash);
  state = decoded;
  runsInput.value = String(state.runs);
  seedInput.value = String(state.seed);
  drawFields();
  if (problems.length > 0) {
    showBanner(problems);
    return;
  }
  schedule(0);
}

runsInput.addEventListener('change', () => {
  state = { ...state, runs: Number(runsInput.value) };
  schedule(50);
});
seedInput.addEventListener('change', () => {
  const text = seedInput.value.trim();
  state = { ...state, seed: /^-?\d+$/.test(text) ? Number(text) : text };
  schedule(50);
});
$('#reset').addEventListener('click', () => {
  state = { ...state, input: {} };
  drawFields();
  schedule(0);
});
$('#pin').addEventListener('click', () => {
  if (!lastGood) return;
  pinned = { result: lastGood.result, hash: lastGood.hash };
  render();
});
$('#clear-pin').addEventListener('click', () => {
  pinned = null;
  render();
});
$('#copy-link').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied: it reproduces this result.';
  } catch {
    status.textContent = `Copy this link: ${location.href}`;
  }
});
$('#export-scenario').addEventListener('click', () => download('cx-roi-scenario.json', 'application/json', `${JSON.stringify(parseScenario(state.input), null, 2)}\n`));
$('#export-bands').addEventListener('click', () => lastGood && download('cx-roi-bands.csv', 'text/csv', seriesCsv(lastGood.result)));
$('#export-runs').addEventListener('click', () => lastGood && download('cx-roi-runs.csv', 'text/csv', runsCsv(lastGood.result)));
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
  button.addEventListener('click', async () => {
    const [id, format] = (button.dataset.export ?? '').split(':');
    const box = $(`#chart-${id}`);
    if (format === 'svg') download(`cx-roi-${id}.svg`, 'image/svg+xml', chartSvg(box));
    else download(`cx-roi-${id}.png`, 'image/png', await chartPng(box));
  });
}
window.addEventListener('hashchange', () => {
  if (location.hash !== encodeState(state)) loadFromUrl();
});
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(render, 150);
});
loadFromUrl();
