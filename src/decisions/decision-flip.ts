// The decision rule and where it flips: the figures of one simulation that the decision reads (mean NPV and
// its error, the chance of a positive ROI), and the value of a contested figure at which the decision changes.
import { horizonQuantile } from '../maths/statistics.js';
import { runsNotHoldingBusiness } from '../model/business-check.js';
import { drawFirstRuns } from '../model/draw.js';
import type { Seed } from '../random/stream.js';
import type { ContestedFigure } from '../scenario/readings.js';
import type { Scenario } from '../scenario/schema.js';
import { simulateRange } from '../simulate/matrix.js';
import { fitsValue, lastFitting, withValue } from './vary-field.js';

/** What the decision rule says: invest when the expected (mean) NPV at the horizon is positive. */
export type Decision = 'invest' | 'do not invest';

/** The decision's figures under one reading, from one simulation. */
export interface DecisionFigures {
  /** Share of runs with ROI > 0 at the horizon, and its Monte Carlo standard error. */
  readonly probabilityPositiveRoi: number;
  readonly probabilityPositiveRoiStandardError: number;
  /** Median ROI at the horizon. */
  readonly roiMedian: number;
  /** Mean NPV at the horizon (currency), and its Monte Carlo standard error. */
  readonly npvMean: number;
  readonly npvMeanStandardError: number;
  /** Invest when the mean NPV is positive. */
  readonly decision: Decision;
  /**
   * Share of the runs (of the first 2,000) whose drawn figures cannot reproduce
   * the scenario's business, so that they describe another company; 0 when all
   * hold it, or when no business is held.
   */
  readonly businessNotHeldShare: number;
}

/** The value of a contested figure at which the decision flips. */
export interface Flip {
  readonly path: string;
  /**
   * The value at which the mean NPV crosses zero (the business held, the
   * same runs and seed), or `null` when the decision is the same over the
   * whole `range`.
   */
  readonly threshold: number | null;
  /**
   * The threshold's Monte Carlo standard error: the mean NPV's standard error
   * at the bracket over the slope of the mean NPV there (how far another
   * seed could move it); `null` with no threshold.
   */
  readonly thresholdStandardError: number | null;
  /** Two values either side of the threshold, re-simulated, whose decisions differ; `null` with no threshold. */
  readonly bracket: readonly [number, number] | null;
  /** The decision below the threshold (at the low end of the range). */
  readonly decisionBelow: Decision;
  /** The range searched: the figure's plausible range (see `contestedFigures`), narrowed to the values the business can be held under. */
  readonly range: readonly [number, number];
}

/** The decision figures of one simulation, read off its horizon columns (no bands needed). */
export function decisionFigures(scenario: Scenario, seed: Seed, runs: number): DecisionFigures {
  const { horizon } = simulateRange(scenario, seed, 0, runs, false);
  let sum = 0;
  let positive = 0;
  for (let i = 0; i < runs; i += 1) {
    sum += horizon.npv[i] as number;
    if ((horizon.roi[i] as number) > 0) positive += 1;
  }
  const mean = sum / runs;
  let squares = 0;
  for (let i = 0; i < runs; i += 1) squares += ((horizon.npv[i] as number) - mean) ** 2;
  const sd = runs > 1 ? Math.sqrt(squares / (runs - 1)) : 0;
  const p = positive / runs;
  return {
    probabilityPositiveRoi: p,
    probabilityPositiveRoiStandardError: Math.sqrt((p * (1 - p)) / runs),
    roiMedian: horizonQuantile(horizon.roi.slice().sort(), 0.5),
    npvMean: mean,
    npvMeanStandardError: sd / Math.sqrt(runs),
    decision: mean > 0 ? 'invest' : 'do not invest',
    businessNotHeldShare: ((held) => (held.checked > 0 ? held.notHeld / held.checked : 0))(
      runsNotHoldingBusiness(scenario, drawFirstRuns(scenario, seed, runs)),
    ),
  };
}

/**
 * The value of a figure at which the mean NPV crosses zero, by the Illinois
 * variant of regula falsi on the range's ends (the same runs and seed at
 * every step, so the mean NPV is a smooth function of the value), stopping
 * when the bracket is within 1% of the range or after eight steps.
 */
export function flipOf(scenario: Scenario, figure: ContestedFigure, seed: Seed, runs: number): Flip {
  const feasible = feasibleRange(scenario, figure);
  if (feasible === null)
    return {
      path: figure.path,
      threshold: null,
      thresholdStandardError: null,
      bracket: null,
      decisionBelow: 'do not invest',
      range: figure.range,
    };
  const [lo, hi] = feasible;
  const figures = (x: number) => decisionFigures(withValue(scenario, figure.path, x), seed, runs);
  const npv = (x: number) => figures(x).npvMean;
  let [a, b] = [lo, hi];
  let [fa, fb] = [npv(a), npv(b)];
  const decisionBelow: Decision = fa > 0 ? 'invest' : 'do not invest';
  if (fa > 0 === fb > 0)
    return { path: figure.path, threshold: null, thresholdStandardError: null, bracket: null, decisionBelow, range: feasible };
  let side = 0;
  for (let step = 0; step < 8 && b - a > 0.01 * (hi - lo); step += 1) {
    const x = Math.min(b - 0.001 * (hi - lo), Math.max(a + 0.001 * (hi - lo), (a * fb - b * fa) / (fb - fa)));
    const fx = npv(x);
    if (fx > 0 === fa > 0) {
      [a, fa] = [x, fx];
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      [b, fb] = [x, fx];
      if (side === 1) fa /= 2;
      side = 1;
    }
  }
  // The crossing inside the last bracket, by straight line between its ends' NPVs (re-simulated, not halved).
  const [ea, eb] = [figures(a), figures(b)];
  const [na, nb] = [ea.npvMean, eb.npvMean];
  const threshold = na === nb ? (a + b) / 2 : a + ((b - a) * na) / (na - nb);
  const slope = Math.abs((nb - na) / (b - a));
  const thresholdStandardError = slope > 0 ? (ea.npvMeanStandardError + eb.npvMeanStandardError) / 2 / slope : null;
  return { path: figure.path, threshold, thresholdStandardError, bracket: [a, b], decisionBelow, range: feasible };
}

/**
 * The part of a figure's range under which the scenario's business can be
 * held (outside it the figure clashes with what the company observes: 86%
 * switching at a churn too low for it, say), found by parsing alone: 21
 * points across the range, then each end refined by bisection. `null` when
 * no point fits.
 */
function feasibleRange(scenario: Scenario, figure: ContestedFigure): [number, number] | null {
  const [lo, hi] = figure.range;
  const points = Array.from({ length: 21 }, (_, i) => lo + ((hi - lo) * i) / 20);
  const fitting = points.filter((x) => fitsValue(scenario, figure.path, x));
  if (fitting.length === 0) return null;
  let [a, b] = [fitting[0] as number, fitting[fitting.length - 1] as number];
  // Refine each end towards the range's end it stopped short of.
  if (a > lo) a = lastFitting(scenario, figure.path, a, a - (hi - lo) / 20, 20);
  if (b < hi) b = lastFitting(scenario, figure.path, b, b + (hi - lo) / 20, 20);
  return [a, b];
}
