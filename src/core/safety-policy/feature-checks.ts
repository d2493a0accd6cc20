/**
 * Every child-safe default as a check: one registry of the features a platform asks about at the moment of
 * action, each with its inputs and the tier setting that decides it. The HTTP routes (POST /v1/checks/<name>),
 * their OpenAPI and the README table are generated from this list.
 */
import type { AgeTier } from '../age/age-tiers.ts';
import { answer, type CheckResult } from './check-result.ts';
import { isConnection, type Relation } from './relations.ts';
import type { CheckStream, CheckViewer, SafetyChecks } from './safety-checks.ts';
import type { TierSettings } from './tier-settings.ts';

/**
 * What a check is asked about:
 * - `viewer_stream`: a viewer (id, tier, relation to the streamer) and a stream;
 * - `account_pair`: an account, the other account it would be shown to, and their relation;
 * - `account_audience`: an account and the relation of whoever would receive what it shares.
 */
export const featureInputKinds = ['viewer_stream', 'account_pair', 'account_audience'] as const;
export type FeatureInputKind = (typeof featureInputKinds)[number];

export interface FeatureCheckDef {
  /** The route is POST /v1/checks/<name>. */
  readonly name: string;
  readonly question: string;
  readonly inputs: FeatureInputKind;
  /** The tier setting that decides it (of the streamer or of the account asked about); null: the stream's audience. */
  readonly setting: keyof TierSettings | null;
}

export const featureChecks = [
  { name: 'record', question: 'May this viewer record or clip this stream?', inputs: 'viewer_stream', setting: 'streamRecording' },
  { name: 'view', question: 'May this viewer watch this stream?', inputs: 'viewer_stream', setting: null },
  { name: 'discoverable', question: 'May this account be shown in search to that one?', inputs: 'account_pair', setting: 'discoverable' },
  { name: 'suggest', question: 'May this account be suggested (follow or friend suggestions) to that one? Both tiers must allow suggestions.', inputs: 'account_pair', setting: 'friendSuggestions' },
  { name: 'location', question: 'May this account share its location with that audience?', inputs: 'account_audience', setting: 'location' },
] as const satisfies readonly FeatureCheckDef[];

export type FeatureCheck = (typeof featureChecks)[number];
export type FeatureCheckName = FeatureCheck['name'];

/** Inputs of a feature check, by input kind. */
export interface FeatureInputs {
  viewer_stream: { viewer: CheckViewer; stream: CheckStream };
  account_pair: { account: { tier: AgeTier }; other: { tier: AgeTier }; relation: Relation };
  account_audience: { account: { tier: AgeTier }; relation: Relation };
}
export type FeatureInputOf<N extends FeatureCheckName> = FeatureInputs[Extract<FeatureCheck, { name: N }>['inputs']];

export type FeatureCheckRunner = <N extends FeatureCheckName>(name: N, input: FeatureInputOf<N>) => CheckResult;

const ALLOWED = answer(true, 'allowed', 'allowed by policy');
const BLOCKED = answer(false, 'blocked', 'one of the accounts has blocked the other');
const NOT_DISCOVERABLE = answer(false, 'not_discoverable', 'this account is shown in search only to its connections');
const NO_SUGGESTIONS = answer(false, 'no_suggestions', 'this account is not suggested to people who are not its connections');
const NO_SUGGESTIONS_TO = answer(false, 'no_suggestions', 'this account is not suggested to a younger (or not yet age-checked) account it is not connected to');
const LOCATION_OFF = answer(false, 'location_off', 'location sharing is off for this account');
const LOCATION_CONNECTIONS = answer(false, 'not_connected', 'this account shares its location with its connections only');

/**
 * Builds the runner of the feature checks over the policy's checks (once; answers are frozen constants). Discoverability
 * and suggestions: a connection may always find the account; anyone else only if the account's tier allows.
 * Suggestions go both ways: an account whose tier gets no suggestions (a child) is not shown strangers either.
 */
export function createFeatureChecks(checks: SafetyChecks): FeatureCheckRunner {
  const shown = (setting: 'discoverable' | 'friendSuggestions', denied: CheckResult, deniedToOther?: CheckResult) => (i: FeatureInputs['account_pair']) => {
    if (i.relation === 'blocked') return BLOCKED;
    if (isConnection(i.relation)) return ALLOWED;
    if (!checks.settingsFor(i.account.tier)[setting]) return denied;
    if (deniedToOther !== undefined && !checks.settingsFor(i.other.tier)[setting]) return deniedToOther;
    return ALLOWED;
  };
  const run: { [N in FeatureCheckName]: (input: FeatureInputOf<N>) => CheckResult } = {
    record: (i) => checks.canRecord(i.viewer, i.stream),
    view: (i) => checks.canView(i.viewer, i.stream),
    discoverable: shown('discoverable', NOT_DISCOVERABLE),
    suggest: shown('friendSuggestions', NO_SUGGESTIONS, NO_SUGGESTIONS_TO),
    location(i) {
      const setting = checks.settingsFor(i.account.tier).location;
      if (setting === 'off') return LOCATION_OFF;
      if (i.relation === 'blocked') return BLOCKED;
      if (setting === 'everyone' || isConnection(i.relation)) return ALLOWED;
      return LOCATION_CONNECTIONS;
    },
  };
  return (name, input) => (run[name] as (i: typeof input) => CheckResult)(input);
}

/** The README table of the feature checks (the README's copy is tested against this). */
export function featureChecksTable(): string {
  const rows = featureChecks.map((f) => `| \`POST /v1/checks/${f.name}\` | ${f.question} | ${f.setting === null ? "the stream's audience and live restrictions" : `\`tiers.<tier>.${f.setting}\``} |`);
  return ['| Check | Question | Decided by |', '|---|---|---|', ...rows].join('\n');
}
