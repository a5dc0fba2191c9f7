/**
 * Whether the answer on screen is current, a preview, or the previous answer
 * (a change pending, or an input the model cannot take), said on every region
 * that shows it (see answer-state.ts).
 */
import { markAnswer } from '../answer-state';
import type { Cell } from '../page/page';
import { settingsKey } from '../page/store';

export const answerMarks: Cell = {
  name: 'answer marks',
  mount(page) {
    const main = page.$('#main');
    page.store.on(['marks', 'answer', 'preview'], ({ answer, preview, valid, pending, running, state }) => {
      const stale = answer !== null && (!valid || pending || running || settingsKey(answer.state) !== settingsKey(state));
      main.classList.toggle('stale-result', stale);
      page.doc.body.classList.toggle('busy', running);
      markAnswer(
        page.doc,
        !answer && !preview
          ? { kind: 'none' }
          : !valid
            ? { kind: 'invalid' }
            : preview
              ? { kind: 'preview', runs: preview.result.runCount, of: preview.of }
              : stale
                ? { kind: 'pending' }
                : { kind: 'current' },
      );
      if (stale && !valid)
        page.$('#status').innerHTML = '<span class="stale-note">Not simulated:</span> a field has a value the model cannot take.';
    });
  },
};
