/** Bank names: short, printable, safe in file names and URLs. */
import { invalidInput } from '../lifeguard-error.ts';

const bankNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Returns `name` when it is a valid bank name; throws `invalid_bank_name` otherwise. */
export function validateBankName(name: string): string {
  if (!bankNamePattern.test(name)) {
    throw invalidInput('invalid_bank_name', `invalid bank name '${name.slice(0, 80)}': use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  }
  return name;
}
