import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { optionalSections } from '../../scripts/docs.js';
import { scenarioJsonSchema } from '../../scripts/json-schema.js';
import { ScenarioError, defaultScenario, parseScenario } from '../../src/index.js';

const root = join(import.meta.dirname, '../..');
const file = JSON.parse(readFileSync(join(root, 'scenario.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(file);

describe('scenario.schema.json (shipped as cx-roi/scenario.schema.json)', () => {
  it('is generated from the zod schema (run `npm run docs` after changing it)', () => {
    expect(file).toEqual(scenarioJsonSchema());
  });

  it('accepts the scenario files cx-roi reads: the examples, a complete scenario, every optional section, and a "$schema" key', () => {
    for (const name of readdirSync(join(root, 'examples/scenarios'))) {
      const scenario = JSON.parse(readFileSync(join(root, 'examples/scenarios', name), 'utf8'));
      expect(validate(scenario), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate(JSON.parse(JSON.stringify(defaultScenario))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(parseScenario(optionalSections)))), JSON.stringify(validate.errors)).toBe(true);
    const withSchema = { $schema: './node_modules/cx-roi/scenario.schema.json', churn: { switchAfterBad: 0.8 } };
    expect(validate(withSchema)).toBe(true);
    expect(parseScenario(withSchema).churn.switchAfterBad).toBe(0.8);
    expect(() => parseScenario({ $schema: 3 })).toThrow(/\$schema: must be the path or address of a JSON Schema/);
  });

  it('refuses what cx-roi refuses: a value out of range, an unknown field, a distribution of the wrong shape', () => {
    for (const bad of [
      { churn: { switchAfterBad: 1.4 } },
      { spend: { averagePerMnth: 3 } },
      { investment: { upfront: { dist: 'uniform', min: 1 } } },
    ]) {
      expect(validate(bad)).toBe(false);
      expect(() => parseScenario(bad)).toThrow(ScenarioError);
    }
  });

  it('tells an editor what each field means, its unit, range, default and source', () => {
    const switchAfterBad = file.properties.churn.properties.switchAfterBad.description as string;
    expect(switchAfterBad).toContain('Unit: probability.');
    expect(switchAfterBad).toContain('Allowed: a probability from 0 to 1');
    expect(switchAfterBad).toContain('86% switch to another brand after one bad experience');
    expect(switchAfterBad).toContain('Default: 0.86.');
    expect(file.properties.investment.properties.failureReduction.description).toContain('Default: pert(');
    expect(JSON.stringify(file).length).toBeLessThan(60_000);
  });
});
