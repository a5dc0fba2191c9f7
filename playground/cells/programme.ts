/**
 * The programme cells (make it your business, maturity, channels, stage gate):
 * they change the scenario on request, so they are a chunk of their own, loaded
 * beside the first answer (which needs none of them), and say where the button
 * was pressed what the change did.
 */
import type { Cell } from '../page/page';

export const programmeCells: Cell = {
  name: 'programme',
  mount(page) {
    void import('../programme').then((programme) => {
      const host = { input: () => page.store.data.state.input, apply: page.apply, currency: page.currency };
      programme.calibrationCell(page.$('#calibrate-box'), host);
      programme.maturityCell(page.$('#maturity-box'), host);
      programme.stageGateCell(page.$('#gate-box'), host);
      programme.channelsCell(page.$('#channels-box'), host);
      const gateWords = () => {
        const answer = page.store.data.answer;
        if (answer) page.$('#gate-words').textContent = programme.stageGateWords(answer.result, page.currency());
      };
      // The forms show the scenario as it is after undo, a link, a reset or another cell's change.
      page.store.on(['replaced', 'link', 'style'], ({ state }) => programme.syncProgrammeCells(state.input));
      page.store.on(['answer', 'look'], gateWords);
      programme.syncProgrammeCells(page.store.data.state.input);
      gateWords();
    });
  },
};
