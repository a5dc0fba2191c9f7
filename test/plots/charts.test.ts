import type * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BreakEven, type Sensitivity, roiDrivers, simulate } from '../../src/index.js';
import { type ChartId, assumptionLabel, breakEvenChart, chartDescription, charts, swingsChart } from '../../playground/charts.js';
import { expectChartSnapshot } from './snapshot.js';
import { background, box, contrast, fontSize, inherited, position } from './svg.js';

// The playground's cells, rendered outside the browser: each chart of a fixed,
// seeded result must draw its marks and match its frozen SVG.
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const { document } = window;
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
    // The chart is an svg, or a figure around one (with its legends).
    expect(svgOf(chart)?.tagName.toLowerCase()).toBe('svg');
  });

  it('matches its snapshot (__snapshots__/NAME.svg, or .html for a figure; NAME-changed beside it on a mismatch)', async () => {
    await expectChartSnapshot(render(id), id);
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
    expect(render('payback').textContent).toContain(
      `${Math.round(result.horizon.paybackMonth.neverShare * 100)}% of runs never pay back within 60 months.`,
    );
  });

  it('needs kept runs for the histograms', () => {
    const bare = simulate({ horizonMonths: 12 }, { runs: 20 });
    expect(() => charts['roi-histogram'](bare, { document })).toThrow(/keepRuns/);
  });
});

// ——— The review's findings, each a test that fails without its fix ———

const all = Object.keys(charts) as ChartId[];
/** A chart's y scale as Plot exposes it. */
const yScale = (chart: Element) =>
  (chart as Element & Plot.Plot).scale('y') as unknown as { domain: number[]; range: number[]; ticks?: number[] };
const svgOf = (chart: Element) => (chart.tagName.toLowerCase() === 'svg' ? chart : (chart.querySelector(':scope > svg') as Element));

describe('ROI fan chart', () => {
  it('has a −100% tick, at or just above the floor of the axis', () => {
    const chart = render('roi-fan');
    // A programme that does next to nothing can lose a hair more than its cost (a few customers lost by chance).
    expect(yScale(chart).domain[0]).toBeLessThanOrEqual(-1);
    expect(yScale(chart).domain[0]).toBeGreaterThan(-1.05);
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toContain('−100%');
  });

  it('keeps the −100% tick when ROI runs far higher and the ticks step by more than 100%', () => {
    const cheap = simulate({ investment: { upfront: 2000, monthly: 100 } }, { runs: 100, seed: 7, keepRuns: true });
    const chart = charts['roi-fan'](cheap, { document, width: 640 }) as unknown as Element;
    const ticks = [...chart.querySelectorAll('text')].map((t) => t.textContent ?? '').filter((t) => /^[+−]\d+%$/.test(t));
    const percents = ticks.map((t) => Number.parseInt(t.replace('−', '-'), 10));
    expect(Math.max(...percents)).toBeGreaterThan(500);
    expect(percents[2]! - percents[1]!).toBeGreaterThan(100);
    expect(ticks).toContain('−100%');
  });

  it('ends the median payback label at the line when it is past the middle, inside the frame', () => {
    const chart = render('roi-fan');
    const label = [...chart.querySelectorAll('text')].find((t) => t.textContent?.startsWith('median payback'));
    expect(label).toBeDefined();
    const [x] = position(label as Element);
    expect(inherited(label as Element, 'text-anchor')).toBe('end');
    expect(x).toBeLessThanOrEqual(640 - 16);
    // Its text, about 7 px a character at 12 px, starts inside the frame too.
    expect(x - 7 * (label?.textContent?.length ?? 0)).toBeGreaterThan(64);
  });

  it('starts the label at the line when the payback is early', () => {
    const cheap = simulate({ investment: { upfront: 2000, monthly: 100 } }, { runs: 100, seed: 7, keepRuns: true });
    expect(cheap.horizon.paybackMonth.median).toBeLessThan(30);
    const chart = charts['roi-fan'](cheap, { document, width: 640 }) as unknown as Element;
    const label = [...chart.querySelectorAll('text')].find((t) => t.textContent?.startsWith('median payback'));
    expect(inherited(label as Element, 'text-anchor')).toBe('start');
  });
});

