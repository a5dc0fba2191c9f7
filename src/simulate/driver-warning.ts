import { count, money, percent } from '../format/numbers.js';
import type { DrawnValues } from '../scenario/parameters.js';
import { type Seed, createStream } from '../random/stream.js';
import { scenarioAssumptions } from '../scenario/assumption-fields.js';
import { scenarioFields } from '../scenario/schema-walk.js';
import type { Scenario } from '../scenario/schema.js';
import type { SimulationWarning } from './result.js';
import { betweenClassShare, defaultClasses, partition } from '../maths/first-order.js';

/** Least share of the NPV's variance an assumption must explain alone before it is called the answer's largest driver. */
export const driverWarningShare = 0.1;

/**
 * A warning when the largest driver of the horizon NPV's variance among the
 * assumptions is an illustrative one (one no article measured; whether the
 * programme is carried out, a chance event of each run, is said beside it
 * for scale but is no assumption): its first-order share
 * of the variance (given-data partition estimator) and what learning it
 * before deciding would be worth (EVPPI of invest-or-not by expected NPV,
 * by the one-level partition method, less the same estimate with the input
 * shuffled: what noise within the classes alone gives), both from the first
 * runs, whose draws (`drawFirstRuns`) are made again from the seed.
 * Empty when fewer than 100 runs, when no assumption explains at least
 * {@link driverWarningShare} alone, or when the largest has a source.
 */
export function unmeasuredDriverWarnings(
  scenario: Scenario,
  seed: Seed,
  draws: readonly DrawnValues[],
  npv: ArrayLike<number>,
  executed: ArrayLike<number>,
): SimulationWarning[] {
  const n = draws.length;
  if (n < 100) return [];
  const varying = scenarioAssumptions(scenario).filter((f) => typeof f.value !== 'number');
  if (varying.length === 0) return [];
  const columns = varying.map(({ path }) => Float64Array.from(draws, (values) => values[path] as number));
  const y = Float64Array.from({ length: n }, (_, i) => npv[i] as number);
  const classes = defaultClasses(n);
  let best: { index: number; share: number; classOf: Uint16Array; count: number } = {
    index: -1,
    share: 0,
    classOf: new Uint16Array(0),
    count: 0,
  };
  columns.forEach((x, index) => {
    const { classOf, count } = partition(x, classes);
    const share = betweenClassShare(y, classOf, count);
    if (share > best.share) best = { index, share, classOf, count };
  });
  if (best.index < 0 || best.share < driverWarningShare) return [];
  const path = (varying[best.index] as (typeof varying)[number]).path;
  const meta = scenarioFields(scenario).find((f) => f.path === path)?.meta;
  if (!meta || meta.source !== null) return [];
  // Whether the programme is carried out is a chance event of each run, not an assumption: its share is said for scale.
  const done = Float64Array.from({ length: n }, (_, i) => executed[i] as number);
  const split = partition(done, classes);
  const executedShare = done.some((v) => v !== done[0]) ? betweenClassShare(y, split.classOf, split.count) : 0;
  // EVPPI, one level: the mean over classes of max(0, E[NPV | class]) less max(0, E[NPV]). Noise within a class
  // pushes it up, so what the same classes give with the input shuffled (no information at all) is taken off.
  const evppiOf = (classOf: ArrayLike<number>) => {
    const sums = new Float64Array(best.count);
    let total = 0;
    for (let i = 0; i < n; i += 1) {
      const k = classOf[i] as number;
      sums[k] = (sums[k] as number) + (y[i] as number);
      total += y[i] as number;
    }
    let informed = 0;
    for (let k = 0; k < best.count; k += 1) informed += Math.max(0, sums[k] as number);
    return informed / n - Math.max(0, total / n);
  };
  const shuffled = Uint16Array.from(best.classOf.subarray(0, n));
  const random = createStream(seed, 'evppi-noise');
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
  }
  const evppi = Math.max(0, evppiOf(best.classOf) - evppiOf(shuffled));
  return [
    {
      code: 'unmeasured-driver',
      message: `Of the assumptions, the answer rests most on ${meta.label.toLowerCase()} (${path}), an illustrative assumption nobody has measured: it alone explains ${percent(best.share, 0)} of the spread of the NPV at the horizon${executedShare > 0 ? ` (whether the programme is carried out, a chance event of each run, explains ${percent(executedShare, 0)})` : ''}. Knowing it before deciding would be worth about ${money(evppi)} (its EVPPI, from the first ${count(n)} runs, less what noise alone gives); measure it, or see how the decision changes across its range with robustness().`,
      field: path,
    },
  ];
}
