/** Streams a request body to a file under a byte limit (memory stays at one chunk, whatever the size). */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { invalidInput, tooLarge } from '../core/lifeguard-error.ts';
import { limitedBody } from './limited-body.ts';

/** Writes the body of `req` to `path`; 413 `body_too_large` past `maxBytes` (the partial file is removed). */
export async function spoolBody(req: Request, path: string, maxBytes: number): Promise<number> {
  const body = limitedBody(req, maxBytes, () => tooLarge('body_too_large', `the upload is larger than the limit of ${maxBytes} bytes`, { maxBytes }));
  if (body === null) throw invalidInput('empty_body', 'the request has no body');
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { mode: 0o600 });
  let size = 0;
  try {
    for await (const value of body) {
      size += value.byteLength;
      if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (size === 0) throw invalidInput('empty_body', 'the upload is empty');
    return size;
  } catch (e) {
    out.destroy();
    await rm(path, { force: true });
    throw e;
  }
}
