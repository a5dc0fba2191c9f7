import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root. */
export const root = join(import.meta.dirname, '../..');

/** A page of the docs by its path from the root: README.md or docs/<name>.md. */
export const page = (file: string) => readFileSync(join(root, file), 'utf8');

/** A whole number as the pages write it: thousands separated, a typographic minus. */
export const n = (x: number) => (x < 0 ? `−${Math.round(-x).toLocaleString('en-US')}` : Math.round(x).toLocaleString('en-US'));

/** A whole number with its sign, as the pages write a change. */
export const signed = (x: number) => (x < 0 ? n(x) : `+${n(x)}`);

/** A share as a percentage with `digits` decimals. */
export const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
