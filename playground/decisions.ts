/**
 * The decision cells in words (paired comparison, break-even, sensitivity
 * over the years, value of information), and the Web Worker that computes
 * the slow ones off the page's thread.
 */
import type {
  BreakEven,
  BreakEvenOptions,
  BreakEvenTarget,
  CompareOptions,
  Comparison,
  PairedDifference,
  Robustness,
  RobustnessOptions,
  ScenarioInput,
  Sensitivity,
  SensitivityAtMonth,
  SensitivityOptions,
  SimulationResult,
  ValueOfInformation,
} from 'cx-roi';
import { count, money, percent, signedCount, signedMoney, signedPercent } from '../src/format/numbers';
import { assumptionLabel, pathsInWords } from './labels';
import { type WorkerAnswer, callWorker } from './worker-call';

/** What the decisions worker is asked. */
export type DecisionRequest =
  | { readonly kind: 'compare'; readonly scenarios: Readonly<Record<string, ScenarioInput>>; readonly options: CompareOptions }
  | { readonly kind: 'breakEven'; readonly input: ScenarioInput; readonly options: BreakEvenOptions }
  | {
      readonly kind: 'swings';
      readonly result: Pick<SimulationResult, 'runs' | 'scenario' | 'seed' | 'runCount'>;
      readonly options: SensitivityOptions;
    }
  | { readonly kind: 'robustness'; readonly input: ScenarioInput; readonly options: RobustnessOptions };

interface Answers {
  compare: Comparison;
  breakEven: BreakEven;
  swings: Sensitivity;
  robustness: Robustness;
}

/** What it answers: the library's own result, or the error's message. */
export type DecisionResponse = WorkerAnswer<Answers[keyof Answers]>;

/**
 * Runs one request in a fresh Web Worker (see `callWorker`), ended when it answers or when `signal` aborts (then the
 * promise rejects with an AbortError).
 */
export function inWorker<K extends DecisionRequest['kind']>(
  request: Extract<DecisionRequest, { kind: K }>,
  signal?: AbortSignal,
): Promise<Answers[K]> {
  return callWorker<Answers[K]>(() => new Worker(new URL('./decisions-worker.ts', import.meta.url), { type: 'module' }), request, signal);
}

// Numbers in words: the library's formatters (src/format/numbers.ts), as in the CLI and the reports.
/** A change of a share in percentage points, to a tenth: "+1.9", "−0.4". */
const signedPoints = (x: number) => signedCount(100 * x, 1);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
/** "an" before a number read with a vowel sound: 8, 11, 18, 80–89, 800… */
const article = (number: string) => (/^(8|11(?!\d)|18(?!\d))/.test(number) ? 'an' : 'a');

/** Rows of the paired-difference table: what B − A is, run by run. */
export function pairedRows(pair: PairedDifference): [string, string][] {
  const p = pair.paybackMonth;
  const se = pair.probabilityBBeatsAStandardError;
  return [
    ['NPV, B − A: median', signedMoney(pair.npv.p50)],
    ['NPV, B − A: 5% … 95% of runs', `${signedMoney(pair.npv.p5)} … ${signedMoney(pair.npv.p95)}`],
    ['ROI, B − A: median (percentage points)', signedPoints(pair.roi.p50)],
    ['ROI, B − A: 5% … 95% of runs (percentage points)', `${signedPoints(pair.roi.p5)} … ${signedPoints(pair.roi.p95)}`],
    [
      'P(B beats A): runs where B’s NPV is higher',
      `${percent(pair.probabilityBBeatsA, 1)} ± ${percent(se, 1)} simulation error${pair.tieShare > 0 ? `; equal in ${percent(pair.tieShare, 1)}` : ''}`,
    ],
    [
      'Pays back sooner: B / A / neither sooner',
      `${percent(p.bSoonerShare, 1)} / ${percent(p.aSoonerShare, 1)} / ${percent(1 - p.bSoonerShare - p.aSoonerShare, 1)} of runs`,
    ],
  ];
}

/** The paired comparison in one sentence. */
export function pairedWords(pair: PairedDifference, runs: number): string {
  if (pair.tieShare === 1)
    return `B − A is exactly 0 in every one of the ${count(runs)} paired runs: the two scenarios give the same result.`;
  return (
    `Run by run over ${count(runs)} paired runs, B’s NPV minus A’s is ${signedMoney(pair.npv.p50)} at the median ` +
    `(90% of runs between ${signedMoney(pair.npv.p5)} and ${signedMoney(pair.npv.p95)}); B’s NPV is the higher in ${percent(pair.probabilityBBeatsA, 1)} of runs.`
  );
}

