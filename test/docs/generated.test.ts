import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assumptionsPage, readmeFigure, withGeneratedTable } from '../../scripts/docs.js';
import { page, root } from './pages.js';

describe('generated docs (run `npm run docs` after changing the schema or the model)', () => {
  it('the assumptions page carries the tables generated from the schema, the sources and the contested readings', () => {
    const assumptions = page(assumptionsPage);
    expect(assumptions).toBe(withGeneratedTable(assumptions));
    expect(assumptions).toContain('| `churn.switchAfterBad` | 0.86 |');
    expect(assumptions).toContain('| `churn.switchAfterBad` | published | 0.19 | only 19% of customers leave after a bad experience |');
    expect(assumptions).toMatch(
      /\| `003_f2aeae8cb3a75f68\.txt` \| Alles wat je wil én moet weten over customer experience \|[^\n]*86% switch/,
    );
  });

  it('the README’s figure is the default scenario’s ROI chart as the model draws it today', () => {
    expect(readFileSync(join(root, 'docs/roi-fan.svg'), 'utf8')).toBe(readmeFigure());
  });

  it('the API page names every runtime export', async () => {
    const doc = page('docs/api.md');
    const api = await import('../../src/index.js');
    expect(Object.keys(api).filter((name) => !doc.includes(`\`${name}`))).toEqual([]);
  });
  it('the TypeDoc API reference builds without a warning (npm run docs writes it to docs/api)', async () => {
    const { execFileSync } = await import('node:child_process');
    // typedoc.json treats warnings as errors: an undocumented reference or a stale @param fails here.
    expect(execFileSync(join(root, 'node_modules/.bin/typedoc'), ['--emit', 'none'], { cwd: root, encoding: 'utf8' })).toBe('');
  });
  it('each scenario field’s TSDoc in the schema is generated from its metadata (npm run docs)', async () => {
    const { schemaFiles, fieldsByFile, withFieldDocs } = await import('../../scripts/field-docs.js');
    const texts = schemaFiles.map((file) => readFileSync(file, 'utf8'));
    fieldsByFile(texts).forEach((fields, i) => {
      expect(texts[i], schemaFiles[i]).toBe(withFieldDocs(texts[i] as string, undefined, fields));
    });
    expect(texts.join('\n')).toMatch(
      /\* Source: the article’s own statistics, “86% switch to another brand after one bad experience”[^\n]*\n\s+\* @defaultValue 0\.86\n\s+\*\/\n\s+switchAfterBad: /,
    );
  });
});
