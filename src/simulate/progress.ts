/** How many runs between progress reports: about a hundred reports a simulation. */
export function progressStep(total: number): number {
  return Math.max(1, Math.floor(total / 100));
}
