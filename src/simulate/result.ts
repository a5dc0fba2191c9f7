import type { Seed } from '../random/stream.js';
import type { Levers, RunResult } from '../model/run.js';
import type { Scenario } from '../scenario/schema.js';
import type { Band } from '../maths/band.js';

/** How a simulation's monthly bands are computed. */
export type BandMethod =
  /** From every run's monthly values, held in one place: the bands of `simulate`, bit for bit. */
  | { readonly method: 'exact' }
  /**
   * From mergeable quantile sketches (DDSketch): each percentile within
   * `relativeAccuracy × |x|` of `x`, the exact ⌊q(n − 1)⌋-th smallest value,
   * whatever the split; the horizon figures and the paid-back shares stay
   * exact, and each mean is the sum of every run's value over the runs (its
   * last bits depend on the split, as sums of doubles do).
   */
  | { readonly method: 'sketch'; readonly relativeAccuracy: number };

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
  /** NPS of a survey of the month's customers, with and without the programme. */
  readonly nps: PerArm<NpsBands>;
}

/**
 * One month's NPS survey over the runs. A customer is a promoter with
 * chance `recommendAfterExcellent` after an excellent journey and
 * `recommendAfterBad` after a bad one (Temkin: 90% and 18%); a detractor
 * with the rest of the bad ones and `detractorAfterOrdinary` of the good but
 * not excellent ones; a passive otherwise. Shares of the customers at the
 * month's start (0 to 1); `score` = 100 × (promoters − detractors), −100 to 100.
 */
export interface NpsBands {
  readonly score: Band;
  readonly promoters: Band;
  readonly passives: Band;
  readonly detractors: Band;
}

/**
 * What a stage gate did over the runs. A stopped programme pays no monthly
 * cost after the gate month, and its effect then fades or holds
 * (`afterStop`). Each run is also simulated without the gate, from the same
 * draws, so `npvChange` is what the gate itself changed.
 */
export interface StageGateSummary {
  readonly month: number;
  readonly measure: 'effect' | 'nps' | 'roi';
  readonly threshold: number;
  readonly afterStop: 'fade' | 'hold';
  readonly fadeMonths: number;
  /** Share of runs stopped at the gate, and its Monte Carlo standard error. */
  readonly stoppedShare: number;
  readonly stoppedShareStandardError: number;
  /** Mean discounted monthly cost not paid after a stop, over all runs (currency). */
  readonly savedCost: number;
  /** The same among the stopped runs; `null` when none was stopped. */
  readonly savedCostAmongStopped: number | null;
  /** Mean of (NPV − NPV without the gate) over all runs: positive when stopping helped; with its Monte Carlo standard error. */
  readonly npvChange: number;
  readonly npvChangeStandardError: number;
  /** The same among the stopped runs; `null` when none was stopped. */
  readonly npvChangeAmongStopped: number | null;
}

/** When the programme pays back, over the runs. */
export interface PaybackSummary {
  /**
   * The median payback month over **all** runs, a run that never pays back
   * counting as later than any month; `null` ("not within the horizon") when
   * more than half of the runs never pay back.
   */
  readonly median: number | null;
  /** Share of runs whose cumulative ROI reaches 0 within the horizon. */
  readonly paidBackShare: number;
  /** Share of runs that never pay back within the horizon. */
  readonly neverShare: number;
  /**
   * The band of payback months **among the runs that pay back** (it says
   * nothing of the others); `null` when none does.
   */
  readonly amongPaidBack: Band | null;
}

/**
 * The mean NPV split by lever (currency, discounted to today). `retention`,
 * `spend`, `positiveWordOfMouth`, `negativeWordOfMouth` and `cost` (minus the
 * programme's discounted cost) add up to `npv`, the mean horizon NPV.
 * `terminalValue` is apart from it: `null` unless `valuation.terminalValue`
 * is `"customerLifetime"`.
 */
export interface LeverSummary extends Levers {
  /** The mean horizon NPV the levers add up to. */
  readonly npv: number;
  readonly terminalValue: number | null;
}

/** Something about a scenario a reader should know before trusting its result. */
export interface SimulationWarning {
  /** A stable identifier, e.g. `"low-retention"`. */
  readonly code: string;
  /** What is odd, with the figures, in words. */
  readonly message: string;
  /** The field to look at, as a dotted path. */
  readonly field: string;
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
  /**
   * Accenture's published split: a reference for a reality check, not a
   * target (0.5 tuned the default's costs to land near it; since 0.6 nothing
   * is tuned to it).
   */
  readonly published: { readonly positive: number; readonly middling: number; readonly negative: number };
  /** The χ² distance of the simulated split from the published one: Σ (simulated − published)² ÷ published. */
  readonly chiSquareDistance: number;
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
  /** The mean NPV by lever; the parts add up to the mean NPV. */
  readonly levers: LeverSummary;
  /** The terminal value's band over the runs, apart from the NPV; `null` unless `valuation.terminalValue` is `"customerLifetime"`. */
  readonly terminalValue: Band | null;
  /** What the stage gate did; `null` when the scenario has none. */
  readonly stageGate: StageGateSummary | null;
}

/** What {@link simulate} returns. */
export interface SimulationResult {
  /** The version of cx-roi that made this result (results of other versions differ for the same seed). */
  readonly version: string;
  /** The complete scenario simulated (defaults filled in). */
  readonly scenario: Scenario;
  /** What looks implausible about the scenario's business without the programme (empty when nothing does). */
  readonly warnings: readonly SimulationWarning[];
  /** The seed used. */
  readonly seed: Seed;
  /** Number of runs. */
  readonly runCount: number;
  /** One row per month, 1 to horizonMonths. */
  readonly series: readonly SeriesRow[];
  readonly horizon: HorizonSummary;
  /** Every run's horizon figures and drawn parameters, when `keepRuns` is set. */
  readonly runs?: readonly RunResult[] | undefined;
  /**
   * How the monthly bands were computed, when not exactly: present only on a
   * result that `mergeShards` put together from sketches (past `exactBandsUpTo`).
   */
  readonly bands?: BandMethod;
}
