// The export package: manifest plus media re-sealed under a package key; no clear media, no platform key.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { csamCase, t0 } from '../../test/support/referral-cases.ts';
import { buildReferralExport } from '../core/referral/referral-export.ts';
import { createMediaCipher, parseMediaKey } from '../crypto/media-cipher.ts';
import { writeExportPackage } from './write-export-package.ts';

test('package: manifest, media re-sealed under a fresh key (not the platform key), nothing in the clear', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lifeguard-pkg-'));
  try {
    const platformKey = randomBytes(32);
    const platform = createMediaCipher(platformKey);
    const plain = new Map(['ct1', 'ct2'].map((id, i) => [id, Buffer.concat([Buffer.from(`BENIGN-PATTERN-${i}`), Buffer.alloc(1024, i + 1)])]));
    const manifest = buildReferralExport(csamCase(), 'uk_nca', { now: t0, sealedMedia: true });
    const dir = join(root, 'pkg');
    const out = await writeExportPackage({ dir, manifest, cipher: platform, sealedOf: async (id) => platform.seal(plain.get(id)!, id) });
    assert.deepEqual(out.files.sort(), ['media/ct1.sealed', 'media/ct2.sealed']);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')), manifest);
    const pkg = createMediaCipher(parseMediaKey(out.packageKey));
    for (const [id, bytes] of plain) {
      const sealed = readFileSync(join(dir, 'media', `${id}.sealed`));
      assert.deepEqual(pkg.open(sealed, id), bytes);
      assert.throws(() => platform.open(sealed, id), { code: 'media_decrypt_failed' }, 'not sealed with the platform key');
      assert.throws(() => pkg.open(sealed, id === 'ct1' ? 'ct2' : 'ct1'), { code: 'media_decrypt_failed' }, 'bound to its content id');
    }
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      const p = join(dir, f);
      if (!f.endsWith('media')) {
        const b = readFileSync(p);
        assert.ok(!b.includes('BENIGN-PATTERN-'), `clear media in ${f}`);
        assert.ok(!b.includes(out.packageKey), `package key in ${f}`);
      }
    }
    // A non-empty directory is refused (never mixes two packages).
    writeFileSync(join(root, 'other'), 'x');
    await assert.rejects(writeExportPackage({ dir: root, manifest, cipher: platform, sealedOf: async () => undefined }), { code: 'export_dir_not_empty' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
