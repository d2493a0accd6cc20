/**
 * AES-256-GCM sealing of retained media. A sealed blob is `version(1) | iv(12) | tag(16) | ciphertext`;
 * the content id is bound as associated data so a blob cannot be moved to another record unnoticed.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { internal, invalidInput } from '../core/lifeguard-error.ts';

const version = 1;
const ivLength = 12;
const tagLength = 16;
const headerLength = 1 + ivLength + tagLength;

export interface MediaCipher {
  /** Encrypts `plain`, binding `aad` (e.g. the content id). */
  seal(plain: Uint8Array, aad: string): Buffer;
  /** Decrypts a sealed blob; throws `media_decrypt_failed` when the key, aad or bytes do not match. */
  open(sealed: Uint8Array, aad: string): Buffer;
}

/** Parses a 32-byte key given as 64 hex digits or base64/base64url. */
export function parseMediaKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw invalidInput('invalid_media_key', 'the media key must be 32 bytes (64 hex digits or base64)');
  return key;
}

/** A cipher over a 32-byte key. */
export function createMediaCipher(key: Uint8Array): MediaCipher {
  if (key.length !== 32) throw invalidInput('invalid_media_key', 'the media key must be 32 bytes');
  const k = Buffer.from(key);
  return {
    seal(plain, aad) {
      const iv = randomBytes(ivLength);
      const cipher = createCipheriv('aes-256-gcm', k, iv, { authTagLength: tagLength });
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([version]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, aad) {
      const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (b.length < headerLength || b[0] !== version) throw internal('media_decrypt_failed', 'sealed media has an unknown format');
      const decipher = createDecipheriv('aes-256-gcm', k, b.subarray(1, 1 + ivLength), { authTagLength: tagLength });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(b.subarray(1 + ivLength, headerLength));
      try {
        return Buffer.concat([decipher.update(b.subarray(headerLength)), decipher.final()]);
      } catch {
        throw internal('media_decrypt_failed', 'sealed media failed authentication (wrong key or tampered bytes)');
      }
    },
  };
}
