/** A value in a worker's message or request, in words, for an error. */
export const shown = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? JSON.stringify(value) : String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
};
