import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DDSketch } from '@datadog/sketches-js';
import { ScenarioError, mergeShards, planShards, resultHash, simulate, simulateShard, version } from '../../src/index.js';
import { ShardFormatError, decodeSections, encodeSections } from '../../src/shards/codec.js';
import { planKey } from '../../src/shards/fingerprint.js';
import { addValues, createSketch, mergeSketch, readSketch, sketchBand, sketchNumbers } from '../../src/shards/sketch.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulateRange } from '../../src/simulate/matrix.js';
import { bandMetrics, derivedMetrics } from '../../src/simulate/summarize.js';
import type { ShardSpec } from '../../src/shards/plan.js';

const small = { horizonMonths: 24 };

/** A shard result that crossed JSON (as on a queue): the spec as JSON, the bytes as base64. */
function overTheWire(spec: ShardSpec): Uint8Array {
  const back = JSON.parse(JSON.stringify(spec)) as ShardSpec;
  const bytes = simulateShard(back);
  return new Uint8Array(Buffer.from(Buffer.from(bytes).toString('base64'), 'base64'));
}

describe('planShards, simulateShard, mergeShards', () => {
  it('merge to simulate’s result, bit for bit, for any split and any order of arrival (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 1, max: 12 }),
        fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 8 })),
        fc.boolean(),
        fc.infiniteStream(fc.nat()),
        (runs, shards, seed, keepRuns, order) => {
          const expected = simulate(small, { runs, seed, keepRuns });
          const results = planShards(small, { runs, seed, shards, keepRuns }).map(overTheWire);
          const arrival = results.map((r, i) => ({ r, key: order.next().value as number, i })).sort((a, b) => a.key - b.key || a.i - b.i);
          const merged = mergeShards(arrival.map((a) => a.r));
          expect(merged).toEqual(expected);
          expect(resultHash(merged)).toBe(resultHash(expected));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('6,000 default runs in 8 shards give simulate’s result hash', () => {
    const expected = simulate({}, { runs: 6000, seed: 1 });
    const merged = mergeShards(
      planShards({}, { runs: 6000, seed: 1, shards: 8 })
        .map((s) => simulateShard(s))
        .reverse(),
    );
    expect(resultHash(merged)).toBe(resultHash(expected));
    expect(merged.bands).toBeUndefined();
  });

  it('specs are plain JSON, one per shard, never more shards than runs', () => {
    const specs = planShards({ investment: { upfront: 5e5 } }, { runs: 3, seed: 'x', shards: 5 });
    expect(specs.map((s) => [s.index, s.first, s.count])).toEqual([
      [0, 0, 1],
      [1, 1, 1],
      [2, 2, 1],
    ]);
    expect(JSON.parse(JSON.stringify(specs))).toEqual(specs);
    expect(new Set(specs.map((s) => s.plan)).size).toBe(1);
    expect(specs[0]?.version).toBe(version);
  });

  it('names each bad option', () => {
    const issues = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioError);
        return (error as ScenarioError).issues.map((i) => i.path);
      }
      throw new Error('no error');
    };
    expect(issues(() => planShards({}, { shards: 0 }))).toEqual(['options.shards']);
    expect(issues(() => planShards({}, { runs: 1.5, seed: Number.NaN }))).toEqual(['options.runs', 'options.seed']);
    expect(issues(() => planShards({}, { relativeAccuracy: 0.5, exactBandsUpTo: -1 }))).toEqual([
      'options.exactBandsUpTo',
      'options.relativeAccuracy',
    ]);
    expect(issues(() => planShards({}, { shard: 2 } as never))).toEqual(['options.shard']);
    expect(issues(() => planShards({}, { runs: 1_000_000, keepRuns: true }))).toEqual(['options.keepRuns']);
    expect(issues(() => planShards({ horizonMonths: 0 }, {}))).toEqual(['horizonMonths']);
    expect(issues(() => planShards({}, { runs: null, seed: null } as never))).toEqual(['options.runs', 'options.seed']);
    expect(issues(() => planShards({}, 5 as never))).toEqual(['options']);
  });

  it('a spec changed, of another version or not a spec is refused, naming the field', () => {
    const [spec] = planShards(small, { runs: 10, shards: 2 }) as [ShardSpec];
    const refused = (s: unknown) => {
      try {
        simulateShard(s as ShardSpec);
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioError);
        return (error as ScenarioError).issues[0];
      }
      throw new Error('accepted');
    };
    expect(refused({ ...spec, version: '0.1.0' })).toMatchObject({
      path: 'spec.version',
      message: expect.stringMatching(/planned by cx-roi 0\.1\.0; this is cx-roi/),
    });
    expect(refused({ ...spec, seed: 2 })?.path).toBe('spec.plan');
    expect(refused({ ...spec, scenario: { ...spec.scenario, horizonMonths: 25 } })?.path).toBe('spec.plan');
    expect(refused({ ...spec, count: 6 })?.path).toBe('spec.index');
    expect(refused(null)?.path).toBe('spec');
    expect(refused({ ...spec, scenario: { ...spec.scenario, horizonMonths: -3 } })?.path).toBe('spec.scenario.horizonMonths');
  });

  it('a damaged, cut, foreign, repeated or missing result is a clear error', () => {
    const specs = planShards(small, { runs: 40, shards: 4 });
    const results = specs.map((s) => simulateShard(s));
    const damaged = results[1]!.slice();
    damaged[damaged.length >> 1]! ^= 1;
    expect(() => mergeShards([results[0]!, damaged, results[2]!, results[3]!])).toThrow(/results\[1\] fails its checksum/);
    expect(() => mergeShards([results[0]!.subarray(0, 64)])).toThrow(ShardFormatError);
    expect(() => mergeShards([new Uint8Array(64)])).toThrow(/does not start with "CXRS"/);
    expect(() => mergeShards(['x' as never])).toThrow(/expected a Uint8Array/);
    expect(() => mergeShards([results[0]!, results[0]!, results[2]!, results[3]!])).toThrow(/shard 0 is given twice/);
    expect(() => mergeShards(results.slice(0, 3))).toThrow(/1 of 4 shards are missing: shard 3/);
    const other = simulateShard(planShards(small, { runs: 40, shards: 4, seed: 2 })[3]!);
    expect(() => mergeShards([...results.slice(0, 3), other])).toThrow(/results\[3\] is of another plan/);
    expect(() => mergeShards([])).toThrow(TypeError);
  });

  it('a result at an odd byte offset (a pooled Node Buffer) reads as well', () => {
    const [spec] = planShards(small, { runs: 7 });
    const bytes = simulateShard(spec!);
    const offset = new Uint8Array(bytes.length + 3);
    offset.set(bytes, 3);
    expect(resultHash(mergeShards([offset.subarray(3)]))).toBe(resultHash(simulate(small, { runs: 7 })));
  });

  it('reads a Node Buffer at any offset, and names a hole in the results', () => {
    const results = planShards(small, { runs: 30, shards: 3 }).map((s) => simulateShard(s));
    const expected = resultHash(simulate(small, { runs: 30 }));
    for (const offset of [1, 3, 4, 12]) {
      const shifted = Buffer.concat([Buffer.alloc(offset), Buffer.from(results[0]!)]).subarray(offset);
      expect(resultHash(mergeShards([shifted, results[1]!, results[2]!]))).toBe(expected);
    }
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    expect(() => mergeShards([results[0]!, , results[2]!] as Uint8Array[])).toThrow(
      /results\[1\] is not a shard result: expected a Uint8Array/,
    );
  });

  it('checks every field of a spec, even one whose fingerprint was recomputed; key order does not matter', () => {
    const [spec] = planShards(small, { runs: 10 }) as [ShardSpec];
    const forged = (change: Partial<Record<keyof ShardSpec, unknown>>) => {
      const s = { ...spec, ...change } as ShardSpec;
      return { ...s, plan: planKey(s) } as ShardSpec;
    };
    const path = (s: ShardSpec) => {
      try {
        simulateShard(s);
      } catch (error) {
        return (error as ScenarioError).issues?.[0]?.path ?? (error as Error).message;
      }
      return 'accepted';
    };
    expect(path(forged({ bands: { method: 'sketch', relativeAccuracy: 0 } }))).toBe('spec.bands');
    expect(path(forged({ bands: 'x' }))).toBe('spec.bands');
    expect(path(forged({ seed: 'x'.repeat(1e5) }))).toBe('spec.seed');
    expect(path(forged({ keepRuns: 'yes' }))).toBe('spec.keepRuns');
    expect(path(forged({ shards: 1e9 }))).toBe('spec.shards');
    expect(path({ ...spec, scenario: { ...spec.scenario, extra: 1 } as never })).toBe('spec.scenario.extra');
    expect(path({ ...spec, scenario: null as never })).toBe('spec.scenario');
    // A field added on the way is not covered by the fingerprint: refused by name.
    expect(path({ ...spec, priority: 'high' } as never)).toBe('spec.priority');
    // Sorted keys all the way down (jq -S, a database's JSON): the same spec.
    const sortDeep = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(sortDeep)
        : x && typeof x === 'object'
          ? Object.fromEntries(
              Object.keys(x)
                .sort()
                .map((k) => [k, sortDeep((x as Record<string, unknown>)[k])]),
            )
          : x;
    expect(path(sortDeep(spec) as ShardSpec)).toBe('accepted');
  });

  it('refuses a result whose header was changed, even with its checksum written again', () => {
    const results = planShards(small, { runs: 20, shards: 2 }).map((s) => simulateShard(s));
    const rewrite = (bytes: Uint8Array, change: (h: Record<string, unknown>) => Record<string, unknown>) => {
      const { header, sections } = decodeSections(bytes, 'x');
      const { sections: _layout, littleEndian: _order, ...rest } = header as Record<string, unknown>;
      return encodeSections(
        change(rest),
        [...sections].map(([name, array]) => ({ name, array })),
      );
    };
    expect(() => mergeShards([rewrite(results[0]!, (h) => ({ ...h, seed: 2 })), results[1]!])).toThrow(
      /results\[0\] has a header that does not match its plan/,
    );
    expect(() =>
      mergeShards([rewrite(results[0]!, (h) => ({ ...h, scenario: { ...(h.scenario as object), horizonMonths: 12 } })), results[1]!]),
    ).toThrow(/does not match its plan/);
    // The same header, written again: still merges.
    expect(resultHash(mergeShards([rewrite(results[0]!, (h) => h), results[1]!]))).toBe(resultHash(simulate(small, { runs: 20 })));
  });

  it('refuses, before any work, a spec past the limits planShards enforces, even with its fingerprint recomputed', () => {
    const [spec] = planShards({}, { runs: 1000, shards: 1, exactBandsUpTo: 0 }) as [ShardSpec];
    const forged = (change: Partial<Record<keyof ShardSpec, unknown>>) => {
      const s = { ...spec, ...change } as ShardSpec;
      return { ...s, plan: planKey(s) } as ShardSpec;
    };
    const refusal = (s: ShardSpec) => {
      const started = Date.now();
      let issue: { path: string; message: string } | undefined;
      try {
        simulateShard(s);
      } catch (error) {
        issue = (error as ScenarioError).issues?.[0];
      }
      // Refused at once: ten million runs would take half an hour and 1.3 GB (this bound is a hang's, not a speed target).
      expect(Date.now() - started).toBeLessThan(5000);
      return issue;
    };
    // Ten million runs in one shard (sketched bands): a result of about 1.2 GB, past the 256 MB a shard may hold.
    expect(refusal(forged({ runs: 10_000_000, count: 10_000_000 }))).toMatchObject({
      path: 'spec.count',
      message: expect.stringMatching(/about 1,2\d\d MB, more than the 256 MB planShards allows/),
    });
    // Exact bands for more runs than fit in memory, and every run kept past the run-months a result holds.
    expect(refusal(forged({ runs: 500_000, count: 1000, shards: 500, bands: { method: 'exact' } }))).toMatchObject({ path: 'spec.bands' });
    expect(refusal(forged({ runs: 500_000, count: 1000, shards: 500, keepRuns: true }))).toMatchObject({
      path: 'spec.keepRuns',
      message: expect.stringMatching(/500,000 × 60/),
    });
  });

  it('refuses a result whose figures are not finite or out of range, naming the shard and the section, even with its checksum written again', () => {
    const results = planShards(small, { runs: 20, shards: 2 }).map((s) => simulateShard(s));
    const damaged = (name: string, value: number, at = 3) => {
      const { header, sections } = decodeSections(results[1]!, 'x');
      const { sections: _layout, littleEndian: _order, ...rest } = header as Record<string, unknown>;
      const copy = new Map([...sections].map(([n, array]) => [n, array.slice()]));
      (copy.get(name) as { [i: number]: number })[at] = value;
      return [
        results[0]!,
        encodeSections(
          rest,
          [...copy].map(([n, array]) => ({ name: n, array })),
        ),
      ];
    };
    expect(() => mergeShards(damaged('horizon.roi', Number.NaN))).toThrow(
      /results\[1\] \(shard 1\) has a bad value in section horizon\.roi: NaN at 3 is not a finite number/,
    );
    expect(() => mergeShards(damaged('horizon.npv', Number.POSITIVE_INFINITY))).toThrow(/section horizon\.npv: Infinity/);
    expect(() => mergeShards(damaged('values.customersInvested', -1e9))).toThrow(
      /section values\.customersInvested: -1000000000 at 3 is not a number of customers, at least 0/,
    );
    expect(() => mergeShards(damaged('horizon.customersBaseline', -1))).toThrow(/section horizon\.customersBaseline/);
    expect(() => mergeShards(damaged('horizon.executed', 2))).toThrow(/section horizon\.executed: 2 at 3 is not a flag of 0 or 1/);
    expect(() => mergeShards(damaged('horizon.paybackMonth', 25))).toThrow(
      /section horizon\.paybackMonth: 25 at 3 is not a month from 1 to the horizon \(24\)/,
    );
    expect(() => mergeShards(damaged('horizon.paybackMonth', -1))).toThrow(/horizon\.paybackMonth/);
    expect(() => mergeShards(damaged('paidBackCounts', 11))).toThrow(
      /section paidBackCounts: 11 at 3 is not a count of runs from 0 to the block's 10/,
    );
    expect(() => mergeShards(damaged('values.promotersBaseline', 1.5))).toThrow(/section values\.promotersBaseline/);
    // Rewritten the same way with a value left as it was (index −1 writes nothing into a typed array): still merges to simulate's result.
    expect(resultHash(mergeShards(damaged('horizon.roi', 0, -1)))).toBe(resultHash(simulate(small, { runs: 20 })));
  });

  it('refuses a sketched result whose sketch counts are damaged', () => {
    const results = planShards(small, { runs: 20, shards: 2, exactBandsUpTo: 0 }).map((s) => simulateShard(s));
    const damaged = (at: number, value: number) => {
      const { header, sections } = decodeSections(results[0]!, 'x');
      const { sections: _layout, littleEndian: _order, ...rest } = header as Record<string, unknown>;
      const copy = new Map([...sections].map(([n, array]) => [n, array.slice()]));
      (copy.get('sketches') as Float64Array)[at] = value;
      return [
        encodeSections(
          rest,
          [...copy].map(([n, array]) => ({ name: n, array })),
        ),
        results[1]!,
      ];
    };
    expect(() => mergeShards(damaged(0, Number.NaN))).toThrow(
      /results\[0\] \(shard 0\) has a bad value in section sketches: .*sum that is not finite/,
    );
    expect(() => mergeShards(damaged(1, 3))).toThrow(/section sketches: a month's sketch counts 13 runs, not the shard's 10/);
    expect(() => mergeShards(damaged(1, -0.5))).toThrow(/section sketches/);
  });

  it('refuses shards too big for a queue, saying how many would do', () => {
    expect(() => planShards({}, { runs: 100_000, shards: 1 })).toThrow(
      /options\.shards: gives shards of about \d+ MB each, more than the 256 MB .*use at least 2 shards, or sketch the bands/,
    );
    expect(() => planShards({}, { runs: 10_000_000, shards: 1, exactBandsUpTo: 0 })).toThrow(/options\.shards/);
    expect(planShards({}, { runs: 100_000, shards: 2 })).toHaveLength(2);
  });

  it('reports progress through the shard', () => {
    const [spec] = planShards(small, { runs: 500 });
    const seen: number[] = [];
    simulateShard(spec!, { onProgress: (done, count) => seen.push(done / count) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(10);
  });
});

