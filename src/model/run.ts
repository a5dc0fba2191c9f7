import type { Seed } from '../random/stream.js';
import { ScenarioError } from '../scenario/error.js';
import { minimumProgrammeCost } from '../scenario/domain.js';
import type { Scenario } from '../scenario/schema.js';
import { drawValues, drawnSummedPaths } from './draw.js';
import { type MonthOutcome, copyOutcome, emptyOutcome, simulateMonth } from './month.js';
import { type DrawnValues, type RunParameters, cutAt, investedPBad } from '../scenario/parameters.js';
import { runParameters } from './run-parameters.js';
import type { RunTrace } from './trace.js';
import { type ArmStreams, copyArm, createArm, modelStreams, seedArm } from './streams.js';

/** A scenario's stage gate (see `investment.stageGate`). */
export type StageGate = NonNullable<Scenario['investment']['stageGate']>;

/** What a stage gate did in one run. */
export interface GateOutcome {
  /** The month at whose end the programme was stopped, or `null` if it passed the gate. */
  readonly stoppedMonth: number | null;
  /** The measure at the gate: the measured effect, or the cumulative ROI. */
  readonly measured: number;
  /** Discounted monthly cost not paid after the stop (0 if not stopped). */
  readonly savedCost: number;
  /** The run's NPV had there been no gate (the same draws): equal to `npv` unless it was stopped. */
  readonly npvWithoutGate: number;
}

/** One run's figures at the horizon, and what it drew. */
export interface RunResult {
  /** The run's index: its draws depend only on (seed, run). */
  readonly run: number;
  /** ROI at the horizon: (discounted incremental margin − discounted cost) ÷ discounted cost. */
  readonly roi: number;
  /** Net present value at the horizon: discounted incremental margin − discounted cost. */
  readonly npv: number;
  /** First month whose cumulative ROI is ≥ 0, or `null` if none within the horizon. */
  readonly paybackMonth: number | null;
  /** Active customers at the horizon in each arm. */
  readonly customers: { readonly baseline: number; readonly invested: number };
  /** Whether the programme was carried out as planned in this run (else it delivers `missedEffectShare`). */
  readonly executed: boolean;
  /**
   * Every drawn assumption's value in this run, by dotted path. In the runs a
   * result keeps (`keepRuns`), the fields a held business solves are left
   * out: they are functions of the others.
   */
  readonly parameters: DrawnValues;
  /**
   * The run's cumulative NPV at the end of each month (index `t − 1` for
   * month `t`; currency, discounted): what `sensitivity` reads at the months
   * it is asked about. Present in the runs `keepRuns` returns.
   */
  readonly npvByMonth?: readonly number[];
  /** The run's NPV split by where the money comes from; with `cost` the parts add up to `npv`. */
  readonly levers: Levers;
  /**
   * The customers the programme has gained by the horizon, valued at the
   * invested arm's customer lifetime value and discounted to today, when
   * `valuation.terminalValue` is `"customerLifetime"`; `null` otherwise. Not
   * part of `npv`. The gained customers keep the invested arm's churn and
   * spend at the horizon for life, and no programme cost is charged after
   * it: an optimistic convention, to be read beside the NPV, not added to it.
   */
  readonly terminalValue: number | null;
  /** What the stage gate did, when the scenario has one (`investment.stageGate`); else `null`. */
  readonly gate: GateOutcome | null;
}

/**
 * An NPV split by lever (currency, discounted). Each month the incremental
 * margin is split exactly: the invested arm's customers spending more per
 * head than the baseline's (`spend`), and the baseline's margin per head on
 * the gap in customers, each traced to where it came from: fewer of the
 * baseline's customers churned (`retention`), more won by recommendation net
 * of the organic sign-ups they displace (`positiveWordOfMouth`), or fewer put
 * off by negative stories (`negativeWordOfMouth`). Customers in the gap churn
 * at the invested arm's rate, each lever losing its own, so a programme that
 * changes no churn probability has no retention lever. `cost` is minus the
 * discounted programme cost.
 */
export interface Levers {
  readonly retention: number;
  readonly spend: number;
  readonly positiveWordOfMouth: number;
  readonly negativeWordOfMouth: number;
  readonly cost: number;
}

/** Called after each month with both arms' outcomes (for tests and tracing; the copies are reused). */
export type MonthObserver = (month: number, baseline: Readonly<MonthOutcome>, invested: Readonly<MonthOutcome>) => void;

/**
 * How much of its full effect the programme has in month `month`: none
 * during the delay, then growing linearly to full over `rampMonths` (the
 * long game), times `missedEffectShare` when the programme was not carried
 * out as planned (negative: it backfires).
 */
