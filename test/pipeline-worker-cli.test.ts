// `lifeguard worker`: usage errors exit 2 with a message; bad configuration fails clearly before starting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './support/run-cli.ts';

test('worker --help prints usage; bad flags are usage errors', async () => {
  const h = await runCli(['worker', '--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /usage: lifeguard worker/);
  const bad = await runCli(['worker', '--batch-size', '0']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--batch-size must be an integer/);
  const unknown = await runCli(['worker', '--frobnicate']);
  assert.equal(unknown.code, 2);
});

test('worker refuses an invalid NATS URL before opening anything', async () => {
  const h = await runCli(['worker'], { env: { LIFEGUARD_NATS_URL: 'http://not-nats', LIFEGUARD_DATA_DIR: '/nonexistent/never-created' } });
  assert.equal(h.code, 3);
  assert.match(h.err, /LIFEGUARD_NATS_URL/);
});
