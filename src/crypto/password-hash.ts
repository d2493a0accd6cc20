/**
 * Password hashing for console accounts: scrypt (node:crypto) with a random 16-byte salt per password and
 * the cost parameters stored beside the hash, so they can be raised later without breaking old hashes.
 * Stored form: `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { invalidInput } from '../core/lifeguard-error.ts';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Default cost: N=2^15, r=8, p=1 (32 MiB, the OWASP-recommended minimum for scrypt). */
export const defaultScryptParams: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

const keyLength = 32;
const minPasswordLength = 12;
const maxPasswordLength = 1024;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const opts: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCallback(password.normalize('NFKC'), salt, keyLength, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

/** Rejects passwords too short to resist guessing, or long enough to be a denial of service. */
export function checkPasswordStrength(password: string): void {
  if (password.length < minPasswordLength) throw invalidInput('weak_password', `a password needs at least ${minPasswordLength} characters`);
  if (password.length > maxPasswordLength) throw invalidInput('invalid_password', `a password may have at most ${maxPasswordLength} characters`);
}

/** Hashes `password` with a fresh salt. */
export async function hashPassword(password: string, params: ScryptParams = defaultScryptParams): Promise<string> {
  checkPasswordStrength(password);
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

const stored = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** A hash of a random password, checked against when the account is unknown, so timing does not tell. */
let decoy: Promise<string> | undefined;

/**
 * True when `password` matches the stored hash (compared in constant time). A null or malformed hash still
 * costs one scrypt run and answers false, so a caller cannot tell unknown accounts by timing.
 */
export async function verifyPassword(password: string, storedHash: string | null): Promise<boolean> {
  const m = storedHash === null ? null : stored.exec(storedHash);
  if (m === null || password.length > maxPasswordLength) {
    decoy ??= hashPassword(randomBytes(24).toString('base64'));
    await verifyPassword(password.slice(0, maxPasswordLength), await decoy);
    return false;
  }
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const expected = Buffer.from(m[5]!, 'base64');
  const actual = await scrypt(password, Buffer.from(m[4]!, 'base64'), params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A random password for a new account (printed once by the CLI): 20 characters from a 57-letter alphabet. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(40);
  let out = '';
  // Rejection sampling keeps every letter equally likely.
  for (const b of bytes) if (b < 228 && out.length < 20) out += alphabet[b % 57];
  return out.length === 20 ? out : generatePassword();
}
