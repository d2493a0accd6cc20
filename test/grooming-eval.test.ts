// CI floor of the grooming detector. With the research dev data present (LIFEGUARD_GROOMING_DATA or the shared
// path) it runs the same stratified 5-fold cross-validation as `npm run eval:grooming` and fails when quality
// drops below floors set a little under the measured figures (F0.5 0.925, AUC 0.995 at the time of writing).
// Without the data it reports "skipped". The early-warning floor uses our own synthetic conversations and
// always runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossValidate } from '../scripts/grooming-cv.ts';
import { groomingDataPath, loadSegments } from '../scripts/grooming-data.ts';
import { earlyWarning } from '../scripts/grooming-early-warning.ts';

const dataPath = groomingDataPath();

test('cross-validated quality stays above the floor and far above the length-only baseline', { skip: dataPath ? false : 'research data not present (set LIFEGUARD_GROOMING_DATA)' }, () => {
  const cv = crossValidate(loadSegments(dataPath!));
  const { combined, learned_only, length_only } = cv.detectors;
  assert.deepEqual(cv.foldsRun, [0, 1, 2, 3, 4]);
  assert.ok(combined.f05 >= 0.88, `combined F0.5 ${combined.f05}`);
  assert.ok(combined.auc >= 0.98, `combined AUC ${combined.auc}`);
  assert.ok(learned_only.auc >= 0.98, `learned-only AUC ${learned_only.auc}`);
  assert.ok(combined.f05 >= length_only.f05 + 0.4, `combined ${combined.f05} vs length ${length_only.f05}`);
  // Not length: within every word-count quartile the detector still ranks well.
  for (const q of cv.byLength) assert.ok(q.combined.auc >= 0.95, `quartile ${q.quartile} AUC ${q.combined.auc}`);
});

test('early warning on synthetic conversations: positives warned, look-alikes left alone', () => {
  const ew = earlyWarning();
  assert.ok(ew.positives >= 10 && ew.negatives >= 10);
  assert.ok(ew.warned >= ew.positives - 1, `warned ${ew.warned}/${ew.positives}, missed ${ew.missed.join(', ')}`);
  assert.ok(ew.falseWarnings <= 1, `false warnings: ${ew.falseWarningIds.join(', ')}`);
  assert.ok(ew.medianMessagesToWarning !== null && ew.medianMessagesToWarning <= 10);
});
