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
  type ImpliedKpis,
  type Reading,
  type ReadingOutcome,
  type Robustness,
  ScenarioError,
  type ScenarioInput,
  type ScenarioIssue,
  type Sensitivity,
  type SimulationResult,
  describeAssumptions,
  impliedKpis,
  parseScenario,
  simulateParallel,
  version,
} from 'cx-roi';
import {
  breakEvenWords,
  formatAssumption,
  inWorker,
  pairedRows,
  pairedWords,
  sensitivityRows,
  sensitivityWords,
  voiWords,
} from './decisions';
import { money, percent, signedMoney, signedPercent } from '../src/format/numbers';
import { type Provenance, chartPng, chartSvg, csvWithProvenance, download, exportName } from './export';
import { bandsForPeople, runsForPeople } from './board-csv';
import { renderReport } from './report';
import {
  closedGroups,
  fieldId,
  fieldRows,
  filterFields,
  groups,
  ownTouchpoints,
  plainMessage,
  refreshSolvedFields,
  renderField,
  renderGroup,
  setFieldCurrency,
  showIssues,
  touchpoints,
  shownValue,
  valueWords,
} from './assumptions-panel';
import { comparison, headline, headlineSentence, kpiRows, spreadLine } from './headline';
import { type Analyses, analysesKnown, firstRuns, packRuns, rememberAnalyses } from './analyses-cache';
import { assumptionLabel, assumptionValue } from './labels';
import { markAnswer } from './answer-state';
import { type PendingEffect, effectLine, effectWords } from './change-effect';
import { mountNumberStyle } from './number-style-setting';
import { type KeptLink, type LinkExtras, type PageState, decodeState, encodeState, readSeed, resultHash, setAtPath } from './url-state';

// The programme cells (calibration, maturity, channels, stage gate) change the scenario on request: they load
// after the page's first answer is on its way.
type Programme = typeof import('./programme');
let programme: Programme | null = null;

// The charts (Observable Plot and d3) load beside the first simulation, not before it: the answer's
// numbers need none of them.
const chartsModule = import('./charts');
type Charts = Awaited<typeof chartsModule>;
let chartsLoaded: Charts | null = null;
void chartsModule.then((m) => {
  chartsLoaded = m;
  if (lastGood) scheduleCharts();
});

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
};

const fieldsBox = $('#fields');
const runsInput = $<HTMLInputElement>('#runs');
const seedInput = $<HTMLInputElement>('#seed');
const currencySelect = $<HTMLSelectElement>('#currency');
mountNumberStyle($<HTMLSelectElement>('#number-style'), () => drawFields());
const progress = $<HTMLProgressElement>('#progress');
const status = $('#status');
const banner = $('#banner');
const main = $('#main');
const workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
/** Most runs kept whole for the run-by-run cells (histogram, outcomes, drivers, sensitivity, value of information), and how many they read past it. */
const runsKeptWhole = 20_000;
const runsSampled = 5_000;
/**
 * A first answer, from the first 500 runs, while the rest are simulated: the same runs the full simulation
 * starts with (run i depends only on the seed and i), shown as a preview (its ± is that of 500 runs) and
 * replaced by the full answer. Only when the full simulation has at least four times as many runs.
 */
const previewRuns = 500;

const initial = decodeState(location.search, location.hash);
/** The scenario and options as edited: possibly invalid, possibly not simulated yet. */
let state: PageState = initial.state;
/** The currency, the pinned A's input and the names of A and B: kept in the link. */
let extras: LinkExtras = initial.extras;
/** What the link carried that the page has not used (a scenario it could not read, an A not pinned): the address keeps it as it was. */
let kept: KeptLink = initial.kept;
/** The scenario as the link gave it: once the user changes it, a scenario the link carried but the page could not read is replaced. */
let linkedInput: ScenarioInput = initial.state.input;
/** The result on screen and the state it was simulated from: the link and "Copy link" describe this one. */
let lastGood: { result: SimulationResult; state: PageState; hash: string } | null = null;
/** The pinned result A, and the input it was simulated from (the paired comparison simulates it again). */
let pinned: { result: SimulationResult; hash: string; input: ScenarioInput } | null = null;
/** The link's scenario A being simulated, to pin it; and why it could not be pinned, said in the Compare cell. */
let pinning: AbortController | null = null;
let pinProblem: { words: string; pointer: string } | null = null;
/** The link's scenario A, waiting for runs and a seed the page allows: it is pinned with the first result. */
let waitingA: ScenarioInput | null = null;
/** The paired comparison of A and the current B, by what it was asked. */
let paired: { key: string; comparison: Comparison | null; error: string | null } | null = null;
let comparing: AbortController | null = null;
/** The last break-even answer, the settings it was searched with, and the varied assumption's unit. */
let found: { key: string; answer: BreakEven; unit: string } | null = null;
let searching: AbortController | null = null;
/** The swings of the published figures, for the result (by hash) they were computed from. */
let swings: { hash: string; value: Sensitivity } | null = null;
let swinging: { controller: AbortController; hash: string } | null = null;
/** The decision under each reading, for the result on screen (by its hash), and the check under way. */
let readings: { hash: string; value: Robustness } | null = null;
let checking: { controller: AbortController; hash: string } | null = null;
let running: AbortController | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Whether the inputs as edited are valid; the numbers on screen are dimmed while they are not, or while a run is pending. */
let inputsValid = true;
/** What could not be read from the link that opened the page: said until the user changes something. */
let linkProblems: string[] = [];
/** Undo and redo: the states that were simulated, newest last. */
const undoStack: PageState[] = [];
const redoStack: PageState[] = [];

const settingsKey = (s: PageState) => JSON.stringify([s.input, s.runs, s.seed]);
const isAbort = (error: unknown) => (error as Error)?.name === 'AbortError';
const currency = () => extras.currency;

function showBanner(messages: readonly string[]): void {
  banner.hidden = messages.length === 0;
  banner.textContent = messages.join(' · ');
}

/** Dims what the inputs no longer describe, and says why. */
function markStale(): void {
  const pending = running !== null || timer !== undefined;
  const stale = lastGood !== null && (!inputsValid || pending || settingsKey(lastGood.state) !== settingsKey(state));
  main.classList.toggle('stale-result', stale);
  document.body.classList.toggle('busy', running !== null);
  const preview = document.body.dataset.preview?.split(' of ').map(Number);
  markAnswer(
    document,
    !lastGood && !preview
      ? { kind: 'none' }
      : !inputsValid
        ? { kind: 'invalid' }
        : preview
          ? { kind: 'preview', runs: preview[0] as number, of: preview[1] as number }
          : stale
            ? { kind: 'pending' }
            : { kind: 'current' },
  );
  if (stale && !inputsValid) status.innerHTML = '<span class="stale-note">Not simulated:</span> a field has a value the model cannot take.';
}

