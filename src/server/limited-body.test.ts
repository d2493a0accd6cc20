import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tooLarge } from '../core/lifeguard-error.ts';
import { limitedBody } from './limited-body.ts';

const error = () => tooLarge('body_too_large', 'too big');

/** A POST whose body arrives in the given chunks (one per read), without a Content-Length unless given. */
function request(chunks: number[], contentLength?: number): { req: Request; cancelled: () => boolean } {
  let next = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (next < chunks.length) c.enqueue(new Uint8Array(chunks[next++]!).fill(7));
      else c.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  const headers = contentLength === undefined ? {} : { 'content-length': String(contentLength) };
  const req = new Request('http://x/', { method: 'POST', body: stream, headers, duplex: 'half' } as RequestInit);
  return { req, cancelled: () => cancelled };
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<number[]> {
  const sizes: number[] = [];
  for await (const c of body) sizes.push(c.byteLength);
  return sizes;
}

test('chunks up to the limit pass through unchanged', async () => {
  assert.deepEqual(await collect(limitedBody(request([3, 4, 3]).req, 10, error)!), [3, 4, 3]);
});

test('a body without one is null', () => {
  assert.equal(limitedBody(new Request('http://x/'), 10, error), null);
});

test('a declared Content-Length over the limit fails before reading', () => {
  assert.throws(() => limitedBody(request([1], 11).req, 10, error), /too big/);
});

test('an undeclared body fails as soon as it passes the limit, and the rest is cancelled', async () => {
  const { req, cancelled } = request([6, 5, 100]);
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (const c of limitedBody(req, 10, error)!) seen.push(c.byteLength);
  }, /too big/);
  assert.deepEqual(seen, [6], 'the chunk that crosses the limit is not handed out');
  assert.equal(cancelled(), true);
});
