import { type BreakEvenMetric, breakEven } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { text, usageError } from '../command.js';
import { breakEvenText } from '../decisions-table.js';
import { formatFlag, optionalNumber, runsAndSeed, runsFlag, seedFlag, toNumber } from '../flags.js';
import { usageMistake } from '../help.js';
import { readScenario } from '../input.js';
import { chosenFormat, writeResult } from '../output.js';

/** A whole break-even, for the line that says a flag is missing. */
const example = '--vary investment.failureReduction --metric probabilityPaidBackBy --month 36 --value 0.8';

/** The flags break-even cannot do without. */
const required = ['vary', 'metric', 'value'] as const;

async function run({ io, values, files }: CommandContext): Promise<number> {
  const missing = required.find((flag) => values[flag] === undefined);
  if (missing) {
    io.stderr(`cx-roi: break-even needs --${missing}, e.g. ${example}\n`);
    return usageError;
  }
  const [file, ...extra] = files;
  if (extra.length > 0) return usageMistake(io, breakEvenCommand, `unexpected argument "${extra[0]}"`);
  const format = chosenFormat(io, values.format, ['table', 'json']);
  if (format === undefined) return usageError;
  const input = await readScenario(io, file);
  if (!input.ok) return usageError;
  const month = optionalNumber(values, 'month');
  const within = text(values, 'within')
    ?.split(',')
    .map((x) => toNumber(x, '--within')) as [number, number] | undefined;
  const target = {
    metric: text(values, 'metric') as BreakEvenMetric,
    value: toNumber(text(values, 'value') as string, '--value'),
    ...(month === undefined ? {} : { month }),
  };
  const vary = text(values, 'vary') as string;
  const found = breakEven(input.value as object, { vary, target, ...runsAndSeed(values), ...(within ? { within } : {}) });
  await writeResult(io, format, found, breakEvenText);
  return 0;
}

/** `cx-roi break-even`: the value of one assumption at which a metric reaches a target. */
export const breakEvenCommand: Command = {
  name: 'break-even',
  summary: 'where one assumption makes a metric reach a target',
  usage:
    'cx-roi break-even [scenario.json] --vary PATH --metric METRIC --value X [--month M]\n' +
    '                  [--within LOW,HIGH] [--runs N] [--seed S] [--format table|json]',
  description:
    'Finds the value of one assumption (--vary, a dotted path) at which --metric reaches --value: probabilityPaidBackBy ' +
    '(with --month), probabilityPositiveRoi, roiMedian or npvMedian. At most 20 simulations.',
  flags: [
    { name: 'vary', type: 'string', value: 'PATH', description: 'the assumption to vary, a dotted path: investment.failureReduction' },
    { name: 'metric', type: 'string', value: 'METRIC', description: 'probabilityPaidBackBy, probabilityPositiveRoi, roiMedian, npvMedian' },
    { name: 'value', type: 'string', value: 'X', description: 'the least value the metric must reach: a share, a ratio for ROI' },
    { name: 'month', type: 'string', value: 'M', description: 'for probabilityPaidBackBy: paid back by this month' },
    {
      name: 'within',
      type: 'string',
      value: 'LOW,HIGH',
      description: 'the range searched',
      default: "the assumption's allowed range; 0 to ten times the scenario's value for amounts and counts",
    },
    runsFlag('1,000 a simulation'),
    seedFlag,
    formatFlag(['table', 'json']),
  ],
  examples: [
    ['cx-roi break-even --vary investment.upfront --metric roiMedian --value 0', 'the upfront cost at which the median ROI is 0'],
    [`cx-roi break-even ${example}`, 'an 80% chance of payback by month 36'],
  ],
  run,
};
