import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createProgressBar } from './progress-bar.ts';

function capture() {
  const s = new PassThrough();
  let text = '';
  s.on('data', (d) => (text += d));
  return { s, text: () => text };
}

test('draws on a terminal, at most every 100 ms, and ends its line', () => {
  const out = capture();
  let now = 0;
  const bar = createProgressBar(out.s, { label: 'importing', total: 1000, enabled: true, width: 10, now: () => now });
  bar.update(100);
  bar.update(200); // same instant: not drawn
  now = 150;
  bar.update(500);
  bar.finish();
  const frames = out.text().split('\r').filter(Boolean);
  assert.equal(frames.length, 3);
  assert.match(frames[0]!, /^importing \[#-{9}\]  10%/);
  assert.match(frames[1]!, /^importing \[#{5}-{5}\]  50%/);
  assert.ok(out.text().endsWith('\n'));
});

test('draws nothing when stderr is not a terminal', () => {
  const out = capture();
  const bar = createProgressBar(out.s, { label: 'x', total: 10, enabled: false });
  bar.update(5);
  bar.finish();
  assert.equal(out.text(), '');
});