/** The seed and runs as the page allows them, or what is wrong, in words. */
function optionIssues(s: PageState): { path: string; message: string; value: unknown }[] {
  const issues: { path: string; message: string; value: unknown }[] = [];
  if (!(Number.isInteger(s.runs) && s.runs >= 100 && s.runs <= 100_000))
    issues.push({ path: 'options.runs', value: s.runs, message: 'Runs: a whole number from 100 to 100,000.' });
  if (typeof s.seed === 'string' && (s.seed.length === 0 || s.seed.length > 200))
    issues.push({
      path: 'options.seed',
      value: s.seed,
      message: `Seed: a whole number, or text of 1 to 200 characters (this one has ${s.seed.length}).`,
    });
  return issues;
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
  issues.push(...optionIssues(state));
  const unmatched = showIssues(fieldsBox, issues);
  const runsError = $('#runs-error');
  const optionProblems = unmatched.filter((i) => i.path.startsWith('options.'));
  runsError.textContent = optionProblems.map((i) => i.message).join(' ');
  // A bad number of runs or seed (from a link) is shown where it can be fixed.
  if (optionProblems.length > 0) $<HTMLDetailsElement>('#advanced').open = true;
  runsInput.setAttribute('aria-invalid', String(optionProblems.some((i) => i.path === 'options.runs')));
  seedInput.setAttribute('aria-invalid', String(optionProblems.some((i) => i.path === 'options.seed')));
  const others = unmatched
    .filter((i) => !i.path.startsWith('options.'))
    .map((i) => `${i.path ? `${assumptionLabel(i.path)}: ` : ''}${plainMessage(i.message)}`);
  // Why A is not pinned is said in the Compare cell, far below: the answer points there.
  showBanner([...linkProblems, ...(pinProblem ? [pinProblem.pointer] : []), ...others]);
  // Nothing simulated yet (a link with a bad value): the answer says why, where it is read.
  if (!lastGood && issues.length > 0)
    $('#headline-sentence').textContent = `No answer yet: ${issues
      .map((i) => `${i.path.startsWith('options.') ? '' : `${assumptionLabel(i.path)}: `}${plainMessage(i.message)}`)
      .join('; ')}. Fix ${issues.length === 1 ? 'it' : 'them'} under Assumptions.`;
  inputsValid = issues.length === 0;
  markStale();
  return inputsValid;
}

function schedule(delay = 200): void {
  clearTimeout(timer);
  timer = undefined;
  if (!validate()) {
    refuseEffect();
    giveUpRun();
    return;
  }
  // Nothing changed (a field left after its value was simulated, a value typed back): the answer on screen, or the
  // one on its way, is already this state's. Simulating it again would put a preview over the numbers for nothing.
  const key = settingsKey(state);
  if (running !== null && runningKey === key) {
    markStale();
    return;
  }
  if (lastGood !== null && settingsKey(lastGood.state) === key) {
    status.textContent = answerStatus;
    giveUpRun();
    return;
  }
  timer = setTimeout(() => {
    timer = undefined;
    void run();
  }, delay);
  markStale();
}

/** Gives up the run under way, if any, and its preview: the answer on screen stays, with its background work. */
function giveUpRun(): void {
  running?.abort();
  running = null;
  dropPreview();
  progress.hidden = true;
  markStale();
  resumeBackgroundWork();
}

/** The settings of the run under way, and the status line of the answer on screen. */
let runningKey = '';
/** The settings undo or redo went to: their answer is not recorded in the history again. */
let travelledTo: string | null = null;
let answerStatus = '';

/**
 * The address of the result on screen: what the link in the address bar and "Copy link" reproduce; with what
 * the link that opened the page carried and the page has not used, word for word (see `KeptLink`).
 */
function linkOf(s: PageState): string {
  return `${location.origin}${location.pathname}${encodeState(s, { ...extras, compare: pinned?.input ?? null }, kept)}`;
}

/**
 * A new answer is on its way: the background work on the one it replaces (the readings, the paired comparison, the
 * run-by-run analyses, the rest of its charts) stops, so the simulation has the cores; it starts again for the new one.
 */
function stopBackgroundWork(): void {
  backgroundStopped = true;
  if (checking) {
    checking.controller.abort();
    checking = null;
  }
  if (comparing) {
    comparing.abort();
    comparing = null;
    if (paired && paired.comparison === null && paired.error === null) paired = null;
  }
  if (analysesWaiting.size > 0) {
    analysesWorker?.terminate();
    analysesWorker = null;
    dropWaitingAnalyses();
  }
  drawing += 1;
}

/** Whether the background work of the answer on screen was stopped for a run that has not yet given its answer. */
let backgroundStopped = false;

/** The run that stopped the background work ended without an answer (given up, failed): the answer on screen gets it back. */
function resumeBackgroundWork(): void {
  if (!backgroundStopped || running !== null) return;
  backgroundStopped = false;
  if (!lastGood) return;
  afterResult();
  scheduleCharts();
}

async function run(): Promise<void> {
  running?.abort();
  stopBackgroundWork();
  const controller = new AbortController();
  running = controller;
  const started = performance.now();
  const settings = state;
  const key = settingsKey(settings);
  runningKey = key;
  progress.max = settings.runs;
  progress.value = 0;
  progress.hidden = settings.runs < 5000;
  status.textContent = `Simulating ${settings.runs.toLocaleString('en-US')} runs…`;
  markStale();
  try {
    // Up to 20,000 runs every run is kept for the run-by-run cells; past that, keeping them all would block the
    // page, so those cells read the first 5,000, which are exactly the runs a 5,000-run simulation with the same
    // seed gives (run i depends only on the seed and i). Bands and horizon figures always use every run.
    const keepAll = settings.runs <= runsKeptWhole;
    // The preview is the first runs of the whole, which the whole then reuses rather than simulating twice; its runs are
    // kept, so it has every card the full answer has (the outcomes read them).
    const preview =
      settings.runs >= 4 * previewRuns
        ? {
            runs: previewRuns,
            keepRuns: true,
            onPreview: (result: SimulationResult) => {
              if (running === controller) showPreview(result, settings.runs);
            },
          }
        : undefined;
    const whole = await simulateParallel(settings.input, {
      runs: settings.runs,
      seed: settings.seed,
      keepRuns: keepAll,
      workers,
      signal: controller.signal,
      onProgress: (done) => (progress.value = done),
      preview,
    });
    const result = keepAll
      ? whole
      : {
          ...whole,
          runs: (
            await simulateParallel(settings.input, {
              runs: runsSampled,
              seed: settings.seed,
              keepRuns: true,
              workers,
              signal: controller.signal,
            })
          ).runs,
        };
    if (running !== controller) return;
    running = null;
    const travelled = travelledTo === key;
    travelledTo = null;
    if (lastGood && !travelled && settingsKey(lastGood.state) !== key) {
      undoStack.push(lastGood.state);
      if (undoStack.length > 100) undoStack.shift();
    }
    const before = lastGood?.result ?? null;
    lastGood = { result, state: settings, hash: resultHash(result) };
    reportEffect(key, before, result);
    // The scenario the link carried but the page could not read stays in the address until the user changes the scenario.
    if (settings.input !== linkedInput) kept = { ...kept, scenario: undefined };
    history.replaceState(null, '', linkOf(settings));
    if (waitingA) {
      const input = waitingA;
      waitingA = null;
      pinProblem = null;
      showPinProblem();
      validate();
      void pinFromLink(input, settings);
    }
    renderAnswer();
    const ms = performance.now() - started;
    answerStatus = `${settings.runs.toLocaleString('en-US')} runs in ${(ms / 1000).toFixed(2)} s on ${workers} worker${workers > 1 ? 's' : ''}.`;
    status.textContent = answerStatus;
    document.body.dataset.updateMs = String(Math.round(ms));
    backgroundStopped = false;
    afterResult();
    scheduleCharts();
  } catch (error) {
    if (isAbort(error)) return;
    running = null;
    refuseEffect();
    dropPreview();
    // Whatever failed is said where it can be read; the page never stays on "Simulating…".
    const issues = error instanceof ScenarioError ? error.issues : [];
    const unmatched = showIssues(fieldsBox, issues);
    const text =
      error instanceof ScenarioError ? unmatched.map((i) => `${i.path}: ${plainMessage(i.message)}`).join(' · ') : (error as Error).message;
    status.textContent = 'The simulation did not run: see the message above.';
    if (text) showBanner([`The simulation failed: ${text}`]);
    inputsValid = issues.length === 0 && inputsValid;
  } finally {
    if (running === controller) running = null;
    if (running === null) progress.hidden = true;
    // Given up or failed with no newer run under way: the answer on screen gets its background work back.
    resumeBackgroundWork();
    updateHistoryButtons();
    markStale();
  }
}

