/**
 * The cx-roi playground: a notebook of cells over the library's public API.
 * State lives in the URL; simulations run in Web Workers; a change cancels
 * the run it makes stale; the last good result stays on screen.
 */
import {
  type BreakEven,
  type BreakEvenMetric,
  type BreakEvenTarget,
  type Comparison,
  ScenarioError,
  type ScenarioInput,
  type Sensitivity,
  type SimulationResult,
  describeAssumptions,
  impliedKpis,
  parseScenario,
  runsCsv,
  seriesCsv,
  simulateParallel,
} from 'cx-roi';
import { type ChartId, assumptionLabel, breakEvenChart, charts, sensitivityOverYears, swingsChart, valueOfInformationOf } from './charts';
import { breakEvenWords, formatAssumption, inWorker, money, pairedRows, pairedWords, sensitivityRows, sensitivityWords, signedMoney, voiWords } from './decisions';
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
/** The pinned result A, and the input it was simulated from (the paired comparison simulates it again). */
let pinned: { result: SimulationResult; hash: string; input: ScenarioInput } | null = null;
/** The paired comparison of A and the current B, by what it was asked. */
let paired: { key: string; comparison: Comparison | null; error: string | null } | null = null;
let comparing: AbortController | null = null;
/** The last break-even answer, the settings it was searched with, and the varied assumption's unit. */
let found: { key: string; answer: BreakEven; unit: string } | null = null;
let searching: AbortController | null = null;
/** The swings of the published figures, for the result (by hash) they were computed from. */
let swings: { hash: string; value: Sensitivity } | null = null;
let swinging: { controller: AbortController; hash: string } | null = null;
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
    afterResult();
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
    box.replaceChildren(chart(result, { compare: pinned?.result ?? null, width: chartWidth(box) }));
  }
  renderComparison();
  renderSensitivity(result);
  renderValueOfInformation(result);
  drawBreakEven();
  drawSwings();
}

function chartWidth(box: HTMLElement): number {
  return Math.max(280, Math.min(900, box.clientWidth || 720));
}

/** What a new result starts or makes stale in the decision cells (not on a mere redraw). */
function afterResult(): void {
  void comparePaired();
  refreshBreakEvenForm();
  if (swinging && swinging.hash !== lastGood?.hash) {
    swinging.controller.abort();
    swinging = null;
  }
  if (swings && swings.hash !== lastGood?.hash) {
    swings = null;
    $('#swing-status').textContent = 'The result changed: press the button again to swing its figures.';
    drawSwings();
  }
}

const settingsKey = (s: PageState) => JSON.stringify([s.input, s.runs, s.seed]);
const isAbort = (error: unknown) => (error as Error)?.name === 'AbortError';

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
  } else box.replaceChildren(table(['', `A (pinned, ${pinned.hash})`, `B (current, ${lastGood.hash})`], comparison(pinned.result, lastGood.result)));
  drawPaired();
}

/** Simulates the pinned A and the current B again, paired run by run, in the background (once per pair of inputs and options). */
async function comparePaired(): Promise<void> {
  if (!pinned || !lastGood) {
    comparing?.abort();
    paired = null;
    return;
  }
  const settings = lastGood.state;
  const input = pinned.input;
  const key = JSON.stringify([input, settings.input, settings.runs, settings.seed]);
  if (paired?.key === key) return;
  comparing?.abort();
  const controller = new AbortController();
  comparing = controller;
  paired = { key, comparison: null, error: null };
  drawPaired();
  try {
    const comparison = await inWorker({ kind: 'compare', scenarios: { A: input, B: settings.input }, options: { runs: settings.runs, seed: settings.seed } }, controller.signal);
    paired = { key, comparison, error: null };
  } catch (error) {
    if (isAbort(error)) return;
    paired = { key, comparison: null, error: (error as Error).message };
  } finally {
    if (comparing === controller) comparing = null;
  }
  drawPaired();
}

function drawPaired(): void {
  const section = $('#paired');
  const box = $('#compare-paired');
  section.hidden = !pinned;
  if (!pinned || !paired || !lastGood) return;
  const status = $('#paired-status');
  const words = $('#paired-words');
  const { comparison, error } = paired;
  box.dataset.state = comparison ? 'done' : error ? 'failed' : 'running';
  if (!comparison) {
    const { runs, seed } = lastGood.state;
    status.textContent = error ? `The paired comparison failed: ${error}` : `Simulating A and B again, ${runs.toLocaleString('en-US')} runs each with seed ${seed}, run by run…`;
    words.textContent = '';
    box.replaceChildren();
    delete box.dataset.npvMedian;
    return;
  }
  const pair = comparison.pairs[0];
  if (!pair) return;
  status.textContent = `A and B simulated again with seed ${String(comparison.seed)}, ${comparison.runCount.toLocaleString('en-US')} runs each, and compared run by run.`;
  words.textContent = pairedWords(pair, comparison.runCount);
  box.dataset.npvMedian = String(pair.npv.p50);
  box.replaceChildren(table(['', 'B − A'], pairedRows(pair), 'numbers'));
}

