/** The live-stream guardian: events in, effects out, risk per stream and per viewer. */
export { createGuardian } from './create-guardian.ts';
export { guardianPolicySchema, defaultCategoryFloors, type GuardianPolicy } from './guardian-policy.ts';
export type * from './types.ts';
export { parseEventLines, inTimeOrder, replayEvents, type RecordedEvent, type LineError, type ReplayDecision } from './replay-lines.ts';
