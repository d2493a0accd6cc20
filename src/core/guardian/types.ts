/** Public types of the live-stream guardian. */
import type { AgeSignalEntry } from '../age/age-entry.ts';
import type { AgeDecision } from '../age/decide-age.ts';
import type { AgeTier } from '../age/age-tiers.ts';
import type { Effect } from '../effects.ts';
import type { PlatformEvent, PlatformEventOf } from '../events.ts';
import type { SignalCategory } from '../grooming/types.ts';
import type { Policy } from '../safety-policy/policy-schema.ts';
import type { CheckStream } from '../safety-policy/safety-checks.ts';
import type { Relation, StreamAudience } from '../safety-policy/relations.ts';
import type { StreamAskKind } from './stream-asks.ts';

/** A frame's PDQ hash found in a bank of known content. */
export interface KnownMatch {
  /** Bank entry (or hash-list row) id. */
  id: string;
  distance: number;
  bank?: string;
  category?: string;
  /**
   * The entry's sources. An entry whose sources are all `video:<id>:<frames>` is a frame of a banked video:
   * such frames accumulate per stream (policy `matching.video`); any other match ends the stream at once.
   */
  sources?: readonly string[];
}

/** Looks a frame's PDQ hash (64 hex chars) up in the banks; injected so the core stays pure. */
export type FrameMatcher = (pdqHex: string) => readonly KnownMatch[];

/** An optional frame classifier (e.g. a nudity or weapon model run by the platform), as scored labels. */
export type FrameClassifier = (frame: PlatformEventOf<'stream.frame'>) => readonly { label: string; score: number }[];

export interface GuardianOptions {
  policy: Policy;
  frameMatcher?: FrameMatcher;
  frameClassifier?: FrameClassifier;
  /** Time for events without a `ts` (epoch ms). Default: the last event's time, so replays are deterministic. */
  now?: () => number;
  /** Country for help resources when an account carries none (default: the policy's `support.defaultCountry`). */
  country?: string;
  /** Read ages stated in chat messages into age records (default true). */
  chatAgeDisclosures?: boolean;
  /**
   * Told of every age an account states about itself in a chat message or comment, before the guardian
   * decides whether it changes anything here, so the caller can record it durably (the pipeline does).
   */
  onAgeDisclosure?: (accountId: string, entry: AgeSignalEntry) => void;
  /** Bounds: accounts with age records, remembered event ids, remembered ended streams. */
  maxAccounts?: number;
  maxSeenEvents?: number;
  maxEndedStreams?: number;
}

export interface Guardian {
  /** Feeds one event; returns the new effects it asks for (none twice: replays and repeats are deduplicated). */
  handle(event: PlatformEvent): Effect[];
  /** Current risk of a live stream, or the last state of a remembered ended one; undefined when unknown. */
  streamRisk(streamId: string): StreamRiskView | undefined;
  /** Current risk of one viewer of a live stream, or undefined when unknown. */
  viewerRisk(streamId: string, viewerId: string): ViewerRiskView | undefined;
  /** The restrictions of a stream in the form the action checks take (`canComment(viewer, access)`); ended streams say so. */
  streamAccess(streamId: string): CheckStream | undefined;
  /** The age decision of an account the guardian has age signals for. */
  ageDecision(accountId: string): AgeDecision | undefined;
  /** Live streams tracked. */
  liveStreams(): number;
}

export interface StreamRiskView {
  streamId: string;
  streamerId: string;
  streamerTier: AgeTier;
  audience: StreamAudience;
  /** The latest risk; for an ended stream, its risk when it ended. */
  risk: number;
  /** The highest risk the stream reached, and when (epoch ms). */
  peak: number;
  peakAt: number | null;
  components: { viewers: number; coordination: number; strangerFlood: number; gifts: number; reports: number };
  /** `ended`: the guardian asked for the stream to end, or it ended. */
  restrictions: { connectionsOnly: boolean; giftsDisabled: boolean; paused: boolean; ended: boolean };
  /** The platform ended the stream (`stream.ended`): this is its last state, kept for reviewers. */
  ended: boolean;
  endedAt: number | null;
  viewers: number;
  topViewers: { id: string; risk: number }[];
  /** Signal categories (and `dare`) among the top, held and removed viewers: how many viewers showed each. */
  signals: { category: string; count: number }[];
  /** Viewers acted on (bounded lists; the effects name every one). */
  heldViewers: string[];
  removedViewers: string[];
  /** Viewers with no connection whose asks added up to stream risk, with what each asked (the last window). */
  coordinatedViewers: { id: string; asks: StreamAskKind[] }[];
}

export interface ViewerRiskView {
  viewerId: string;
  streamId: string;
  tier: AgeTier;
  relation: Relation;
  risk: number;
  peak: number;
  detectorRisk: number;
  evidenceRisk: number;
  reportRisk: number;
  contextFactor: number;
  categories: SignalCategory[];
  /** What the viewer asked of the streamer (stream asks, including dares). */
  asks: StreamAskKind[];
  reports: number;
  held: boolean;
  removed: boolean;
  present: boolean;
}
