import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/** The README as shipped. */
export const readme = () => readFileSync(join(root, 'README.md'), 'utf8');

/** The README, then the docs pages it links to (docs/*.md, by name): where a snippet may live. */
export function docPages(): { file: string; text: string }[] {
  const pages = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...pages].map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
}

/**
 * The first fenced block of `lang` after the first occurrence of `after` in the README or, when the
 * README does not say it, in the first docs page that does, as a user pastes it: the tests run or
 * type-check that text, so a snippet that stops working fails them.
 */
export function readmeBlock(after: string, lang: string): string {
  const page = docPages().find(({ text }) => text.includes(after));
  if (!page) throw new Error(`neither the README nor docs/*.md says ${JSON.stringify(after)} any more`);
  const { file, text } = page;
  const open = text.indexOf(`\n\`\`\`${lang}\n`, text.indexOf(after));
  if (open < 0) throw new Error(`no \`\`\`${lang} block after ${JSON.stringify(after)} in ${file}`);
  const start = open + lang.length + 5;
  return text.slice(start, text.indexOf('\n```', start) + 1);
}
