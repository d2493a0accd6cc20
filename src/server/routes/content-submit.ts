/**
 * POST /v1/content: upload an image → hashes (PDQ, MD5, SHA-256) → bank matches → allow / hold_for_review /
 * block. Media is retained, encrypted, only when it matched or was reported; otherwise only hashes are kept.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unsupported } from '../../core/lifeguard-error.ts';
import { decideContent } from '../content-decision.ts';
import { contentDecisionView, contentOptions } from '../content-schemas.ts';
import { readUpload } from '../read-upload.ts';
import { validate } from '../request-body.ts';
import { defineRoute } from '../route.ts';
import { need, type ContentMatch } from '../services.ts';
import { intakeFromUpload } from '../../review/content-case-intake.ts';
import type { VideoLevelMatch } from '../../core/banks/video-match.ts';

export const contentSubmit = defineRoute({
  method: 'post',
  path: '/v1/content',
  access: 'content',
  tag: 'content',
  summary: 'Hash and match an uploaded image or video; returns the decision with reasons.',
  description:
    'Send the image or video as the raw body (Content-Type image/* or video/*) with options in the query string, or as multipart/form-data field `file` with options as fields. ' +
    'Videos are sampled at 1 frame/s (at most 600 frames) and every frame is matched. ' +
    'Limits: LIFEGUARD_MAX_UPLOAD_BYTES (413 `body_too_large`) and LIFEGUARD_MAX_IMAGE_PIXELS (413 `image_too_large`).',
  query: contentOptions,
  rawBody: { contentTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'video/mp4', 'video/webm', 'application/octet-stream', 'multipart/form-data'], description: 'The image or video bytes, raw or as multipart field `file`.' },
  responses: {
    200: { description: 'Decision, reasons, matches and hashes.', schema: contentDecisionView },
    415: { description: 'Not an image this service can decode (`image_unsupported_format`, `unsupported_media_type`), or a video while video support (ffmpeg) is not installed (`video_unsupported`; GET /readyz shows `media.video`).' },
    413: { description: 'Over LIFEGUARD_MAX_UPLOAD_BYTES (`body_too_large`) or LIFEGUARD_MAX_IMAGE_PIXELS (`image_too_large`).' },
    503: { description: 'Every decode slot is taken and the queue is full or slow (`decoder_busy`); retry after the `Retry-After` seconds.' },
    400: { description: 'Empty or undecodable upload (`empty_body`, `image_empty`, `image_truncated`, `image_decode_failed`, `malformed_multipart`).' },
  },
  async handle({ c, deps, key }) {
    const hashing = need(deps.services, 'hashing');
    const matching = need(deps.services, 'matching');
    const { limits } = deps.config;
    const upload = await readUpload(c.req.raw, limits.maxUploadBytes);
    const opts = validate(contentOptions, upload.fields, 'invalid_query', 'options');
    if (!/^(image\/|video\/|application\/octet-stream$)/.test(upload.mediaType)) {
      throw unsupported('unsupported_media_type', `expected an image or video (image/*, video/*, application/octet-stream or multipart), got '${upload.mediaType}'`);
    }
    const id = `cnt_${randomUUID()}`;
    const banks = opts.banks ? { banks: opts.banks } : {};
    let h: { pdq: string | null; quality: number | null; md5: string; sha256: string; width: number | null; height: number | null };
    let matches: ContentMatch[];
    let video: { fps: number; frameCount: number; matchedFrames: number; videos: VideoLevelMatch[] } | undefined;
    const robust = opts.robust !== 'false';
    if (upload.mediaType.startsWith('video/')) {
      if (!matching.matchVideo) {
        throw unsupported('video_unsupported', 'this server does not accept video: video support (ffmpeg) is not installed; send images, or ask the operator to install the ffmpeg package (see GET /readyz)');
      }
      // ffmpeg reads files, so the video sits in the data directory (0600) only while it is matched.
      const path = join(deps.config.dataDir, 'tmp', `${id}.video`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, upload.bytes, { mode: 0o600 });
      try {
        const v = await matching.matchVideo(path, { ...banks, robust, maxFramePixels: limits.maxImagePixels });
        h = { pdq: null, quality: null, md5: v.md5, sha256: v.sha256, width: null, height: null };
        matches = v.matches;
        video = { fps: v.fps, frameCount: v.frameCount, matchedFrames: v.matchedFrames, videos: v.videos };
      } finally {
        await rm(path, { force: true });
      }
    } else {
      const hashed = await hashing.hashImage(upload.bytes, { maxPixels: limits.maxImagePixels, maxBytes: limits.maxUploadBytes, robust });
      h = hashed;
      matches = await matching.matchHashes({ pdq: hashed.pdq, md5: hashed.md5, sha256: hashed.sha256, ...(hashed.variants ? { pdqVariants: hashed.variants } : {}) }, banks);
    }
    const { decision, reasons } = decideContent(matches, h.quality);
    for (const v of video?.videos ?? []) {
      if (v.matched) reasons.push(`whole-video match with banked video ${v.videoId} in bank '${v.bank}': ${Math.round(v.comparedShare * 100)}% of its frames found, ${Math.round(v.queryShare * 100)}% of this video's frames match`);
    }
    const reported = opts.reported === 'true';
    const retain = matches.length > 0 || reported;
    await deps.content.insert(
      {
        id,
        keyId: key!.id,
        clientId: opts.clientId ?? null,
        mediaType: upload.mediaType,
        byteLength: upload.bytes.length,
        width: h.width,
        height: h.height,
        md5: h.md5,
        sha256: h.sha256,
        pdq: h.pdq,
        pdqQuality: h.quality,
        decision,
        reasons,
        matches,
        reported,
        retained: retain,
        createdAt: deps.now(),
      },
      retain ? deps.cipher.seal(upload.bytes, id) : undefined,
    );
    // A match or a user report puts the upload in front of a person (a case; or evidence joining the open one).
    const intake = deps.services.cases ? intakeFromUpload({ contentId: id, sha256: h.sha256, decision, reasons, reported, matches }) : undefined;
    const review = intake ? await deps.services.cases!.intake(intake) : undefined;
    deps.metrics.decisions.inc({ source: 'content', kind: decision });
    if (decision !== 'allow') c.get('log').info('content decision', { contentId: id, decision, matches: matches.length, reported });
    return c.json({
      id,
      clientId: opts.clientId ?? null,
      decision,
      reasons,
      matches,
      hashes: { pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256 },
      width: h.width,
      height: h.height,
      ...(video ? { video } : {}),
      retained: retain,
      ...(review ? { caseId: review.caseId } : {}),
    });
  },
});
