/** The guardian's per-stream state: bounded, updated in place, one event at a time. */
import type { AgeTier } from '../age/age-tiers.ts';
import type { GuardianPolicy } from './guardian-policy.ts';
import type { EvidenceRef } from '../effects.ts';
import type { CommentStreamMonitor } from '../grooming/index.ts';
import type { SignalCategory } from '../grooming/types.ts';
import type { Relation, StreamAudience } from '../safety-policy/relations.ts';
import type { StreamVideo } from './stream-videos.ts';

/** Evidence items kept per viewer (the newest win). */
export const MAX_VIEWER_EVIDENCE = 8;
/** Distinct reporters remembered per viewer and per stream. */
export const MAX_REPORTERS = 64;
/** Contributors kept in a stream's pile of coordinated asks (the oldest leave first). */
export const MAX_PILE = 32;

/**
 * The times of the last `capacity` occurrences, so "n within the last window" is exact for n up to the
 * capacity, in O(capacity) time and fixed memory.
 */
export class RecentTimes {
  private readonly times: Float64Array;
  private head = 0;
  private size = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(Math.max(1, capacity));
  }

  /** Records an occurrence at `t`; returns how many of the kept occurrences fall within `windowMs` of it. */
  add(t: number, windowMs: number): number {
    this.times[this.head] = t;
    this.head = (this.head + 1) % this.times.length;
    if (this.size < this.times.length) this.size++;
    return this.within(t, windowMs);
  }

  /** Occurrences kept that fall within `windowMs` before `t`. */
  within(t: number, windowMs: number): number {
    let n = 0;
    for (let i = 0; i < this.size; i++) if (t - this.times[i]! <= windowMs) n++;
    return n;
  }
}

export interface ViewerState {
  id: string;
  tier: AgeTier;
  relation: Relation;
  createdAt: number | null;
  priorFlags: number;
  present: boolean;
  /** Weight of this viewer's comments given who they are (see policy `guardian.context`). */
  factor: number;
  /** Comments (and gift messages) this viewer sent that went through the detector. */
  comments: number;
  detectorRisk: number;
  evidenceRisk: number;
  risk: number;
  peak: number;
  /** This viewer's term in the stream's viewer component: log(1 - risk) while present and above the floor. */
  term: number;
  /** How often each category was seen (each repeat adds less evidence than the one before). */
  categories: Map<SignalCategory, number>;
  evidence: EvidenceRef[];
  reporters: Set<string>;
  /** Risk from distinct viewers' reports about this viewer; not discounted by the context weights. */
  reportRisk: number;
  gifts: RecentTimes;
  held: boolean;
  removed: boolean;
  /** Mask of the stream asks (see stream-asks.ts) this viewer made. */
  asks: number;
  /** Dares for likes or gifts this viewer made (each adds less evidence than the one before). */
  dares: number;
  /** A threat at or above `imminentMinWeight` was seen from this viewer. */
  imminent: boolean;
}

/** One viewer's part in a pile of coordinated asks on a stream. */
export interface PileEntry {
  /** Time of the viewer's latest ask. */
  at: number;
  /** Mask of the asks the viewer made in the window. */
  mask: number;
  /** min(1, context weight × heaviest ask weight). */
  weight: number;
  /** The viewer's first ask in the window and their latest one. */
  evidence: EvidenceRef[];
}

export interface StreamState {
  id: string;
  streamerId: string;
  streamerTier: AgeTier;
  streamerCountry: string | undefined;
  audience: StreamAudience;
  startedAt: number;
  viewers: Map<string, ViewerState>;
  monitor: CommentStreamMonitor;
  /**
   * Σ log(1 - risk) over viewers above the floor who are present and not yet held or removed (their risk is
   * contained): the viewer component is 1 - exp(sum), kept incrementally.
   */
  viewerLogSum: number;
  strangerJoins: RecentTimes;
  strangerGifts: RecentTimes;
  reporters: Set<string>;
  risk: number;
  peak: number;
  connectionsOnly: boolean;
  giftsDisabled: boolean;
  paused: boolean;
  ended: boolean;
  held: Set<string>;
  removed: Set<string>;
  /** Dedupe keys of effects already asked for on this stream. */
  emitted: Set<string>;
  /** Viewers with no connection who each asked something (oldest first; bounded by MAX_PILE). */
  pile: Map<string, PileEntry>;
  /** The pile's risk and contributors, valid until `until` (the first contribution leaving the window). */
  pileCache: { risk: number; viewers: number; from: number; until: number };
  /** Time of the stream's peak risk. */
  peakAt: number | null;
  /** Time of the event being handled. */
  now: number;
  /** Frames with a PDQ hash seen on the stream. */
  frames: number;
  /** Banked videos whose frames appeared on the stream (bounded by MAX_STREAM_VIDEOS). */
  videos: Map<string, StreamVideo>;
}

/** Adds `v` to a set unless it is full. */
export function addBounded<T>(set: Set<T>, v: T, max: number): void {
  if (set.size < max || set.has(v)) set.add(v);
}

/** Appends evidence, dropping the oldest beyond the bound. */
export function pushEvidence(list: EvidenceRef[], e: EvidenceRef): void {
  list.push(e);
  if (list.length > MAX_VIEWER_EVIDENCE) list.shift();
}

/** A viewer first seen on a stream. */
export function newViewerState(id: string, tier: AgeTier, createdAt: number | null, priorFlags: number, giftWindow: number): ViewerState {
  return {
    id,
    tier,
    relation: 'none',
    createdAt,
    priorFlags,
    present: true,
    factor: 1,
    comments: 0,
    detectorRisk: 0,
    evidenceRisk: 0,
    risk: 0,
    peak: 0,
    term: 0,
    categories: new Map(),
    evidence: [],
    reporters: new Set(),
    reportRisk: 0,
    gifts: new RecentTimes(giftWindow),
    held: false,
    removed: false,
    asks: 0,
    dares: 0,
    imminent: false,
  };
}

/** A stream that just started. */
export function newStreamState(
  id: string,
  streamerId: string,
  streamerTier: AgeTier,
  streamerCountry: string | undefined,
  audience: StreamAudience,
  startedAt: number,
  monitor: CommentStreamMonitor,
  g: GuardianPolicy,
): StreamState {
  return {
    id,
    streamerId,
    streamerTier,
    streamerCountry,
    audience,
    startedAt,
    viewers: new Map(),
    monitor,
    viewerLogSum: 0,
    strangerJoins: new RecentTimes(g.strangerFlood.count),
    strangerGifts: new RecentTimes(g.giftPressure.count),
    reporters: new Set(),
    risk: 0,
    peak: 0,
    connectionsOnly: false,
    giftsDisabled: false,
    paused: false,
    ended: false,
    held: new Set(),
    removed: new Set(),
    emitted: new Set(),
    pile: new Map(),
    pileCache: { risk: 0, viewers: 0, from: -Infinity, until: Infinity },
    peakAt: null,
    now: startedAt,
    frames: 0,
    videos: new Map(),
  };
}