/**
 * A preview of the answer from the first runs, while the others are simulated: the headline, its sentence
 * and the phone's answer bar, marked as a preview. The hash, the link, the charts and the cells below stay
 * those of the last full result (dimmed as stale) until the full answer replaces it.
 */
function showPreview(result: SimulationResult, of: number): void {
  renderHeadline(result);
  main.classList.add('preview-result');
  document.body.dataset.preview = `${result.runCount} of ${of}`;
  document.body.dataset.previewMedianRoi = String(result.horizon.roi.p50);
  status.textContent = `Preview from the first ${result.runCount.toLocaleString('en-US')} of ${of.toLocaleString('en-US')} runs; the full answer follows…`;
  markStale();
}

/** Takes a preview off the page (its run failed or was given up): the last full answer is shown again, dimmed. */
function dropPreview(): void {
  if (document.body.dataset.preview === undefined) return;
  if (lastGood) renderAnswer();
  else {
    main.classList.remove('preview-result');
    delete document.body.dataset.preview;
    delete document.body.dataset.previewMedianRoi;
    for (const id of ['#headline', '#answer-bar-figures']) $(id).replaceChildren();
    $('#headline-spread').textContent = '';
  }
}

/** The headline figures, the sentence, the spread and the phone's answer bar, for a result. */
function renderHeadline(result: SimulationResult): void {
  const figures = headline(result, currency());
  $('#headline').replaceChildren(
    ...figures.map((h) => {
      const card = document.createElement('div');
      card.className = 'card';
      card.dataset.figure = h.id;
      card.innerHTML = '<div class="card-label"></div><div class="card-value"></div><div class="card-sub"></div>';
      (card.querySelector('.card-label') as HTMLElement).textContent = h.label;
      const value = card.querySelector('.card-value') as HTMLElement;
      value.textContent = h.value;
      // A figure ("−€13,034,978") stays on one line and is sized to fit its card (style.css), a "%" counting as one
      // and a half glyphs; words and figures with spaces ("−91% / −98%") may wrap.
      if (!/[\p{L}\s]/u.test(h.value)) {
        value.classList.add('figure-fit');
        const glyphs = [...h.value.replace(/\u2060/g, '')].reduce((n, glyph) => n + (glyph === '%' ? 1.5 : 1), 0);
        value.style.setProperty('--chars', String(glyphs));
      }
      (card.querySelector('.card-sub') as HTMLElement).textContent = h.sub;
      return card;
    }),
  );
  $('#headline-notes-list').replaceChildren(
    ...figures.map((h) => {
      const item = document.createElement('li');
      item.dataset.figure = h.id;
      const name = document.createElement('strong');
      name.textContent = `${h.label}: `;
      item.append(name, h.words);
      return item;
    }),
  );
  $('#headline-sentence').textContent = headlineSentence(result);
  $('#headline-spread').textContent = spreadLine(result);
  $('#answer-bar-figures').replaceChildren(
    ...figures
      .filter((h) => h.short)
      .map((h) => {
        const span = document.createElement('span');
        span.textContent = h.short ?? '';
        return span;
      }),
  );
}

/** The answer: the headline, its sentence, the phone's answer bar and the hash. Fast: no chart. */
function renderAnswer(): void {
  if (!lastGood) return;
  const { result, hash } = lastGood;
  renderHeadline(result);
  main.classList.remove('preview-result');
  delete document.body.dataset.preview;
  delete document.body.dataset.previewMedianRoi;
  $('#result-hash').textContent = hash;
  document.body.dataset.resultHash = hash;
  document.body.dataset.medianRoi = String(result.horizon.roi.p50);
  const kpis = impliedKpis(result.scenario);
  renderBusiness(result, kpis);
  // What the business solves to follows the figures this result was simulated with.
  if (result.scenario.business) refreshSolvedFields(fieldsBox, describeAssumptions(result.scenario));
  $('#business-line').textContent = businessLine(result, lastGood.state.input, kpis);
  if (programme) $('#gate-words').textContent = programme.stageGateWords(result, currency());
  renderComparisonTable();
  markStale();
}

/** Whose business the answer is for: the illustrative default, or the one the inputs describe. */
function businessLine(result: SimulationResult, input: ScenarioInput, kpis: ImpliedKpis): string {
  const k = kpis.baseline;
  const held = result.scenario.business !== null;
  const own = held
    ? Object.hasOwn(input, 'business')
    : ['customers', 'churn', 'spend', 'acquisition'].some((key) => Object.hasOwn(input, key));
  const figures = `${result.scenario.customers.initial.toLocaleString('en-US')} customers, ${(100 * k.annualRetention).toFixed(0)}% kept a year, ${currency()}${k.revenuePerCustomerMonthly.toFixed(0)} a month each`;
  const kept = held ? ', held whatever the CX figures say' : ', not held: changing a CX figure changes the company';
  return own
    ? `For the business the assumptions describe: ${figures}${kept}.`
    : `For an illustrative business (${figures}${kept}), not yours yet: make it yours under “Make it your business”.`;
}

/** The analyses worker: drivers, sensitivity and value of information, computed off the page's thread. */
let analysesWorker: Worker | null = null;
let analysesAsked = 0;
const analysesWaiting = new Map<number, (answer: { ok: boolean; analyses?: Analyses; message?: string }) => void>();
/** Answers every waiting request for analyses with none (a newer result, or the worker ended). */
function dropWaitingAnalyses(): void {
  for (const resolve of analysesWaiting.values()) resolve({ ok: false });
  analysesWaiting.clear();
}

