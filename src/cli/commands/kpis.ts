import { impliedKpis } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { usageError } from '../command.js';
import { formatFlag } from '../flags.js';
import { usageMistake } from '../help.js';
import { readScenario } from '../input.js';
import { kpiTable } from '../kpi-table.js';
import { chosenFormat, writeResult } from '../output.js';

async function run({ io, values, files }: CommandContext): Promise<number> {
  const [file, ...extra] = files;
  if (extra.length > 0) return usageMistake(io, kpisCommand, `unexpected argument "${extra[0]}"`);
  const format = chosenFormat(io, values.format, ['table', 'json']);
  if (format === undefined) return usageError;
  const input = await readScenario(io, file);
  if (!input.ok) return usageError;
  await writeResult(io, format, impliedKpis(input.value as object), kpiTable);
  return 0;
}

/** `cx-roi kpis`: the business a scenario implies, without simulating. */
export const kpisCommand: Command = {
  name: 'kpis',
  summary: 'the business a scenario implies, without simulating',
  usage: 'cx-roi kpis [scenario.json] [--format table|json]',
  description:
    'The business the scenario implies, without simulating: retention, churn, revenue per customer, lifetime value, NPS, ' +
    'word of mouth, customers over the horizon without the programme; each without the programme and with it at full effect.',
  flags: [formatFlag(['table', 'json'])],
  run,
};