/** The sensitivity cell: the table for the chosen month, the chart's words, the method. */
function renderSensitivity(result: SimulationResult): void {
  const s = sensitivityOverYears(result);
  const select = $<HTMLSelectElement>('#sensitivity-month');
  const months = s.months.map((m) => m.month);
  const previous = Number(select.value);
  if (select.dataset.months !== months.join(',')) {
    select.dataset.months = months.join(',');
    select.replaceChildren(
      ...months.map((m) => {
        const option = document.createElement('option');
        option.value = String(m);
        option.textContent = m % 12 === 0 ? `year ${m / 12} (month ${m})` : `month ${m}`;
        return option;
      }),
    );
  }
  select.value = String(months.includes(previous) ? previous : months[months.length - 1]);
  drawSensitivityTable(s);
  $('#sensitivity-words').textContent = sensitivityWords(s);
  $('#sensitivity-method').textContent = `Variance shares: ${s.method}.`;
}

function drawSensitivityTable(s: Sensitivity): void {
  const month = Number($<HTMLSelectElement>('#sensitivity-month').value);
  const at = s.months.find((m) => m.month === month) ?? s.months[s.months.length - 1];
  const box = $('#sensitivity-table');
  if (!at || at.drivers.length === 0) {
    box.textContent = 'No assumption varies between runs: make one uncertain to rank it.';
    return;
  }
  const element = table(['Assumption', 'Spearman ρ', 'Variance share', 'Swing of median NPV'], sensitivityRows(at), 'numbers');
  const caption = element.createCaption();
  caption.textContent = `Month ${at.month}: median cumulative NPV ${money(at.median)}; the shares add up to ${Math.round(100 * at.firstOrderSum)}%.`;
  box.replaceChildren(element);
}

