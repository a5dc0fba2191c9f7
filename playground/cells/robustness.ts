/**
 * Does the answer hold under every reading? The decision under each reading
 * the sources disagree on, checked in the background for every answer, with
 * "Use this reading" in a click; its sentence stands under the headline.
 */
import type { ReadingOutcome, Robustness } from 'cx-roi';
import { money, percent, signedMoney, signedPercent } from '../../src/format/numbers';
import { plainMessage } from '../assumptions-panel';
import { inWorker } from '../decisions';
import { KeyedTask } from '../page/keyed-task';
import type { Cell, Page } from '../page/page';

/** Runs a reading is checked with: enough to tell a decision that flips, few enough to answer in seconds. */
const readingRuns = 500;

/** The decision's figures under a reading or a horizon. */
type DecisionFigures = Omit<ReadingOutcome, 'path' | 'value' | 'label' | 'source' | 'kind' | 'with'>;

/** A reading's source, short for a table column ("article 003, the article"); the fields and the report name its title. */
const tableSource = (x: ReadingOutcome) =>
  x.source ? `article ${x.source.article.slice(0, 3)}, ${x.source.credit}` : x.kind === 'illustrative' ? 'nobody has measured it' : '';

function decisionTable(page: Page, r: Robustness): HTMLTableElement {
  const { doc } = page;
  const answer = page.store.data.answer;
  const currency = page.currency();
  const element = doc.createElement('table');
  const caption = doc.createElement('caption');
  caption.textContent = 'The decision (invest when the expected NPV is positive) under each reading; ± is simulation error, not the spread';
  const head = doc.createElement('tr');
  // The decision second, so a phone shows it without scrolling sideways.
  for (const text of ['Reading', 'Decision (by mean NPV)', 'Chance it pays for itself', 'Median ROI', 'Mean NPV', 'Source', '']) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const thead = doc.createElement('thead');
  thead.append(head);
  const body = doc.createElement('tbody');
  const row = (label: string, source: string, x: DecisionFigures, reading: ReadingOutcome | null) => {
    const tr = doc.createElement('tr');
    tr.dataset.decision = x.decision;
    const name = doc.createElement('th');
    name.scope = 'row';
    name.textContent = label;
    tr.append(name);
    for (const text of [
      (x.decision === 'invest' ? 'invest' : 'do not invest') +
        (x.businessNotHeldShare > 0 ? ` (the business is not held in ${percent(x.businessNotHeldShare, 0)} of runs)` : ''),
      `${percent(x.probabilityPositiveRoi, 0)} ± ${(100 * x.probabilityPositiveRoiStandardError).toFixed(1)}%`,
      signedPercent(x.roiMedian),
      `${currency}${signedMoney(x.npvMean)} ± ${money(x.npvMeanStandardError)}`,
      source,
    ]) {
      const td = doc.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    const act = doc.createElement('td');
    if (reading?.path) {
      const use = doc.createElement('button');
      use.type = 'button';
      use.className = 'use-reading';
      use.textContent = 'Use this reading';
      use.setAttribute('aria-label', `Use this reading: ${reading.label}`);
      use.addEventListener('click', () => {
        page.useReading(reading, page.$('#cell-robustness'));
        page.$('#robustness-status').textContent = `Using the reading “${reading.label}”: simulating…`;
      });
      act.append(use);
    }
    tr.append(act);
    body.append(tr);
  };
  row(
    `The scenario as it stands (${r.runs.toLocaleString('en-US')} runs; the answer above uses ${answer?.result.runCount.toLocaleString('en-US') ?? 'more'})`,
    '',
    r.asGiven,
    null,
  );
  for (const x of r.readings) row(`If ${x.label}`, tableSource(x), x, x);
  const horizon = answer?.result.scenario.horizonMonths;
  for (const h of r.horizons.filter((h) => h.months !== horizon))
    row(`At ${h.months % 12 === 0 ? `${h.months / 12} years` : `${h.months} months`} instead of ${horizon} months`, '', h, null);
  element.append(caption, thead, body);
  return element;
}

export const robustnessCell: Cell = {
  name: 'robustness',
  mount(page) {
    const sentence = page.$('#robustness-sentence');
    const status = page.$('#robustness-status');
    const checking = new KeyedTask<string>();
    let readings: { hash: string; value: Robustness } | null = null;

    const draw = () => {
      const answer = page.store.data.answer;
      if (!readings || readings.hash !== answer?.hash) return;
      const r = readings.value;
      sentence.textContent = r.sentence;
      status.textContent = `${r.readings.length} readings and ${r.horizons.length} horizons, ${r.runs.toLocaleString('en-US')} runs each, the same seed throughout${r.businessHeld ? ', the business held' : '; the business is not held, so a reading also changes the company'}.${r.skipped.length > 0 ? ` Not simulated, as the business cannot be held under ${r.skipped.length === 1 ? 'it' : 'them'}: ${r.skipped.map((x) => x.label).join('; ')}.` : ''}`;
      page.$('#robustness-table').replaceChildren(decisionTable(page, r));
    };

    const check = async () => {
      const answer = page.store.data.answer;
      if (!answer) return;
      const { state: settings, hash } = answer;
      if (readings?.hash === hash || checking.key === hash) return;
      const runs = Math.min(readingRuns, settings.runs);
      sentence.textContent = 'Checking the answer under the readings the sources disagree on…';
      status.textContent = `Simulating each reading, ${runs.toLocaleString('en-US')} runs each, in the background…`;
      // The last table stays (marked as the previous answer) until the new one is ready, so the page does not jump.
      const outcome = await checking.run(hash, (signal) =>
        inWorker({ kind: 'robustness', input: settings.input, options: { runs, seed: settings.seed, flips: false } }, signal),
      );
      if (!outcome) return;
      if (outcome.ok) {
        readings = { hash, value: outcome.value };
        draw();
      } else {
        sentence.textContent = '';
        status.textContent = `The readings could not be checked: ${plainMessage(outcome.error.message)}`;
      }
    };

    page.store.on('run-start', () => checking.abort());
    page.store.on(['answer', 'resume'], () => void check());
    page.store.on('look', draw);
  },
};
