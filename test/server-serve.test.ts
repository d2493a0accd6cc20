/**
 * Smoke test of the real process: `lifeguard serve` on a random loopback port with a fresh data directory
 * prints the admin key once, answers /healthz and an authenticated route, and shuts down cleanly on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const bin = new URL('../bin/lifeguard.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'lifeguard-serve-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts serve and resolves once it printed "Stop with Ctrl-C." (or rejects with its output). */
function startServe(): Promise<{ child: ChildProcess; stdout: string; url: string }> {
  const env = { ...process.env, LIFEGUARD_LOG_LEVEL: 'warn', LIFEGUARD_DATABASE_URL: '', LIFEGUARD_DATA_DIR: '' };
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in time\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, 30_000);
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('Stop with Ctrl-C.')) {
        clearTimeout(timer);
        resolve({ child, stdout, url: /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited early with ${code}\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

test('serve: first start prints the admin key once; healthz and an authenticated route answer; SIGTERM stops it', async () => {
  const first = await startServe();
  try {
    const key = /LIFEGUARD_ADMIN_KEY=(lg_[A-Za-z0-9_-]+)/.exec(first.stdout)?.[1];
    assert.ok(key, `admin key printed:\n${first.stdout}`);
    assert.match(first.stdout, /openapi\.json/, 'says where to go next');
    const health = await fetch(`${first.url}/healthz`);
    assert.equal(health.status, 200);
    const keys = await fetch(`${first.url}/v1/keys`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(keys.status, 200);
    assert.equal(((await keys.json()) as { items: unknown[] }).items.length, 1);
    assert.equal((await fetch(`${first.url}/v1/keys`)).status, 401);
  } finally {
    assert.equal(await stop(first.child), 0, 'graceful exit');
  }

  const second = await startServe();
  try {
    assert.doesNotMatch(second.stdout, /LIFEGUARD_ADMIN_KEY=/, 'the key is printed only on the first start');
    assert.equal((await fetch(`${second.url}/readyz`)).status, 200);
  } finally {
    assert.equal(await stop(second.child), 0);
  }
});
