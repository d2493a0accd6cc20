/**
 * On-device facial age estimator: @vladmandic/face-api on TensorFlow.js with the WebAssembly backend. The
 * model weights ship inside the package (`model/`); nothing is downloaded. One face is detected (SSD
 * MobileNet v1), aligned with 68 landmarks and its age estimated (age-gender net).
 *
 * A WEAK signal by design: the model's error is large at the ages that matter (about 4.8 years at 9–18), so
 * its provider name is on the policy's `age.estimation.weakProviders` list, and its confidence is kept
 * under 0.5 (below the default `minConfidence` 0.6) so it stays weak even if a deployment edits that list.
 * A weak estimate can ask for an age check; it never decides a tier or clears a check.
 *
 * The packages are dependencies of Lifeguard; `from` loads them from another directory instead, and a
 * directory without them gives the `face_api_unavailable` error.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { unavailable } from '../core/lifeguard-error.ts';
import type { AgeEstimateResult, AgeEstimator, EstimatorImage } from './provider.ts';
import { toEstimatorRgb } from './estimator-rgb.ts';

/** Provider name of this estimator (listed in the default policy's `age.estimation.weakProviders`). */
export const FACE_API_PROVIDER = 'face-api-on-device';

/** The model's mean absolute error at ages 9–18 (years): the estimate's uncertainty, reported with each estimate. */
export const FACE_API_TYPICAL_ERROR_YEARS = 4.8;

/** The face-api build that runs on tfjs + tfjs-backend-wasm (the default entry needs tfjs-node). */
const ENTRY = '@vladmandic/face-api/dist/face-api.node-wasm.js';

export interface FaceApiEstimatorOptions {
  /** Resolve the packages from this directory (its node_modules) instead of Lifeguard's own. */
  from?: string;
  /** Minimum face-detection score, 0..1 (default 0.5). */
  minFaceScore?: number;
  /** Refuse images with more pixels than this (default 50 megapixels). */
  maxPixels?: number;
}

/** The few face-api calls used here (its `tf` re-exports all of @tensorflow/tfjs at run time). */
interface FaceApi {
  tf: {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
  };
  nets: Record<'ssdMobilenetv1' | 'faceLandmark68Net' | 'ageGenderNet', { loadFromDisk(dir: string): Promise<void> }>;
  SsdMobilenetv1Options: new (o: { minConfidence: number; maxResults: number }) => unknown;
  detectAllFaces(
    input: unknown,
    options: unknown,
  ): { withFaceLandmarks(): { withAgeAndGender(): Promise<Array<{ age: number; detection: { score: number } }>> } };
}

/** One load per face-api copy: tfjs and the nets are process-wide singletons. */
const loaded = new Map<string, Promise<FaceApi>>();

/** Loads face-api and its models; throws `face_api_unavailable` when the packages are not installed. */
export async function createFaceApiEstimator(opts: FaceApiEstimatorOptions = {}): Promise<AgeEstimator> {
  const faceapi = await loadFaceApi(opts.from);
  const minFaceScore = opts.minFaceScore ?? 0.5;
  const maxPixels = opts.maxPixels ?? 50_000_000;
  const detectorOptions = new faceapi.SsdMobilenetv1Options({ minConfidence: minFaceScore, maxResults: 2 });
  // One image at a time through the model: bounds memory and keeps tfjs scopes from interleaving.
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (image: EstimatorImage): Promise<AgeEstimateResult> => {
    const { data, width, height } = await toEstimatorRgb(image, maxPixels);
    const tensor = faceapi.tf.tensor3d(data, [height, width, 3], 'int32');
    try {
      // Up to two faces: one is estimated, two or more are refused (whose age would it be?).
      const faces = await faceapi.detectAllFaces(tensor, detectorOptions).withFaceLandmarks().withAgeAndGender();
      const found = faces[0];
      if (!found) return { kind: 'no_face', provider: FACE_API_PROVIDER };
      if (faces.length > 1) return { kind: 'several_faces', provider: FACE_API_PROVIDER };
      // face-api gives no confidence for the age itself; the detection score bounds it, halved because the
      // model's error at young ages is large.
      const age = Math.min(130, Math.max(0, found.age));
      return { kind: 'estimate', age, confidence: found.detection.score / 2, method: 'facial_age_estimation', provider: FACE_API_PROVIDER };
    } finally {
      tensor.dispose();
    }
  };

  return {
    provider: FACE_API_PROVIDER,
    modelVersion: faceApiVersion(opts.from),
    typicalErrorYears: FACE_API_TYPICAL_ERROR_YEARS,
    estimate(image: EstimatorImage): Promise<AgeEstimateResult> {
      const result = queue.then(() => run(image));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** `face-api@<version>`: the package that carries the model weights. */
function faceApiVersion(from: string | undefined): string {
  const base = createRequire(from !== undefined ? join(resolve(from), 'package.json') : import.meta.url);
  try {
    return `face-api@${(base('@vladmandic/face-api/package.json') as { version: string }).version}`;
  } catch {
    return 'face-api@unknown';
  }
}

async function loadFaceApi(from: string | undefined): Promise<FaceApi> {
  const base = createRequire(from !== undefined ? join(resolve(from), 'package.json') : import.meta.url);
  let entry: string;
  try {
    entry = base.resolve(ENTRY);
    // face-api requires these itself; resolve them from where it will, to fail early and clearly.
    const own = createRequire(entry);
    own.resolve('@tensorflow/tfjs');
    own.resolve('@tensorflow/tfjs-backend-wasm');
  } catch (e) {
    throw unavailable(
      'face_api_unavailable',
      'the on-device age estimator needs @vladmandic/face-api, @tensorflow/tfjs and @tensorflow/tfjs-backend-wasm installed',
      { from: from ?? null, cause: (e as Error).message.split('\n')[0] },
    );
  }
  let p = loaded.get(entry);
  if (p === undefined) {
    p = initFaceApi(base, entry);
    loaded.set(entry, p);
    p.catch(() => loaded.delete(entry));
  }
  return p;
}

async function initFaceApi(req: NodeJS.Require, entry: string): Promise<FaceApi> {
  const modelDir = join(dirname(dirname(entry)), 'model');
  try {
    const faceapi = req(entry) as FaceApi;
    if (!(await faceapi.tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialise');
    await faceapi.tf.ready();
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
    await faceapi.nets.ageGenderNet.loadFromDisk(modelDir);
    return faceapi;
  } catch (e) {
    throw unavailable('face_api_load_failed', 'the on-device age estimator could not load its backend or model weights', {
      modelDir,
      cause: (e as Error).message.split('\n')[0],
    });
  }
}
