/** The business the answer is for: the line under the headline, its figures, and any warnings about it. */
import type { ImpliedKpis, ScenarioInput, SimulationResult } from 'cx-roi';
import { impliedKpis } from 'cx-roi';
import { kpiRows } from '../headline';
import { assumptionLabel, pathsInWords } from '../labels';
import type { Cell } from '../page/page';
import { table } from '../page/table';

/** Whose business the answer is for: the illustrative default, or the one the inputs describe. */
function businessLine(result: SimulationResult, input: ScenarioInput, kpis: ImpliedKpis, currency: string): string {
  const k = kpis.baseline;
  const held = result.scenario.business !== null;
  const own = held
    ? Object.hasOwn(input, 'business')
    : ['customers', 'churn', 'spend', 'acquisition'].some((key) => Object.hasOwn(input, key));
  const figures = `${result.scenario.customers.initial.toLocaleString('en-US')} customers, ${(100 * k.annualRetention).toFixed(0)}% kept a year, ${currency}${k.revenuePerCustomerMonthly.toFixed(0)} a month each`;
  const kept = held ? ', held whatever the CX figures say' : ', not held: changing a CX figure changes the company';
  return own
    ? `For the business the assumptions describe: ${figures}${kept}.`
    : `For an illustrative business (${figures}${kept}), not yours yet: make it yours under “Make it your business”.`;
}

export const businessCell: Cell = {
  name: 'business',
  mount(page) {
    page.store.on(['answer', 'look'], ({ answer }) => {
      if (!answer) return;
      const { result } = answer;
      const kpis = impliedKpis(result.scenario);
      page
        .$('#kpis')
        .replaceChildren(
          table(page.doc, ['Figure', 'Without the programme', 'With it, at full effect'], kpiRows(kpis, page.currency()), 'kpis'),
        );
      page.$('#warnings').replaceChildren(
        ...result.warnings.map((w) => {
          const li = page.doc.createElement('li');
          li.textContent = `${assumptionLabel(w.field)}: ${pathsInWords(w.message)}`;
          return li;
        }),
      );
      page.$('#business-line').textContent = businessLine(result, answer.state.input, kpis, page.currency());
    });
  },
};
