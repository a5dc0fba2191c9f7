import { type ObservedBusiness, calibrate } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { usageError } from '../command.js';
import { formatFlag } from '../flags.js';
import { usageMistake } from '../help.js';
import { readJson, readScenario, standardInputOnce } from '../input.js';
import { chosenFormat } from '../output.js';

async function run({ io, values, files }: CommandContext): Promise<number> {
  const [observedFile, file, ...extra] = files;
  if (observedFile === undefined) return usageMistake(io, calibrateCommand, 'calibrate needs a file of observed figures');
  if (extra.length > 0) return usageMistake(io, calibrateCommand, `unexpected argument "${extra[0]}"`);
  if (chosenFormat(io, values.format, ['json']) === undefined) return usageError;
  if (!standardInputOnce(io, [observedFile, file])) return usageError;
  const input = await readScenario(io, file);
  if (!input.ok) return usageError;
  const observed = await readJson(io, observedFile);
  if (!observed.ok) return usageError;
  const startAtSteadyState = values['steady-state'] === true;
  const scenario = calibrate(observed.value as ObservedBusiness, input.value as object, { startAtSteadyState });
  await io.stdout(`${JSON.stringify(scenario, null, 2)}\n`);
  return 0;
}

/** `cx-roi calibrate`: a scenario whose baseline is the business observed. */
export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'a scenario whose baseline is the business observed',
  usage: 'cx-roi calibrate observed.json [scenario.json] [--steady-state]',
  description:
    'Writes a scenario (JSON, to standard output) whose baseline is the business in observed.json: { "customers", ' +
    '"annualRetention" or "monthlyChurn", "averageRevenuePerCustomerMonthly", "newCustomersMonthly", optional ' +
    '"badExperienceShareMonthly", "nps" }, starting from scenario.json or the defaults.',
  flags: [
    formatFlag(['json']),
    { name: 'steady-state', type: 'boolean', description: 'start at the customer count where new customers balance churn' },
  ],
  examples: [['cx-roi calibrate observed.json | cx-roi simulate -', 'simulate the business observed']],
  run,
};
