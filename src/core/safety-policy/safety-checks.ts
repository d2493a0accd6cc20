/**
 * Action checks the platform calls at the moment of action (can A message B, go live, comment, gift,
 * record). They sit on the hot path: every answer is a frozen constant built when the checks are created,
 * so a call does a few comparisons and allocates nothing.
 */
import { tierLowerBound, type AgeTier } from '../age/age-tiers.ts';
import { answer, type CheckResult } from './check-result.ts';
import type { Policy } from './policy-schema.ts';
import { isConnection, type Relation, type StreamAudience } from './relations.ts';
import type { TierSettings, WhoMay } from './tier-settings.ts';

/** An account as the checks need it. */
export interface CheckAccount {
  tier: AgeTier;
}

/** A viewer of a stream: their tier and their relation to the streamer. */
export interface CheckViewer {
  id: string;
  tier: AgeTier;
  relation: Relation;
}

/** A stream as the checks need it; the guardian's `streamAccess()` gives the live restrictions. */
export interface CheckStream {
  streamerTier: AgeTier;
  audience: StreamAudience;
  ended?: boolean;
  paused?: boolean;
  /** Restricted to connections by an intervention. */
  connectionsOnly?: boolean;
  giftsDisabled?: boolean;
  removedViewers?: ReadonlySet<string>;
  heldViewers?: ReadonlySet<string>;
}

export interface SafetyChecks {
  /** The settings (child-safe defaults) for a tier. */
  settingsFor(tier: AgeTier): Readonly<TierSettings>;
  /** May `sender` send a direct message to `recipient`? Both sides' settings must allow their relation. */
  canMessage(sender: CheckAccount, recipient: CheckAccount, relation: Relation): CheckResult;
  /** May `account` go live to `audience`? */
  canGoLive(account: CheckAccount, audience: StreamAudience): CheckResult;
  /** May `viewer` watch `stream`? */
  canView(viewer: CheckViewer, stream: CheckStream): CheckResult;
  /** May `viewer` comment on `stream`? */
  canComment(viewer: CheckViewer, stream: CheckStream): CheckResult;
  /** May `viewer` send a gift to `stream`? */
  canGift(viewer: CheckViewer, stream: CheckStream): CheckResult;
  /** May `viewer` record or clip `stream`? */
  canRecord(viewer: CheckViewer, stream: CheckStream): CheckResult;
}

const ALLOWED = answer(true, 'allowed', 'allowed by policy');
const BLOCKED = answer(false, 'blocked', 'one of the accounts has blocked the other');
const ENDED = answer(false, 'stream_ended', 'the stream has ended');
const PAUSED = answer(false, 'stream_paused', 'the stream is paused for safety');
const REMOVED = answer(false, 'viewer_removed', 'this viewer was removed from the stream');
const HELD = answer(false, 'comments_held', "this viewer's comments are held for review");
const GIFTS_HELD = answer(false, 'viewer_held', "this viewer's comments are held for review, so are their gifts (a gift can carry a message)");
const RESTRICTED = answer(false, 'stream_restricted', 'the stream is limited to connections for safety');
const GIFTS_DISABLED = answer(false, 'gifts_disabled', 'gifts are turned off on this stream for safety');

function who(setting: WhoMay, relation: Relation): boolean {
  if (setting === 'everyone') return true;
  if (setting === 'connections') return isConnection(relation);
  return relation === 'guardian';
}

/** Builds the checks for a policy (do it once; the checks are then allocation-free). */
export function createSafetyChecks(policy: Policy): SafetyChecks {
  const tiers = policy.tiers;
  const live = policy.live;
  const minAge: Record<StreamAudience, number> = {
    public: live.publicMinAge,
    connections: live.connectionsMinAge,
    supervised: live.supervisedMinAge,
  };
  const DM_NOT_CONNECTED = answer(false, 'not_connected', 'direct messages with this account are for its connections only');
  const DM_OFF = answer(false, 'dms_off', 'direct messages with this account are turned off');
  const NOT_CONNECTED_VIEW = answer(false, 'not_connected', 'this stream is for the streamer’s connections only');
  const tooYoung = {} as Record<StreamAudience, CheckResult>;
  const checkFirst = {} as Record<StreamAudience, CheckResult>;
  for (const a of ['public', 'connections', 'supervised'] as const) {
    tooYoung[a] = answer(false, 'below_min_age', `going live to ${a === 'public' ? 'everyone' : a === 'connections' ? 'connections' : 'a supervised audience'} needs age ${minAge[a]} or over`);
    checkFirst[a] = answer(false, 'age_check_required', `confirm your age to go live to ${a === 'public' ? 'everyone' : a}: it needs age ${minAge[a]} or over`);
  }
  const off = (what: string, code: 'comments_off' | 'gifts_off' | 'recording_off') => ({
    connections: answer(false, code, `${what} on this stream is for the streamer’s connections only`),
    nobody: answer(false, code, `${what} is turned off on this streamer’s streams`),
  });
  const commentsOff = off('commenting', 'comments_off');
  const giftsOff = off('gifting', 'gifts_off');
  const recordingOff = off('recording', 'recording_off');

  /** Shared gate for acting on a stream; null means "carry on checking". */
  function gate(viewer: CheckViewer, s: CheckStream): CheckResult | null {
    if (s.ended) return ENDED;
    if (viewer.relation === 'blocked') return BLOCKED;
    if (s.removedViewers?.has(viewer.id)) return REMOVED;
    if ((s.connectionsOnly || s.audience !== 'public') && !isConnection(viewer.relation)) {
      return s.connectionsOnly ? RESTRICTED : NOT_CONNECTED_VIEW;
    }
    return null;
  }

  function bySetting(setting: WhoMay, relation: Relation, denied: { connections: CheckResult; nobody: CheckResult }): CheckResult {
    if (who(setting, relation)) return ALLOWED;
    return setting === 'nobody' ? denied.nobody : denied.connections;
  }

  return {
    settingsFor: (tier) => tiers[tier],
    canMessage(sender, recipient, relation) {
      if (relation === 'blocked') return BLOCKED;
      const a = tiers[sender.tier].dm;
      const b = tiers[recipient.tier].dm;
      if (who(a, relation) && who(b, relation)) return ALLOWED;
      return a === 'nobody' || b === 'nobody' ? DM_OFF : DM_NOT_CONNECTED;
    },
    canGoLive(account, audience) {
      const need = minAge[audience];
      if (need <= 0) return ALLOWED;
      const lowest = tierLowerBound[account.tier];
      if (lowest === null) return checkFirst[audience];
      return lowest >= need ? ALLOWED : tooYoung[audience];
    },
    canView(viewer, s) {
      return gate(viewer, s) ?? ALLOWED;
    },
    canComment(viewer, s) {
      const g = gate(viewer, s);
      if (g !== null) return g;
      if (s.paused) return PAUSED;
      if (s.heldViewers?.has(viewer.id)) return HELD;
      return bySetting(tiers[s.streamerTier].streamComments, viewer.relation, commentsOff);
    },
    canGift(viewer, s) {
      const g = gate(viewer, s);
      if (g !== null) return g;
      if (s.paused) return PAUSED;
      if (s.giftsDisabled) return GIFTS_DISABLED;
      if (s.heldViewers?.has(viewer.id)) return GIFTS_HELD;
      return bySetting(tiers[s.streamerTier].streamGifts, viewer.relation, giftsOff);
    },
    canRecord(viewer, s) {
      return gate(viewer, s) ?? bySetting(tiers[s.streamerTier].streamRecording, viewer.relation, recordingOff);
    },
  };
}
