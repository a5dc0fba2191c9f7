import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { type ChartId, charts } from '../../playground/charts.js';

// The playground's cells, rendered outside the browser: each chart of a fixed,
// seeded result must draw its marks and match its frozen SVG.
const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const result = simulate({}, { runs: 300, seed: 2026, keepRuns: true });
const pinned = simulate({ investment: { failureReduction: 0.6 } }, { runs: 300, seed: 2026, keepRuns: true });

function render(id: ChartId, compare = false): Element {
  return charts[id](result, { document, width: 640, compare: compare ? pinned : null }) as unknown as Element;
}

describe.each(Object.keys(charts) as ChartId[])('chart %s', (id) => {
  it('draws marks', () => {
    const chart = render(id);
    const marks = chart.querySelectorAll('path, rect, line');
    expect(marks.length).toBeGreaterThan(5);
    expect(chart.querySelector('svg') ?? chart).toBeTruthy();
  });

  it('matches its snapshot', async () => {
    await expect(render(id).outerHTML).toMatchFileSnapshot(`./__snapshots__/${id}.html`);
  });

  it('draws the pinned result A as well when comparing', () => {
    const alone = render(id).outerHTML;
    const together = render(id, true).outerHTML;
    expect(together).not.toBe(alone);
  });
});

describe('chart content', () => {
  it('marks the median payback month (over all runs) on the ROI fan chart', () => {
    const month = result.horizon.paybackMonth.median;
    expect(month).not.toBeNull();
    expect(render('roi-fan').textContent).toContain(`median payback (all runs): month ${month}`);
  });

  it('puts the simulated outcome shares beside Accenture’s published ones', () => {
    const text = render('outcome-split').textContent ?? '';
    expect(text).toContain('Accenture (published)');
    expect(text).toContain('57%');
    expect(text).toContain(`${Math.round(result.horizon.outcomeClasses.middling * 100)}%`);
  });

  it('draws NPS for both arms on its −100…100 scale', () => {
    const text = render('nps').textContent ?? '';
    expect(text).toContain('NPS (−100 to 100)');
    expect(text).toContain('baseline');
    expect(text).toContain('invested');
  });

  it('states the share that never pays back', () => {
    expect(render('payback').textContent).toContain(`${Math.round(result.horizon.paybackMonth.neverShare * 100)}% of runs never pay back within 60 months.`);
  });

  it('needs kept runs for the histograms', () => {
    const bare = simulate({ horizonMonths: 12 }, { runs: 20 });
    expect(() => charts['roi-histogram'](bare, { document })).toThrow(/keepRuns/);
  });
});
