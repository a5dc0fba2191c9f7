/**
 * Break-even: how good must an assumption be for a target (a chance of paying
 * back by a month, of a positive ROI, a median ROI or NPV)? Searched in the
 * background on request, for the scenario on screen.
 */
import { type BreakEven, type BreakEvenMetric, type BreakEvenTarget, describeAssumptions } from 'cx-roi';
import { breakEvenWords, formatAssumption, inWorker } from '../decisions';
import { assumptionLabel } from '../labels';
import { KeyedTask } from '../page/keyed-task';
import type { Cell, Page } from '../page/page';
import { settingsKey } from '../page/store';

const metricDefaults: Record<BreakEvenMetric, { value: string; unit: string }> = {
  probabilityPaidBackBy: { value: '50', unit: '%' },
  probabilityPositiveRoi: { value: '60', unit: '%' },
  roiMedian: { value: '100', unit: '% ROI' },
  npvMedian: { value: '0', unit: 'currency' },
};

/** The target the form asks for, or the problem with it. */
function targetOf(metric: BreakEvenMetric, valueText: string, monthText: string, horizon: number): BreakEvenTarget | string {
  const value = Number(valueText);
  if (valueText.trim() === '' || !Number.isFinite(value)) return 'Give the target as a number.';
  if (metric === 'probabilityPaidBackBy' || metric === 'probabilityPositiveRoi') {
    if (!(value > 0 && value <= 100)) return 'A chance must be above 0% and at most 100%.';
    if (metric === 'probabilityPositiveRoi') return { metric, value: value / 100 };
    const month = Number(monthText);
    if (!(Number.isInteger(month) && month >= 1 && month <= horizon))
      return `The month must be a whole number from 1 to the horizon, ${horizon}.`;
    return { metric, month, value: value / 100 };
  }
  return { metric, value: metric === 'roiMedian' ? value / 100 : value };
}

export const breakEvenCell: Cell = {
  name: 'break-even',
  mount(page: Page) {
    const vary = page.$<HTMLSelectElement>('#be-vary');
    const metric = page.$<HTMLSelectElement>('#be-metric');
    const month = page.$<HTMLInputElement>('#be-month');
    const value = page.$<HTMLInputElement>('#be-value');
    const status = page.$('#be-status');
    const error = page.$('#be-error');
    const searching = new KeyedTask<string>();
    let unitsByPath = new Map<string, string>();
    /** The last answer, the settings it was searched with, and the varied assumption's unit. */
    let found: { key: string; answer: BreakEven; unit: string } | null = null;

    const draw = () => {
      const answerLine = page.$('#be-answer');
      const box = page.$('#chart-break-even');
      if (!found) {
        answerLine.textContent = '';
        box.replaceChildren();
        return;
      }
      const { answer: b, unit } = found;
      const current = page.store.data.answer;
      answerLine.textContent = breakEvenWords(b, unit);
      answerLine.dataset.status = b.status;
      if (current !== null && settingsKey(current.state) !== found.key) {
        const note = page.doc.createElement('span');
        note.className = 'stale';
        note.textContent = ' This answer is for the scenario as it was when you pressed Find; press it again for the current one.';
        answerLine.append(note);
      }
      const charts = page.charts();
      if (!charts) return;
      box.replaceChildren(
        charts.breakEvenChart(b, {
          width: page.chartWidth(box),
          xLabel: `${assumptionLabel(b.vary)} (${unit})`,
          format: (x) => formatAssumption(unit, x),
        }),
      );
    };

    /** The assumptions the current scenario can vary, and the month's range. */
    const refreshForm = () => {
      const answer = page.store.data.answer;
      if (!answer) return;
      const rows = describeAssumptions(answer.state.input).filter((r) => r.uncertain);
      unitsByPath = new Map(rows.map((r) => [r.path, r.unit]));
      const paths = rows.map((r) => r.path);
      if (vary.dataset.paths !== paths.join(',')) {
        const previous = vary.value || 'investment.failureReduction';
        vary.dataset.paths = paths.join(',');
        vary.replaceChildren(
          ...rows.map((r) => {
            const option = page.doc.createElement('option');
            option.value = r.path;
            option.textContent = assumptionLabel(r.path);
            return option;
          }),
        );
        vary.value = paths.includes(previous) ? previous : (paths[0] ?? '');
      }
      const horizon = answer.result.scenario.horizonMonths;
      month.max = String(horizon);
      if (Number(month.value) > horizon) month.value = String(horizon);
      draw();
    };

    const showMetricFields = (resetValue: boolean) => {
      const chosen = metric.value as BreakEvenMetric;
      page.$('#be-month-field').hidden = chosen !== 'probabilityPaidBackBy';
      page.$('#be-unit').textContent = metricDefaults[chosen].unit;
      if (resetValue) value.value = metricDefaults[chosen].value;
    };

    const find = async () => {
      const answer = page.store.data.answer;
      if (!answer) return;
      const target = targetOf(metric.value as BreakEvenMetric, value.value, month.value, answer.result.scenario.horizonMonths ?? 60);
      error.textContent = typeof target === 'string' ? target : '';
      if (typeof target === 'string') return;
      const settings = answer.state;
      const path = vary.value;
      const unit = unitsByPath.get(path) ?? '';
      const runs = Math.min(settings.runs, 2000);
      const started = performance.now();
      const say = () => {
        status.textContent = `Searching… at most 20 simulations of ${runs.toLocaleString('en-US')} runs each, in the background (${Math.round((performance.now() - started) / 1000)} s).`;
      };
      say();
      const ticker = setInterval(say, 1000);
      const outcome = await searching.run(settingsKey(settings), (signal) =>
        inWorker({ kind: 'breakEven', input: settings.input, options: { vary: path, target, runs, seed: settings.seed } }, signal),
      );
      clearInterval(ticker);
      if (!outcome) return;
      if (!outcome.ok) {
        status.textContent = '';
        error.textContent = outcome.error.message;
        return;
      }
      found = { key: settingsKey(settings), answer: outcome.value, unit };
      status.textContent = `Searched in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
      draw();
    };

    metric.addEventListener('change', () => showMetricFields(true));
    page.$('#break-even-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void find();
    });
    showMetricFields(false);
    page.store.on(['answer', 'resume'], refreshForm);
    page.draw({ run: draw });
  },
};
