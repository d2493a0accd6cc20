// `lifeguard age estimate` end to end through main(argv, io), with the real on-device model on benign generated
// images: a drawn schematic face gives an estimate, a landscape no face, bad files an error line each.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FACE_API_PROVIDER } from '../src/age-estimators/face-api-estimator.ts';
import { landscapeSvg, schematicFaceSvg, svgToJpeg, svgToPng } from '../src/age-estimators/generated-images.ts';
import { runCli } from './support/run-cli.ts';

let dir = '';
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifeguard-cli-age-'));
  writeFileSync(join(dir, 'face.png'), await svgToPng(schematicFaceSvg(128)));
  writeFileSync(join(dir, 'landscape.jpg'), await svgToJpeg(landscapeSvg(640, 480)));
  writeFileSync(join(dir, 'text.png'), 'this is not an image\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('age estimate prints one JSON line per file; a bad file does not stop the batch and exits 3', { timeout: 180_000 }, async () => {
  const files = ['face.png', 'landscape.jpg', 'text.png', 'missing.png'].map((f) => join(dir, f));
  const r = await runCli(['age', 'estimate', ...files]);
  assert.equal(r.code, 3, r.err);
  assert.equal(r.lines.length, 4, r.out);
  const rows = r.lines.map((l) => JSON.parse(l) as Record<string, any>);
  assert.deepEqual(rows.map((x) => x.file), files);
  const [face, landscape, text, missing] = rows;
  assert.deepEqual(Object.keys(face!), ['file', 'kind', 'age', 'confidence', 'uncertaintyYears', 'provider', 'modelVersion']);
  assert.equal(face!.kind, 'estimate');
  assert.ok(face!.age >= 0 && face!.age <= 130, `age ${face!.age}`);
  assert.ok(face!.confidence > 0 && face!.confidence <= 0.5);
  assert.equal(face!.uncertaintyYears, 4.8);
  assert.equal(face!.provider, FACE_API_PROVIDER);
  assert.match(face!.modelVersion, /^face-api@\d+\.\d+\.\d+$/);
  assert.deepEqual(landscape, { file: files[1], kind: 'no_face' });
  assert.equal(text!.error.code, 'image_unsupported_format');
  assert.equal(typeof missing!.error.code, 'string');
  assert.match(missing!.error.message, /missing\.png/);
});

test('only files that are all fine exit 0; usage errors exit 2', { timeout: 180_000 }, async () => {
  const ok = await runCli(['age', 'estimate', join(dir, 'landscape.jpg')]);
  assert.equal(ok.code, 0, ok.err);
  assert.equal(ok.rows[0]!.kind, 'no_face');
  assert.equal((await runCli(['age', 'estimate'])).code, 2);
  assert.equal((await runCli(['age', 'guess', join(dir, 'face.png')])).code, 2);
});
