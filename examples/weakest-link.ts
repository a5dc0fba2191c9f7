/**
 * The weakest link: a journey is as good as the product of its touchpoints'
 * success rates, so one bad touchpoint (late delivery by a partner's courier)
 * undoes everything the others do well. Compare fixing the weak touchpoint
 * with polishing all the others. The journeys are other businesses' here,
 * so no business is held (business: null): a held business would scale any
 * journey back to its own bad-experience rate.
 *
 *   npx tsx examples/weakest-link.ts
 */
import { simulate } from 'cx-roi';

const good = 0.005;
const journeys = {
  'every touchpoint good': { discover: good, order: good, delivery: good, product: good, service: good },
  'late delivery (12%)': { discover: good, order: good, delivery: 0.12, product: good, service: good },
  'late delivery, others perfect': { discover: 0, order: 0, delivery: 0.12, product: 0, service: 0 },
};

const pBad = (failures: Record<string, number>) => 1 - Object.values(failures).reduce((ok, f) => ok * (1 - f), 1);
console.log('journey                          pBad   customers after 5 years (median, no programme)');
for (const [name, touchpointFailure] of Object.entries(journeys)) {
  const { horizon } = simulate(
    { business: null, journey: { touchpointFailure }, investment: { failureReduction: 0 } },
    { runs: 500, seed: 7 },
  );
  console.log(
    `${name.padEnd(32)} ${(100 * pBad(touchpointFailure)).toFixed(1).padStart(4)}%  ${Math.round(horizon.customers.baseline.p50).toLocaleString('en-US').padStart(8)}`,
  );
}
console.log('\nPerfecting the four other touchpoints barely helps while delivery stays late: the weakest link sets the journey.');
