// `lifeguard worker`: usage errors exit 2 with a message; bad configuration fails clearly before starting.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { main } from '../src/cli/main.ts';

function io(env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdin: new PassThrough(), stdout, stderr, env, isTTY: false }, out: () => out, err: () => err };
}

test('worker --help prints usage; bad flags are usage errors', async () => {
  const h = io();
  assert.equal(await main(['worker', '--help'], h.io), 0);
  assert.match(h.out(), /usage: lifeguard worker/);
  const bad = io();
  assert.equal(await main(['worker', '--batch-size', '0'], bad.io), 2);
  assert.match(bad.err(), /--batch-size must be an integer/);
  const unknown = io();
  assert.equal(await main(['worker', '--frobnicate'], unknown.io), 2);
});

test('worker refuses an invalid NATS URL before opening anything', async () => {
  const h = io({ LIFEGUARD_NATS_URL: 'http://not-nats', LIFEGUARD_DATA_DIR: '/nonexistent/never-created' });
  assert.equal(await main(['worker'], h.io), 3);
  assert.match(h.err(), /LIFEGUARD_NATS_URL/);
});
