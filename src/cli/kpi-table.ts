import type { ArmKpis, ImpliedKpis } from 'cx-roi';
import { count, money, percent, signedPercent } from '../format/numbers.js';

/** Where the customer base goes without the programme, in one line. */
function withoutProgrammeLine(kpis: ImpliedKpis, digits: number): string {
  const w = kpis.withoutProgramme;
  return (
    `customers without the programme: ${count(w.customersStart)} now, ${count(w.customersAtHorizon)} in ${w.months} months ` +
    `(${signedPercent(w.growth, digits)})`
  );
}

/** One arm's business in a line of the simulate table. */
function armLine(name: string, k: ArmKpis): string {
  const afterBad = k.churnFromBadExperiences === null ? 'none' : percent(k.churnFromBadExperiences, 0);
  return (
    `  ${name.padEnd(26)}annual retention ${percent(k.annualRetention)} ` +
    `(monthly churn ${percent(k.monthlyChurn, 2)}, ${afterBad} of it after bad experiences); ` +
    `bad experience ${percent(k.badExperienceShareMonthly, 2)} a month, ${percent(k.badExperienceShareYearly, 0)} a year; ` +
    `revenue ${k.revenuePerCustomerMonthly.toFixed(2)} a customer a month; ` +
    `lifetime value ${k.customerLifetimeValue === null ? 'unbounded' : money(k.customerLifetimeValue)}; NPS ${k.nps.toFixed(0)}; ` +
    `new customers ${count(k.newCustomersMonthly)} a month`
  );
}

/** The implied-KPI block: the business the scenario describes, with and without the programme. */
export function kpiLines(kpis: ImpliedKpis): string[] {
  return [
    'The business the scenario implies (expected values, uncertain assumptions at their mean; cx-roi kpis for every figure):',
    armLine('without the programme:', kpis.baseline),
    armLine('with it, at full effect:', kpis.invested),
    `  ${withoutProgrammeLine(kpis, 0)}`,
  ];
}

/** Each row of the kpis table: its label and how an arm's figure is written. */
const kpiRows: readonly (readonly [string, (k: ArmKpis) => string])[] = [
  ['annual retention', (k) => percent(k.annualRetention)],
  ['monthly churn', (k) => percent(k.monthlyChurn, 2)],
  ['mean tenure (months)', (k) => (k.meanTenureMonths === null ? 'unbounded' : k.meanTenureMonths.toFixed(1))],
  ['churn after bad experiences', (k) => (k.churnFromBadExperiences === null ? '-' : percent(k.churnFromBadExperiences, 0))],
  ['bad experience, a month', (k) => percent(k.badExperienceShareMonthly, 2)],
  ['at least one bad experience, a year', (k) => percent(k.badExperienceShareYearly)],
  ['revenue per customer per month', (k) => k.revenuePerCustomerMonthly.toFixed(2)],
  ['customer lifetime value', (k) => (k.customerLifetimeValue === null ? 'unbounded' : money(k.customerLifetimeValue))],
  ['NPS', (k) => k.nps.toFixed(1)],
  ['people told of an excellent experience, per customer a year', (k) => k.positiveTellsPerCustomerYearly.toFixed(2)],
  ['people told of a bad experience, per customer a year', (k) => k.negativeTellsPerCustomerYearly.toFixed(2)],
  ['people a promoter tells a year', (k) => k.positiveTellsPerTeller.toFixed(1)],
  ['people a dissatisfied customer tells', (k) => k.negativeTellsPerTeller.toFixed(1)],
  ['won by recommendation, per customer a year', (k) => k.wordOfMouthConversionsPerCustomerYearly.toFixed(3)],
  ['lost to negative stories, per customer a year', (k) => k.wordOfMouthLossesPerCustomerYearly.toFixed(3)],
  ['new customers a month', (k) => count(k.newCustomersMonthly)],
];

/** Every implied KPI, one row each, without and with the programme (at full effect, as planned). */
export function kpiTable(kpis: ImpliedKpis): string {
  const header = ['', 'without the programme', 'with it, at full effect'];
  const table = [header, ...kpiRows.map(([label, f]) => [label, f(kpis.baseline), f(kpis.invested)])];
  const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] as string).length)));
  const lines = table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : c.padStart(widths[i] as number))).join('  '));
  lines.push('');
  lines.push(withoutProgrammeLine(kpis, 1));
  lines.push(
    'Expected values from the model, uncertain assumptions at their mean. ' +
      '"With it" is the programme fully in effect and carried out as planned: its best case.',
  );
  return `${lines.join('\n')}\n`;
}
