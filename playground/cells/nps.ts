/** The NPS cell's words, from the scenario's own figures (its chart is drawn with the others). */
import type { SimulationResult } from 'cx-roi';
import type { Cell } from '../page/page';

function npsHint(result: SimulationResult): string {
  const w = result.scenario.wordOfMouth;
  const pct = (x: (typeof w)['recommendAfterBad']) => (typeof x === 'number' ? `${Math.round(100 * x)}%` : 'an uncertain share');
  const last = result.series[result.series.length - 1];
  return (
    `A survey of each month's customers: promoters are ${pct(w.recommendAfterExcellent)} of those with an excellent experience and ${pct(w.recommendAfterBad)} of those with a bad one (Temkin: 90% and 18%); ` +
    `detractors are the other bad ones and ${pct(w.detractorAfterOrdinary)} of the ordinary good ones (an illustrative assumption). Median and 5–95% band over the runs.` +
    (last
      ? ` In month ${last.month}: ${last.nps.baseline.score.p50.toFixed(1)} without the programme, ${last.nps.invested.score.p50.toFixed(1)} with it (medians).`
      : '')
  );
}

export const npsCell: Cell = {
  name: 'nps',
  mount(page) {
    page.addDrawStep({
      run: (result) => {
        page.$('#nps-hint').textContent = npsHint(result);
      },
    });
  },
};
