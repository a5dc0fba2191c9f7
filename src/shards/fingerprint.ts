import { murmurHash3Blocks } from '../random/stream.js';

/** The fields of a spec (or of a result's header) that make its plan: what {@link planKey} covers. */
export type PlanFields = Readonly<Record<'version' | 'scenario' | 'seed' | 'runs' | 'shards' | 'keepRuns' | 'bands', unknown>>;

/** A short fingerprint of a text: MurmurHash3_x86_128 of its UTF-16 code units, as 32 hex digits. */
function fingerprint(text: string): string {
  const words: number[] = [text.length];
  for (let i = 0; i < text.length; i += 2) words.push(text.charCodeAt(i) | ((i + 1 < text.length ? text.charCodeAt(i + 1) : 0) << 16));
  while (words.length % 4 !== 0) words.push(0);
  return murmurHash3Blocks(words)
    .map((w) => (w >>> 0).toString(16).padStart(8, '0'))
    .join('');
}

/** JSON with every object's keys sorted: the same text however a spec's keys were reordered on the way (jq -S, a database's JSON). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * The plan's fingerprint: MurmurHash3 of its canonical JSON. It catches a spec
 * or result changed by accident or mixed up with another plan's; it is not a
 * signature (anyone can compute it), so shards from untrusted hands need an
 * authenticated channel.
 * @internal exported for the tests
 */
export function planKey(p: PlanFields): string {
  return fingerprint(canonicalJson([p.version, p.scenario, typeof p.seed, p.seed, p.runs, p.shards, p.keepRuns, p.bands]));
}
