// `lifeguard replay`: readable and JSON output, malformed lines reported with their number, banks, policies.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.ts';

const scenarios = fileURLToPath(new URL('../scenarios/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lg-replay-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(['replay', ...args], { stdin: input, stdout, stderr, env: {}, isTTY: false });
  return { code, out, err };
}

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const start = { id: 'e1', ts: '2025-03-01T17:00:00Z', type: 'stream.started', streamId: 's1', streamer: { id: 'kid', tier: 'child', country: 'GB' } };

test('readable output: events in time order with their effects and a summary; exit 1 on effects', async () => {
  const r = await run([join(scenarios, 'r01-child-public-stranger-escalates.jsonl')]);
  assert.equal(r.code, 1);
  assert.equal(r.err, '');
  assert.match(r.out, /17:00:00\.000 {2}stream\.started +s1 started by maya/);
  assert.match(r.out, /→ hold_comments account v_stranger in stream s1 \[medium\]/);
  assert.match(r.out, /says: “.*Childline on 0800 1111/);
  assert.match(r.out, /\d+ events, \d+ effects \(.*hold_comments 1.*\), 0 malformed lines/);
  const times = [...r.out.matchAll(/^(\d\d:\d\d:\d\d\.\d{3})/gm)].map((m) => m[1]!);
  assert.deepEqual(times, [...times].sort(), 'time order');
});

test('a quiet stream exits 0', async () => {
  const r = await run([join(scenarios, 'q01-child-game-school-friends.jsonl')]);
  assert.equal(r.code, 0);
  assert.match(r.out, /, 0 effects, 0 malformed lines/);
});

test('--json prints one parseable object per effect', async () => {
  const r = await run(['--json', join(scenarios, 'r09-threat.jsonl'), '--policy', join(scenarios, 'policies/public-from-13.json')]);
  assert.equal(r.code, 1);
  const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(rows.length > 0);
  for (const row of rows) {
    assert.equal(typeof row.line, 'number');
    assert.equal(typeof row.eventId, 'string');
    assert.equal(typeof row.effect.kind, 'string');
    assert.equal(typeof row.effect.dedupeKey, 'string');
  }
  assert.ok(rows.some((x) => x.effect.kind === 'escalate'));
});

test('malformed lines are reported with their line number and the rest is replayed', async () => {
  const file = join(dir, 'mixed.jsonl');
  writeFileSync(
    file,
    [
      '# a comment line',
      line(start),
      '{not json',
      line({ id: 'e2', type: 'stream.comment', streamId: 's1', author: { id: 'v' } }),
      line({ id: 'e3', type: 'stream.teleport', streamId: 's1' }),
      line({ id: 'e4', ts: '2025-03-01T17:00:10Z', type: 'stream.viewer_joined', streamId: 's1', viewer: { id: 'v', tier: 'adult' } }),
      line({ id: 'e5', ts: '2025-03-01T17:00:20Z', type: 'stream.comment', streamId: 's1', author: { id: 'v' }, text: 'send me a picture of you' }),
    ].join('\n'),
  );
  const r = await run([file]);
  assert.match(r.err, /^line 3: not JSON/m);
  assert.match(r.err, /^line 4: invalid 'stream\.comment' event: text: /m);
  assert.match(r.err, /^line 5: invalid 'stream\.teleport' event: unknown type 'stream\.teleport'/m);
  assert.match(r.out, /hold_comments account v/, 'later valid lines still ran');
  assert.match(r.out, /3 malformed lines/);
  assert.equal(r.code, 1);
  assert.equal((await run(['--strict', file])).code, 3);
});

test('stdin, --country and --bank', async () => {
  const r = await run(['-', '--country', 'us'], line({ ...start, streamer: { id: 'kid', tier: 'child' } }) + '\n');
  assert.match(r.out, /NCMEC|Childhelp/);
  const bank = join(dir, 'bank.csv');
  writeFileSync(bank, 'hash,id,category\n' + 'ab'.repeat(32) + ',entry-1,test\nnot-a-hash,entry-2,test\n');
  const frames = [line({ ...start, streamer: { id: 'x', tier: 'adult' } }), line({ id: 'f1', ts: '2025-03-01T17:00:01Z', type: 'stream.frame', streamId: 's1', pdq: 'ab'.repeat(31) + 'aa' })];
  const m = await run(['-', '--bank', bank, '--json'], frames.join('\n'));
  assert.match(m.err, /bank\.csv: line 3: /, 'a bad bank line is a warning');
  const kinds = m.out.trim().split('\n').map((l) => JSON.parse(l).effect.kind);
  assert.deepEqual(kinds, ['end_stream', 'preserve_evidence', 'open_case']);
});

test('usage and policy errors', async () => {
  assert.equal((await run([])).code, 2);
  assert.equal((await run(['a.jsonl', 'b.jsonl'])).code, 2);
  assert.equal((await run(['--country', 'GBR', 'a.jsonl'])).code, 2);
  const bad = join(dir, 'bad-policy.json');
  writeFileSync(bad, JSON.stringify({ live: { publicMinAge: 'eighteen' } }));
  const r = await run(['--policy', bad, join(scenarios, 'q01-child-game-school-friends.jsonl')]);
  assert.equal(r.code, 3);
  assert.match(r.err, /live\.publicMinAge: .*\[policy_invalid\]/s);
  const missing = await run([join(dir, 'nope.jsonl')]);
  assert.equal(missing.code, 3);
});

test('frames recorded as image bytes are hashed and matched; undecodable ones are line errors', async () => {
  const sharp = (await import('sharp')).default;
  const { hashImage } = await import('../src/media/hash-image.ts');
  // A benign generated picture: a sky-to-ground gradient with a sun.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7ab8f5"/><stop offset="1" stop-color="#3c8d3c"/></linearGradient></defs><rect width="320" height="240" fill="url(#g)"/><circle cx="250" cy="60" r="30" fill="#ffd84a"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const bank = join(dir, 'known.csv');
  writeFileSync(bank, `hash,id,category\n${(await hashImage(png)).pdq},known-1,test\n`);
  const other = await sharp(Buffer.from(svg.replace('#ffd84a', '#222222').replace('cx="250"', 'cx="60"'))).rotate(90).png().toBuffer();
  const frames = [
    line({ ...start, streamer: { id: 'x', tier: 'adult' } }),
    line({ id: 'f0', ts: '2025-03-01T17:00:01Z', type: 'stream.frame', streamId: 's1', imageBase64: other.toString('base64') }),
    line({ id: 'f1', ts: '2025-03-01T17:00:02Z', type: 'stream.frame', streamId: 's1', imageBase64: Buffer.from('not an image').toString('base64') }),
    line({ id: 'f2', ts: '2025-03-01T17:00:03Z', type: 'stream.frame', streamId: 's1', imageBase64: png.toString('base64') }),
  ];
  const r = await run(['-', '--bank', bank, '--json'], frames.join('\n'));
  assert.match(r.err, /^line 3: frame f1: /m);
  const effects = r.out.trim().split('\n').map((l) => JSON.parse(l) as { eventId: string; effect: { kind: string } });
  assert.deepEqual(effects.map((e) => [e.eventId, e.effect.kind]), [['f2', 'end_stream'], ['f2', 'preserve_evidence'], ['f2', 'open_case']]);
});
