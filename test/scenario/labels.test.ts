import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { optionalSections } from '../../scripts/docs.js';
import {
  type AssumptionRow,
  type FieldMeta,
  type Source,
  alternatives,
  describeAssumptions,
  fieldRegistry,
  scenarioSchema,
  sources,
} from '../../src/index.js';
import { unwrapped } from '../../src/scenario/schema-walk.js';
import { maturitySource } from '../../src/scenario/maturity.js';

/** Every field metadata registered anywhere in the scenario schema (unions, lists, records and optional sections included). */
function registeredMeta(): FieldMeta[] {
  const found = new Set<FieldMeta>();
  const walk = (outer: z.core.$ZodType) => {
    const schema = unwrapped(outer);
    const meta = fieldRegistry.get(schema as z.ZodType);
    if (meta) found.add(meta);
    if (schema instanceof z.ZodObject) for (const child of Object.values(schema.shape)) walk(child as z.core.$ZodType);
    else if (schema instanceof z.ZodUnion) for (const option of schema.options as z.core.$ZodType[]) walk(option);
    else if (schema instanceof z.ZodArray) walk(schema.element);
    else if (schema instanceof z.ZodRecord) walk(schema.valueType);
  };
  walk(scenarioSchema);
  return [...found];
}

/** A row's field, whatever the user named its touchpoint or channel: `journey.touchpointFailure.delivery` is `journey.touchpointFailure`. */
const fieldOf = (path: string) =>
  path
    .replace(/^(journey\.touchpointFailure|investment\.(?:upfront|monthly|failureReduction)|investment\.channels\.budget)\.[^.]+$/, '$1')
    .replace(/^channels\.offered\.[^.]+\./, 'channels.offered.*.');

/** Every field of the schema by its path (`*` for a name the user gives), with its label: the first registered schema on the way down. */
function registeredFields(): { path: string; label: string }[] {
  const out: { path: string; label: string }[] = [];
  const walk = (outer: z.core.$ZodType, path: string[]) => {
    const schema = unwrapped(outer);
    const meta = fieldRegistry.get(schema as z.ZodType);
    if (meta) out.push({ path: path.join('.'), label: meta.label });
    else if (schema instanceof z.ZodObject)
      for (const [key, child] of Object.entries(schema.shape)) walk(child as z.core.$ZodType, [...path, key]);
    else if (schema instanceof z.ZodRecord) walk(schema.valueType, [...path, '*']);
  };
  walk(scenarioSchema, []);
  return out;
}

/** Checks a label reads as plain words for a person; returns what is wrong, or null. */
function labelProblem(label: string, path: string): string | null {
  const last = path.split('.').pop() ?? path;
  if (label.trim() === '') return 'empty';
  if (label !== label.trim()) return 'leading or trailing space';
  if (label.length > 48) return `${label.length} characters, more than 48`;
  if (label === path || label.toLowerCase() === last.toLowerCase()) return 'the path, not a label';
  if (!/^[A-Z]/.test(label)) return 'not sentence case: starts lower case';
  if (/\b[a-z]+[A-Z]/.test(label) || /[._]/.test(label)) return 'looks like a code name';
  // Sentence case: after the first word, capitals only in acronyms (ROI, NPS, CX).
  if (
    label
      .split(' ')
      .slice(1)
      .some((word) => /^[A-Z][a-z]/.test(word))
  )
    return 'not sentence case: a capitalised word';
  return null;
}

