/** Answers of the action checks: allow or deny, a stable code and a reason a person can read. */

export const checkCodes = [
  'allowed',
  'blocked',
  'not_connected',
  'dms_off',
  'below_min_age',
  'age_check_required',
  'stream_ended',
  'stream_paused',
  'viewer_removed',
  'comments_held',
  'viewer_held',
  'stream_restricted',
  'comments_off',
  'gifts_off',
  'gifts_disabled',
  'recording_off',
  'not_discoverable',
  'no_suggestions',
  'location_off',
] as const;
export type CheckCode = (typeof checkCodes)[number];

export interface CheckResult {
  readonly allow: boolean;
  readonly code: CheckCode;
  readonly reason: string;
}

/** A frozen answer, built once so the hot path allocates nothing. */
export function answer(allow: boolean, code: CheckCode, reason: string): CheckResult {
  return Object.freeze({ allow, code, reason });
}
