import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One `@example` code block of a TSDoc comment, with the declaration it documents. */
export interface DocExample {
  /** The file, relative to the repository root. */
  readonly file: string;
  /** The line of the block's first code line in that file (1-based). */
  readonly line: number;
  /** The name of the exported function, class or constant the comment documents ('' when none follows). */
  readonly symbol: string;
  /** The code, as a user would paste it. */
  readonly code: string;
}

/** Every `.ts` file under `dir`, sorted, so the examples come in a stable order. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const declaration =
  /^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?\s+(\w+)|(?:abstract\s+)?class\s+(\w+)|const\s+(\w+)|interface\s+(\w+)|type\s+(\w+))/;

/** The `@example` blocks of every TSDoc comment in `path`. */
export function examplesOf(path: string, root: string): DocExample[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(root, path);
  const examples: DocExample[] = [];
  for (const match of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const start = match.index ?? 0;
    const after = text.slice(start + match[0].length).replace(/^\s*\n/, '');
    const decl = declaration.exec(after.split('\n')[0] ?? '');
    const symbol = decl ? (decl.slice(1).find((name) => name !== undefined) ?? '') : '';
    const firstLine = text.slice(0, start).split('\n').length;
    const lines = (match[1] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    let inExample = false;
    let fence: string[] | null = null;
    let fenceLine = 0;
    lines.forEach((l, i) => {
      if (fence) {
        if (/^```\s*$/.test(l)) {
          examples.push({ file, line: fenceLine, symbol, code: fence.join('\n') });
          fence = null;
        } else fence.push(l);
        return;
      }
      if (/^@example\b/.test(l)) inExample = true;
      else if (/^@\w+/.test(l)) inExample = false;
      else if (inExample && /^```(ts|js|typescript)?\s*$/.test(l)) {
        fence = [];
        fenceLine = firstLine + i + 1;
      }
    });
  }
  return examples;
}

/** Whether an example states at least one exact result (`// =>`) or an error (`// throws`). */
export const statesResults = (code: string): boolean => /\/\/\s*(=>|throws\b)/.test(code);

/** The names an import line binds: `import { a, b as c } from 'x'` → a, c; `import d, * as e from 'x'` → d, e. */
function importedNames(line: string): string[] {
  const clause = /^import\s+(?:type\s+)?(.*?)\s+from\s/.exec(line)?.[1] ?? '';
  const names: string[] = [];
  for (const part of clause.replace(/[{}]/g, ',').split(',')) {
    const name = part
      .trim()
      .replace(/^type\s+/, '')
      .split(/\s+as\s+/)
      .pop()
      ?.replace(/^\*\s*/, '')
      .trim();
    if (name) names.push(name);
  }
  return names;
}

/** Whether `literal` reads as one JavaScript expression (a stated value may go on over the comment lines after it). */
function isExpression(literal: string): boolean {
  try {
    new Function(`return (${literal}\n);`);
    return true;
  } catch {
    return false;
  }
}

/** Where each package an example imports is loaded from: the source (vitest's aliases) unless told otherwise. */
export type Entries = Readonly<Record<'cx-roi' | 'cx-roi/testing' | 'cx-roi/bullmq' | 'cx-roi/worker', string>>;

const sourceEntries: Entries = {
  'cx-roi': 'cx-roi',
  'cx-roi/testing': 'cx-roi/testing',
  'cx-roi/bullmq': 'cx-roi/bullmq',
  'cx-roi/worker': 'cx-roi/worker',
};

/** An import line's `from 'cx-roi…'`: the keyword, the quote and the entry's name. */
const packageEntry = /(\sfrom\s+)(['"])(cx-roi(?:\/\w+)?)\2/;

/**
 * The example as a module that checks what it states: `expression; // => value` becomes a check that the
 * expression equals the value to the digits shown, `statement; // throws Name: words` a check that it throws
 * an error of that name whose message contains the words. A stated value too long for one line goes on over
 * the comment lines that follow it (`// => [` then `//   1,` … `// ]`) until it reads as one expression.
 * Public names it uses without importing them (`publicNames`) come from the package's entries; the body
 * runs in a function of its own, so its declarations may shadow them. `entries` says where the package's
 * entries are loaded from (a build of them, for an example that starts threads).
 */
export function checkedModule(example: DocExample, publicNames: readonly string[], entries: Entries = sourceEntries): string {
  const imports: string[] = [];
  const body: string[] = [];
  const lines = example.code.split('\n');
  const from = (specifier: string) => JSON.stringify(entries[specifier as keyof Entries] ?? specifier);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const where = JSON.stringify(`${example.file}:${example.line + i}`);
    const expects = /^(\s*)(.*?);?\s*\/\/\s*=>\s*(.+?)\s*$/.exec(line);
    const throws = /^(\s*)(.*?);?\s*\/\/\s*throws\s+(\w+)(?::\s*(.+?))?\s*$/.exec(line);
    // The package's entries from where `entries` says; other modules as written.
    if (/^import\s/.test(line)) imports.push(line.replace(packageEntry, (_, keyword: string, __, name: string) => keyword + from(name)));
    else if (expects) {
      let literal = expects[3] as string;
      // A value stated over several lines: the comment lines that follow, until it reads as one expression.
      while (!isExpression(literal) && /^\s*\/\/(?!\s*(?:=>|throws\b))/.test(lines[i + 1] ?? '')) {
        i += 1;
        literal += `\n${(lines[i] as string).replace(/^\s*\/\/ ?/, '')}`;
      }
      if (!isExpression(literal)) throw new Error(`${JSON.parse(where)}: the value stated is not a JavaScript expression: ${literal}`);
      body.push(`${expects[1]}await __expect(async () => (${expects[2]}), ${JSON.stringify(literal)}, ${where});`);
    } else if (throws)
      body.push(
        `${throws[1]}await __throws(async () => { ${throws[2]}; }, ${JSON.stringify(throws[3])}, ${JSON.stringify(throws[4] ?? '')}, ${where});`,
      );
    else body.push(line);
  }
  const imported = new Set(imports.flatMap(importedNames));
  const implicit = publicNames.filter((name) => !imported.has(name));
  return [
    "import { __expect, __throws } from '../doctest/check.js';",
    `import * as __library from ${from('cx-roi')};`,
    `import * as __testing from ${from('cx-roi/testing')};`,
    ...(imported.has('fc') ? [] : ["import fc from 'fast-check';"]),
    ...imports,
    `const { ${implicit.join(', ')} } = { ...__testing, ...__library } as Record<string, any>;`,
    'await (async () => {',
    ...body,
    '})();',
  ].join('\n');
}