export function effectScale(p: RunParameters, executed: boolean, month: number): number {
  const since = month - p.delayMonths;
  const ramp = since <= 0 ? 0 : p.rampMonths <= 0 ? 1 : Math.min(1, since / p.rampMonths);
  return (executed ? 1 : p.missedEffectShare) * ramp;
}

/** The programme's relative cut in pBad in month `month` (whole-journey form, no stage gate). */
export function effectInMonth(p: RunParameters, executed: boolean, month: number): number {
  return cutAt(p.failureReduction, effectScale(p, executed, month));
}

/** The invested arm's share of good journeys that are excellent with the programme at `scale` of its full effect (0 to 1). */
export function excellentShareAt(p: RunParameters, scale: number): number {
  return Math.min(1, Math.max(0, p.excellentShare + p.excellentShareIncrease * scale));
}

/**
 * A stage gate's effect after it stopped the programme at month `stoppedAt`
 * with `scaleAtStop` of its effect: held, or fading linearly to nothing over
 * `fadeMonths`, gains and harm alike.
 */
export function scaleAfterStop(gate: StageGate, scaleAtStop: number, stoppedAt: number, month: number): number {
  if (gate.afterStop === 'hold') return scaleAtStop;
  return scaleAtStop * Math.max(0, 1 - (month - stoppedAt) / gate.fadeMonths);
}

/** Expected churn of a month in which a share `pBad` of journeys is bad: bad ones lose switchAfterBad, good ones base churn. */
export function monthlyChurn(pBad: number, p: RunParameters): number {
  return pBad * p.switchAfterBad + (1 - pBad) * p.baseChurn;
}

/**
 * A customer's lifetime value at the start of a month: this month's gross
 * margin and every later one, discounted monthly and weighted by the chance
 * of still being a customer: margin ÷ (1 − discount · (1 − churn)).
 */
export function customerLifetimeValue(marginPerMonth: number, monthlyChurn: number, monthlyDiscount: number): number {
  return marginPerMonth / (1 - monthlyDiscount * (1 - monthlyChurn));
}

type NpsFigures = Pick<RunParameters, 'recommendAfterExcellent' | 'recommendAfterBad' | 'detractorAfterOrdinary'>;

/** Promoters among customers with `bad` and `excellent` journeys: recommendAfterExcellent of the excellent and recommendAfterBad of the bad. */
function promoters(bad: number, excellent: number, p: NpsFigures): number {
  return excellent * p.recommendAfterExcellent + bad * p.recommendAfterBad;
}

/** Detractors among customers with `bad` and `ordinary` (good, not excellent) journeys: the other bad ones and detractorAfterOrdinary of the ordinary. */
function detractors(bad: number, ordinary: number, p: NpsFigures): number {
  return bad * (1 - p.recommendAfterBad) + ordinary * p.detractorAfterOrdinary;
}

/**
 * Promoters and detractors among customers with `bad`, `excellent` and
 * `ordinary` (good, not excellent) journeys, in the same units (the rest
 * are passives).
 */
export function npsParts(bad: number, excellent: number, ordinary: number, p: NpsFigures): { promoters: number; detractors: number } {
  return { promoters: promoters(bad, excellent, p), detractors: detractors(bad, ordinary, p) };
}

// A month's survey shares, as numbers: the hot loop writes them without allocating.
function promoterShare(out: Readonly<MonthOutcome>, p: RunParameters): number {
  return out.customersStart > 0 ? promoters(out.bad, out.excellent, p) / out.customersStart : 0;
}

function detractorShare(out: Readonly<MonthOutcome>, p: RunParameters): number {
  return out.customersStart > 0 ? detractors(out.bad, out.good - out.excellent, p) / out.customersStart : 0;
}

/** The NPS a survey would give, in expectation, before the programme: the baseline's conditions. */
function npsBefore(p: RunParameters): number {
  const { promoters, detractors } = npsParts(p.pBad, (1 - p.pBad) * p.excellentShare, (1 - p.pBad) * (1 - p.excellentShare), p);
  return 100 * (promoters - detractors);
}

/** Months the "effect" and "nps" measures of a stage gate look back over: the gate month and the two before it. */
export const gateWindowMonths = 3;

/**
 * The cut in bad experiences a company would measure: its bad-experience
 * share over a window (`bad` of `customers`) against the rate before the
 * programme; 0 when either is empty.
 */
export function measuredCut(bad: number, customers: number, pBadBefore: number): number {
  return pBadBefore > 0 && customers > 0 ? 1 - bad / customers / pBadBefore : 0;
}

