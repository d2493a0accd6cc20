/**
 * POST /v1/age/estimate: one face image → an on-device age estimate (face-api, in this process), recorded as a
 * weak `estimation` age signal for the account through the event intake, so the account's age decision
 * follows. A weak estimate never clears a check on its own; it can only ask for a stronger one.
 * Privacy: the image is held in memory for the request only — never stored, logged or sent anywhere.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { estimateToAgeSignal } from '../../age-estimators/provider.ts';
import { LifeguardError, unsupported } from '../../core/lifeguard-error.ts';
import { serviceAgeEstimator } from '../age-estimator-instance.ts';
import { readUpload } from '../read-upload.ts';
import { validate } from '../request-body.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';
import { ageDecisionView } from './account-age-get.ts';

const estimateQuery = z.object({ account: z.string().min(1).max(200) });

/** The answer of POST /v1/age/estimate. */
export const ageEstimateView = z.object({
  accountId: z.string(),
  age: z.number().describe('Estimated age in years (one decimal).'),
  confidence: z.number().describe('0..1; kept under 0.5: a weak signal.'),
  uncertaintyYears: z.number().nullable().describe("The model's typical error in years at ages 9–18."),
  provider: z.string(),
  modelVersion: z.string().nullable().describe("The model's version, stored with the estimation signal."),
  signal: z.object({ id: z.string(), method: z.literal('estimation'), duplicate: z.boolean() }),
  decision: ageDecisionView.nullable().describe("The account's age decision with this signal folded in (as GET /v1/accounts/:id/age); null when this build has no age decisions."),
});

export const ageEstimate = defineRoute({
  method: 'post',
  path: '/v1/age/estimate',
  access: 'age:estimate',
  tag: 'age',
  summary: 'Estimate an age from one face image and record it as a weak estimation signal for the account.',
  description:
    'Send one image of one face as the raw body (Content-Type image/*) or as multipart/form-data field `file`, with `?account=ID`. ' +
    'The age is estimated on this server by an on-device model (face-api); the result is recorded as a weak `age.signal` (method `estimation`) through the event intake, and the answer carries the account\'s age decision with it folded in (as GET /v1/accounts/:id/age). ' +
    'A weak estimate never clears an age check on its own (the policy\'s challenge age asks for a stronger method); it can only ask for one. ' +
    'Privacy: the image is processed in memory for this request only — it is never stored, logged or sent anywhere; only the estimate, its confidence, the provider and the model version are kept, in the age signal. ' +
    'Limits as for uploads: LIFEGUARD_MAX_UPLOAD_BYTES (413 `body_too_large`) and LIFEGUARD_MAX_IMAGE_PIXELS (413 `image_too_large`).',
  // Documented here; checked in the handler, since a multipart upload may carry it as a field instead.
  query: estimateQuery.partial(),
  rawBody: { contentTypes: ['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream', 'multipart/form-data'], description: 'The image bytes, raw or as multipart field `file`.' },
  responses: {
    200: {
      description: 'The estimate and the age signal recorded for it.',
      schema: ageEstimateView,
    },
    400: { description: 'Empty or undecodable image (`empty_body`, `image_empty`, `image_truncated`, `image_decode_failed`, `malformed_multipart`) or no `account` (`invalid_query`).' },
    503: { description: 'Every decode slot is taken and the queue is full or slow (`decoder_busy`; retry after `Retry-After`), or the on-device estimator could not load (`face_api_unavailable`, `face_api_load_failed`).' },
    413: { description: 'Over LIFEGUARD_MAX_UPLOAD_BYTES (`body_too_large`) or LIFEGUARD_MAX_IMAGE_PIXELS (`image_too_large`).' },
    415: { description: 'Not an image (`unsupported_media_type`, `image_unsupported_format`).' },
    422: { description: 'No face found (`no_face`) or more than one face (`several_faces`): nothing is recorded.' },
  },
  async handle({ c, deps }) {
    const events = need(deps.services, 'events');
    const hashing = need(deps.services, 'hashing');
    const { limits } = deps.config;
    const upload = await readUpload(c.req.raw, limits.maxUploadBytes);
    const { account } = validate(estimateQuery, upload.fields, 'invalid_query', 'query');
    if (!/^(image\/|application\/octet-stream$)/.test(upload.mediaType)) {
      throw unsupported('unsupported_media_type', `expected an image (image/*, application/octet-stream or multipart), got '${upload.mediaType}'`);
    }
    // The header alone decides the pixel limit (413) before any pixel is decoded; the decode then waits for a
    // slot in the same decode queue as uploads (503 `decoder_busy` when it is full).
    const header = await hashing.probe(upload.bytes, limits.maxImagePixels);
    const estimator = await serviceAgeEstimator();
    const image = new Uint8Array(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength);
    const estimate = () => estimator.estimate(image);
    const r = await (hashing.decodeSlot ? hashing.decodeSlot(header.width * header.height, 3, estimate) : estimate());
    if (r.kind === 'no_face') throw new LifeguardError('no_face', 422, 'no face was found in the image: send a clear, front-facing picture of one face');
    if (r.kind === 'several_faces') throw new LifeguardError('several_faces', 422, 'more than one face was found in the image: send a picture of the one person whose age is to be estimated');
    const signal = estimateToAgeSignal(account, r, { id: `age-est-${randomUUID()}`, ts: deps.now(), ...(estimator.modelVersion !== undefined ? { modelVersion: estimator.modelVersion } : {}) })!;
    const appended = await events.append([signal]);
    // The decision reads the committed log, so it already includes this signal.
    const safety = deps.services.safety;
    safety?.forgetAge?.(account);
    const decision = safety?.ageDecision ? await safety.ageDecision(account) : undefined;
    return c.json({
      accountId: account,
      age: signal.age!,
      confidence: r.confidence,
      uncertaintyYears: estimator.typicalErrorYears ?? null,
      provider: r.provider,
      modelVersion: estimator.modelVersion ?? null,
      signal: { id: signal.id, method: 'estimation' as const, duplicate: appended.duplicates.length > 0 },
      decision: decision ? { accountId: account, ...decision } : null,
    });
  },
});
