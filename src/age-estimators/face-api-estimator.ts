/**
 * Optional on-device facial age estimator: @vladmandic/face-api on TensorFlow.js with the WebAssembly
 * backend (model weights ship inside the package; nothing is downloaded). Its published error is about 4.8
 * years at ages 9–18, so its provider name is on the policy's weak list: its estimate can ask for an age
 * check, never decide a tier or clear a check.
 *
 * The packages are not dependencies of Lifeguard (together ~330 MB). To enable:
 *   npm install @vladmandic/face-api @tensorflow/tfjs @tensorflow/tfjs-backend-wasm
 * or pass `from`: a directory whose node_modules holds them.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { unavailable } from '../core/lifeguard-error.ts';
import type { AgeEstimateResult, AgeEstimator, EstimatorImage } from './provider.ts';

/** Provider name of this estimator (listed in the default policy's `age.estimation.weakProviders`). */
export const FACE_API_PROVIDER = 'face-api-on-device';

export interface FaceApiEstimatorOptions {
  /** Resolve the packages from this directory instead of Lifeguard's own node_modules. */
  from?: string;
  /** Minimum face-detection score (default 0.5). */
  minFaceScore?: number;
}

/** The few face-api calls used here. */
interface FaceApi {
  tf: {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
  };
  nets: { ssdMobilenetv1: { loadFromDisk(dir: string): Promise<void> }; ageGenderNet: { loadFromDisk(dir: string): Promise<void> } };
  SsdMobilenetv1Options: new (o: { minConfidence: number }) => unknown;
  detectSingleFace(input: unknown, options: unknown): {
    withAgeAndGender(): Promise<{ age: number; detection: { score: number } } | undefined>;
  };
}

/** Loads face-api and its models; throws `face_api_unavailable` when the packages are not installed. */
export async function createFaceApiEstimator(opts: FaceApiEstimatorOptions = {}): Promise<AgeEstimator> {
  const require = createRequire(opts.from ? join(opts.from, 'package.json') : import.meta.url);
  let faceapi: FaceApi;
  let modelDir: string;
  try {
    require('@tensorflow/tfjs');
    require('@tensorflow/tfjs-backend-wasm');
    faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  } catch (e) {
    throw unavailable(
      'face_api_unavailable',
      'the on-device age estimator needs @vladmandic/face-api, @tensorflow/tfjs and @tensorflow/tfjs-backend-wasm installed',
      { cause: (e as Error).message },
    );
  }
  await faceapi.tf.setBackend('wasm');
  await faceapi.tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.ageGenderNet.loadFromDisk(modelDir);
  const detectorOptions = new faceapi.SsdMobilenetv1Options({ minConfidence: opts.minFaceScore ?? 0.5 });

  return {
    provider: FACE_API_PROVIDER,
    async estimate(image: EstimatorImage): Promise<AgeEstimateResult> {
      const { data, width, height } = await toRgb(image);
      const tensor = faceapi.tf.tensor3d(data, [height, width, 3], 'int32');
      try {
        const found = await faceapi.detectSingleFace(tensor, detectorOptions).withAgeAndGender();
        if (!found) return { kind: 'no_face', provider: FACE_API_PROVIDER };
        // face-api gives no confidence for the age itself; the detection score bounds it, halved because the
        // model's error at young ages is large. The policy treats this provider as weak either way.
        return { kind: 'estimate', age: found.age, confidence: found.detection.score / 2, method: 'facial_age_estimation', provider: FACE_API_PROVIDER };
      } finally {
        tensor.dispose();
      }
    },
  };
}

/** Interleaved RGB of an encoded or decoded image, at most 1024 px on the long side. */
async function toRgb(image: EstimatorImage): Promise<{ data: Uint8Array; width: number; height: number }> {
  const input =
    image instanceof Uint8Array
      ? sharp(image, { limitInputPixels: 50_000_000 })
      : sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } });
  const { data, info } = await input
    .resize(1024, 1024, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}
