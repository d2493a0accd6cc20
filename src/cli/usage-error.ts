/** A usage error: the CLI prints it and exits 2. */
import { invalidInput, type LifeguardError } from '../core/lifeguard-error.ts';

export const usageError = (message: string): LifeguardError => invalidInput('usage', message);
