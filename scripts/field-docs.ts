/**
 * Writes the TSDoc above each field of the scenario's zod schema
 * (src/scenario/schema.ts and its sections, src/scenario/schema/*.ts) from
 * the field's own metadata: its label, what it means, its unit, the allowed
 * range, the default and the source. TypeScript carries a
 * comment on a schema's property through z.infer to `Scenario` and
 * `ScenarioInput`, so hovering `investment.upfront` in an editor shows it.
 * The comments are generated, never written by hand.
 *
 *   npm run docs    (a test fails when they are out of date)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { defaultScenario } from '../src/scenario/defaults.js';
import { describeValue } from '../src/scenario/describe.js';
import type { Assumption } from '../src/scenario/distribution.js';
import { unwrapped } from '../src/scenario/schema-walk.js';
import { type FieldMeta, fieldRegistry, scenarioSchema } from '../src/scenario/schema.js';
import { sources } from '../src/scenario/sources.js';

export const schemaFile = join(import.meta.dirname, '..', 'src/scenario/schema.ts');
const sectionsFolder = join(import.meta.dirname, '..', 'src/scenario/schema');
/** The files the schema is written in: the composition, then the sections' files, each declaring its own fields. */
export const schemaFiles = [
  schemaFile,
  ...readdirSync(sectionsFolder)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => join(sectionsFolder, name)),
];

/** Every registered field of the schema with its path (fields inside records, named by the user, are left out). */
function registeredFields(): { path: string[]; meta: FieldMeta }[] {
  const out: { path: string[]; meta: FieldMeta }[] = [];
  const walk = (schema: z.core.$ZodType, path: string[]) => {
    const node = unwrapped(schema);
    const meta = fieldRegistry.get(node as z.ZodType);
    if (meta) out.push({ path, meta });
    else if (node instanceof z.ZodObject)
      for (const [key, child] of Object.entries(node.shape)) walk(child as z.core.$ZodType, [...path, key]);
  };
  walk(scenarioSchema, []);
  return out;
}

/** The value at a dotted path of the default scenario, if there is one. */
export function defaultAt(path: readonly string[]): unknown {
  let at: unknown = defaultScenario;
  for (const key of path)
    at = at !== null && typeof at === 'object' && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

function commentLines(path: readonly string[], meta: FieldMeta, indent: string): string[] {
  const source = meta.source ? sources[meta.source] : null;
  const fallback = defaultAt(path);
  const value =
    typeof fallback === 'number' || (fallback !== null && typeof fallback === 'object' && 'dist' in fallback)
      ? describeValue(fallback as Assumption)
      : typeof fallback === 'string'
        ? JSON.stringify(fallback)
        : null;
  const lines = [
    `${meta.label}.`,
    '',
    meta.description,
    '',
    `Unit: ${meta.unit}. Allowed: ${meta.domain.label}${meta.uncertain ? ', or a distribution over it, drawn once per run' : ''}.`,
    source ? `Source: ${source.credit}, “${source.figure}” (${source.title}).` : illustrative(meta.note),
    ...(value === null ? [] : [`@defaultValue ${value}`]),
  ];
  // Comment text may not close the comment.
  return [`${indent}/**`, ...lines.map((line) => `${indent} *${line ? ` ${line.replaceAll('*/', '* /')}` : ''}`), `${indent} */`];
}

/**
 * The text with the generated comment above each of `fields` (replacing the comment there, if any); with
 * `within`, only the lines from `within.from` to `within.to` are searched (a declaration file's schema).
 */
export function withFieldDocs(text: string, within?: { from: number; to: number }, fields = registeredFields()): string {
  const lines = text.split('\n');
  for (const { path, meta } of fields) {
    const key = path[path.length - 1] as string;
    const region = within ?? { from: 0, to: lines.length };
    const found = lines.flatMap((line, i) => (i >= region.from && i < region.to && new RegExp(`^(\\s+)${key}: `).test(line) ? [i] : []));
    if (found.length !== 1) throw new Error(`${path.join('.')}: expected one "${key}:" property line, found ${found.length}`);
    const at = found[0] as number;
    const indent = (lines[at] as string).match(/^\s+/)?.[0] ?? '';
    // The comment block right above, if any.
    let start = at;
    if ((lines[at - 1] ?? '').trim() === '*/' || (lines[at - 1] ?? '').trim().endsWith('*/')) {
      start = at - 1;
      while (start > 0 && !(lines[start] as string).trim().startsWith('/**')) start -= 1;
    }
    const comment = commentLines(path, meta, indent);
    lines.splice(start, at - start, ...comment);
    region.to += comment.length - (at - start);
  }
  return lines.join('\n');
}

/** The fields each of the schema's files declares (by their texts): every field is declared in exactly one. */
export function fieldsByFile(texts: readonly string[]): { path: string[]; meta: FieldMeta }[][] {
  const fields = registeredFields();
  const declares = (text: string, path: readonly string[]) => new RegExp(`^\\s+${path[path.length - 1]}: `, 'm').test(text);
  for (const { path } of fields) {
    const count = texts.filter((text) => declares(text, path)).length;
    if (count !== 1) throw new Error(`${path.join('.')}: expected it declared in one of the schema's files, found ${count}`);
  }
  return texts.map((text) => fields.filter(({ path }) => declares(text, path)));
}

/**
 * A built declaration file with the same comments on the schema's declared type: TypeScript's
 * declaration emit drops comments from inferred types, and `Scenario` and `ScenarioInput` are
 * derived from this type, so this is where a user's editor reads them.
 */
export function withDeclarationDocs(dts: string): string {
  const lines = dts.split('\n');
  const from = lines.findIndex((line) => line.startsWith('declare const scenarioSchema: '));
  if (from < 0) throw new Error('the declaration file has no scenarioSchema');
  const end = lines.findIndex((line, i) => i > from && /^(declare|type|interface|export|\/\*\*)/.test(line));
  return withFieldDocs(dts, { from, to: end < 0 ? lines.length : end });
}

if (process.argv[1]?.endsWith('field-docs.ts')) {
  if (process.argv.includes('--dist')) {
    // After the build: the published declarations.
    const dist = join(import.meta.dirname, '..', 'dist');
    const cts = join(dist, 'index.d.cts');
    writeFileSync(cts, withDeclarationDocs(readFileSync(cts, 'utf8')));
    // tsup writes the same declarations twice (index.d.ts for import, index.d.cts for require). Ship them
    // once: the ESM file re-exports the CommonJS one, which TypeScript (node16, bundler) and attw accept.
    // Not testing.d.ts: its fast-check would then be fast-check's CommonJS declarations, whose Arbitrary an
    // ESM project's fc.property refuses (a second declaration of the class), so each keeps its own.
    writeFileSync(join(dist, 'index.d.ts'), "export * from './index.cjs';\n");
    console.log(`dist/index.d.cts: TSDoc for ${registeredFields().length} fields; dist/index.d.ts re-exports it`);
  } else {
    const texts = schemaFiles.map((file) => readFileSync(file, 'utf8'));
    fieldsByFile(texts).forEach((fields, i) => {
      writeFileSync(schemaFiles[i] as string, withFieldDocs(texts[i] as string, undefined, fields));
    });
    console.log(`src/scenario/schema.ts and src/scenario/schema/: TSDoc for ${registeredFields().length} fields`);
  }
}

/** An illustrative default in words, with its note (which may say so itself). */
export function illustrative(note: string | undefined): string {
  if (!note) return 'Illustrative assumption.';
  return /^illustrative/i.test(note) ? note : `Illustrative assumption: ${note}`;
}