describe('field labels', () => {
  // The default scenario, every optional section, and a journey of one number (the union's own metadata).
  const scenarios = [{}, optionalSections, { journey: { touchpointFailure: 0.01 } }, { journey: { touchpointFailure: [0.01, 0.02] } }];
  const rows: AssumptionRow[] = scenarios.flatMap((s) => describeAssumptions(s));

  it('every row has a short plain-words label, not its path', () => {
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) expect(labelProblem(row.label, row.path), `${row.path}: "${row.label}"`).toBeNull();
  });

  it('every field registered in the schema has one, optional sections and fields that are not rows included', () => {
    const metas = registeredMeta();
    expect(metas.length).toBeGreaterThanOrEqual(42);
    for (const meta of metas) expect(labelProblem(meta.label ?? '', meta.description), meta.description).toBeNull();
  });

  it('labels are unique: one label per field, and no two fields share one', () => {
    const byField = new Map<string, Set<string>>();
    for (const row of rows) byField.set(fieldOf(row.path), (byField.get(fieldOf(row.path)) ?? new Set()).add(row.label));
    for (const [field, labels] of byField) expect([...labels], field).toHaveLength(1);
    const labels = [...byField.values()].map((set) => [...set][0]);
    expect(new Set(labels).size).toBe(labels.length);
    // Every field of the schema, rows or not (valuation.terminalValue is not a number).
    const fields = registeredFields();
    expect(fields.map((f) => f.path)).toContain('valuation.terminalValue');
    expect(fields.map((f) => f.path)).toContain('channels.offered.*.share');
    expect(new Set(fields.map((f) => f.label)).size).toBe(fields.length);
  });

  it('names the fields as the playground does', () => {
    const label = (path: string) => rows.find((r) => r.path === path)?.label;
    expect(label('churn.switchAfterBad')).toBe('Switching after a bad experience');
    expect(label('investment.upfront')).toBe('Up-front cost');
    expect(label('investment.failureReduction')).toBe('Failure reduction');
    expect(label('journey.touchpointFailure.delivery')).toBe('Touchpoint failure rate');
    expect(label('journey.touchpointFailure')).toBe('Touchpoint failure rate');
  });

  it('the checks reject what they should', () => {
    expect(labelProblem('', 'churn.base')).not.toBeNull();
    expect(labelProblem('churn.base', 'churn.base')).not.toBeNull();
    expect(labelProblem('Gross margin', 'spend.grossMargin')).toBeNull();
    expect(labelProblem('grossMargin', 'spend.grossMargin')).not.toBeNull();
    expect(labelProblem('Share of contacts through one channel of the many channels', 'x')).not.toBeNull();
    expect(labelProblem('Switching After A Bad Experience', 'churn.switchAfterBad')).not.toBeNull();
    expect(labelProblem('ROI counted as clearly positive', 'outcomeClasses.positiveFrom')).toBeNull();
  });

  it('a field without a label does not type-check', () => {
    // @ts-expect-error label is required
    const missing: FieldMeta = {
      unit: 'months',
      description: 'x',
      source: null,
      domain: { min: 0, max: 1, integer: false, label: 'x' },
      uncertain: false,
    };
    expect(missing.label).toBeUndefined();
  });
});

describe('source translations', () => {
  const all: [string, Pick<Source, 'quote' | 'translation'>][] = [
    ...Object.entries(sources),
    ...Object.entries(alternatives).flatMap(([path, list]) => list.map((a, i) => [`alternatives ${path} ${i}`, a] as [string, Source])),
    ['maturitySource', maturitySource],
  ];
  /** Numbers in a text, as digits: a translation keeps every figure of the quote. */
  const numbers = (text: string) => (text.match(/\d+/g) ?? []).sort();

  it('every quote has a faithful English translation beside it', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const [name, source] of all) {
      expect(source.translation?.trim().length ?? 0, name).toBeGreaterThan(10);
      expect(source.translation, name).not.toBe(source.quote);
      expect(numbers(source.translation), name).toEqual(numbers(source.quote));
      // English, not the Dutch again: no common Dutch words.
      expect(source.translation, name).not.toMatch(/\b(de|het|een|van|dat|klanten|procent|ervaring)\b/i);
    }
  });

  it('every article title has an English one', () => {
    for (const [name, source] of Object.entries(sources)) {
      expect(source.titleEnglish.trim().length, name).toBeGreaterThan(10);
      expect(source.titleEnglish, name).not.toBe(source.title);
    }
  });

  it('rows carry the translation with the quote', () => {
    const row = describeAssumptions().find((r) => r.path === 'churn.switchAfterBad');
    expect(row?.source?.translation).toContain('86 percent of cases the customer switches to another brand');
  });
});
