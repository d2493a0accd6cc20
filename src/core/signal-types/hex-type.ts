/** Shared checks of the fixed-length hex hash types (PDQ, MD5, SHA-256). */
import { invalidInput } from '../lifeguard-error.ts';
import { preview } from './signal-type.ts';

const hexDigits = /^[0-9a-f]+$/;

/** Trimmed lower-case hex of exactly `hexLength` digits; throws invalid_hash otherwise. */
export function normalizeHex(name: string, hexLength: number, value: string): string {
  if (typeof value !== 'string') {
    throw invalidInput('invalid_hash', `a ${name} hash must be a string of ${hexLength} hex digits, got ${typeof value}`);
  }
  const v = value.trim().toLowerCase();
  if (!hexDigits.test(v)) {
    throw invalidInput('invalid_hash', `a ${name} hash is ${hexLength} hex digits (0-9, a-f); got ${preview(value)}`);
  }
  if (v.length !== hexLength) {
    throw invalidInput('invalid_hash', `a ${name} hash is ${hexLength} hex digits; got ${v.length}`);
  }
  return v;
}
