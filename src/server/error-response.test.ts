import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { internal, rateLimited, unavailable } from '../core/lifeguard-error.ts';
import type { AppEnv } from './app-env.ts';
import { errorResponse } from './error-response.ts';
import { createLogger } from './logger.ts';

function appThrowing(err: unknown, lines: string[]) {
  const logger = createLogger({ write: (s: string) => (lines.push(s), true) }, 'debug');
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => (c.set('requestId', 'req-1'), next()));
  app.get('/x', () => {
    throw err;
  });
  app.onError((e, c) => errorResponse(e, c, logger));
  return app;
}

test('a busy decoder is 503 decoder_busy with Retry-After and its own message; logged as shed, not as a failure', async () => {
  const lines: string[] = [];
  const res = await appThrowing(unavailable('decoder_busy', 'the server is busy decoding other images; retry after 3 s', { retryAfterSeconds: 3 }), lines).request('/x');
  assert.equal(res.status, 503);
  assert.equal(res.headers.get('retry-after'), '3');
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'decoder_busy');
  assert.match(body.error.message, /busy decoding/);
  assert.ok(lines.some((l) => l.includes('request shed')) && !lines.some((l) => l.includes('request failed')));
});

test('rate limits keep Retry-After; other server errors keep their code but not their message', async () => {
  const limited = await appThrowing(rateLimited('slow down', { retryAfterSeconds: 2 }), []).request('/x');
  assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '2']);
  const secret = await appThrowing(internal('db_exploded', 'password=hunter2 at /var/lib/x'), []).request('/x');
  assert.equal(secret.status, 500);
  const text = await secret.text();
  assert.doesNotMatch(text, /hunter2|\/var\/lib/);
  assert.match(text, /db_exploded/);
});
