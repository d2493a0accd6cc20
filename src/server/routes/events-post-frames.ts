/**
 * Frames sent to POST /v1/events as image bytes. They are hashed here and their PDQ hash is matched against the
 * banks; a frame that matches known content is kept like a matched upload — sealed (AES-256-GCM) in the content
 * store — and the event carries its `contentId`, so the guardian's end_stream / preserve_evidence / open_case
 * effects point at the kept frame. The bytes of any other frame are dropped: only the hash reaches the log.
 *
 * The content id is derived from the event id and the bytes, so a replayed frame finds its record instead of
 * storing a second one, and the event keeps the same digest (an idempotent duplicate, not a conflict).
 */
import { createHash } from 'node:crypto';
import type { PlatformEvent, PlatformEventOf } from '../../core/events.ts';
import type { AppRuntime } from '../app-deps.ts';
import { decideContent } from '../content-decision.ts';
import { isLifeguardError, LifeguardError, tooLarge } from '../../core/lifeguard-error.ts';

type Frame = PlatformEventOf<'stream.frame'>;

/**
 * Returns the batch with every image-bytes frame replaced by its hashed form (plus `contentId` when it matched
 * and was sealed). Without hashing or matching in this build, frames go on as they are (intake then hashes or
 * rejects them).
 *
 * The batch is all or nothing, as with schema errors: every frame's header is read first (no pixel decoded) and
 * the frames' total pixels checked against LIFEGUARD_MAX_BATCH_PIXELS; then each frame is decoded and hashed in
 * turn through the decode queue (one bitmap at a time, large ones reduced in the decoder). A frame that fails
 * fails the batch with its index and id, before anything is stored.
 */
export async function preserveMatchedFrames(events: PlatformEvent[], deps: AppRuntime, keyId: string): Promise<PlatformEvent[]> {
  const hashing = deps.services.hashing;
  if (!hashing || !deps.services.matching) return events;
  const frames: { index: number; frame: Frame; bytes: Buffer }[] = [];
  events.forEach((e, index) => {
    if (e.type === 'stream.frame' && e.imageBase64 !== undefined) frames.push({ index, frame: e, bytes: Buffer.from(e.imageBase64, 'base64') });
  });
  if (frames.length === 0) return events;

  const { maxImagePixels } = deps.config.limits;
  const maxBatchPixels = deps.config.decode.maxBatchPixels;
  let total = 0;
  for (const f of frames) {
    if (f.frame.pdq !== undefined) continue; // the platform's hash wins; the bytes are only kept on a match
    const header = await atFrame(f, () => hashing.probe(f.bytes, maxImagePixels));
    total += header.width * header.height;
    if (total > maxBatchPixels) {
      throw tooLarge(
        'batch_pixels_too_large',
        `event ${f.index} (${f.frame.id}) of type stream.frame: the frames sent as image bytes up to this one hold ${total} pixels; a batch may hold at most ${maxBatchPixels} (LIFEGUARD_MAX_BATCH_PIXELS): send fewer or smaller frames per batch, or their PDQ hashes`,
        { index: f.index, id: f.frame.id, pixels: total, maxBatchPixels },
      );
    }
  }
  const hashed: { index: number; frame: Frame; bytes: Buffer; hashes: FrameHashes }[] = [];
  for (const f of frames) hashed.push({ ...f, hashes: await atFrame(f, () => hashFrame(f.frame, f.bytes, deps)) });

  const out = events.slice();
  for (const f of hashed) out[f.index] = await preserveFrame(f.frame, f.bytes, f.hashes, deps, keyId);
  return out;
}

type FrameHashes = { pdq: string; quality: number | null; md5?: string; sha256?: string; width: number | null; height: number | null; variants?: { name: string; hash: string }[] };

/** Runs `work` for one frame; its errors name the frame (index and id), as schema errors do. */
async function atFrame<T>(f: { index: number; frame: Frame }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!isLifeguardError(e) || e.status >= 500) throw e;
    throw new LifeguardError(e.code, e.status, `event ${f.index} (${f.frame.id}) of type stream.frame: imageBase64: ${e.message}`, {
      ...e.detail,
      index: f.index,
      id: f.frame.id,
    });
  }
}

/** A PDQ hash the platform computed wins (as at intake); otherwise the bytes are decoded and hashed. */
async function hashFrame(frame: Frame, bytes: Buffer, deps: AppRuntime): Promise<FrameHashes> {
  if (frame.pdq !== undefined) return { pdq: frame.pdq.toLowerCase(), quality: frame.quality ?? null, width: null, height: null };
  // Robust: a re-streamed capture is often framed or cropped (see core/pdq/robust-variants.ts).
  return deps.services.hashing!.hashImage(bytes, { maxPixels: deps.config.limits.maxImagePixels, maxBytes: deps.config.limits.maxUploadBytes, robust: true });
}

async function preserveFrame(frame: Frame, bytes: Buffer, hashes: FrameHashes, deps: AppRuntime, keyId: string): Promise<Frame> {
  const matching = deps.services.matching!;
  const { imageBase64: _bytes, ...rest } = frame;
  let hashed: Frame = { ...rest, pdq: rest.pdq ?? hashes.pdq, ...(hashes.quality !== null ? { quality: hashes.quality } : {}) };
  // PDQ only: the guardian ends a stream on PDQ matches, so intake keeps exactly the frames it will act on.
  const matches = await matching.matchHashes({ pdq: hashes.pdq, ...(hashes.variants ? { pdqVariants: hashes.variants } : {}) });
  if (matches.length === 0) return hashed;
  // The variants that matched travel with the event, so the guardian matches (and acts on) them too.
  const matchedVariants = new Set(matches.map((m) => m.variant).filter((v) => v !== undefined));
  const pdqVariants = (hashes.variants ?? []).filter((v) => matchedVariants.has(v.name));
  if (pdqVariants.length > 0) hashed = { ...hashed, pdqVariants };

  const sha256 = hashes.sha256 ?? createHash('sha256').update(bytes).digest('hex');
  const id = `cnt_${createHash('sha256').update(`stream.frame\u0000${frame.id}\u0000${sha256}`).digest('hex').slice(0, 32)}`;
  if ((await deps.content.get(id)) === undefined) {
    const { decision, reasons } = decideContent(matches, hashes.quality);
    const record = {
      id,
      keyId,
      clientId: frame.id,
      mediaType: sniffImageType(bytes),
      byteLength: bytes.length,
      width: hashes.width,
      height: hashes.height,
      md5: hashes.md5 ?? createHash('md5').update(bytes).digest('hex'),
      sha256,
      pdq: hashes.pdq,
      pdqQuality: hashes.quality,
      decision,
      reasons: [`frame ${frame.id} of live stream ${frame.streamId}, kept because it matched known content`, ...reasons],
      matches,
      reported: false,
      retained: true,
      createdAt: deps.now(),
    };
    try {
      await deps.content.insert(record, deps.cipher.seal(bytes, id));
    } catch (e) {
      // A concurrent replay of the same frame stored it first: that record is this one.
      if ((await deps.content.get(id)) === undefined) throw e;
    }
    deps.metrics.decisions.inc({ source: 'frame', kind: decision });
  }
  return { ...hashed, contentId: id };
}

/** The image type from its first bytes (what was sent is kept as is). */
function sniffImageType(b: Buffer): string {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && b.toString('latin1', 0, 4) === 'GIF8') return 'image/gif';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}