// The generators of a run's two arms, reused by the next run (a run reseeds them): taken while a run is under way,
// so a run started inside another (the same run without its stage gate) makes its own.
let spareArms: [ArmStreams, ArmStreams] | undefined;

/**
 * Simulates run `run` of a scenario: both arms, month by month, from the same
 * customers, parameter draws and random streams.
 *
 * @param scenario - A validated scenario (see `parseScenario`).
 * @param seed - The simulation seed.
 * @param run - The run's index; its result depends only on (seed, run).
 * @param trace - Filled with the month-by-month figures, if given.
 * @param observe - Called after every month with both arms' outcomes, if given.
 * @param ignoreGate - Simulate as if the scenario had no stage gate (for what the gate changed).
 */
export function simulateRun(
  scenario: Scenario,
  seed: Seed,
  run: number,
  trace?: RunTrace,
  observe?: MonthObserver,
  ignoreGate = false,
): RunResult {
  // Over 80 lines: the engine's hot loop (split into calls it runs slower), and in one piece the order of the draws every frozen result rests on is plain to see.
  const streams = modelStreams(scenario, seed);
  const values = drawValues(scenario, seed, run);
  const p = runParameters(scenario, values, drawnSummedPaths(scenario));
  if (p.upfront < minimumProgrammeCost && p.monthlyCost < minimumProgrammeCost)
    // parseScenario rules this out for every draw; kept as the guard of ROI's denominator.
    throw new ScenarioError([
      {
        path: 'investment.upfront',
        value: p.upfront,
        message: `drew ${p.upfront} with investment.monthly ${p.monthlyCost} in run ${run}: the programme must cost at least ${minimumProgrammeCost}`,
      },
    ]);
  const executed = streams.execution.at(run)() < p.executionSuccess;
  const gate = ignoreGate ? undefined : scenario.investment.stageGate;
  // Identical streams for both arms: common random numbers. Until the programme changes a month's conditions the
  // invested arm is the baseline month for month (same counts, same streams, same draws), so it is not simulated
  // twice: it copies the baseline's outcome, and takes up the baseline's stream states where the arms part.
  const [baselineStreams, investedStreams] = spareArms ?? [createArm(), createArm()];
  spareArms = undefined;
  seedArm(streams, run, baselineStreams);
  let twin = true;
  const baseline = emptyOutcome();
  const invested = emptyOutcome();

  let baselineCustomers = p.initialCustomers;
  let investedCustomers = p.initialCustomers;
  let baselineProspects = p.prospects;
  let investedProspects = p.prospects;
  let discount = 1;
  let cost = p.upfront;
  let incrementalMargin = 0;
  let roi = -1;
  let paybackMonth: number | null = null;
  // The customer gap (invested − baseline) traced to its causes, and the levers' discounted margins.
  let gapRetention = 0;
  let gapPositive = 0;
  let gapNegative = 0;
  let retention = 0;
  let spend = 0;
  let positive = 0;
  let negative = 0;
  let pBadInvested = p.pBad;
  // The stage gate: when it stopped the programme, with how much effect, and the cost it saved.
  let stoppedMonth: number | null = null;
  let scaleAtStop = 0;
  let measured = Number.NaN;
  let savedCost = 0;
  let windowBad = 0;
  let windowCustomers = 0;
  let windowNps = 0;
  let windowMonths = 0;

  for (let month = 1; month <= p.horizonMonths; month += 1) {
    const scale =
      stoppedMonth === null ? effectScale(p, executed, month) : scaleAfterStop(gate as StageGate, scaleAtStop, stoppedMonth, month);
    pBadInvested = investedPBad(p, scale);
    const excellentInvested = excellentShareAt(p, scale);
    if (twin && !(Object.is(pBadInvested, p.pBad) && Object.is(excellentInvested, p.excellentShare))) {
      copyArm(baselineStreams, investedStreams);
      twin = false;
    }
    simulateMonth(baselineCustomers, baselineProspects, p.pBad, p.excellentShare, p, baselineStreams, baseline);
    if (twin) copyOutcome(baseline, invested);
    else simulateMonth(investedCustomers, investedProspects, pBadInvested, excellentInvested, p, investedStreams, invested);
    baselineCustomers = baseline.customersEnd;
    investedCustomers = invested.customersEnd;
    baselineProspects = baseline.prospectsEnd;
    investedProspects = invested.prospectsEnd;

    discount *= p.monthlyDiscount;
    if (stoppedMonth === null) cost += discount * p.monthlyCost;
    else savedCost += discount * p.monthlyCost;
    incrementalMargin += discount * (invested.margin - baseline.margin);
    roi = (incrementalMargin - cost) / cost;
    if (paybackMonth === null && roi >= 0) paybackMonth = month;

    // Levers: revenue_I − revenue_B = spend + gap·s_B, with s_B the baseline's revenue per customer. Spend is
    // taken as (revenue_I − revenue_B) − gap·s_B, the difference of revenues first, so that arms alike give exactly 0.
    const perHead = baseline.customersStart > 0 ? baseline.revenue / baseline.customersStart : 0;
    const leverScale = discount * p.grossMargin;
    spend += leverScale * (invested.revenue - baseline.revenue - (invested.customersStart - baseline.customersStart) * perHead);
    retention += leverScale * gapRetention * perHead;
    positive += leverScale * gapPositive * perHead;
    negative += leverScale * gapNegative * perHead;
    // Customers in the gap churn too, at the invested arm's rate this month, whatever brought them:
    // only the churn the baseline's own customers were spared counts as retention.
    const churnRate = invested.customersStart > 0 ? invested.churned / invested.customersStart : 0;
    const keep = 1 - churnRate;
    // churned_B − rate_I·A_B, written so that arms alike give exactly 0.
    const spared =
      invested.customersStart > 0
        ? (baseline.churned * invested.customersStart - invested.churned * baseline.customersStart) / invested.customersStart
        : baseline.churned;
    gapRetention = gapRetention * keep + spared;
    gapPositive =
      gapPositive * keep +
      (invested.convertedByWordOfMouth + invested.acquiredOrganically - baseline.convertedByWordOfMouth - baseline.acquiredOrganically);
    gapNegative = gapNegative * keep + (baseline.deterred - invested.deterred);

    if (gate && stoppedMonth === null) {
      // What a company can measure: its own bad-experience share now against the rate before the programme.
      if (month > gate.month - gateWindowMonths) {
        windowBad += invested.bad;
        windowCustomers += invested.customersStart;
        windowNps += 100 * (promoterShare(invested, p) - detractorShare(invested, p));
        windowMonths += 1;
      }
      if (month === gate.month) {
        if (gate.measure === 'roi') measured = roi;
        else if (gate.measure === 'nps') measured = windowNps / windowMonths - npsBefore(p);
        else measured = measuredCut(windowBad, windowCustomers, p.pBad);
        if (measured < gate.threshold) {
          stoppedMonth = month;
          scaleAtStop = scale;
        }
      }
    }

    if (trace) {
      const i = month - 1;
      trace.roi[i] = roi;
      trace.npv[i] = incrementalMargin - cost;
      trace.customers.baseline[i] = baselineCustomers;
      trace.customers.invested[i] = investedCustomers;
      trace.revenue.baseline[i] = baseline.revenue;
      trace.revenue.invested[i] = invested.revenue;
      trace.margin.baseline[i] = baseline.margin;
      trace.margin.invested[i] = invested.margin;
      // Written without allocating: a worker's young heap grows with every object made per month.
      trace.promoters.baseline[i] = promoterShare(baseline, p);
      trace.promoters.invested[i] = promoterShare(invested, p);
      trace.detractors.baseline[i] = detractorShare(baseline, p);
      trace.detractors.invested[i] = detractorShare(invested, p);
    }
    if (observe) observe(month, baseline, invested);
  }

  let terminalValue: number | null = null;
  if (scenario.valuation.terminalValue === 'customerLifetime') {
    // The gap at the horizon, valued at the invested arm's lifetime value from the month after it.
    const perHead = invested.customersStart > 0 ? invested.revenue / invested.customersStart : 0;
    const value = customerLifetimeValue(perHead * p.grossMargin, monthlyChurn(pBadInvested, p), p.monthlyDiscount);
    terminalValue = (investedCustomers - baselineCustomers) * value * discount * p.monthlyDiscount;
  }

  spareArms = [baselineStreams, investedStreams];
  const npv = incrementalMargin - cost;
  let gateOutcome: GateOutcome | null = null;
  if (gate)
    gateOutcome = {
      stoppedMonth,
      measured,
      savedCost,
      // The same run without the gate, for what stopping changed; only a stopped run differs.
      npvWithoutGate: stoppedMonth === null ? npv : simulateRun(scenario, seed, run, undefined, undefined, true).npv,
    };

  return {
    run,
    roi,
    npv,
    paybackMonth,
    customers: { baseline: baselineCustomers, invested: investedCustomers },
    executed,
    parameters: values,
    levers: { retention, spend, positiveWordOfMouth: positive, negativeWordOfMouth: negative, cost: -cost },
    terminalValue,
    gate: gateOutcome,
  };
}
