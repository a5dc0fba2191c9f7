import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The README as shipped. */
export const readme = () => readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

/**
 * The first fenced block of `lang` after the first occurrence of `after` in the README, as a user
 * pastes it: the tests run or type-check that text, so a snippet that stops working fails them.
 */
export function readmeBlock(after: string, lang: string): string {
  const text = readme();
  const at = text.indexOf(after);
  if (at < 0) throw new Error(`the README no longer says ${JSON.stringify(after)}`);
  const open = text.indexOf(`\n\`\`\`${lang}\n`, at);
  if (open < 0) throw new Error(`no \`\`\`${lang} block after ${JSON.stringify(after)} in the README`);
  const start = open + lang.length + 5;
  return text.slice(start, text.indexOf('\n```', start) + 1);
}
