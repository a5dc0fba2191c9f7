/** The beta shapes of a PERT on [min, max] (min < max) with mode `mode` and weight `lambda` (4 in the classic PERT). */
export function pertShapes(min: number, mode: number, max: number, lambda: number): { alpha: number; beta: number } {
  return { alpha: 1 + (lambda * (mode - min)) / (max - min), beta: 1 + (lambda * (max - mode)) / (max - min) };
}