/** The value-of-information cell's words (its chart is drawn with the others). */
function renderValueOfInformation(result: SimulationResult): void {
  const voi = valueOfInformationOf(result);
  const words = voiWords(voi);
  $('#voi-words').replaceChildren(
    ...[words.decision, words.evpi, words.partial].map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
  $('#voi-text').textContent = `EVPPI by assumption, the largest first: ${voi.partial.map((p) => `${assumptionLabel(p.path)} ${money(p.evppi)}`).join('; ')}. EVPI ${money(voi.evpi)}.`;
  $('#voi-method').textContent = `Method: ${voi.method}.`;
}

// ——— Break-even ———

const beVary = $<HTMLSelectElement>('#be-vary');
const beMetric = $<HTMLSelectElement>('#be-metric');
const beMonth = $<HTMLInputElement>('#be-month');
const beValue = $<HTMLInputElement>('#be-value');
let unitsByPath = new Map<string, string>();

/** The assumptions the current scenario can vary, and the month's range. */
function refreshBreakEvenForm(): void {
  if (!lastGood) return;
  const rows = describeAssumptions(lastGood.state.input).filter((r) => r.uncertain);
  unitsByPath = new Map(rows.map((r) => [r.path, r.unit]));
  const paths = rows.map((r) => r.path);
  if (beVary.dataset.paths !== paths.join(',')) {
    const previous = beVary.value || 'investment.failureReduction';
    beVary.dataset.paths = paths.join(',');
    beVary.replaceChildren(
      ...rows.map((r) => {
        const option = document.createElement('option');
        option.value = r.path;
        const label = assumptionLabel(r.path);
        option.textContent = label === r.path ? r.path : `${label} (${r.path})`;
        return option;
      }),
    );
    beVary.value = paths.includes(previous) ? previous : (paths[0] ?? '');
  }
  const horizon = lastGood.result.scenario.horizonMonths;
  beMonth.max = String(horizon);
  if (Number(beMonth.value) > horizon) beMonth.value = String(horizon);
  drawBreakEven();
}

const metricDefaults: Record<BreakEvenMetric, { value: string; unit: string }> = {
  probabilityPaidBackBy: { value: '80', unit: '%' },
  probabilityPositiveRoi: { value: '80', unit: '%' },
  roiMedian: { value: '100', unit: '% ROI' },
  npvMedian: { value: '0', unit: 'currency' },
};

function showMetricFields(resetValue: boolean): void {
  const metric = beMetric.value as BreakEvenMetric;
  $('#be-month-field').hidden = metric !== 'probabilityPaidBackBy';
  $('#be-unit').textContent = metricDefaults[metric].unit;
  if (resetValue) beValue.value = metricDefaults[metric].value;
}

/** The target the form asks for, or the problem with it. */
function breakEvenTarget(): BreakEvenTarget | string {
  const metric = beMetric.value as BreakEvenMetric;
  const value = Number(beValue.value);
  if (beValue.value.trim() === '' || !Number.isFinite(value)) return 'Give the target as a number.';
  if (metric === 'probabilityPaidBackBy' || metric === 'probabilityPositiveRoi') {
    if (!(value > 0 && value <= 100)) return 'A chance must be above 0% and at most 100%.';
    if (metric === 'probabilityPositiveRoi') return { metric, value: value / 100 };
    const month = Number(beMonth.value);
    const horizon = lastGood?.result.scenario.horizonMonths ?? 60;
    if (!(Number.isInteger(month) && month >= 1 && month <= horizon)) return `The month must be a whole number from 1 to the horizon, ${horizon}.`;
    return { metric, month, value: value / 100 };
  }
  return { metric, value: metric === 'roiMedian' ? value / 100 : value };
}

async function findBreakEven(): Promise<void> {
  if (!lastGood) return;
  const error = $('#be-error');
  const status = $('#be-status');
  const target = breakEvenTarget();
  error.textContent = typeof target === 'string' ? target : '';
  if (typeof target === 'string') return;
  const settings = lastGood.state;
  const vary = beVary.value;
  const unit = unitsByPath.get(vary) ?? '';
  const runs = Math.min(settings.runs, 2000);
  searching?.abort();
  const controller = new AbortController();
  searching = controller;
  const started = performance.now();
  const say = () => {
    status.textContent = `Searching… at most 20 simulations of ${runs.toLocaleString('en-US')} runs each, in the background (${Math.round((performance.now() - started) / 1000)} s).`;
  };
  say();
  const ticker = setInterval(say, 1000);
  try {
    const answer = await inWorker({ kind: 'breakEven', input: settings.input, options: { vary, target, runs, seed: settings.seed } }, controller.signal);
    found = { key: settingsKey(settings), answer, unit };
    status.textContent = `Searched in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
    drawBreakEven();
  } catch (problem) {
    if (isAbort(problem)) return;
    status.textContent = '';
    error.textContent = (problem as Error).message;
  } finally {
    clearInterval(ticker);
    if (searching === controller) searching = null;
  }
}

function drawBreakEven(): void {
  const answer = $('#be-answer');
  const box = $('#chart-break-even');
  if (!found) {
    answer.textContent = '';
    box.replaceChildren();
    return;
  }
  const { answer: b, unit } = found;
  const stale = lastGood !== null && settingsKey(lastGood.state) !== found.key;
  answer.textContent = breakEvenWords(b, unit);
  answer.dataset.status = b.status;
  if (stale) {
    const note = document.createElement('span');
    note.className = 'stale';
    note.textContent = ' This answer is for the scenario as it was when you pressed Find; press it again for the current one.';
    answer.append(note);
  }
  box.replaceChildren(breakEvenChart(b, { width: chartWidth(box), xLabel: `${assumptionLabel(b.vary)} (${unit})`, format: (x) => formatAssumption(unit, x) }));
}

// ——— Swings of the published figures ———

async function swingFigures(): Promise<void> {
  if (!lastGood) return;
  const { result, hash } = lastGood;
  const status = $('#swing-status');
  swinging?.controller.abort();
  const controller = new AbortController();
  swinging = { controller, hash };
  const runs = Math.min(1000, result.runCount);
  const started = performance.now();
  status.textContent = `Simulating each published figure 20% down and up, ${runs.toLocaleString('en-US')} runs each, in the background…`;
  // The swings simulate anew; the months' part reads the runs, of which the first `runs` are the ones the swings repeat.
  const kept = (result.runs ?? []).slice(0, runs).map((r) => ({ ...r, ...(r.npvByMonth ? { npvByMonth: r.npvByMonth.slice() } : {}) }));
  try {
    const value = await inWorker(
      {
        kind: 'swings',
        result: { scenario: result.scenario, seed: result.seed, runCount: kept.length, runs: kept },
        options: { at: [result.scenario.horizonMonths], swings: { runs } },
      },
      controller.signal,
    );
    swings = { hash, value };
    status.textContent = `${value.fixedFigures?.figures.length ?? 0} figures swung in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
    drawSwings();
  } catch (problem) {
    if (isAbort(problem)) return;
    status.textContent = `The swings failed: ${(problem as Error).message}`;
  } finally {
    if (swinging?.controller === controller) swinging = null;
  }
}

function drawSwings(): void {
  const box = $('#chart-swings');
  const words = $('#swings-words');
  if (!swings?.value.fixedFigures) {
    box.replaceChildren();
    words.textContent = '';
    return;
  }
  const figures = swings.value.fixedFigures.figures;
  box.replaceChildren(figures.length > 0 ? swingsChart(swings.value, { width: chartWidth(box) }) : document.createTextNode('This scenario has no fixed published figure to swing.'));
  words.textContent = `Swing of the median NPV at the horizon, each figure 20% down to 20% up, the largest first: ${figures
    .map((f) => `${f.path} (${f.value}): ${signedMoney(f.atMonths[f.atMonths.length - 1]?.swing ?? 0)}`)
    .join('; ')}.`;
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
  pinned = { result: lastGood.result, hash: lastGood.hash, input: lastGood.state.input };
  paired = null;
  render();
  void comparePaired();
});
$('#clear-pin').addEventListener('click', () => {
  pinned = null;
  comparing?.abort();
  paired = null;
  render();
});
$('#sensitivity-month').addEventListener('change', () => lastGood && drawSensitivityTable(sensitivityOverYears(lastGood.result)));
beMetric.addEventListener('change', () => showMetricFields(true));
$('#break-even-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void findBreakEven();
});
$('#swing-figures').addEventListener('click', () => void swingFigures());
showMetricFields(false);
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
