/**
 * The on-disk PDQ index snapshot: the serialised PdqIndex plus the database it was built from and the store
 * cursor it reflects, so loading it and applying the store's delta since that cursor gives the current index.
 *
 * Layout: "LGPDQSN1" (8 bytes) · header length (uint32 LE) · JSON header · index bytes.
 */
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoreCursor } from '../core/banks/types.ts';
import { PdqIndex } from '../core/index/pdq-index.ts';

const magic = 'LGPDQSN1';

interface SnapshotHeader {
  version: 1;
  instanceId: string;
  cursor: StoreCursor;
  size: number;
  indexBytes: number;
  writtenAt: string;
}

export interface PdqIndexSnapshot {
  instanceId: string;
  cursor: StoreCursor;
  index: PdqIndex;
}

/** Reads a snapshot; `undefined` with a reason when missing or unusable (the caller rebuilds). */
export async function readPdqIndexSnapshot(path: string): Promise<{ snapshot?: PdqIndexSnapshot; reason?: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no snapshot' : `snapshot unreadable: ${(e as Error).message}` };
  }
  try {
    if (bytes.length < 12 || bytes.toString('latin1', 0, 8) !== magic) return { reason: 'not a snapshot file' };
    const headerLength = bytes.readUInt32LE(8);
    if (12 + headerLength > bytes.length) return { reason: 'snapshot truncated' };
    const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as SnapshotHeader;
    if (header.version !== 1) return { reason: `snapshot version ${String(header.version)} not supported` };
    const body = bytes.subarray(12 + headerLength);
    if (body.length !== header.indexBytes) return { reason: 'snapshot truncated' };
    const index = PdqIndex.deserialize(new Uint8Array(body.buffer, body.byteOffset, body.length));
    if (index.size !== header.size) return { reason: 'snapshot size mismatch' };
    return { snapshot: { instanceId: header.instanceId, cursor: header.cursor, index } };
  } catch (e) {
    return { reason: `snapshot unusable: ${(e as Error).message}` };
  }
}

/** Writes a snapshot atomically (temporary file, fsync, rename), so a crash never leaves half a file. */
export async function writePdqIndexSnapshot(path: string, snapshot: PdqIndexSnapshot): Promise<void> {
  const body = snapshot.index.serialize();
  const header: SnapshotHeader = {
    version: 1,
    instanceId: snapshot.instanceId,
    cursor: snapshot.cursor,
    size: snapshot.index.size,
    indexBytes: body.length,
    writtenAt: new Date().toISOString(),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(12);
  prefix.write(magic, 0, 'latin1');
  prefix.writeUInt32LE(json.length, 8);
  const tmp = `${path}.${process.pid}.tmp`;
  await mkdir(dirname(path), { recursive: true });
  try {
    const fh = await open(tmp, 'w');
    try {
      await writeAll(fh, Buffer.concat([prefix, json]));
      await writeAll(fh, body);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** One write(2) may be partial (and stops at 2 GiB on Linux): loop until every byte is written. */
async function writeAll(fh: FileHandle, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await fh.write(bytes, at, Math.min(bytes.length - at, 1 << 30));
    at += bytesWritten;
  }
}

/** Removes a snapshot (e.g. when its database is replaced). */
export const removePdqIndexSnapshot = (path: string): Promise<void> => rm(path, { force: true });
