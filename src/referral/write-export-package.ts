/**
 * Writes a referral export package: `manifest.json` (the JSON export) and `media/<contentId>.sealed` for each
 * file it names. Media stays encrypted: each item is opened in memory with the platform's media key and
 * re-sealed under a fresh package key (same AES-256-GCM layout, the content id as associated data), so the
 * platform's own key never leaves. The package key is returned, never written into the package: it goes to
 * the authority by another channel.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conflict, notFound } from '../core/lifeguard-error.ts';
import type { ReferralExport } from '../core/referral/referral-export.ts';
import { createMediaCipher, type MediaCipher } from '../crypto/media-cipher.ts';

export interface ExportPackage {
  dir: string;
  /** Hex of the 32-byte package key (AES-256-GCM). */
  packageKey: string;
  files: string[];
}

/** Writes the package into `dir` (created; must be empty). */
export async function writeExportPackage(opts: {
  dir: string;
  manifest: ReferralExport;
  /** The platform's sealed bytes of a content item. */
  sealedOf(contentId: string): Promise<Buffer | undefined>;
  cipher: MediaCipher;
}): Promise<ExportPackage> {
  if (existsSync(opts.dir) && readdirSync(opts.dir).length > 0) throw conflict('export_dir_not_empty', `${opts.dir} is not empty`);
  mkdirSync(join(opts.dir, 'media'), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const pkg = createMediaCipher(key);
  const files: string[] = [];
  for (const f of opts.manifest.files) {
    if (f.sealedMedia === null) continue;
    const sealed = await opts.sealedOf(f.contentId);
    if (!sealed) throw notFound('media_not_retained', `no sealed media for ${f.contentId}`);
    const plain = opts.cipher.open(sealed, f.contentId);
    const out = pkg.seal(plain, f.contentId);
    plain.fill(0);
    writeFileSync(join(opts.dir, f.sealedMedia), out, { mode: 0o600, flag: 'wx' });
    files.push(f.sealedMedia);
  }
  writeFileSync(join(opts.dir, 'manifest.json'), `${JSON.stringify(opts.manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  const hex = key.toString('hex');
  key.fill(0);
  return { dir: opts.dir, packageKey: hex, files };
}
