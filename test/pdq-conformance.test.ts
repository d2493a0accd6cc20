// Conformance of the PDQ hasher (and the image decoder feeding it) with Meta's reference C++ on the shared
// test vectors (see the vectors' README). Where our decoded pixels equal the reference's (SHA-256 in
// decoded-pixels.csv), hash, quality and the 8 dihedral hashes must be identical. The images stay outside
// the repository: the folder is LIFEGUARD_PDQ_VECTORS or data/pdq in the shared folder (scripts/shared-data-dir.ts).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dihedralNames, hammingDistance, pdqDihedralFromPixels, pdqFromPixels } from '../src/core/pdq/index.ts';
import { decodeImage } from '../src/media/decode-image.ts';
import { hashImage } from '../src/media/hash-image.ts';
import { sharedDataPath } from '../scripts/shared-data-dir.ts';

const vectors = process.env.LIFEGUARD_PDQ_VECTORS ?? sharedDataPath('data/pdq');
const present = existsSync(join(vectors, 'expected.csv'));
const skip = present ? false : `PDQ test vectors not found at ${vectors} (set LIFEGUARD_PDQ_VECTORS)`;

/** Rows of a simple CSV (no quoting in these files) as objects keyed by the header. */
function readCsv(name: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(join(vectors, name), 'utf8').trim().split(/\r?\n/);
  const keys = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i]!, v])));
}

const expected = present ? readCsv('expected.csv') : [];
const dihedral = new Map(present ? readCsv('expected-dihedral.csv').map((r) => [r.file!, r]) : []);
const decoded = new Map(present ? readCsv('decoded-pixels.csv').map((r) => [r.file!, r]) : []);

test('PDQ conformance: every vector file', { skip }, async (t) => {
  assert.ok(expected.length >= 39, `expected.csv lists ${expected.length} files`);
  let identicalPixels = 0;
  for (const row of expected) {
    const file = row.file!;
    await t.test(file, async (st) => {
      const img = await decodeImage(join(vectors, file));
      const ref = decoded.get(file);
      assert.ok(ref, `${file} is listed in decoded-pixels.csv`);
      assert.deepEqual([img.width, img.height, img.channels], [Number(ref.width), Number(ref.height), Number(ref.channels)]);
      const sameBytes = createHash('sha256').update(img.pixels).digest('hex') === ref.sha256_of_pixels;
      const { hash, quality } = pdqFromPixels(img.pixels, img.width, img.height, img.channels);
      const variants = pdqDihedralFromPixels(img.pixels, img.width, img.height, img.channels);
      const refDihedral = dihedral.get(file);
      assert.ok(refDihedral, `${file} is listed in expected-dihedral.csv`);
      if (sameBytes) {
        identicalPixels++;
        assert.equal(hash, row.hash, 'identical pixels give the identical hash');
        assert.equal(quality, Number(row.quality));
        assert.equal(variants.quality, Number(refDihedral.quality));
        for (const name of dihedralNames) assert.equal(variants.hashes[name], refDihedral[name], name);
      } else {
        // A different decoder: the reference's cross-implementation rule applies instead.
        const distance = hammingDistance(hash, row.hash!);
        st.diagnostic(`decoded pixels differ from ${ref.decoder}: hash distance ${distance}, quality ${quality} vs ${row.quality}`);
        if (Number(row.quality) >= 80) assert.ok(distance <= 10, `distance ${distance} > 10`);
      }
    });
  }
  t.diagnostic(`${identicalPixels} of ${expected.length} files decode to the reference's exact pixels`);
  assert.equal(identicalPixels, expected.length, 'every file decodes to the reference pixels');
});

test('PDQ conformance: hashImage end to end on the rotated and flipped bridge', { skip }, async () => {
  const rows = expected.filter((r) => r.file!.startsWith('reg-test-input/dih/'));
  assert.equal(rows.length, 8);
  for (const row of rows) {
    const h = await hashImage(join(vectors, row.file!), { dihedral: true });
    assert.equal(h.pdq, row.hash, row.file);
    assert.equal(h.quality, Number(row.quality));
    assert.deepEqual(h.dihedral, dihedralNames.map((n) => dihedral.get(row.file!)![n]));
  }
});
