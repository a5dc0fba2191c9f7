/** What drives the NPV, year by year: the table for the chosen month, the chart's words, the method. */
import type { Sensitivity } from 'cx-roi';
import { money } from '../../src/format/numbers';
import { sensitivityRows, sensitivityWords } from '../decisions';
import type { Cell, Page } from '../page/page';
import { table } from '../page/table';

function drawTable(page: Page, s: Sensitivity): void {
  const month = Number(page.$<HTMLSelectElement>('#sensitivity-month').value);
  const at = s.months.find((m) => m.month === month) ?? s.months[s.months.length - 1];
  const box = page.$('#sensitivity-table');
  if (!at || at.drivers.length === 0) {
    box.textContent = 'No assumption varies between runs: make one uncertain to rank it.';
    return;
  }
  const element = table(
    page.doc,
    ['Assumption', 'Rank correlation', 'Share of spread', 'Swing of median NPV'],
    sensitivityRows(at),
    'numbers',
  );
  const caption = element.createCaption();
  caption.textContent = `Month ${at.month}: median cumulative NPV ${money(at.median)}; the shares add up to ${Math.round(100 * at.firstOrderSum)}%.`;
  box.replaceChildren(element);
}

function render(page: Page, s: Sensitivity): void {
  const select = page.$<HTMLSelectElement>('#sensitivity-month');
  const months = s.months.map((m) => m.month);
  const previous = Number(select.value);
  if (select.dataset.months !== months.join(',')) {
    select.dataset.months = months.join(',');
    select.replaceChildren(
      ...months.map((m) => {
        const option = page.doc.createElement('option');
        option.value = String(m);
        option.textContent = m % 12 === 0 ? `year ${m / 12} (month ${m})` : `month ${m}`;
        return option;
      }),
    );
  }
  select.value = String(months.includes(previous) ? previous : months[months.length - 1]);
  drawTable(page, s);
  page.$('#sensitivity-words').textContent = sensitivityWords(s);
  page.$('#sensitivity-method').textContent =
    `Technical terms: the rank correlation is Spearman’s ρ; the share of the spread is a first-order variance share (a Sobol index), by ${s.method}.`;
}

export const sensitivityCell: Cell = {
  name: 'sensitivity',
  mount(page) {
    page.addDrawStep({ heavy: true, run: (result, charts) => render(page, charts.sensitivityOverYears(result)) });
    page.$('#sensitivity-month').addEventListener('change', () => {
      const answer = page.store.data.answer;
      const charts = page.charts();
      if (answer && charts) drawTable(page, charts.sensitivityOverYears(answer.result));
    });
  },
};
