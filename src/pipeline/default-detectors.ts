/** The detectors the service runs: grooming on conversations, the live-stream guardian, and user reports. */
import type { FrameMatcher } from '../core/guardian/index.ts';
import { defaultPolicy, type Policy } from '../core/safety-policy/policy-schema.ts';
import type { EventProcessor } from './event-processor.ts';
import { createGroomingProcessor } from './grooming-processor.ts';
import { createGuardianProcessor } from './guardian-processor.ts';
import { createListProcessor, type TextListLookup } from './list-processor.ts';
import { createReportProcessor } from './report-processor.ts';

export interface DefaultDetectorOptions {
  /** The safety policy (default: the documented defaults). */
  policy?: Policy;
  /** Looks frame PDQ hashes up in the banks (frames are not matched without it). */
  frameMatcher?: FrameMatcher;
  /** Looks chat and comment text up in the URL and keyword lists (not checked without it). */
  textLists?: TextListLookup;
}

/** The standard detector set, in the order they see each event. */
export function createDefaultDetectors(opts: DefaultDetectorOptions = {}): EventProcessor[] {
  const policy = opts.policy ?? defaultPolicy();
  return [
    createGroomingProcessor(),
    createGuardianProcessor({ policy, ...(opts.frameMatcher ? { frameMatcher: opts.frameMatcher } : {}) }),
    createReportProcessor({ imminentReasons: policy.guardian.reports.imminentReasons }),
    ...(opts.textLists ? [createListProcessor(opts.textLists)] : []),
  ] as EventProcessor[];
}
