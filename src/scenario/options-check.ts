import { ScenarioError, type ScenarioIssue, closest } from './error.js';

/**
 * How the library checks the options of its functions, one way throughout: the options are an object (or left
 * out), every name in it is an option of the function (else the nearest one is suggested), and every option
 * given keeps its rule. Whatever is wrong is thrown at once, as one ScenarioError whose issues name the option
 * (`options.runs`), its value and the rule it breaks. Loads no schema library: workers and the engine may use it.
 */

/** What a function's options are: its name in messages, every option's name, and an example of the object. */
export interface OptionNames {
  readonly of: string;
  readonly names: readonly string[];
  readonly example: string;
}

/** A rule an option's value keeps, and the rule in words ("must be a whole number from 1 to 256"). */
export interface OptionRule {
  readonly ok: (value: unknown) => boolean;
  readonly rule: string;
}

/** An issue for each name in `given` that is not an option, with the nearest option when one is close. */
export function unknownOptions(given: object, options: Pick<OptionNames, 'of' | 'names'>, under = 'options'): ScenarioIssue[] {
  return Object.keys(given)
    .filter((key) => !options.names.includes(key))
    .map((key) => {
      const hint = closest(key, options.names);
      return {
        path: `${under}.${key}`,
        value: undefined,
        message: `is not an option of ${options.of}${hint ? `; did you mean "${hint}"?` : ''} (options: ${options.names.join(', ')})`,
      };
    });
}

/**
 * The options given (`{}` when left out), checked to be an object of known options: a mistyped option (`run`
 * for `runs`) would otherwise be ignored and its default used unsaid.
 * @throws {@link ScenarioError} for options that are not an object, naming the example, or for each unknown name.
 */
export function optionsObject<T extends object>(options: T | null | undefined, names: OptionNames): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options))
    throw new ScenarioError([{ path: 'options', value: options, message: `must be an object, e.g. ${names.example}` }]);
  const unknown = unknownOptions(options, names);
  if (unknown.length > 0) throw new ScenarioError(unknown);
  return options;
}

/** The issues of the options given (`undefined` is left out) that break their rule. */
export function optionIssues(
  given: Readonly<Record<string, unknown>>,
  rules: Readonly<Record<string, OptionRule>>,
  under = 'options',
): ScenarioIssue[] {
  return Object.entries(rules)
    .filter(([name, { ok }]) => given[name] !== undefined && !ok(given[name]))
    .map(([name, { rule }]) => ({ path: `${under}.${name}`, value: given[name], message: rule }));
}

/**
 * Checks the options given against their rules.
 * @throws {@link ScenarioError} naming every option that breaks its rule.
 */
export function checkOptions(
  given: Readonly<Record<string, unknown>>,
  rules: Readonly<Record<string, OptionRule>>,
  under = 'options',
): void {
  const issues = optionIssues(given, rules, under);
  if (issues.length > 0) throw new ScenarioError(issues);
}