describe('customers and revenue', () => {
  it.each(['customers', 'revenue'] as const)('%s: the y axis starts at zero', (id) => {
    expect(yScale(render(id)).domain[0]).toBe(0);
  });
});

describe('payback chart', () => {
  const never = result.horizon.paybackMonth.neverShare;

  it('draws a grey "never" bar, labelled with its share', () => {
    const chart = render('payback');
    const texts = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(never).toBeGreaterThan(0.05);
    expect(texts).toContain('never');
    expect(texts).toContain(`${Math.round(100 * never)}%`);
    const bars = [...chart.querySelectorAll('rect')].filter((r) => inherited(r, 'fill') === '#5c636a');
    expect(bars).toHaveLength(1);
  });

  it('draws shares of all runs: the months and never add up to 100%', () => {
    const chart = render('payback');
    const y = yScale(chart);
    const perShare = ((y.range[0] ?? 0) - (y.range[1] ?? 0)) / ((y.domain[1] ?? 0) - (y.domain[0] ?? 0));
    const heights = [...chart.querySelectorAll('rect')]
      .filter((r) => ['#1f6feb', '#5c636a'].includes(inherited(r, 'fill') ?? ''))
      .map((r) => box(r).height);
    expect(heights.reduce((a, b) => a + b, 0) / perShare).toBeCloseTo(1, 6);
  });
});

describe('drivers chart', () => {
  it('puts each value label beside its bar’s end, outside the bar', () => {
    const chart = render('drivers');
    const bars = [...chart.querySelectorAll('rect')].filter((r) => ['#1f6feb', '#c92a2a'].includes(inherited(r, 'fill') ?? '')).map(box);
    const labels = [...chart.querySelectorAll('text')].filter((t) => /^−?\d\.\d\d$/.test(t.textContent ?? ''));
    expect(labels.length).toBe(bars.length);
    expect(labels.some((t) => t.textContent?.startsWith('−'))).toBe(true);
    for (const label of labels) {
      const [x, y] = position(label);
      const bar = bars.find((b) => y >= b.y && y <= b.y + b.height);
      expect(bar, label.textContent ?? '').toBeDefined();
      if (!bar) continue;
      if (label.textContent?.startsWith('−')) {
        expect(inherited(label, 'text-anchor')).toBe('end');
        expect(x).toBeLessThan(bar.x);
      } else {
        expect(inherited(label, 'text-anchor')).toBe('start');
        expect(x).toBeGreaterThan(bar.x + bar.width);
      }
    }
  });

  it('names the assumptions in words', () => {
    expect(render('drivers').textContent).toContain(assumptionLabel('investment.failureReduction'));
  });

  it('says so in a sentence when no assumption varies, instead of an empty frame', () => {
    const fixed = simulate(
      {
        wordOfMouth: { conversionPerTell: 0.025 },
        investment: {
          failureReduction: 0.4,
          delayMonths: 6,
          rampMonths: 24,
          executionSuccess: 1,
          missedEffectShare: 0.3,
          excellentShareIncrease: 0.05,
        },
      },
      { runs: 50, seed: 1, keepRuns: true },
    );
    const chart = charts.drivers(fixed, { document }) as unknown as Element;
    expect(chart.tagName.toLowerCase()).toBe('p');
    expect(chart.querySelector('svg')).toBeNull();
    expect(chart.textContent).toMatch(/No assumption varies.*make one uncertain/);
    expect(chartDescription('drivers', fixed)).toMatch(/No assumption varies/);
  });
});

