// `lifeguard chat score` end to end through the CLI entry: JSON-lines contract, malformed lines that do not
// stop the rest, exit codes, readable output, --threshold, FILE input and usage errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'lifeguard-chat-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (argv: string[], stdin: string | string[] = '') => runCli(argv, { stdin });

const grooming = {
  id: 'c1',
  messages: [
    { author: 'a', text: 'how old are you?', authorTier: 'adult' },
    { author: 'k', text: '12', authorTier: 'child' },
    { author: 'a', text: 'are your parents home? send me a pic, its our secret', authorTier: 'adult' },
  ],
};
const calm = { id: 2, text: 'see you at practice tomorrow, bring your boots' };

test('--json: one line per input with the contract fields, in input order', async () => {
  const r = await cli(['chat', 'score', '--json'], [JSON.stringify(grooming) + '\n', JSON.stringify(calm) + '\n']);
  assert.equal(r.code, 1, 'a flagged conversation exits 1');
  assert.equal(r.rows.length, 2);
  const [a, b] = r.rows;
  assert.deepEqual(Object.keys(a!).sort(), ['flagged', 'id', 'risk', 'riskNow', 'rules', 'signals', 'stage', 'warningAt', 'warningRules', 'withdrawn']);
  assert.equal(a!.withdrawn, false);
  assert.ok(a!.riskNow >= 0.5, 'the warning holds after the last message');
  assert.ok(a!.warningRules.length > 0 && a!.warningRules.every((r: unknown) => typeof r === 'string'), 'the rules that fired the warning are named');
  assert.equal(a!.id, 'c1');
  assert.equal(a!.flagged, true);
  assert.equal(a!.warningAt, 2);
  assert.ok(a!.risk > 0.5 && a!.risk <= 1);
  assert.equal(a!.stage, 'image_request');
  for (const s of a!.signals) assert.deepEqual(Object.keys(s).sort(), ['category', 'messageIndex', 'text']);
  assert.ok(a!.signals.some((s: any) => s.category === 'secrecy' && s.messageIndex === 2 && s.text === 'our secret'));
  assert.equal(b!.id, 2);
  assert.equal(b!.flagged, false);
  assert.equal(b!.warningAt, null);
  assert.deepEqual(b!.warningRules, []);
  assert.equal(b!.withdrawn, false);
});

test('malformed lines get an error line and the rest still completes; exit 3 wins over 1', async () => {
  const input = [
    'not json',
    JSON.stringify({ id: 'x' }),
    JSON.stringify({ id: 'y', text: 'a', messages: [] }),
    JSON.stringify({ id: 'z', messages: [{ text: 5 }] }),
    JSON.stringify({ text: 'no id' }),
    '[1,2]',
    '',
    JSON.stringify(grooming),
  ].join('\n');
  const r = await cli(['chat', 'score', '--json'], input);
  assert.equal(r.code, 3);
  assert.equal(r.rows.length, 7, 'blank lines are skipped, every other line answers');
  assert.deepEqual(r.rows.slice(0, 6).map((x) => x.error.code), ['invalid_json', 'invalid_input', 'invalid_input', 'invalid_message', 'invalid_input', 'invalid_input']);
  assert.equal(r.rows[0]!.id, undefined);
  assert.equal(r.rows[1]!.id, 'x');
  assert.equal(r.rows[3]!.id, 'z');
  for (const row of r.rows.slice(0, 6)) assert.equal(typeof row.error.message, 'string');
  assert.equal(r.rows[6]!.id, 'c1');
  assert.equal(r.rows[6]!.flagged, true);
});

test('lines split across input chunks are reassembled', async () => {
  const line = JSON.stringify(grooming);
  const r = await cli(['chat', 'score', '--json'], [line.slice(0, 10), line.slice(10, 40), line.slice(40) + '\n' + JSON.stringify(calm)]);
  assert.deepEqual(r.rows.map((x) => x.id), ['c1', 2]);
});

test('nothing flagged exits 0; --threshold moves the cut-off', async () => {
  const r = await cli(['chat', 'score', '--json'], JSON.stringify(calm));
  assert.equal(r.code, 0);
  const strict = await cli(['chat', 'score', '--json', '--threshold', '1'], JSON.stringify(grooming));
  assert.equal(strict.rows[0]!.flagged, false);
  assert.equal(strict.code, 0);
  const loose = await cli(['chat', 'score', '--json', '--threshold', '0'], JSON.stringify({ id: 'q', text: 'how old are you' }));
  assert.equal(loose.rows[0]!.flagged, true);
});

test('without --json: a readable line per conversation, errors on stderr', async () => {
  const r = await cli(['chat', 'score', '-'], [JSON.stringify(grooming), '\n{oops\n'].join(''));
  assert.equal(r.code, 3);
  assert.match(r.out, /^c1: risk [01]\.\d+ FLAGGED for review \(warning at message 2: [a-z_, ]+\), stage image_request/m);
  assert.match(r.out, /\[2\] secrecy: "our secret"/);
  assert.match(r.err, /error: .*\[invalid_json\]/);
});

test('reads a FILE', async () => {
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, JSON.stringify(calm) + '\n' + JSON.stringify(grooming) + '\n');
  const r = await cli(['chat', 'score', '--json', file]);
  assert.deepEqual(r.rows.map((x) => x.id), [2, 'c1']);
  assert.equal(r.code, 1);
});

test('usage errors exit 2; a missing file exits 3', async () => {
  assert.equal((await cli(['chat'])).code, 2);
  assert.equal((await cli(['chat', 'rank'])).code, 2);
  assert.equal((await cli(['chat', 'score', '--threshold', 'high'])).code, 2);
  assert.equal((await cli(['chat', 'score', '--threshold', '1.5'])).code, 2);
  assert.equal((await cli(['chat', 'score', 'a', 'b'])).code, 2);
  const missing = await cli(['chat', 'score', join(dir, 'nope.jsonl')]);
  assert.equal(missing.code, 3);
  assert.match(missing.err, /file_not_found/);
  const help = await cli(['chat', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /lifeguard chat score \[--json\] \[--threshold X\] \[FILE\|-\]/);
});
