/**
 * The service's on-device age estimator, loaded lazily once per process (the model takes ~0.5 s to load) on
 * the first estimate; a failed load is forgotten so the next request tries again.
 */
import { createFaceApiEstimator } from '../age-estimators/face-api-estimator.ts';
import type { AgeEstimator } from '../age-estimators/provider.ts';

let instance: Promise<AgeEstimator> | undefined;

/** The process's estimator (the same promise for every caller). */
export function serviceAgeEstimator(): Promise<AgeEstimator> {
  if (instance === undefined) {
    const p = createFaceApiEstimator();
    instance = p;
    p.catch(() => {
      if (instance === p) instance = undefined;
    });
  }
  return instance;
}
