import { describe, expect, it } from 'vitest';
import { breakEven, sensitivity, simulate } from '../../src/index.js';
import { bandsForPeople, breakEvenForPeople, runsForPeople, swingsForPeople } from '../../playground/board-csv.js';

const result = simulate({}, { runs: 300, seed: 4, keepRuns: true });
const parse = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map(
      (line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')) ?? [],
    );

describe('CSVs for people', () => {
  it('bands: columns in words with their units, chances and ROI in percent, money whole', () => {
    const rows = parse(bandsForPeople(result, '€'));
    const header = rows[0] ?? [];
    expect(header.slice(0, 4)).toEqual(['Month', 'Chance it has paid back (%)', 'ROI (%): median', 'ROI (%): average']);
    expect(header).toContain('Revenue with the programme (€): 95% of runs below');
    expect(header.join(' ')).not.toMatch(/_p\d|\bp\d{1,2}\b|[a-z]\.[a-z]/);
    const last = rows[60] ?? [];
    const month60 = result.series[59];
    expect(Number(last[0])).toBe(60);
    expect(Number(last[1])).toBe(Math.round((month60?.probabilityPaidBack ?? 0) * 1000) / 10);
    expect(Number(last[2])).toBe(Math.round((month60?.roi.p50 ?? 0) * 1000) / 10);
    const revenue = header.indexOf('Revenue with the programme (€): median');
    expect(Number(last[revenue])).toBe(Math.round(month60?.revenue.invested.p50 ?? 0));
  });

  it('runs: one row a run, numbered from 1, the assumptions by their labels, chances in percent', () => {
    const rows = parse(runsForPeople(result, ''));
    const header = rows[0] ?? [];
    expect(rows.length).toBe(301);
    expect(header.slice(0, 7)).toEqual([
      'Run',
      'ROI at the horizon (%)',
      'NPV',
      'Payback month (blank: not within the horizon)',
      'Customers at the horizon without the programme',
      'Customers at the horizon with the programme',
      'Carried out as planned',
    ]);
    expect(header.join(' ')).not.toMatch(/\b[a-z]+\.[a-z]/);
    const first = result.runs?.[0];
    const row = rows[1] ?? [];
    expect(Number(row[0])).toBe(1);
    expect(Number(row[1])).toBe(Math.round((first?.roi ?? 0) * 1000) / 10);
    expect(row[6]).toBe(first?.executed ? 'yes' : 'no');
    const effect = header.findIndex((h) => /^Failure reduction \(%\)$/.test(h));
    expect(effect).toBeGreaterThan(6);
    expect(Number(row[effect])).toBeCloseTo(100 * (first?.parameters['investment.failureReduction'] as number), 3);
  });

  it('swings: each published figure by its label, the values swung to in the page’s units, the medians and the swing in whole money', () => {
    const swings = sensitivity(simulate({}, { runs: 200, seed: 4, keepRuns: true }), { at: [60], swings: { runs: 200 } });
    const rows = parse(swingsForPeople(swings, '€')).map((row) => row.slice(0, 7));
    const figures = swings.fixedFigures?.figures ?? [];
    expect(figures.length).toBeGreaterThan(0);
    expect(rows[0]).toEqual([
      'Published figure',
      'Its value',
      '20% lower',
      '20% higher',
      'Median NPV at month 60, lower (€)',
      'Median NPV at month 60, higher (€)',
      'Swing, lower to higher (€)',
    ]);
    expect(rows).toHaveLength(figures.length + 1);
    const switching = figures.findIndex((f) => f.path === 'churn.switchAfterBad');
    const at = figures[switching]?.atMonths.at(-1);
    // A share swung 20% either way, cut to its allowed range, in percent as the page shows it.
    expect(rows[switching + 1]).toEqual([
      'Switching after a bad experience',
      '86%',
      '68.8%',
      '100%',
      String(Math.round(at?.medianAtLow ?? Number.NaN)),
      String(Math.round(at?.medianAtHigh ?? Number.NaN)),
      String(Math.round(at?.swing ?? Number.NaN)),
    ]);
    expect(rows.flat().join(' ')).not.toMatch(/\bchurn\.|NaN|undefined/);
  });

  it('break-even: one row a simulation of the search, the value tried in the page’s units, the chance reached in percent with its ±', () => {
    const target = { metric: 'probabilityPositiveRoi', value: 0.6 } as const;
    const b = breakEven({}, { vary: 'investment.failureReduction', target, runs: 300, seed: 1 });
    const rows = parse(breakEvenForPeople(b, 'share', '€')).map((row) => row.slice(0, 4));
    expect(rows[0]).toEqual(['Simulation', 'Failure reduction (%)', 'Chance it pays for itself (%)', '± simulation error (%)']);
    expect(rows).toHaveLength(b.evaluations.length + 1);
    for (const [i, e] of b.evaluations.entries())
      expect(rows[i + 1]).toEqual([
        String(i + 1),
        String(Number((100 * e.value).toPrecision(6))),
        String(Math.round(e.reached * 1000) / 10),
        String(Math.round(e.standardError * 1000) / 10),
      ]);
  });
});