describe('sketched bands past exactBandsUpTo', () => {
  const runs = 3000;
  const relativeAccuracy = 0.01;
  const specs = planShards({}, { runs, seed: 5, shards: 3, exactBandsUpTo: 1000, relativeAccuracy });
  const merged = mergeShards(specs.map((s) => simulateShard(s)));
  const exact = simulate({}, { runs, seed: 5 });

  it('say so, and keep every horizon figure exact', () => {
    expect(merged.bands).toEqual({ method: 'sketch', relativeAccuracy });
    expect(merged.horizon).toEqual(exact.horizon);
    expect(merged.series.map((r) => r.probabilityPaidBack)).toEqual(exact.series.map((r) => r.probabilityPaidBack));
  });

  it('every percentile of every figure and month is within the bound of its order statistic; means agree', () => {
    const scenario = parseScenario({});
    const block = simulateRange(scenario, 5, 0, runs, false);
    const months = scenario.horizonMonths;
    const rows = merged.series;
    const pick = (row: (typeof rows)[number], metric: string): unknown => {
      const name = metric.replace(/Baseline$|Invested$/, '');
      const arm = metric.endsWith('Baseline') ? 'baseline' : 'invested';
      if (name === 'roi') return row.roi;
      if (name === 'customers' || name === 'revenue' || name === 'margin') return row[name][arm];
      if (name === 'nps') return row.nps[arm].score;
      return row.nps[arm][name as 'promoters' | 'passives' | 'detractors'];
    };
    let checked = 0;
    for (const metric of bandMetrics) {
      for (let t = 0; t < months; t += 1) {
        const values = new Float64Array(runs);
        if (Object.hasOwn(derivedMetrics, metric)) {
          // The definitions written out here, independently of the library's loops.
          const { from, form } = derivedMetrics[metric as keyof typeof derivedMetrics];
          const value = (promoters: number, detractors: number) =>
            form === 'passives' ? 1 - promoters - detractors : 100 * (promoters - detractors);
          for (let i = 0; i < runs; i += 1)
            values[i] = value(block.values[from[0]][t * runs + i] as number, block.values[from[1]][t * runs + i] as number);
        } else values.set(block.values[metric as keyof typeof block.values].subarray(t * runs, (t + 1) * runs));
        let sum = 0;
        for (let i = 0; i < runs; i += 1) sum += values[i] as number;
        values.sort();
        const band = pick(rows[t]!, metric) as Record<string, number>;
        for (const [key, q] of [
          ['p5', 0.05],
          ['p25', 0.25],
          ['p50', 0.5],
          ['p75', 0.75],
          ['p95', 0.95],
        ] as const) {
          const x = values[Math.floor(q * (runs - 1))] as number;
          expect(Math.abs((band[key] as number) - x), `${metric} month ${t + 1} ${key}`).toBeLessThanOrEqual(
            relativeAccuracy * Math.abs(x) + 1e-12,
          );
          checked += 1;
        }
        expect(band.mean).toBeCloseTo(sum / runs, 6);
      }
    }
    expect(checked).toBe(bandMetrics.length * months * 5);
  });

  it('do not depend on the split', () => {
    const other = mergeShards(
      planShards({}, { runs, seed: 5, shards: 7, exactBandsUpTo: 1000, relativeAccuracy })
        .map((s) => simulateShard(s))
        .reverse(),
    );
    expect(other.series.map((r) => [r.roi.p5, r.roi.p50, r.revenue.invested.p95, r.nps.invested.score.p25])).toEqual(
      merged.series.map((r) => [r.roi.p5, r.roi.p50, r.revenue.invested.p95, r.nps.invested.score.p25]),
    );
  });
});

