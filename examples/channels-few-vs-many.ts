/**
 * Great at a few, or average at many? (Article 002: Punk CX; Dimension
 * Data's nine channels, 70% of organisations with none or few connected.)
 * One channel budget spent on the three busiest channels or spread over all
 * nine, under two assumptions about what improving a channel costs:
 *
 * - a set-up cost per channel (connecting it to the others and the basics)
 *   that must be paid before anything improves, and
 * - no set-up cost: every unit of money improves the channel, with
 *   diminishing returns.
 *
 * The business is the default one, calibrated with its contact channels
 * (defaultChannels), so that bad experiences stay at 1.5% a month.
 *
 *   npx tsx examples/channels-few-vs-many.ts
 */
import { calibrate, defaultBusiness, defaultChannels, simulate } from 'cx-roi';

const budget = 90_000;
const channels = Object.keys(defaultChannels.offered);
const busiest = ['phone', 'email', 'web'];
// The channels are the journey's contact step, so the service touchpoint goes.
const business = calibrate(defaultBusiness, { channels: defaultChannels, journey: { touchpointFailure: { service: null } } });

const split = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, budget / names.length]));
const costs = {
  'set-up 15,000 a channel, then each 20,000 halves failures': { setupCost: 15_000, halfEffectSpend: 20_000 },
  'no set-up cost, each 20,000 halves failures': { setupCost: 0, halfEffectSpend: 20_000 },
};

console.log(
  `Channel budget ${budget.toLocaleString('en-US')} upfront; the programme changes nothing else (failureReduction 0), 20,000 upfront and 2,000 a month besides.`,
);
for (const [assumption, cost] of Object.entries(costs)) {
  console.log(`\n${assumption}:`);
  console.log('  option          median NPV    P(ROI > 0)');
  for (const [name, spend] of [
    ['3 channels', split(busiest)],
    ['9 channels', split(channels)],
  ] as const) {
    const { horizon } = simulate(
      {
        ...business,
        investment: {
          ...business.investment,
          upfront: 20_000,
          monthly: 2_000,
          failureReduction: 0,
          excellentShareIncrease: 0,
          channels: { budget: spend, ...cost },
        },
      },
      { runs: 2000, seed: 7 },
    );
    console.log(
      `  ${name.padEnd(14)}${Math.round(horizon.npv.p50).toLocaleString('en-US').padStart(11)}   ${(100 * horizon.probabilityPositiveRoi).toFixed(1).padStart(8)}%`,
    );
  }
}
console.log(
  '\nWith a set-up cost, 10,000 a channel does not even connect one of nine: few beats many. Without one, every channel gets connected and improved,\nand diminishing returns favour spreading: many beats few. Which holds for you depends on what a channel costs before it gets better.',
);
