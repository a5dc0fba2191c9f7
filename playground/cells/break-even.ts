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
import { type TableExport, addTableExport } from '../page/table-export';
import { breakEvenForPeople } from '../board-csv';
import { settingsKey } from '../page/store';
import { twoReadings, typedNumber } from '../number-style-setting';

/** Why a search for an earlier scenario is not exported as the answer on screen's. */
const staleExport = 'This search is for the scenario as it was when you pressed Find: press Find again to export it.';

const metricDefaults: Record<BreakEvenMetric, { value: string; unit: string }> = {
  probabilityPaidBackBy: { value: '50', unit: '%' },
  probabilityPositiveRoi: { value: '60', unit: '%' },
  roiMedian: { value: '100', unit: '% ROI' },
  npvMedian: { value: '0', unit: 'currency' },
};

/** The target the form asks for, or the problem with it; the value read as people type it, in the page's style. */
function targetOf(metric: BreakEvenMetric, valueText: string, monthText: string, horizon: number): BreakEvenTarget | string {
  const reading = typedNumber(valueText);
  if (reading.kind === 'ambiguous') return `${twoReadings(valueText, reading.readings)}: type the one you mean.`;
  if (reading.kind !== 'number') return 'Give the target as a number.';
  const value = reading.value;
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

/** The last answer, the settings it was searched with, and the varied assumption's unit. */
interface Found {
  readonly key: string;
  readonly answer: BreakEven;
  readonly unit: string;
}

class BreakEvenSearch {
  readonly #page: Page;
  readonly #vary: HTMLSelectElement;
  readonly #metric: HTMLSelectElement;
  readonly #month: HTMLInputElement;
  readonly #value: HTMLInputElement;
  readonly #searching = new KeyedTask<string>();
  #unitsByPath = new Map<string, string>();
  #found: Found | null = null;

  constructor(page: Page) {
    this.#page = page;
    this.#vary = page.$<HTMLSelectElement>('#be-vary');
    this.#metric = page.$<HTMLSelectElement>('#be-metric');
    this.#month = page.$<HTMLInputElement>('#be-month');
    this.#value = page.$<HTMLInputElement>('#be-value');
    this.#metric.addEventListener('change', () => this.#showMetricFields(true));
    page.$('#break-even-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#find();
    });
    this.#showMetricFields(false);
    addTableExport(page, 'break-even', 'the break-even search', () => this.#table());
    page.store.on(['answer', 'resume'], () => this.#refreshForm());
    page.addDrawStep({ run: () => this.#draw() });
  }

  /** Whether the answer shown was searched for another scenario than the one on screen. */
  #stale(found: Found): boolean {
    const current = this.#page.store.data.answer;
    return current !== null && settingsKey(current.state) !== found.key;
  }

  #draw(): void {
    const page = this.#page;
    const answerLine = page.$('#be-answer');
    const box = page.$('#chart-break-even');
    const found = this.#found;
    const stale = found !== null && this.#stale(found);
    // A search for an earlier scenario is marked as every previous answer is (outlined, at full contrast), with its own words.
    for (const element of [answerLine, box])
      if (stale) element.dataset.stale = 'previous';
      else delete element.dataset.stale;
    if (stale) box.dataset.exportRefusal = staleExport;
    else delete box.dataset.exportRefusal;
    if (!found) {
      answerLine.textContent = '';
      box.replaceChildren();
      return;
    }
    const { answer: b, unit } = found;
    answerLine.textContent = breakEvenWords(b, unit);
    answerLine.dataset.status = b.status;
    if (stale) {
      const note = page.doc.createElement('span');
      note.className = 'stale-note';
      note.textContent =
        ' Previous answer: this search is for the scenario as it was when you pressed Find; press it again for the current one.';
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
  }

  /** The assumptions the current scenario can vary, and the month's range. */
  #refreshForm(): void {
    const answer = this.#page.store.data.answer;
    if (!answer) return;
    const rows = describeAssumptions(answer.state.input).filter((r) => r.uncertain);
    this.#unitsByPath = new Map(rows.map((r) => [r.path, r.unit]));
    const paths = rows.map((r) => r.path);
    const vary = this.#vary;
    if (vary.dataset.paths !== paths.join(',')) {
      const previous = vary.value || 'investment.failureReduction';
      vary.dataset.paths = paths.join(',');
      vary.replaceChildren(
        ...rows.map((r) => {
          const option = this.#page.doc.createElement('option');
          option.value = r.path;
          option.textContent = assumptionLabel(r.path);
          return option;
        }),
      );
      vary.value = paths.includes(previous) ? previous : (paths[0] ?? '');
    }
    const horizon = answer.result.scenario.horizonMonths;
    this.#month.max = String(horizon);
    if (Number(this.#month.value) > horizon) this.#month.value = String(horizon);
    this.#draw();
  }

  #showMetricFields(resetValue: boolean): void {
    const chosen = this.#metric.value as BreakEvenMetric;
    this.#page.$('#be-month-field').hidden = chosen !== 'probabilityPaidBackBy';
    this.#page.$('#be-unit').textContent = metricDefaults[chosen].unit;
    if (resetValue) this.#value.value = metricDefaults[chosen].value;
  }

  async #find(): Promise<void> {
    const page = this.#page;
    const answer = page.store.data.answer;
    if (!answer) return;
    const status = page.$('#be-status');
    const error = page.$('#be-error');
    const target = targetOf(
      this.#metric.value as BreakEvenMetric,
      this.#value.value,
      this.#month.value,
      answer.result.scenario.horizonMonths,
    );
    error.textContent = typeof target === 'string' ? target : '';
    if (typeof target === 'string') return;
    const settings = answer.state;
    const vary = this.#vary.value;
    const unit = this.#unitsByPath.get(vary) ?? '';
    const runs = Math.min(settings.runs, 2000);
    const started = performance.now();
    const say = () => {
      status.textContent = `Searching… at most 20 simulations of ${runs.toLocaleString('en-US')} runs each, in the background (${Math.round((performance.now() - started) / 1000)} s).`;
    };
    say();
    const ticker = setInterval(say, 1000);
    const outcome = await this.#searching.run(settingsKey(settings), (signal) =>
      inWorker({ kind: 'breakEven', input: settings.input, options: { vary, target, runs, seed: settings.seed } }, signal),
    );
    clearInterval(ticker);
    if (!outcome) return;
    if (!outcome.ok) {
      status.textContent = '';
      error.textContent = outcome.error.message;
      return;
    }
    this.#found = { key: settingsKey(settings), answer: outcome.value, unit };
    status.textContent = `Searched in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
    this.#draw();
  }

  /** The search as a table, for the scenario on screen. */
  #table(): TableExport {
    const found = this.#found;
    if (!found) return 'Nothing to export yet: press Find first.';
    // The export says which scenario it came from: the one on screen, so the search must be for it.
    if (this.#stale(found)) return staleExport;
    return {
      title: `Break-even search: ${breakEvenWords(found.answer, found.unit)}`,
      csv: breakEvenForPeople(found.answer, found.unit, this.#page.currency()),
    };
  }
}

export const breakEvenCell: Cell = {
  name: 'break-even',
  mount(page) {
    new BreakEvenSearch(page);
  },
};
