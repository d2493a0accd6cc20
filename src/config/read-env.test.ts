import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { configTable, readEnv } from './read-env.ts';

test('defaults: loopback, port 8787, SQLite under ./data, workers on, frozen', () => {
  const c = readEnv({}, {}, '/srv/app');
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 8787);
  assert.equal(c.dataDir, '/srv/app/data');
  assert.equal(c.databaseUrl, '/srv/app/data/lifeguard.sqlite');
  assert.equal(c.databaseKind, 'sqlite');
  assert.equal(c.workers, true);
  assert.equal(c.webhook, undefined);
  assert.ok(Object.isFrozen(c) && Object.isFrozen(c.limits));
  assert.throws(() => {
    (c as { port: number }).port = 1;
  });
});

test('environment is read and flags win over it', () => {
  const env = { LIFEGUARD_PORT: '9000', LIFEGUARD_HOST: '0.0.0.0', LIFEGUARD_WORKERS: 'false', LIFEGUARD_DATABASE_URL: 'postgres://u:p@db/x' };
  const c = readEnv(env, { port: '9100', workers: true }, '/x');
  assert.equal(c.port, 9100);
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.workers, true);
  assert.equal(c.databaseKind, 'postgres');
  assert.equal(c.databaseUrl, 'postgres://u:p@db/x');
  assert.equal(readEnv(env, {}, '/x').workers, false);
});

test('empty variables count as unset', () => {
  assert.equal(readEnv({ LIFEGUARD_PORT: '' }).port, 8787);
});

test('bad values are all reported at once with the variable names', () => {
  try {
    readEnv({ LIFEGUARD_PORT: 'eighty', LIFEGUARD_RATE_LIMIT_RPS: '-1', LIFEGUARD_WEBHOOK_URL: 'ftp://x', LIFEGUARD_MEDIA_KEY: 'short' }, { host: '' });
    assert.fail('expected a config error');
  } catch (e) {
    assert.ok(isLifeguardError(e));
    assert.equal(e.code, 'invalid_config');
    for (const name of ['LIFEGUARD_PORT', 'LIFEGUARD_RATE_LIMIT_RPS', 'LIFEGUARD_WEBHOOK_URL', 'LIFEGUARD_MEDIA_KEY', '--host']) {
      assert.match(e.message, new RegExp(name), `message names ${name}`);
    }
  }
});

test('a webhook URL needs its secret', () => {
  assert.throws(() => readEnv({ LIFEGUARD_WEBHOOK_URL: 'https://hooks.example/lg' }), /LIFEGUARD_WEBHOOK_SECRET must be set/);
  const c = readEnv({ LIFEGUARD_WEBHOOK_URL: 'https://hooks.example/lg', LIFEGUARD_WEBHOOK_SECRET: 's'.repeat(32) });
  assert.deepEqual(c.webhook, { url: 'https://hooks.example/lg', secret: 's'.repeat(32) });
});

test('the README config table lists every variable', () => {
  const t = configTable();
  for (const v of ['LIFEGUARD_PORT', 'LIFEGUARD_DATABASE_URL', 'LIFEGUARD_MEDIA_KEY', 'LIFEGUARD_METRICS_TOKEN']) assert.match(t, new RegExp(v));
});

test('a webhook secret that is too short is reported as too short, not as missing', () => {
  try {
    readEnv({ LIFEGUARD_WEBHOOK_URL: 'https://hooks.example/lg', LIFEGUARD_WEBHOOK_SECRET: 'short' });
    assert.fail('expected a config error');
  } catch (e) {
    assert.ok(isLifeguardError(e));
    assert.match(e.message, /LIFEGUARD_WEBHOOK_SECRET="short": must be at least 16 characters/);
    assert.doesNotMatch(e.message, /must be set/);
  }
});

test('decode settings: concurrency auto = the cores, memory in MB, budgets; bad values named', () => {
  const c = readEnv({});
  assert.ok(c.decode.concurrency >= 1);
  assert.equal(c.decode.memoryBytes, 256 * 1024 * 1024);
  assert.equal(c.decode.hashFullPixels, 16_000_000);
  assert.equal(c.decode.maxBatchPixels, 200_000_000);
  assert.equal(c.ffmpegPath, 'ffmpeg');
  const set = readEnv({ LIFEGUARD_DECODE_CONCURRENCY: '3', LIFEGUARD_DECODE_MEMORY_MB: '64', LIFEGUARD_FFMPEG: '/opt/ffmpeg/bin/ffmpeg' });
  assert.deepEqual([set.decode.concurrency, set.decode.memoryBytes, set.ffmpegPath], [3, 64 * 1024 * 1024, '/opt/ffmpeg/bin/ffmpeg']);
  assert.throws(() => readEnv({ LIFEGUARD_DECODE_CONCURRENCY: 'lots', LIFEGUARD_DECODE_MEMORY_MB: '1' }), /LIFEGUARD_DECODE_CONCURRENCY[\s\S]*LIFEGUARD_DECODE_MEMORY_MB/);
  assert.match(configTable(), /LIFEGUARD_DECODE_CONCURRENCY[\s\S]*LIFEGUARD_DECODE_MEMORY_MB[\s\S]*LIFEGUARD_FFMPEG/);
});

test('a CyberTipline URL needs its credentials and reporter; all given, config.cybertipline holds them', () => {
  assert.throws(() => readEnv({ LIFEGUARD_CYBERTIPLINE_URL: 'https://exttest.cybertip.org/ispws' }), /LIFEGUARD_CYBERTIPLINE_USERNAME, LIFEGUARD_CYBERTIPLINE_PASSWORD, LIFEGUARD_REFERRAL_PLATFORM and LIFEGUARD_REFERRAL_EMAIL must be set/);
  assert.equal(readEnv({}).cybertipline, undefined);
  const c = readEnv({
    LIFEGUARD_CYBERTIPLINE_URL: 'https://exttest.cybertip.org/ispws',
    LIFEGUARD_CYBERTIPLINE_USERNAME: 'esp',
    LIFEGUARD_CYBERTIPLINE_PASSWORD: 'pw',
    LIFEGUARD_REFERRAL_PLATFORM: 'Example Live',
    LIFEGUARD_REFERRAL_EMAIL: 'safety@example.org',
  });
  assert.deepEqual(c.cybertipline, { url: 'https://exttest.cybertip.org/ispws', username: 'esp', password: 'pw', platform: 'Example Live', email: 'safety@example.org' });
});
