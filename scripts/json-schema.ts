/**
 * Writes scenario.schema.json, the JSON Schema of a scenario file, from the
 * zod schema (z.toJSONSchema) and the fields' own metadata, so that editors
 * validate and complete scenario files and show each field's label (as its
 * `title`), meaning, unit, default, range and source on hover. Shipped as `cx-roi/scenario.schema.json`.
 *
 *   npm run docs    (a test fails when the file is out of date)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { describeValue } from '../src/scenario/describe.js';
import type { Assumption } from '../src/scenario/distribution.js';
import { type FieldMeta, fieldRegistry, scenarioSchema } from '../src/scenario/schema.js';
import { sources } from '../src/scenario/sources.js';
import { defaultAt, illustrative } from './field-docs.js';

type Json = Record<string, unknown>;

function describeField(meta: FieldMeta): string {
  const source = meta.source ? sources[meta.source] : null;
  return [
    meta.description,
    `Unit: ${meta.unit}.`,
    `Allowed: ${meta.domain.label}${meta.uncertain ? ', or a distribution over it drawn once per run ({ "dist": "triangular", "min": …, "mode": …, "max": … }, …)' : ''}.`,
    source ? `Source: ${source.credit}, "${source.figure}" (${source.title}).` : illustrative(meta.note),
  ].join(' ');
}

/** The JSON Schema of a scenario file: every field optional (a file holds what differs from the defaults). */
export function scenarioJsonSchema(): Json {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const meta = fieldRegistry.get(ctx.zodSchema as unknown as z.ZodType);
      if (meta) {
        // The plain-words label as the title an editor shows first, then the full description.
        ctx.jsonSchema.title = meta.label;
        ctx.jsonSchema.description = describeField(meta);
      }
    },
  }) as Json;
  // Every distribution has the same shape (its range is checked by cx-roi, not by the schema): one definition.
  const defs: Record<string, unknown> = {};
  const walk = (node: unknown, path: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, path));
    if (node === null || typeof node !== 'object') return node;
    const object = node as Json;
    const oneOf = object.oneOf as Json[] | undefined;
    if (oneOf?.every((option) => typeof (option.properties as Json | undefined)?.dist === 'object')) {
      defs.distribution ??= { description: 'An uncertain value, drawn once per run.', oneOf };
      return { $ref: '#/$defs/distribution' };
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(object)) {
      if (key === 'required') continue;
      if (key === 'properties')
        out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, child]) => [name, walk(child, [...path, name])]));
      else out[key] = walk(value, path);
    }
    const fallback = defaultAt(path);
    if (
      typeof out.description === 'string' &&
      fallback !== undefined &&
      (typeof fallback === 'number' || (typeof fallback === 'object' && fallback !== null && 'dist' in fallback))
    )
      out.description = `${out.description} Default: ${describeValue(fallback as Assumption)}.`;
    return out;
  };
  const body = walk(schema, []) as Json;
  const properties = {
    $schema: { type: 'string', description: 'The JSON Schema this file follows; cx-roi ignores it.' },
    ...(body.properties as Json),
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'cx-roi scenario',
    description:
      'A cx-roi scenario file: only the fields that differ from the default scenario. Every numeric assumption is a number or a distribution.',
    ...body,
    properties,
    $defs: defs,
  };
}

if (process.argv[1]?.endsWith('json-schema.ts')) {
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  writeFileSync(join(import.meta.dirname, '..', 'scenario.schema.json'), text);
  console.log(`scenario.schema.json: ${(text.length / 1024).toFixed(1)} KB`);
}
