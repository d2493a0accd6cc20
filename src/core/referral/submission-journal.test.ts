// The submission journal decides the next request from what was sent and answered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextSubmissionStep, reduceSubmission, type JournalRecord } from './submission-journal.ts';

let seq = 0;
const r = (step: JournalRecord['step'], phase: JournalRecord['phase'], more: Partial<JournalRecord> = {}): JournalRecord => ({ referralId: 'x', seq: ++seq, at: seq, step, phase, request: '', ...more });
const files = ['a', 'b'];

test('from nothing to done, one request at a time', () => {
  const j: JournalRecord[] = [];
  assert.deepEqual(nextSubmissionStep(reduceSubmission(j), files), { step: 'submit' });
  j.push(r('submit', 'sent'), r('submit', 'ok', { reportId: '7' }));
  assert.deepEqual(nextSubmissionStep(reduceSubmission(j), files), { step: 'upload', reportId: '7', contentId: 'a' });
  j.push(r('upload', 'sent', { reportId: '7', contentId: 'a' }), r('upload', 'ok', { reportId: '7', contentId: 'a', fileId: 'fa' }));
  j.push(r('upload', 'sent', { reportId: '7', contentId: 'b' }), r('upload', 'ok', { reportId: '7', contentId: 'b', fileId: 'fb' }));
  assert.deepEqual(nextSubmissionStep(reduceSubmission(j), files), { step: 'fileinfo', reportId: '7', contentId: 'a', fileId: 'fa' });
  j.push(r('fileinfo', 'sent', { reportId: '7', contentId: 'a' }), r('fileinfo', 'ok', { reportId: '7', contentId: 'a' }));
  j.push(r('fileinfo', 'sent', { reportId: '7', contentId: 'b' }), r('fileinfo', 'ok', { reportId: '7', contentId: 'b' }));
  assert.deepEqual(nextSubmissionStep(reduceSubmission(j), files), { step: 'finish', reportId: '7' });
  j.push(r('finish', 'sent', { reportId: '7' }));
  assert.deepEqual(nextSubmissionStep(reduceSubmission(j), files), { step: 'finish', reportId: '7' }, 'an unanswered finish is repeated');
  j.push(r('finish', 'ok', { reportId: '7' }));
  assert.deepEqual(nextSubmissionStep(reduceSubmission(j), files), { step: 'done', reportId: '7' });
});

test('an upload without its answer taints the report: retract, then a new report', () => {
  const j = [r('submit', 'sent'), r('submit', 'ok', { reportId: '8' }), r('upload', 'sent', { reportId: '8', contentId: 'a' })];
  const n = nextSubmissionStep(reduceSubmission(j), files);
  assert.equal(n.step, 'retract');
  j.push(r('retract', 'sent', { reportId: '8' }));
  assert.equal(nextSubmissionStep(reduceSubmission(j), files).step, 'retract', 'until the retract is answered');
  j.push(r('retract', 'ok', { reportId: '8' }));
  const s = reduceSubmission(j);
  assert.deepEqual(s.retracted, ['8']);
  assert.deepEqual(nextSubmissionStep(s, files), { step: 'submit' });
});

test('a submit without its answer is counted as an orphan and never reused', () => {
  const s = reduceSubmission([r('submit', 'sent'), r('submit', 'sent'), r('submit', 'ok', { reportId: '9' })]);
  assert.equal(s.orphans, 1);
  assert.equal(s.current?.reportId, '9');
  assert.equal(s.reportsStarted, 2);
  assert.equal(reduceSubmission([r('submit', 'sent')]).orphans, 1);
  assert.equal(reduceSubmission([r('submit', 'sent'), r('submit', 'refused')]).reportsStarted, 0, 'a refused submit made no report');
});
