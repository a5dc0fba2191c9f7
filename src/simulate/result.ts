import type { Seed } from '../random/stream.js';
import type { RunResult } from '../model/run.js';
import type { Scenario } from '../scenario/schema.js';
import type { Band } from '../summary/band.js';

/** A figure per arm: without the programme (baseline) and with it (invested). */
export interface PerArm<T> {
  readonly baseline: T;
  readonly invested: T;
}

/** The state at the end of one month, as bands over the runs. */
export interface SeriesRow {
  /** Month number, 1 to horizonMonths. */
  readonly month: number;
  /** Cumulative ROI up to this month. */
  readonly roi: Band;
  /** Share of runs whose cumulative ROI is ≥ 0 by this month. */
  readonly probabilityPaidBack: number;
  /** Active customers at the end of the month. */
  readonly customers: PerArm<Band>;
  /** Revenue in the month. */
  readonly revenue: PerArm<Band>;
  /** Gross margin in the month. */
  readonly margin: PerArm<Band>;
}

/** When the programme pays back, over the runs. */
export interface PaybackSummary {
  /** Share of runs whose cumulative ROI reaches 0 within the horizon. */
  readonly paidBackShare: number;
  /** Share of runs that never pay back within the horizon. */
  readonly neverShare: number;
  /** Payback month's band over the runs that pay back; `null` when none does. */
  readonly month: Band | null;
}

/**
 * Shares of runs in Accenture's three outcome classes, to hold against the
 * published 23% / 57% / 20%. A run is `positive` when its horizon ROI is
 * ≥ `positiveFrom`, `negative` when it is < `negativeBelow`, else `middling`.
 */
export interface OutcomeClasses {
  readonly positive: number;
  readonly middling: number;
  readonly negative: number;
  /** The thresholds used (from `scenario.outcomeClasses`). */
  readonly positiveFrom: number;
  readonly negativeBelow: number;
  /** Accenture's published split, for comparison. */
  readonly published: { readonly positive: number; readonly middling: number; readonly negative: number };
}

/** The figures at the horizon. */
export interface HorizonSummary {
  /** The horizon month. */
  readonly month: number;
  /** ROI at the horizon: (discounted incremental margin − discounted cost) ÷ discounted cost. */
  readonly roi: Band;
  /** Monte Carlo standard error of `roi.mean`: sd ÷ √runs. */
  readonly roiMeanStandardError: number;
  /** Net present value at the horizon (currency). */
  readonly npv: Band;
  /** Share of runs with ROI > 0 at the horizon. */
  readonly probabilityPositiveRoi: number;
  /** Monte Carlo standard error of that share: √(p(1 − p) ÷ runs). */
  readonly probabilityPositiveRoiStandardError: number;
  readonly paybackMonth: PaybackSummary;
  readonly outcomeClasses: OutcomeClasses;
  /** Active customers at the horizon. */
  readonly customers: PerArm<Band>;
  /** Share of runs in which the programme was carried out as planned. */
  readonly executedShare: number;
}

/** What {@link simulate} returns. */
export interface SimulationResult {
  /** The version of cx-roi that made this result (results of other versions differ for the same seed). */
  readonly version: string;
  /** The complete scenario simulated (defaults filled in). */
  readonly scenario: Scenario;
  /** The seed used. */
  readonly seed: Seed;
  /** Number of runs. */
  readonly runCount: number;
  /** One row per month, 1 to horizonMonths. */
  readonly series: readonly SeriesRow[];
  readonly horizon: HorizonSummary;
  /** Every run's horizon figures and drawn parameters, when `keepRuns` is set. */
  readonly runs?: readonly RunResult[];
}
