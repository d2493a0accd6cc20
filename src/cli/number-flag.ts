/** Numeric command-line flags. */
import { usageError } from './usage-error.ts';

/** A number flag (`fallback` when absent), or a usage error. */
export function numberFlag(name: string, value: string | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) throw usageError(`--${name} must be a ${integer ? 'whole ' : ''}number, got '${value}'`);
  return n;
}
