import { describe, expect, it } from 'vitest';
import { ScenarioError, formatIssue, parseScenario, resultHash, runsCsv, seriesCsv, simulate, writeJson } from '../../src/index.js';

describe('CSV reports', () => {
  const result = simulate({ horizonMonths: 6 }, { runs: 20, seed: 8, keepRuns: true });

  it('writes one row per month with every band', () => {
    const lines = seriesCsv(result).trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    const header = (lines[0] as string).split(',');
    expect(header.slice(0, 4)).toEqual(['month', 'probability_paid_back', 'roi_mean', 'roi_p5']);
    expect(header).toHaveLength(2 + 7 * 6);
    const row = (lines[6] as string).split(',');
    expect(row[0]).toBe('6');
    expect(Number(row[header.indexOf('roi_p50')])).toBe(result.series[5]?.roi.p50);
    expect(Number(row[header.indexOf('customers_invested_p95')])).toBe(result.series[5]?.customers.invested.p95);
  });

  it('writes one row per run with its drawn parameters', () => {
    const lines = runsCsv(result).trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    const header = (lines[0] as string).split(',');
    expect(header.slice(0, 7)).toEqual(['run', 'roi', 'npv', 'payback_month', 'customers_baseline', 'customers_invested', 'executed']);
    expect(header).toContain('investment.failureReduction');
    const first = (lines[1] as string).split(',');
    expect(Number(first[1])).toBe(result.runs?.[0]?.roi);
    expect(first[3]).toBe(result.runs?.[0]?.paybackMonth === null ? '' : String(result.runs?.[0]?.paybackMonth));
  });

  it('needs kept runs for the per-run CSV', () => {
    expect(() => runsCsv(simulate({ horizonMonths: 6 }, { runs: 2 }))).toThrow(/keepRuns/);
  });
});

describe('the reports refuse what is not a result, in words', () => {
  it('resultHash, seriesCsv and runsCsv name what they need instead of failing on a property', () => {
    expect(() => resultHash(null as never)).toThrow('resultHash needs a simulation result (from simulate), with its series and horizon');
    expect(() => resultHash({} as never)).toThrow(/resultHash needs a simulation result/);
    expect(() => seriesCsv({ series: [1, 2] } as never)).toThrow(
      'seriesCsv needs a simulation result (from simulate), with its monthly series',
    );
    expect(() => seriesCsv(null as never)).toThrow(/seriesCsv needs/);
    expect(() => runsCsv({ runs: [null] } as never)).toThrow(
      'runsCsv needs the runs of a simulation result (from simulate with { keepRuns: true })',
    );
  });

  it('writeJson, formatIssue and ScenarioError refuse what they cannot use, in words', async () => {
    await expect(writeJson({}, () => undefined, 0)).rejects.toThrow(
      "writeJson's chunkSize must be a whole number of characters from 1, not 0",
    );
    await expect(writeJson({}, () => undefined, Number.NaN)).rejects.toThrow(/chunkSize must be a whole number/);
    await expect(writeJson({}, null as never)).rejects.toThrow('writeJson needs a function to write its text with (write)');
    expect(() => formatIssue(null as never)).toThrow('formatIssue needs an issue { path, value, message }, not null');
    expect(() => new ScenarioError(null as never)).toThrow(
      'ScenarioError needs a list of issues, each { path, value, message } with path and message as text',
    );
    expect(() => parseScenario({ $schema: 'x'.repeat(5_000_000) })).toThrow(
      /\$schema: must be the path or address of a JSON Schema \(at most 2,000 characters\)/,
    );
  });
});
