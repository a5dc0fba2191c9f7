import type { Domain } from 'cx-roi';

/** A rule an option keeps, in words, and whether breaking it is a value out of range (RangeError) or of the wrong type. */
export interface OptionRule {
  readonly ok: (value: unknown) => boolean;
  readonly rule: string;
  readonly range?: true;
}

/** An option that is true or false. */
export const flag: OptionRule = { ok: (v) => typeof v === 'boolean', rule: 'must be true or false' };

/**
 * Checks options the way the library does: an object (or left out) of known names, each option given
 * keeping its rule; the error names the function, the option, the rule and the value.
 */
export function checkKitOptions(of: string, options: object | null, rules: Readonly<Record<string, OptionRule>>): void {
  const names = Object.keys(rules);
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new TypeError(`${of}: options must be an object ({ ${names.join(', ')} }), not ${String(options)}`);
  const stray = Object.keys(options).find((key) => !names.includes(key));
  if (stray !== undefined) throw new TypeError(`${of}: ${stray} is not an option (options: ${names.join(', ')})`);
  for (const [name, { ok, rule, range }] of Object.entries(rules)) {
    const value = (options as Record<string, unknown>)[name];
    if (value !== undefined && !ok(value)) throw new (range ? RangeError : TypeError)(`${of}: ${name} ${rule} (got ${String(value)})`);
  }
}

/**
 * Refuses a range the arbitraries cannot draw from, naming the option, before fast-check is asked for
 * one (whose own error would name its internals, or which would draw Infinity or NaN without a word).
 */
export function checkDomain(domain: Domain, where: string): void {
  const bad = (message: string): never => {
    throw new RangeError(`${where}: ${message}`);
  };
  if (domain === null || typeof domain !== 'object') {
    bad(`domain must be a range { min, max, integer, label }, such as domains.probability (got ${String(domain)})`);
    return;
  }
  for (const key of ['min', 'max'] as const)
    if (typeof domain[key] !== 'number' || !Number.isFinite(domain[key]))
      bad(`domain.${key} must be a finite number (got ${String(domain[key])})`);
  if (domain.min > domain.max) bad(`domain.min must be at most domain.max (got min ${domain.min}, max ${domain.max})`);
  if (domain.integer !== undefined && typeof domain.integer !== 'boolean')
    bad(`domain.integer must be true or false (got ${String(domain.integer)})`);
  if (domain.integer === true && Math.ceil(domain.min) > Math.floor(domain.max))
    bad(`domain.integer is true, but no whole number lies from ${domain.min} to ${domain.max}`);
}