function analysesInWorker(result: SimulationResult): Promise<Analyses | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null);
  if (!analysesWorker) {
    analysesWorker = new Worker(new URL('./analyses-worker.ts', import.meta.url), { type: 'module' });
    analysesWorker.onmessage = (event: MessageEvent<{ id: number; ok: boolean; analyses?: Analyses; message?: string }>) => {
      analysesWaiting.get(event.data.id)?.(event.data);
      analysesWaiting.delete(event.data.id);
    };
  }
  const id = ++analysesAsked;
  // Only the newest result's answer matters: older requests are dropped unanswered.
  dropWaitingAnalyses();
  const { packed, transfer } = packRuns(
    firstRuns({ scenario: result.scenario, seed: result.seed, runCount: result.runCount, runs: result.runs }),
  );
  return new Promise((resolve) => {
    analysesWaiting.set(id, (answer) => resolve(answer.ok && answer.analyses ? answer.analyses : null));
    analysesWorker?.postMessage({ id, result: packed }, transfer);
  });
}

/** The charts and the slower cells, a piece at a time so the page stays responsive (no task over ~100 ms). */
let drawing = 0;
function scheduleCharts(): void {
  const ticket = ++drawing;
  const charts = chartsLoaded;
  if (!lastGood || !charts) return;
  const { result } = lastGood;
  // The run-by-run analyses come from the worker while the other charts draw; a chart that needs them waits.
  const analyses = analysesKnown(result) ? Promise.resolve(null) : analysesInWorker(result);
  const heavy = new Set(['drivers', 'sensitivity', 'voi']);
  const ids = Object.keys(charts.charts) as (keyof Charts['charts'])[];
  const steps: (() => void | Promise<void>)[] = [
    ...ids.filter((id) => !heavy.has(id)).map((id) => () => drawChart(charts, id, result)),
    () => renderNpsHint(result),
    () => drawBreakEven(),
    () => drawSwings(),
    async () => {
      const found = await analyses;
      if (found) rememberAnalyses(result, found);
    },
    ...ids.filter((id) => heavy.has(id)).map((id) => () => drawChart(charts, id, result)),
    () => renderSensitivity(charts, result),
    () => renderValueOfInformation(charts, result),
  ];
  const next = async () => {
    if (ticket !== drawing) return; // a newer result: its own round draws
    const step = steps.shift();
    if (!step) return;
    await step();
    setTimeout(() => void next(), 0);
  };
  setTimeout(() => void next(), 0);
}

function drawChart(charts: Charts, id: keyof Charts['charts'], result: SimulationResult): void {
  const box = $(`#chart-${id}`);
  const options = {
    compare: pinned?.result ?? null,
    width: chartWidth(box),
    currency: currency(),
    names: { a: extras.nameA, b: extras.nameB },
  };
  box.replaceChildren(charts.charts[id](result, options));
  const description = document.getElementById(`desc-${id}`);
  if (description && 'chartDescription' in charts)
    description.textContent = (
      charts as unknown as { chartDescription: (id: string, r: SimulationResult, o: unknown) => string }
    ).chartDescription(id, result, options);
}

function chartWidth(box: HTMLElement): number {
  return Math.max(280, Math.min(960, box.clientWidth || 720));
}

/** The NPS cell's words, from the scenario's own figures. */
function renderNpsHint(result: SimulationResult): void {
  const w = result.scenario.wordOfMouth;
  const pct = (x: (typeof w)['recommendAfterBad']) => (typeof x === 'number' ? `${Math.round(100 * x)}%` : 'an uncertain share');
  const p = {
    recommendAfterExcellent: w.recommendAfterExcellent,
    recommendAfterBad: w.recommendAfterBad,
    detractorAfterOrdinary: w.detractorAfterOrdinary,
  };
  const last = result.series[result.series.length - 1];
  $('#nps-hint').textContent =
    `A survey of each month's customers: promoters are ${pct(p.recommendAfterExcellent)} of those with an excellent experience and ${pct(p.recommendAfterBad)} of those with a bad one (Temkin: 90% and 18%); ` +
    `detractors are the other bad ones and ${pct(p.detractorAfterOrdinary)} of the ordinary good ones (an illustrative assumption). Median and 5–95% band over the runs.` +
    (last
      ? ` In month ${last.month}: ${last.nps.baseline.score.p50.toFixed(1)} without the programme, ${last.nps.invested.score.p50.toFixed(1)} with it (medians).`
      : '');
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
function renderBusiness(result: SimulationResult, kpis: ImpliedKpis): void {
  $('#kpis').replaceChildren(table(['Figure', 'Without the programme', 'With it, at full effect'], kpiRows(kpis, currency()), 'kpis'));
  $('#warnings').replaceChildren(
    ...result.warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = `${assumptionLabel(w.field)}: ${w.message}`;
      return li;
    }),
  );
}

/** The A/B table: A and B by name, and B − A. */
function renderComparisonTable(): void {
  const box = $('#compare-table');
  showPinProblem();
  if (!pinned || !lastGood) {
    box.textContent = 'Pin the current result as A, change an assumption, and B is drawn over A in the charts. The link keeps both.';
  } else
    box.replaceChildren(
      table(
        ['Figure', `A: ${extras.nameA} (${pinned.hash})`, `B: ${extras.nameB} (${lastGood.hash})`, 'B − A'],
        comparison(pinned.result, lastGood.result, currency()),
        'numbers compare',
      ),
    );
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
    const comparison = await inWorker(
      { kind: 'compare', scenarios: { A: input, B: settings.input }, options: { runs: settings.runs, seed: settings.seed } },
      controller.signal,
    );
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
    status.textContent = error
      ? `The paired comparison failed: ${error}`
      : `Simulating A and B again, ${runs.toLocaleString('en-US')} runs each with seed ${seed}, run by run…`;
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
  box.replaceChildren(table(['', `B − A (${extras.nameB} − ${extras.nameA})`], pairedRows(pair), 'numbers'));
}

/** The sensitivity cell: the table for the chosen month, the chart's words, the method. */
function renderSensitivity(charts: Charts, result: SimulationResult): void {
  const s = charts.sensitivityOverYears(result);
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
  $('#sensitivity-method').textContent =
    `Technical terms: the rank correlation is Spearman’s ρ; the share of the spread is a first-order variance share (a Sobol index), by ${s.method}.`;
}

function drawSensitivityTable(s: Sensitivity): void {
  const month = Number($<HTMLSelectElement>('#sensitivity-month').value);
  const at = s.months.find((m) => m.month === month) ?? s.months[s.months.length - 1];
  const box = $('#sensitivity-table');
  if (!at || at.drivers.length === 0) {
    box.textContent = 'No assumption varies between runs: make one uncertain to rank it.';
    return;
  }
  const element = table(['Assumption', 'Rank correlation', 'Share of spread', 'Swing of median NPV'], sensitivityRows(at), 'numbers');
  const caption = element.createCaption();
  caption.textContent = `Month ${at.month}: median cumulative NPV ${money(at.median)}; the shares add up to ${Math.round(100 * at.firstOrderSum)}%.`;
  box.replaceChildren(element);
}

