/**
 * The swings of the published figures: each fixed figure 20% down and up,
 * simulated in the background on request, for the answer on screen.
 */
import type { Sensitivity } from 'cx-roi';
import { signedMoney } from '../../src/format/numbers';
import { inWorker } from '../decisions';
import { assumptionLabel, assumptionValue } from '../labels';
import { KeyedTask } from '../page/keyed-task';
import type { Cell, Page } from '../page/page';
import { addTableExport } from '../page/table-export';
import { swingsForPeople } from '../board-csv';

function draw(page: Page, swings: Sensitivity | null): void {
  const box = page.$('#chart-swings');
  const words = page.$('#swings-words');
  const charts = page.charts();
  if (!swings?.fixedFigures) {
    box.replaceChildren();
    words.textContent = '';
    return;
  }
  const figures = swings.fixedFigures.figures;
  if (!charts) return;
  box.replaceChildren(
    figures.length > 0
      ? charts.swingsChart(swings, { width: page.chartWidth(box) })
      : page.doc.createTextNode('This scenario has no fixed published figure to swing.'),
  );
  words.textContent = `Swing of the median NPV at the horizon, each figure 20% down to 20% up, the largest first: ${figures
    .map(
      (f) =>
        `${assumptionLabel(f.path)} (${assumptionValue(f.path, f.value)}): ${signedMoney(f.atMonths[f.atMonths.length - 1]?.swing ?? 0)}`,
    )
    .join('; ')}.`;
}

export const swingsCell: Cell = {
  name: 'swings',
  mount(page) {
    const status = page.$('#swing-status');
    const swinging = new KeyedTask<string>();
    let swings: { hash: string; value: Sensitivity } | null = null;

    const swing = async () => {
      const answer = page.store.data.answer;
      if (!answer) return;
      const { result, hash } = answer;
      const runs = Math.min(1000, result.runCount);
      const started = performance.now();
      status.textContent = `Simulating each published figure 20% down and up, ${runs.toLocaleString('en-US')} runs each, in the background…`;
      // The swings simulate anew; the months' part reads the runs, of which the first `runs` are the ones the swings repeat.
      const kept = (result.runs ?? []).slice(0, runs).map((r) => ({ ...r, ...(r.npvByMonth ? { npvByMonth: r.npvByMonth.slice() } : {}) }));
      const outcome = await swinging.run(hash, (signal) =>
        inWorker(
          {
            kind: 'swings',
            result: { scenario: result.scenario, seed: result.seed, runCount: kept.length, runs: kept },
            options: { at: [result.scenario.horizonMonths], swings: { runs } },
          },
          signal,
        ),
      );
      if (!outcome) return;
      if (!outcome.ok) {
        status.textContent = `The swings failed: ${outcome.error.message}`;
        return;
      }
      swings = { hash, value: outcome.value };
      status.textContent = `${outcome.value.fixedFigures?.figures.length ?? 0} figures swung in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
      draw(page, swings.value);
    };

    page.$('#swing-figures').addEventListener('click', () => void swing());
    addTableExport(page, 'swings', 'the swings', () =>
      swings?.hash === page.store.data.answer?.hash && swings
        ? {
            title: 'Swings of the published figures: the median NPV at the horizon with each figure 20% lower and higher',
            csv: swingsForPeople(swings.value, page.currency()),
          }
        : 'Nothing to export yet: swing the published figures first.',
    );
    page.addDrawStep({ run: () => draw(page, swings?.value ?? null) });
    page.store.on('answer', ({ answer }) => {
      const overtaken = swinging.busy && swinging.key !== answer?.hash;
      if (overtaken) swinging.abort();
      if (overtaken || (swings && swings.hash !== answer?.hash)) {
        swings = null;
        status.textContent = 'The result changed: press the button again to swing its figures.';
      }
    });
  },
};