describe.each(all)('chart %s: readable and accessible', (id) => {
  const both = () => [render(id), render(id, true)];

  it('draws every text at 12 px or more: ticks, axis labels, text marks, legends', () => {
    for (const chart of both()) {
      const texts = [...chart.querySelectorAll('text')];
      expect(texts.length).toBeGreaterThan(3);
      for (const t of texts) expect(fontSize(t), t.textContent ?? '').toBeGreaterThanOrEqual(12);
      for (const legend of chart.querySelectorAll(':scope > div')) expect(fontSize(legend)).toBeGreaterThanOrEqual(12);
    }
  });

  it('is one image named for what it shows, with no label on an element without a role (axe: aria-prohibited-attr)', () => {
    for (const chart of both()) {
      const svg = svgOf(chart);
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')?.length).toBeGreaterThan(15);
      for (const el of chart.querySelectorAll('[aria-label]'))
        expect(el.getAttribute('role'), el.outerHTML.slice(0, 80)).toMatch(/^(img|group)$/);
    }
  });

  it('draws every text at 4.5:1 or more against what it sits on', () => {
    for (const chart of both()) {
      expect(svgOf(chart).querySelectorAll('text').length).toBeGreaterThan(3);
      for (const t of svgOf(chart).querySelectorAll('text')) {
        if (!t.textContent?.trim()) continue;
        const fill = inherited(t, 'fill') ?? 'currentColor';
        expect(contrast(fill, background(t)), `${t.textContent} (${fill} on ${background(t)})`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('describes itself in one or two plain sentences', () => {
    const words = chartDescription(id, result);
    expect(words.length).toBeGreaterThan(40);
    expect(words.split(/(?<=\.) (?=[A-Z0-9])/).length).toBeLessThanOrEqual(2);
    expect(words).not.toMatch(/undefined|NaN|null/);
  });
});

describe('tips (hover read-outs)', () => {
  // jsdom lays nothing out: Plot's tip measures its text after drawing it.
  beforeAll(() => {
    (window.SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
      ({ x: 0, y: 0, width: 120, height: 48 }) as DOMRect;
  });

  /** Moves the pointer over each bar, then the frame's middle, until a tip shows text. */
  function hover(chart: Element): string {
    document.body.append(chart);
    const svg = svgOf(chart);
    const points = [...svg.querySelectorAll('rect')]
      .map(box)
      .filter((b) => b.width > 2 && b.height > 2)
      .map((b): [number, number] => [b.x + b.width / 2, b.y + b.height / 2]);
    for (const dot of svg.querySelectorAll('circle')) {
      const [x, y] = position(dot);
      points.push([x + Number(dot.getAttribute('cx')), y + Number(dot.getAttribute('cy'))]);
    }
    points.push([Number(svg.getAttribute('width')) / 2, Number(svg.getAttribute('height')) / 2]);
    try {
      for (const [clientX, clientY] of points) {
        svg.dispatchEvent(new window.MouseEvent('pointermove', { clientX, clientY, bubbles: true }));
        const tip = [...svg.querySelectorAll('[aria-label="tip"]')].map((t) => t.textContent ?? '').find((t) => t.trim());
        if (tip) return tip;
      }
      return '';
    } finally {
      chart.remove();
    }
  }

  it.each([
    ['roi-fan', /month \d+.*median ROI [+−]?\d+%.*90% of runs: .* to /],
    ['customers', /(baseline|invested), month \d+.*median [\d,]+.*90% of runs/],
    ['revenue', /(baseline|invested), month \d+.*median [\d,]+/],
    ['nps', /(baseline|invested), month \d+.*median/],
    ['roi-histogram', /ROI at month 60.*Runs/],
    ['outcome-split', /(This simulation|Accenture).*\d+%/],
    ['payback', /(paid back in month \d+|never within 60 months).*% of runs/],
    ['levers', /(Customers kept|Spend per customer|Recommendations|Bad stories avoided|Programme cost|Mean NPV): [+−]?[\d,]+/],
    ['drivers', /rank correlation with ROI: −?\d\.\d\d/],
    ['sensitivity', /share of the spread/],
    ['voi', /worth knowing/],
  ] as [ChartId, RegExp][])('%s reads out the value under the pointer', (id, expected) => {
    const tip = hover(render(id));
    expect(tip).toMatch(expected);
  });

  it('draws its tips at 12 px, in a group', () => {
    const chart = render('levers');
    hover(chart);
    const tip = svgOf(chart).querySelector('[aria-label="tip"]') as Element;
    expect(fontSize(tip)).toBeGreaterThanOrEqual(12);
    expect(tip.getAttribute('role')).toBe('group');
  });
});

describe('chart descriptions', () => {
  it('gives the ROI fan’s key numbers', () => {
    const last = result.series.at(-1)?.roi;
    const words = chartDescription('roi-fan', result);
    expect(words).toContain('from −100% in month 1');
    expect(words).toContain(`+${Math.round(100 * (last?.p50 ?? 0))}% at month 60`);
    expect(words).toContain(`by month ${result.horizon.paybackMonth.median}.`);
  });

  it('gives the payback shares', () => {
    expect(chartDescription('payback', result)).toContain(`${Math.round(100 * result.horizon.paybackMonth.neverShare)}% never do`);
  });

  it('names assumptions in words', () => {
    const [top] = roiDrivers(result);
    expect(top).toBeDefined();
    const label = assumptionLabel(top?.path ?? 'no driver');
    // A label, not the path itself or nothing: toContain('') would hold for any description.
    expect(label).toMatch(/^[A-Z][a-z]+ [a-z]/);
    expect(chartDescription('drivers', result)).toContain(label);
  });

  it('puts the currency on money', () => {
    expect(chartDescription('levers', result, { currency: '€' })).toMatch(/The mean NPV, €[\d,]+ discounted/);
    expect(chartDescription('levers', result)).toMatch(/The mean NPV, [\d,]+ discounted/);
  });
});

describe('currency', () => {
  const tickTexts = (chart: Element) => [...chart.querySelectorAll('text')].map((t) => t.textContent ?? '');

  it('keeps plain numbers by default', () => {
    const texts = tickTexts(render('levers'));
    expect(texts.some((t) => /^−?\d+k$/.test(t))).toBe(true);
    expect(texts.join(' ')).not.toMatch(/[€$£]/);
  });

  it.each([
    ['levers', '€', /^−?€\d+K$/, /^€[\d,]+$/],
    ['revenue', '£', /^£\d+(\.\d)?[KM]$/, /Revenue per month \(£\)/],
    ['voi', '$', /^\$\d+(\.\d)?K$/, /^knowing everything \$[\d,]+$/],
  ] as [ChartId, string, RegExp, RegExp][])('%s: %s on the money ticks and labels', (id, currency, tick, label) => {
    const texts = tickTexts(charts[id](result, { document, width: 640, currency }) as unknown as Element);
    expect(
      texts.some((t) => tick.test(t)),
      texts.join(' | '),
    ).toBe(true);
    expect(
      texts.some((t) => label.test(t)),
      texts.join(' | '),
    ).toBe(true);
  });

  it('writes a code with a space: "EUR 200K"', () => {
    const texts = tickTexts(charts.levers(result, { document, width: 640, currency: 'EUR' }) as unknown as Element);
    expect(texts.some((t) => /^EUR \d+K$/.test(t))).toBe(true);
  });

  it('puts it on the swings and on a break-even search for the median NPV', () => {
    const swings = {
      months: [{ month: 60, median: 250_000 }],
      fixedFigures: {
        range: 0.2,
        runs: 300,
        figures: [
          {
            path: 'churn.switchAfterBad',
            value: 0.86,
            low: 0.69,
            high: 1,
            atMonths: [{ month: 60, medianAtLow: 300_000, medianAtHigh: 200_000, swing: -100_000 }],
          },
        ],
      },
    } as unknown as Sensitivity;
    const swung = tickTexts(swingsChart(swings, { document, width: 640, currency: '€' }) as unknown as Element).join(' | ');
    expect(swung).toContain('median now €250,000');
    expect(swung).toContain('−€100,000');
    const search = {
      vary: 'investment.upfront',
      within: [0, 200_000],
      target: { metric: 'npvMedian', value: 0 },
      evaluations: [
        { value: 0, reached: 300_000, standardError: 5_000 },
        { value: 100_000, reached: 150_000, standardError: 5_000 },
        { value: 200_000, reached: -20_000, standardError: 5_000 },
      ],
      runCount: 300,
      status: 'crossed',
      value: 180_000,
    } as unknown as BreakEven;
    const found = tickTexts(breakEvenChart(search, { document, width: 640, currency: '€', unit: 'currency' }) as unknown as Element).join(
      ' | ',
    );
    expect(found).toMatch(/€\d+K/);
    expect(found).toContain('break-even €180,000');
  });
});
