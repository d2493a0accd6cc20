/**
 * Media key rotation: re-seals every kept item (`content_media`) under a new key, one row at a time, in
 * memory only — clear media is never written anywhere. The new key is written to `media.key.next` (0600,
 * fsynced) before any row changes, so an interrupted rotation resumes: a row that already opens with the new
 * key is skipped, and the key files are switched only after a full pass finds every row on the new key.
 * Each row is replaced with a compare-and-swap on its old ciphertext, so a concurrent writer is never
 * overwritten. Run it with the service stopped: a running service keeps sealing with the key it loaded.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { internal } from '../core/lifeguard-error.ts';
import type { Database } from '../store/database.ts';
import { createMediaCipher, parseMediaKey } from './media-cipher.ts';

export interface RotationProgress {
  scanned: number;
  resealed: number;
  /** Rows already on the new key (a resumed rotation). */
  alreadyNew: number;
  pass: number;
}

export interface RotationResult extends RotationProgress {
  /** Where the retired key went (`--keep-old`), when kept. */
  previousKeyPath?: string;
}

function writeDurably(path: string, text: string, flag: 'wx' | 'w'): void {
  const fd = openSync(path, flag, 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Rotates the data directory's media key over `database`. */
export async function rotateMediaKey(
  database: Database,
  opts: { dataDir: string; batch?: number; keepOld?: boolean; onProgress?: (p: RotationProgress) => void },
): Promise<RotationResult> {
  const keyPath = join(opts.dataDir, 'media.key');
  const nextPath = `${keyPath}.next`;
  if (!existsSync(keyPath)) throw internal('media_key_missing', `no media key at ${keyPath}: nothing was sealed with a data-directory key`);
  const current = createMediaCipher(parseMediaKey(readFileSync(keyPath, 'utf8')));
  if (!existsSync(nextPath)) {
    writeDurably(nextPath, `${randomBytes(32).toString('hex')}\n`, 'wx');
    fsyncDir(opts.dataDir);
  }
  const next = createMediaCipher(parseMediaKey(readFileSync(nextPath, 'utf8')));
  const batch = opts.batch ?? 100;
  const { db } = database;
  const p: RotationProgress = { scanned: 0, resealed: 0, alreadyNew: 0, pass: 0 };
  // Passes until one finds nothing left on the old key (rows sealed meanwhile are caught by the next pass).
  for (;;) {
    p.pass++;
    let changedThisPass = 0;
    let cursor = '';
    for (;;) {
      const rows = await db.selectFrom('content_media').select(['content_id', 'ciphertext']).where('content_id', '>', cursor).orderBy('content_id').limit(batch).execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        cursor = r.content_id;
        p.scanned++;
        const old = Buffer.from(r.ciphertext);
        try {
          next.open(old, r.content_id);
          if (p.pass === 1) p.alreadyNew++;
          continue;
        } catch {
          // not on the new key yet
        }
        const plain = current.open(old, r.content_id); // throws media_decrypt_failed for a row on neither key
        const sealed = next.seal(plain, r.content_id);
        plain.fill(0);
        const res = await db.updateTable('content_media').set({ ciphertext: sealed }).where('content_id', '=', r.content_id).where('ciphertext', '=', old).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 1) {
          p.resealed++;
          changedThisPass++;
        }
      }
      opts.onProgress?.({ ...p });
    }
    if (changedThisPass === 0) break;
  }
  // Every row opens with the new key: switch the files (rename is atomic), keeping the old key only if asked.
  let previousKeyPath: string | undefined;
  if (opts.keepOld) {
    previousKeyPath = `${keyPath}.previous-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    writeDurably(previousKeyPath, readFileSync(keyPath, 'utf8'), 'wx');
  }
  renameSync(nextPath, keyPath);
  fsyncDir(opts.dataDir);
  if (existsSync(nextPath)) rmSync(nextPath);
  return { ...p, ...(previousKeyPath ? { previousKeyPath } : {}) };
}
