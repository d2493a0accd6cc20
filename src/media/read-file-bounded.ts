import { open } from 'node:fs/promises';
import { invalidInput, isLifeguardError, notFound, tooLarge } from '../core/lifeguard-error.ts';

/** Default byte limit for one image file read into memory (100 MiB). */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** Turns a file-system error into a LifeguardError with a stable code (other errors pass through). */
export function fileError(path: string, e: unknown): Error {
  if (isLifeguardError(e)) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return notFound('file_not_found', `file not found: ${path}`);
  if (code === 'EISDIR') return invalidInput('not_a_file', `not a regular file: ${path}`);
  if (code === 'EACCES' || code === 'EPERM') return invalidInput('file_not_readable', `permission denied: ${path}`);
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Reads a whole file, refusing (file_too_large) when it holds more than `maxBytes`. The size is checked
 * before reading and again while reading, so a file that grows meanwhile cannot exceed the limit either.
 */
export async function readFileBounded(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw fileError(path, e);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw invalidInput('not_a_file', `not a regular file: ${path}`);
    if (info.size > maxBytes) throw tooBig(path, info.size, maxBytes);
    // Read one byte more than the size: if it arrives, the file grew and we keep reading (up to the limit).
    const chunks: Buffer[] = [];
    let total = 0;
    let chunk = Buffer.allocUnsafe(info.size + 1);
    for (;;) {
      let filled = 0;
      while (filled < chunk.length) {
        const { bytesRead } = await handle.read(chunk, filled, chunk.length - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      total += filled;
      if (total > maxBytes) throw tooBig(path, total, maxBytes);
      chunks.push(chunk.subarray(0, filled));
      if (filled < chunk.length) break;
      chunk = Buffer.allocUnsafe(1 << 20);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (e) {
    throw fileError(path, e);
  } finally {
    await handle.close();
  }
}

function tooBig(path: string, size: number, maxBytes: number): Error {
  return tooLarge('file_too_large', `${path} is ${size} bytes or more; the limit is ${maxBytes} bytes`, {
    bytes: size,
    maxBytes,
  });
}