/** The value-of-information cell's words (its chart is drawn with the others). */
function renderValueOfInformation(charts: Charts, result: SimulationResult): void {
  const voi = charts.valueOfInformationOf(result);
  const words = voiWords(voi);
  $('#voi-words').replaceChildren(
    ...[words.decision, words.evpi, words.partial].map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
  $('#voi-text').textContent =
    `What knowing each assumption before deciding would be worth, the largest first: ${voi.partial.map((p) => `${assumptionLabel(p.path)} ${money(p.evppi)}`).join('; ')}. Knowing everything: ${money(voi.evpi)}.`;
  $('#voi-method').textContent =
    `Technical terms: the value of knowing everything is the expected value of perfect information (EVPI); of knowing one assumption or a group, the expected value of partial perfect information (EVPPI). Method: ${voi.method}.`;
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
        option.textContent = assumptionLabel(r.path);
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
  probabilityPaidBackBy: { value: '50', unit: '%' },
  probabilityPositiveRoi: { value: '60', unit: '%' },
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
    if (!(Number.isInteger(month) && month >= 1 && month <= horizon))
      return `The month must be a whole number from 1 to the horizon, ${horizon}.`;
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
    const answer = await inWorker(
      { kind: 'breakEven', input: settings.input, options: { vary, target, runs, seed: settings.seed } },
      controller.signal,
    );
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
  if (!chartsLoaded) return;
  box.replaceChildren(
    chartsLoaded.breakEvenChart(b, {
      width: chartWidth(box),
      xLabel: `${assumptionLabel(b.vary)} (${unit})`,
      format: (x) => formatAssumption(unit, x),
    }),
  );
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
  if (!chartsLoaded) return;
  box.replaceChildren(
    figures.length > 0
      ? chartsLoaded.swingsChart(swings.value, { width: chartWidth(box) })
      : document.createTextNode('This scenario has no fixed published figure to swing.'),
  );
  words.textContent = `Swing of the median NPV at the horizon, each figure 20% down to 20% up, the largest first: ${figures
    .map(
      (f) =>
        `${assumptionLabel(f.path)} (${assumptionValue(f.path, f.value)}): ${signedMoney(f.atMonths[f.atMonths.length - 1]?.swing ?? 0)}`,
    )
    .join('; ')}.`;
}

// ——— The readings the sources disagree on ———

/** Runs a reading is checked with: enough to tell a decision that flips, few enough to answer in seconds. */
const readingRuns = 500;

async function checkReadings(): Promise<void> {
  if (!lastGood) return;
  const { state: settings, hash } = lastGood;
  if (readings?.hash === hash || checking?.hash === hash) return;
  checking?.controller.abort();
  const controller = new AbortController();
  checking = { controller, hash };
  const runs = Math.min(readingRuns, settings.runs);
  $('#robustness-sentence').textContent = 'Checking the answer under the readings the sources disagree on…';
  $('#robustness-status').textContent = `Simulating each reading, ${runs.toLocaleString('en-US')} runs each, in the background…`;
  // The last table stays (dimmed while stale) until the new one is ready, so the page does not jump.
  try {
    const value = await inWorker(
      { kind: 'robustness', input: settings.input, options: { runs, seed: settings.seed, flips: false } },
      controller.signal,
    );
    readings = { hash, value };
    drawReadings();
  } catch (problem) {
    if (isAbort(problem)) return;
    $('#robustness-sentence').textContent = '';
    $('#robustness-status').textContent = `The readings could not be checked: ${plainMessage((problem as Error).message)}`;
  } finally {
    if (checking?.controller === controller) checking = null;
  }
}

function drawReadings(): void {
  if (!readings || readings.hash !== lastGood?.hash) return;
  const r = readings.value;
  $('#robustness-sentence').textContent = r.sentence;
  $('#robustness-status').textContent =
    `${r.readings.length} readings and ${r.horizons.length} horizons, ${r.runs.toLocaleString('en-US')} runs each, the same seed throughout${r.businessHeld ? ', the business held' : '; the business is not held, so a reading also changes the company'}.${r.skipped.length > 0 ? ` Not simulated, as the business cannot be held under ${r.skipped.length === 1 ? 'it' : 'them'}: ${r.skipped.map((x) => x.label).join('; ')}.` : ''}`;
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = 'The decision (invest when the expected NPV is positive) under each reading; ± is simulation error, not the spread';
  const head = document.createElement('tr');
  // The decision second, so a phone shows it without scrolling sideways.
  for (const text of ['Reading', 'Decision (by mean NPV)', 'Chance it pays for itself', 'Median ROI', 'Mean NPV', 'Source', '']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const body = document.createElement('tbody');
  const row = (
    label: string,
    source: string,
    x: Omit<ReadingOutcome, 'path' | 'value' | 'label' | 'source' | 'kind' | 'with'>,
    reading: ReadingOutcome | null,
  ) => {
    const tr = document.createElement('tr');
    tr.dataset.decision = x.decision;
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = label;
    tr.append(name);
    for (const text of [
      (x.decision === 'invest' ? 'invest' : 'do not invest') +
        (x.businessNotHeldShare > 0 ? ` (the business is not held in ${percent(x.businessNotHeldShare, 0)} of runs)` : ''),
      `${percent(x.probabilityPositiveRoi, 0)} ± ${(100 * x.probabilityPositiveRoiStandardError).toFixed(1)}%`,
      signedPercent(x.roiMedian),
      `${currency()}${signedMoney(x.npvMean)} ± ${money(x.npvMeanStandardError)}`,
      source,
    ]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    const act = document.createElement('td');
    if (reading?.path) {
      const use = document.createElement('button');
      use.type = 'button';
      use.className = 'use-reading';
      use.textContent = 'Use this reading';
      use.setAttribute('aria-label', `Use this reading: ${reading.label}`);
      use.addEventListener('click', () => useReading(reading, $('#cell-robustness')));
      act.append(use);
    }
    tr.append(act);
    body.append(tr);
  };
  const sourceWords = (x: ReadingOutcome) =>
    x.source ? `article ${x.source.article.slice(0, 3)}, ${x.source.credit}` : x.kind === 'illustrative' ? 'nobody has measured it' : '';
  row(
    `The scenario as it stands (${r.runs.toLocaleString('en-US')} runs; the answer above uses ${lastGood?.result.runCount.toLocaleString('en-US') ?? 'more'})`,
    '',
    r.asGiven,
    null,
  );
  for (const x of r.readings) row(`If ${x.label}`, sourceWords(x), x, x);
  for (const h of r.horizons.filter((h) => h.months !== lastGood?.result.scenario.horizonMonths))
    row(
      `At ${h.months % 12 === 0 ? `${h.months / 12} years` : `${h.months} months`} instead of ${lastGood?.result.scenario.horizonMonths} months`,
      '',
      h,
      null,
    );
  table.append(caption, thead, body);
  $('#robustness-table').replaceChildren(table);
}

/** The change a cell made, until its answer is in; then the cell says what it did (see change-effect.ts). */
let pendingEffect: PendingEffect | null = null;

/** A cell is about to change the scenario to `state`: its line says "simulating" now, and what changed when the answer lands. */
function expectEffect(box: HTMLElement): void {
  if (pendingEffect && pendingEffect.box !== box) effectLine(pendingEffect.box).textContent = '';
  const key = settingsKey(state);
  if (lastGood && settingsKey(lastGood.state) === key) {
    pendingEffect = null;
    effectLine(box).textContent = 'This change left the scenario as it was.';
    return;
  }
  pendingEffect = { box, key };
  effectLine(box).textContent = 'Simulating this change…';
}

/** An answer is in, for `key`: the cell whose change it answers says what it did; a change overtaken by a later one says nothing. */
function reportEffect(key: string, before: SimulationResult | null, result: SimulationResult): void {
  if (!pendingEffect) return;
  const { box } = pendingEffect;
  const answered = pendingEffect.key === key;
  pendingEffect = null;
  effectLine(box).textContent = answered && before ? effectWords(before, result) : '';
}

/** The change a cell asked for cannot be simulated: its line says so (the field says why). */
function refuseEffect(): void {
  if (!pendingEffect) return;
  effectLine(pendingEffect.box).textContent = 'Not simulated: the change leaves a value the model cannot take (see the highlighted field).';
  pendingEffect = null;
}

/**
 * Puts a reading in the assumptions (and the fields it only makes sense with), and simulates; `from` (the
 * robustness cell, or the field's list of readings) says what it did.
 */
function useReading(reading: Pick<ReadingOutcome, 'path' | 'value' | 'label'> & Partial<Pick<Reading, 'with'>>, from: HTMLElement): void {
  if (!reading.path) return;
  linkProblems = [];
  for (const { path, value } of [{ path: reading.path, value: reading.value }, ...(reading.with ?? [])])
    state = { ...state, input: setAtPath(state.input, path.split('.'), value) };
  const inField = from.closest('.field') !== null;
  drawFields();
  // The field was drawn again: its new list of readings says what the change did.
  const box = inField ? (fieldsBox.querySelector<HTMLElement>(`.field[data-path="${reading.path}"] .alternatives`) ?? from) : from;
  expectEffect(box);
  schedule(0);
  if (!inField) $('#robustness-status').textContent = `Using the reading “${reading.label}”: simulating…`;
}

/** What a new result starts or makes stale in the decision cells (not on a mere redraw). */
function afterResult(): void {
  void checkReadings();
  void comparePaired();
  refreshBreakEvenForm();
  if (swinging && swinging.hash !== lastGood?.hash) {
    swinging.controller.abort();
    swinging = null;
  }
  if (swings && swings.hash !== lastGood?.hash) {
    swings = null;
    $('#swing-status').textContent = 'The result changed: press the button again to swing its figures.';
  }
}

// ——— The assumptions panel ———

const touchpointPrefix = `${touchpoints}.`;
/** The default journey's touchpoint names, which a record of one's own must remove (null) to replace the journey. */
const defaultTouchpointNames = Object.keys(shownValue({}, touchpoints) as Record<string, unknown>);

/** The input's own record of touchpoints to change (null entries remove defaults), from whatever form it has. */
function touchpointRecord(): Record<string, unknown> {
  const own = ownTouchpoints(state.input);
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

function setTouchpoints(value: unknown): void {
  state = { ...state, input: setAtPath(state.input, ['journey', 'touchpointFailure'], value) };
}

function setField(path: string, value: unknown): void {
  const own = ownTouchpoints(state.input);
  if (path === touchpoints) setTouchpoints(value);
  else if (path.startsWith(touchpointPrefix) && Array.isArray(own)) {
    // A journey given as a list stays a list: the value at its place changes.
    const list = [...own];
    list[Number(path.slice(touchpointPrefix.length))] = value;
    setTouchpoints(list);
  } else if (path.startsWith(touchpointPrefix)) {
    const record = touchpointRecord();
    record[path.slice(touchpointPrefix.length)] = value;
    setTouchpoints({ ...record });
  } else state = { ...state, input: setAtPath(state.input, path.split('.'), value) };
}

const callbacks = {
  useReading,
  change(path: string, value: unknown, final: boolean, redraw = false) {
    linkProblems = [];
    setField(path, value);
    // Holding the business or not changes which fields are solved: every field is drawn again.
    if (path === 'business') drawFields();
    else if (redraw) redrawField(path);
    // A committed value (change, slider let go) runs at once; typing waits for a pause.
    schedule(final ? 0 : 250);
  },
  removeTouchpoint(path: string) {
    const own = ownTouchpoints(state.input);
    if (Array.isArray(own)) setTouchpoints(own.filter((_, i) => i !== Number(path.slice(touchpointPrefix.length))));
    else {
      const record = touchpointRecord();
      // Named touchpoints merge with the defaults: null removes one.
      record[path.slice(touchpointPrefix.length)] = null;
      setTouchpoints({ ...record });
    }
    drawFields();
    schedule(0);
    document.querySelector<HTMLElement>('.add-touchpoint input')?.focus();
  },
  addTouchpoint(name: string): string | null {
    const current = shownValue(state.input, touchpoints);
    const names =
      current !== null && typeof current === 'object' && !('dist' in current) && !Array.isArray(current) ? Object.keys(current) : [];
    // The library's rule for a name, said before it is broken.
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(name))
      return 'A touchpoint’s name starts with a letter and has only letters, digits, - or _ (at most 40), e.g. returns or after-sales.';
    if (names.includes(name)) return `There is already a touchpoint called “${name}”: change its rate above, or pick another name.`;
    const record = touchpointRecord();
    record[name] = 0.002;
    setTouchpoints({ ...record });
    drawFields();
    schedule(0);
    document.getElementById(fieldId(`${touchpointPrefix}${name}`))?.focus();
    return null;
  },
};

/** Redraws one field in place (its controls changed shape), keeping the focus on the control that changed it. */
function redrawField(path: string): void {
  const cell = [...fieldsBox.querySelectorAll<HTMLElement>('.field')].find((c) => c.dataset.path === path);
  const row = fieldRows(state.input).find((r) => r.path === path);
  if (!cell || !row) {
    drawFields();
    return;
  }
  const focused = document.activeElement as HTMLElement | null;
  const focusKey = focused && cell.contains(focused) ? (focused.getAttribute('aria-label') ?? focused.id) : null;
  const fresh = renderField(row, shownValue(state.input, path), state.input, document, callbacks);
  cell.replaceWith(fresh);
  const again =
    focusKey === null
      ? null
      : [...fresh.querySelectorAll<HTMLElement>('select, input, button')].find((e) => (e.getAttribute('aria-label') ?? e.id) === focusKey);
  (again ?? fresh.querySelector<HTMLElement>('select, input'))?.focus();
}

/**
 * The assumptions panel for the page's input: at once, or (on load, while the simulation starts in the
 * workers) one group a task, so no single task draws them all.
 */
function drawFields(oneGroupATask = false): void {
  programme?.syncProgrammeCells(state.input);
  const rows = fieldRows(state.input);
  const closed = closedGroups(fieldsBox);
  fieldsBox.replaceChildren();
  const pending = [...groups];
  const drawn = state;
  const finish = () => {
    filterFields(fieldsBox, $<HTMLInputElement>('#field-search').value);
    validate();
  };
  const next = (): void => {
    if (state !== drawn) {
      drawFields(); // changed meanwhile (undo, a link): draw it whole
      return;
    }
    const group = pending.shift();
    if (!group) {
      finish();
      return;
    }
    fieldsBox.append(renderGroup(document, group, rows, state.input, callbacks, closed));
    if (oneGroupATask) setTimeout(next, 0);
    else next();
  };
  if (oneGroupATask) setTimeout(next, 0);
  else next();
}

function showSettings(): void {
  setFieldCurrency(extras.currency);
  runsInput.value = Number.isFinite(state.runs) ? String(state.runs) : '';
  seedInput.value = String(state.seed);
  currencySelect.value = ['', '€', '$', '£'].includes(extras.currency) ? extras.currency : '';
  $<HTMLInputElement>('#name-a').value = extras.nameA;
  $<HTMLInputElement>('#name-b').value = extras.nameB;
}

function updateHistoryButtons(): void {
  $<HTMLButtonElement>('#undo').disabled = undoStack.length === 0;
  $<HTMLButtonElement>('#redo').disabled = redoStack.length === 0;
}

/** Goes back (or forward) to a state that was simulated. */
function travel(from: PageState[], to: PageState[]): void {
  const target = from.pop();
  if (!target) return;
  if (lastGood) to.push(lastGood.state);
  // The run that follows must not record the state it leaves a second time.
  travelledTo = settingsKey(target);
  state = target;
  showSettings();
  drawFields();
  updateHistoryButtons();
  // A button that has just become disabled would drop the keyboard's focus to the top of the page.
  const active = document.activeElement as HTMLButtonElement | null;
  if (active && (active.id === 'undo' || active.id === 'redo') && active.disabled) {
    const other = $<HTMLButtonElement>(active.id === 'undo' ? '#redo' : '#undo');
    (other.disabled ? $('#reset') : other).focus();
  }
  schedule(0);
}

/** Shows why the link's scenario A is not pinned (or nothing), and "Clear A" while there is an A, pinned or kept in the link. */
function showPinProblem(): void {
  $('#compare-error').textContent = pinProblem?.words ?? '';
  $('#clear-pin').hidden = !pinned && kept.a === undefined;
}

/**
 * Says, in the Compare cell and briefly under the answer, that the link's scenario A could not be pinned, and
 * why; the address keeps it. `waiting`: it is pinned once the runs and seed are valid.
 */
async function cannotPin(why: string | readonly ScenarioIssue[], waiting = false): Promise<void> {
  const a = kept.a;
  // The words load only now: few links have an A that cannot be pinned.
  const words = await import('./pin-problem');
  if (kept.a !== a) return; // pinned or cleared meanwhile, or another link
  pinProblem = words.pinProblemWords(extras.nameA, why, waiting);
  showPinProblem();
  validate();
}

/** Stops pinning the link's scenario A, and forgets it and what stopped it: the user pinned or cleared A. */
function forgetLinkedA(): void {
  pinning?.abort();
  pinning = null;
  waitingA = null;
  kept = { ...kept, a: undefined };
  if (pinProblem === null) return;
  pinProblem = null;
  showPinProblem();
  validate();
}

/** Simulates a linked scenario A, to pin it beside B; one that cannot be pinned is said, and stays in the link. */
async function pinFromLink(input: ScenarioInput, settings: PageState): Promise<void> {
  pinning?.abort();
  const controller = new AbortController();
  pinning = controller;
  try {
    const options = optionIssues(settings);
    if (options.length > 0) {
      waitingA = input;
      return void cannotPin(options.map((i) => i.message).join(' '), true);
    }
    parseScenario(input);
    const result = await simulateParallel(input, {
      runs: settings.runs,
      seed: settings.seed,
      keepRuns: true,
      workers,
      signal: controller.signal,
    });
    if (pinning !== controller) return;
    pinned = { result, hash: resultHash(result), input };
    // Pinned: from now on the link carries A as pinned.
    kept = { ...kept, a: undefined };
    renderComparisonTable();
    scheduleCharts();
    void comparePaired();
  } catch (error) {
    if (isAbort(error) || pinning !== controller) return;
    void cannotPin(error instanceof ScenarioError ? error.issues : (error as Error).message);
  } finally {
    if (pinning === controller) pinning = null;
  }
}

function loadFromUrl(): void {
  const { state: decoded, extras: linked, problems, problemA, kept: unused } = decodeState(location.search, location.hash);
  state = decoded;
  linkedInput = decoded.input;
  extras = linked;
  kept = unused;
  pinning?.abort();
  pinning = null;
  pinProblem = null;
  waitingA = null;
  showSettings();
  linkProblems = problems;
  showPinProblem();
  if (problemA !== null) void cannotPin(problemA);
  else if (linked.compare) void pinFromLink(linked.compare, decoded);
  // The simulation starts first; the panel is drawn while the workers run.
  schedule(0);
  drawFields(true);
}

runsInput.addEventListener('change', () => {
  state = { ...state, runs: Number(runsInput.value) };
  schedule(0);
});
seedInput.addEventListener('change', () => {
  state = { ...state, seed: readSeed(seedInput.value) };
  schedule(0);
});
currencySelect.addEventListener('change', () => {
  extras = { ...extras, currency: currencySelect.value };
  setFieldCurrency(extras.currency);
  drawFields();
  currencySelect.focus();
  if (lastGood) {
    history.replaceState(null, '', linkOf(lastGood.state));
    renderAnswer();
    scheduleCharts();
  }
});
for (const [id, key] of [
  ['#name-a', 'nameA'],
  ['#name-b', 'nameB'],
] as const) {
  $<HTMLInputElement>(id).addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value.trim().slice(0, 40) || (key === 'nameA' ? 'A' : 'B');
    extras = { ...extras, [key]: value };
    if (lastGood) {
      history.replaceState(null, '', linkOf(lastGood.state));
      renderComparisonTable();
      scheduleCharts();
    }
  });
}
$<HTMLInputElement>('#field-search').addEventListener('input', (event) => {
  const count = filterFields(fieldsBox, (event.target as HTMLInputElement).value);
  $('#search-empty').hidden = count > 0;
});
$('#reset').addEventListener('click', () => {
  state = { ...state, input: {} };
  drawFields();
  schedule(0);
});
$('#undo').addEventListener('click', () => travel(undoStack, redoStack));
$('#redo').addEventListener('click', () => travel(redoStack, undoStack));
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' || target.matches('input, textarea, select')) return;
  event.preventDefault();
  if (event.shiftKey) travel(redoStack, undoStack);
  else travel(undoStack, redoStack);
});
$('#pin').addEventListener('click', () => {
  if (!lastGood) return;
  forgetLinkedA();
  pinned = { result: lastGood.result, hash: lastGood.hash, input: lastGood.state.input };
  paired = null;
  history.replaceState(null, '', linkOf(lastGood.state));
  renderComparisonTable();
  scheduleCharts();
  void comparePaired();
});
$('#clear-pin').addEventListener('click', () => {
  forgetLinkedA();
  pinned = null;
  comparing?.abort();
  paired = null;
  if (lastGood) history.replaceState(null, '', linkOf(lastGood.state));
  renderComparisonTable();
  scheduleCharts();
  $('#pin').focus();
});
$('#sensitivity-month').addEventListener(
  'change',
  () => lastGood && chartsLoaded && drawSensitivityTable(chartsLoaded.sensitivityOverYears(lastGood.result)),
);
beMetric.addEventListener('change', () => showMetricFields(true));
$('#break-even-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void findBreakEven();
});
$('#swing-figures').addEventListener('click', () => void swingFigures());
showMetricFields(false);
$('#copy-link').addEventListener('click', async () => {
  if (!lastGood) return;
  // The link of the result on screen, whatever is being edited.
  const link = linkOf(lastGood.state);
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = `Link copied: it reproduces result ${lastGood.hash}.`;
  } catch {
    status.textContent = `Copy this link: ${link}`;
  }
  document.body.dataset.copiedLink = link;
});
$('#export-scenario').addEventListener('click', () => {
  const message = $('#export-error');
  try {
    download(
      `cx-roi-scenario-${new Date().toISOString().slice(0, 10)}.json`,
      'application/json',
      `${JSON.stringify(parseScenario(state.input), null, 2)}\n`,
    );
    message.textContent = '';
  } catch (error) {
    message.textContent =
      error instanceof ScenarioError
        ? `The scenario cannot be exported while it has an error: ${error.issues.map((i) => `${assumptionLabel(i.path)}: ${plainMessage(i.message)}`).join('; ')}`
        : `The export failed: ${(error as Error).message}`;
  }
});
/** Where the answer on screen came from, for an export of `title`. */
function provenanceOf(title: string): Provenance | null {
  if (!lastGood) return null;
  return {
    title,
    link: linkOf(lastGood.state),
    runs: lastGood.state.runs,
    seed: lastGood.state.seed,
    result: lastGood.hash,
    version,
    date: new Date().toISOString().slice(0, 10),
  };
}
$('#export-bands').addEventListener('click', () => {
  const p = provenanceOf('ROI, NPV, customers, revenue and NPS by month: median and bands over the runs');
  if (lastGood && p)
    download(exportName('bands-by-month', p, 'csv'), 'text/csv', csvWithProvenance(bandsForPeople(lastGood.result, currency()), p));
});
$('#export-report').addEventListener('click', () => {
  const p = provenanceOf('The one-page report');
  if (!lastGood || !p) return;
  renderReport($('#report'), {
    result: lastGood.result,
    provenance: p,
    currency: currency(),
    valueWords,
    roiChart: document.querySelector('#chart-roi-fan'),
    robustnessSentence: $('#robustness-sentence').textContent ?? '',
    robustnessTable: document.querySelector('#robustness-table'),
    businessLine: $('#business-line').textContent ?? '',
    businessTable: document.querySelector('#kpis'),
  });
  window.print();
});
$('#export-runs').addEventListener('click', () => {
  const p = provenanceOf('Each run: its drawn assumptions and its figures at the horizon');
  if (lastGood && p) download(exportName('runs', p, 'csv'), 'text/csv', csvWithProvenance(runsForPeople(lastGood.result, currency()), p));
});
// Each chart's frame: its text alternative under it, and its exports (the chart and the words follow each result).
for (const chart of document.querySelectorAll<HTMLElement>('.chart[data-frame]')) {
  const id = chart.id.replace(/^chart-/, '');
  const description = document.createElement('p');
  description.className = 'chart-desc';
  description.id = `desc-${id}`;
  chart.setAttribute('aria-describedby', description.id);
  const exports = document.createElement('div');
  exports.className = 'exports';
  for (const format of ['svg', 'png']) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.export = `${id}:${format}`;
    button.textContent = format.toUpperCase();
    button.setAttribute('aria-label', `Download the chart as ${format.toUpperCase()}`);
    exports.append(button);
  }
  chart.after(description, exports);
}
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
  button.addEventListener('click', async () => {
    const [id = '', format] = (button.dataset.export ?? '').split(':');
    const box = $(`#chart-${id}`);
    if (!box.querySelector('svg')) {
      status.textContent = 'This chart has nothing drawn to export.';
      return;
    }
    // Its title on a slide: the chart's own name (what a screen reader hears), else its cell's heading.
    const named = box.querySelector('svg[role="img"]')?.getAttribute('aria-label');
    const heading = box.closest('section')?.querySelector('h2')?.textContent?.trim();
    const p = provenanceOf(named ?? heading ?? id);
    if (!p) return;
    if (format === 'svg') download(exportName(id, p, 'svg'), 'image/svg+xml', chartSvg(box, p));
    else download(exportName(id, p, 'png'), 'image/png', await chartPng(box, p));
  });
}
// Phones: the assumptions open as a sheet under the answer bar, and close again.
const phone = window.matchMedia('(max-width: 900px)');
function setPanel(open: boolean): void {
  document.body.classList.toggle('panel-open', open);
  $('#toggle-panel').setAttribute('aria-expanded', String(open));
  $('#toggle-panel').textContent = open ? 'Close' : 'Assumptions';
  // While the sheet is open on a phone, the page behind it takes no focus: Tab stays in the sheet and the bar.
  const behind = open && phone.matches;
  main.inert = behind;
  $<HTMLElement>('header.top').inert = behind;
  if (open) $('#panel').focus();
}
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && document.body.classList.contains('panel-open')) {
    setPanel(false);
    $('#toggle-panel').focus();
  }
});
// "Skip to the assumptions" on a phone opens the sheet it skips to.
document.querySelector('a.skip-link[href="#panel"]')?.addEventListener('click', (event) => {
  if (!phone.matches) return;
  event.preventDefault();
  setPanel(true);
});
phone.addEventListener('change', () => setPanel(document.body.classList.contains('panel-open') && phone.matches));
$('#toggle-panel').addEventListener('click', () => setPanel(!document.body.classList.contains('panel-open')));
$('#close-panel').addEventListener('click', () => {
  setPanel(false);
  $('#toggle-panel').focus();
});
window.addEventListener('popstate', loadFromUrl);
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let lastWidth = window.innerWidth;
window.addEventListener('resize', () => {
  // Phones resize as their address bar shows and hides: redraw only when the width changes.
  if (window.innerWidth === lastWidth) return;
  lastWidth = window.innerWidth;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(scheduleCharts, 150);
});
const programmeHost = {
  input: () => state.input,
  apply(next: ScenarioInput, from?: HTMLElement) {
    linkProblems = [];
    state = { ...state, input: next };
    drawFields();
    if (from) expectEffect(from);
    schedule(0);
  },
  currency,
};
void import('./programme').then((loaded) => {
  programme = loaded;
  loaded.calibrationCell($('#calibrate-box'), programmeHost);
  loaded.maturityCell($('#maturity-box'), programmeHost);
  loaded.stageGateCell($('#gate-box'), programmeHost);
  loaded.channelsCell($('#channels-box'), programmeHost);
  loaded.syncProgrammeCells(state.input);
  if (lastGood) $('#gate-words').textContent = loaded.stageGateWords(lastGood.result, currency());
});
$<HTMLInputElement>('#show-paths').addEventListener('change', (event) =>
  document.body.classList.toggle('show-paths', (event.target as HTMLInputElement).checked),
);
// On a wide screen a compact answer follows the reader down the page once the headline is out of view.
new IntersectionObserver(([entry]) => {
  const away = entry !== undefined && !entry.isIntersecting && entry.boundingClientRect.top < 0;
  document.body.classList.toggle('answer-away', away);
  ($('.answer-bar .to-answer') as HTMLAnchorElement).hidden = !away || window.innerWidth <= 900;
}).observe($('#headline'));
updateHistoryButtons();
// In a task of its own: reading the link checks the scenario, which must not lengthen the task that ran this module.
setTimeout(loadFromUrl, 0);