/** How a value of an assumption reads, by its unit. */
export function formatAssumption(unit: string, x: number): string {
  if (/currency/.test(unit)) return money(x);
  if (/month/.test(unit) && !/probability|share/.test(unit)) {
    const rounded = Math.round(10 * x) / 10;
    return `${rounded.toLocaleString('en-US')} month${rounded === 1 ? '' : 's'}`;
  }
  if (/share|probability|rate|cut/.test(unit)) {
    const a = Math.abs(x);
    return percent(x, a === 0 || a >= 0.1 ? 0 : a >= 0.01 ? 1 : 2);
  }
  return x.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** A break-even metric's value, as its target is given. */
export function formatMetric(target: Pick<BreakEvenTarget, 'metric'>, x: number, digits = 1): string {
  if (target.metric === 'npvMedian') return money(x);
  if (target.metric === 'roiMedian') return signedPercent(x, digits);
  return percent(x, digits);
}

/** The target in words: "an 80% chance of payback by month 48". */
export function describeTarget(target: BreakEvenTarget): string {
  const value = formatMetric(target, target.value, Number.isInteger(100 * target.value) ? 0 : 1);
  switch (target.metric) {
    case 'probabilityPaidBackBy':
      return `${article(value)} ${value} chance of payback by month ${target.month}`;
    case 'probabilityPositiveRoi':
      return `${article(value)} ${value} chance of a positive ROI`;
    case 'roiMedian':
      return `a median ROI of ${value}`;
    default:
      return `a median NPV of ${value}`;
  }
}

/** The answer of a break-even search in words. */
export function breakEvenWords(b: BreakEven, unit: string): string {
  const label = assumptionLabel(b.vary);
  const named = label !== b.vary;
  const fmt = (x: number) => formatAssumption(unit, x);
  const reached = `${formatMetric(b.target, b.reached)} ± ${formatMetric(b.target, b.standardError)} simulation error`;
  const searched = ` Searched ${fmt(b.within[0])} to ${fmt(b.within[1])} in ${b.evaluations.length} simulations of ${count(b.runCount)} runs.`;
  if (b.status === 'crossed' && b.value !== null) {
    const bound = b.meets === 'below' ? 'at most' : 'at least';
    const subject = named ? `${/^[aeiou]/i.test(label) ? 'An' : 'A'} ${lower(label)} of ${bound}` : `Setting ${b.vary} to ${bound}`;
    return `${subject} ${fmt(b.value)} gives ${describeTarget(b.target)} (reached ${reached}).${searched}`;
  }
  if (b.status === 'met-throughout' && b.value !== null)
    return `Met throughout: every value of ${named ? lower(label) : b.vary} from ${fmt(b.within[0])} to ${fmt(b.within[1])} gives ${describeTarget(b.target)}; even the hardest, ${fmt(b.value)}, reaches ${reached}.${searched}`;
  return `Not reached: ${b.reason ? pathsInWords(b.reason) : `no value gives ${describeTarget(b.target)}.`}${searched}`;
}

/** Rows of the sensitivity table at one month. */
export function sensitivityRows(at: SensitivityAtMonth): [string, string, string, string][] {
  return at.drivers.map((d) => [assumptionLabel(d.path), count(d.spearman, 2), percent(d.firstOrder, 1), signedMoney(d.swing)]);
}

/** The ranking over the years, in words (the chart's text alternative). */
export function sensitivityWords(s: Sensitivity): string {
  const months = s.months.map((m) => {
    const top = m.drivers.slice(0, 3).map((d) => `${lower(assumptionLabel(d.path))} ${percent(d.firstOrder, 0)}`);
    return `month ${m.month}: ${top.length > 0 ? top.join(', ') : 'no assumption varies'}`;
  });
  return `Share of the cumulative NPV’s spread each assumption alone explains, the largest first. ${capitalise(months.join('; '))}.`;
}

/** The value of information in words: the decision today, the value of knowing everything (EVPI), and of the assumption worth most to learn (its EVPPI). */
export function voiWords(voi: ValueOfInformation): { decision: string; evpi: string; partial: string } {
  const d = voi.decision;
  const top = voi.partial[0];
  return {
    decision: `Decision today: ${d.choice === 'invest' ? 'Invest' : 'Do not invest'}: expected NPV ${signedMoney(d.expectedNpv)} (± ${money(d.expectedNpvStandardError)} simulation error); investing comes out ahead in ${percent(d.investBetterShare, 0)} of runs.`,
    evpi: `Knowing every assumption exactly before deciding would be worth at most ${money(voi.evpi)} (± ${money(voi.evpiStandardError)} simulation error): a ceiling for what any pilot or research is worth.`,
    partial:
      top && top.evppi > 0
        ? `Worth most to learn: ${lower(assumptionLabel(top.path))}: knowing it would be worth ${money(top.evppi)} (${percent(top.shareOfEvpi, 0)} of knowing everything).`
        : 'Learning any one of these assumptions (or the group) would not change the decision: knowing any one of them is worth nothing.',
  };
}
