/**
 * cx-roi: seeded Monte Carlo simulation of what an investment in customer
 * experience returns over the long game. This file is the whole public API.
 * @packageDocumentation
 */

// Simulate
export { version } from './version.js';
export { simulate } from './simulate/simulate.js';
export type { SimulateOptions } from './simulate/options.js';
export { defaultRuns, defaultSeed } from './simulate/options.js';
export type {
  HorizonSummary,
  LeverSummary,
  OutcomeClasses,
  PaybackSummary,
  SimulationWarning,
  PerArm,
  SeriesRow,
  SimulationResult,
  NpsBands,
  StageGateSummary,
} from './simulate/result.js';
export type { Band } from './maths/band.js';
export type { GateOutcome, Levers, RunResult, StageGate } from './model/run.js';
export type { DrawnValues } from './scenario/parameters.js';
export type { AssumptionField } from './scenario/assumptions.js';
export { improvementFromBudget } from './scenario/parameters.js';

// Scenario
export { defaultBusiness, defaultChannels, defaultScenario } from './scenario/defaults.js';
export { scenarioSchema, fieldRegistry } from './scenario/schema.js';
export type { Scenario, ScenarioInput, DeepPartial, FieldMeta } from './scenario/schema.js';
export { parseScenario } from './scenario/parse.js';
export { ScenarioError, formatIssue, maxReportedIssues } from './scenario/error.js';
export type { ScenarioIssue } from './scenario/error.js';
export { describeAssumptions, describeValue } from './scenario/describe.js';
export type { AssumptionRow } from './scenario/describe.js';
export type { Assumption, Distribution } from './scenario/distribution.js';
export { distributionNames } from './scenario/distribution.js';
export { alternatives, sources, accentureOutcomeSplit } from './scenario/sources.js';
export type { Alternative, Source, SourceName } from './scenario/sources.js';
export { domains, limits } from './scenario/domain.js';
export type { Domain } from './scenario/domain.js';

// Programme design: maturity and a reality check
export { executionSuccessFromMaturity, maturityMapping, maturityQuestionIds, maturityQuestions } from './scenario/maturity.js';
export type { MaturityAnswer, MaturityAnswers, MaturityQuestion, MaturityQuestionId } from './scenario/maturity.js';
export { realityCheck, typicalProgrammes } from './business/reality-check.js';
export type { RealityCheck } from './business/reality-check.js';

// The user's own business
export { impliedKpis, plausibility } from './model/kpis.js';
export type { ArmKpis, ImpliedKpis } from './model/kpis.js';
export { calibrate, observedBusinessSchema } from './business/calibrate.js';
export { businessSchema, derivedPaths } from './scenario/business.js';
export type { Business } from './scenario/business.js';
export type { CalibrateOptions, ObservedBusiness } from './business/calibrate.js';

// Randomness, for users who build on the same streams
export { createStream, streamFamily } from './random/stream.js';
export type { KeyPart, RandomStream, Seed, StreamFamily } from './random/stream.js';
export { binomial } from './random/binomial.js';

// Reports
export { writeJson } from './report/json.js';
export { seriesCsv, runsCsv } from './report/csv.js';
export { assumptionsMarkdown } from './report/markdown.js';

// Parallel runs
export { simulateParallel } from './parallel/simulate-parallel.js';
export type { ParallelOptions } from './parallel/parallel.js';
export type { ShardWorker } from './parallel/worker-pool.js';
export { stopWorkers } from './parallel/worker-pool.js';
// The worker protocol (handleWorkerRequest and its message types) is the subpath cx-roi/worker.

// Shards: split a simulation, run the parts anywhere, merge them exactly
export { defaultRelativeAccuracy, maxShardBytes, maxShardedRuns, maxShards, planShards } from './shards/plan.js';
export type { ShardPlanOptions, ShardSpec } from './shards/plan.js';
export { simulateShard } from './shards/simulate-shard.js';
export type { SimulateShardOptions } from './shards/simulate-shard.js';
export { mergeShards } from './shards/merge.js';
export type { BandMethod } from './simulate/result.js';
export { ShardFormatError, shardFormat } from './shards/codec.js';
export { resultHash } from './report/hash.js';

// Analysis
export { roiDrivers } from './summary/drivers.js';
export type { RoiDriver } from './summary/drivers.js';

// Decisions: compare, break-even, sensitivity over time, value of information
export { compare } from './decisions/compare.js';
export type { Comparison, CompareOptions, PairedDifference } from './decisions/compare.js';
export { breakEven, maxBreakEvenSimulations } from './decisions/break-even.js';
export type { BreakEven, BreakEvenOptions, BreakEvenPoint } from './decisions/break-even.js';
export { breakEvenMetrics } from './decisions/break-even-target.js';
export type { BreakEvenMetric, BreakEvenTarget } from './decisions/break-even-target.js';
export { sensitivity } from './decisions/sensitivity.js';
export type { Sensitivity, SensitivityAtMonth, SensitivityDriver, SensitivityOptions } from './decisions/sensitivity.js';
export type { FixedFigureSwing, SwingMonth } from './decisions/swings.js';
export { firstOrderIndices } from './decisions/first-order.js';
export type { FirstOrderOptions } from './decisions/first-order.js';
export { valueOfInformation, valueOfInformationFromRuns } from './decisions/value-of-information.js';
export { robustness } from './decisions/robustness.js';
export type {
  Decision,
  DecisionFigures,
  Flip,
  HorizonOutcome,
  ReadingInput,
  ReadingOutcome,
  Robustness,
  RobustnessOptions,
} from './decisions/robustness.js';

// Readings: the values the sources disagree on, and plausible ends of the numbers nobody measured
export { contestedFigures } from './scenario/readings.js';
export type { ContestedFigure, Reading } from './scenario/readings.js';
export type { PartialValue, ValueOfInformation, ValueOfInformationOptions } from './decisions/value-of-information.js';
