/** Reports a problem with the field at `path` (inside the section the check belongs to). */
export type Complain = (path: PropertyKey[], message: string) => void;

/** Where a section's check reports, and what it can know about the issues its fields already have. */
export interface Report {
  readonly complain: Complain;
  /** Whether a field at or under `path` already failed to parse. */
  readonly failed: (path: readonly PropertyKey[]) => boolean;
}

/** A check of one section's fields against each other. */
export type SectionCheck<T> = (section: T, report: Report) => void;

/** The same report, for the part of a section at `key` (the paths it is given are inside that part). */
export function inside(report: Report, key: PropertyKey): Report {
  return {
    complain: (path, message) => report.complain([key, ...path], message),
    failed: (path) => report.failed([key, ...path]),
  };
}