describe('the sketch', () => {
  const values = fc.array(
    fc.oneof(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.constantFrom(0, -0, 1e-320, -1e-320, 1, -1),
      fc.integer({ min: -5000, max: 5000 }),
    ),
    { minLength: 1, maxLength: 300 },
  );

  // sketches-js grows its store with a spread of a whole array: past about 10⁵ bins it overflows the stack.
  const moderate = fc.array(
    fc.oneof(
      fc.double({ min: 1e-9, max: 1e12, noNaN: true }),
      fc.double({ min: -1e12, max: -1e-9, noNaN: true }),
      fc.constantFrom(0, -0, 1, -1),
      fc.integer({ min: -5000, max: 5000 }),
    ),
    { minLength: 1, maxLength: 300 },
  );

  it('answers as Datadog’s sketches-js, value for value, at every percentile (property)', () => {
    fc.assert(
      fc.property(moderate, fc.constantFrom(0.001, 0.01, 0.05), (xs, accuracy) => {
        const ours = createSketch(accuracy);
        addValues(ours, xs);
        const theirs = new DDSketch({ relativeAccuracy: accuracy });
        for (const x of xs) theirs.accept(x);
        for (const q of [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]) expect(ours.quantile(q)).toBe(theirs.getValueAtQuantile(q));
      }),
    );
  });

  it('merges exactly: merged sketches answer as one sketch of all the values, negative values included (property)', () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 5 }), (parts) => {
        const whole = createSketch(0.01);
        const merged = createSketch(0.01);
        for (const part of parts) {
          addValues(whole, part);
          const piece = createSketch(0.01);
          addValues(piece, part);
          mergeSketch(merged, piece);
        }
        for (const q of [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]) expect(merged.quantile(q)).toBe(whole.quantile(q));
        expect(merged.count).toBe(whole.count);
      }),
    );
    // What sketches-js's own merge gets wrong (its issue #22): the second sketch's negative values are lost.
    const c = new DDSketch({ relativeAccuracy: 0.01 });
    const d = new DDSketch({ relativeAccuracy: 0.01 });
    for (const x of [-5, 1]) c.accept(x);
    for (const x of [-9, 2]) d.accept(x);
    c.merge(d);
    expect(c.negativeStore.count).toBe(1);
  });

  it('keeps its bound over any range of values, from 10⁻³²⁰ to 10¹² (property)', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const s = createSketch(0.01);
        addValues(s, xs);
        const sorted = Float64Array.from(xs).sort();
        for (const q of [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]) {
          const x = sorted[Math.floor(q * (sorted.length - 1))] as number;
          // Below 2⁻¹⁰²³γ a value counts as zero: its error is at most that.
          expect(Math.abs(s.quantile(q) - x)).toBeLessThanOrEqual(0.01 * Math.abs(x) + 2 ** -1020);
        }
      }),
    );
  });

  it('writes and reads a sketch exactly', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const s = createSketch(0.01);
        addValues(s, xs);
        const numbers = new Float64Array([7, ...sketchNumbers(s)]);
        const { sketch, next } = readSketch(numbers, 1, 0.01);
        expect(next).toBe(numbers.length);
        expect(sketchBand(sketch)).toEqual(sketchBand(s));
      }),
    );
  });
});
