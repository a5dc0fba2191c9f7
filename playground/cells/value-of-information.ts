/** Is it worth finding out more before deciding? The value-of-information cell's words (its chart is drawn with the others). */
import type { ValueOfInformation } from 'cx-roi';
import { money } from '../../src/format/numbers';
import { voiWords } from '../decisions';
import { assumptionLabel } from '../labels';
import type { Cell, Page } from '../page/page';

function render(page: Page, voi: ValueOfInformation): void {
  const words = voiWords(voi);
  page.$('#voi-words').replaceChildren(
    ...[words.decision, words.evpi, words.partial].map((text) => {
      const li = page.doc.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
  page.$('#voi-text').textContent =
    `What knowing each assumption before deciding would be worth, the largest first: ${voi.partial.map((p) => `${assumptionLabel(p.path)} ${money(p.evppi)}`).join('; ')}. Knowing everything: ${money(voi.evpi)}.`;
  page.$('#voi-method').textContent =
    `Technical terms: the value of knowing everything is the expected value of perfect information (EVPI); of knowing one assumption or a group, the expected value of partial perfect information (EVPPI). Method: ${voi.method}.`;
}

export const valueOfInformationCell: Cell = {
  name: 'value of information',
  mount(page) {
    page.addDrawStep({ heavy: true, run: (result, charts) => render(page, charts.valueOfInformationOf(result)) });
  },
};
