/**
 * Monitor of a live stream's comments from many viewers: each viewer's comments are scored as that viewer's
 * side of a conversation with the streamer, and the stream is scored on its riskiest viewers and on pile-ons
 * (several viewers pressing at once). Memory is bounded: at most `maxViewers` viewers are tracked (the least
 * recently active are forgotten), each with a small window and evidence list.
 */
import { checkMessage } from './check-message.ts';
import { ConversationState, type ConversationStateOptions } from './conversation-state.ts';
import { sigmoid } from './learned-model.ts';
import { nthSmallest } from './nth-smallest.ts';
import { checkCount, checkThreshold } from './options.ts';
import type { AuthorTier, ChatMessage, Signal, SignalCategory } from './types.ts';

export interface CommentStreamMonitorOptions {
  threshold?: number;
  /** Viewers tracked at once (default 5000). */
  maxViewers?: number;
  /** Comments per viewer in the learned score's window (default 20). */
  maxCommentsPerViewer?: number;
  /** Signals kept as evidence per viewer (default 8). */
  maxSignalsPerViewer?: number;
  /** What the platform knows of the streamer; a child or teen streamer raises contact-type signals. */
  streamerTier?: AuthorTier;
  /** Comments over which pile-ons are counted (default 200). */
  pileOnWindow?: number;
  languages?: readonly string[];
}

export interface ViewerSummary {
  id: string;
  risk: number;
  categories: SignalCategory[];
}

export interface CommentStreamUpdate {
  viewer: { id: string; risk: number; warning: boolean; newSignals: Signal[] };
  stream: { risk: number; warning: boolean; topViewers: ViewerSummary[]; pressingViewers: number };
}

export interface CommentStreamMonitor {
  push(comment: ChatMessage): CommentStreamUpdate;
  /** The stream's state without adding a comment. */
  current(): { risk: number; warningAt: number | null; topViewers: ViewerSummary[]; trackedViewers: number; comments: number; pressingViewers: number };
  /** Evidence and risk of one tracked viewer, or undefined when not (or no longer) tracked. */
  viewer(id: string): ReturnType<ConversationState['assessment']> | undefined;
}

interface Viewer {
  state: ConversationState;
  lastSeen: number;
}

/** Categories that count a viewer as pressing the streamer in a pile-on. */
const pressing = new Set<SignalCategory>(['stream_pressure', 'image_request', 'sexual_talk', 'body_compliment', 'threat', 'supervision_check', 'platform_move']);
const TOP = 5;

/** Creates a comment-stream monitor (author = viewer id; comments without author count as "anonymous"). */
export function createCommentStreamMonitor(opts: CommentStreamMonitorOptions = {}): CommentStreamMonitor {
  const threshold = checkThreshold(opts.threshold);
  const maxViewers = checkCount('maxViewers', opts.maxViewers, 5000);
  const maxComments = checkCount('maxCommentsPerViewer', opts.maxCommentsPerViewer, 20);
  const maxSignals = checkCount('maxSignalsPerViewer', opts.maxSignalsPerViewer, 8);
  const window = checkCount('pileOnWindow', opts.pileOnWindow, 200);
  const streamerTier = opts.streamerTier;
  // The same for every viewer: one object, not one per viewer (a state keeps its options, never changes them).
  const viewerOptions: ConversationStateOptions = {
    threshold,
    maxMessages: maxComments,
    maxAuthors: 1,
    maxSignals,
    ...(streamerTier !== undefined && streamerTier !== 'unknown' ? { counterpartTier: streamerTier } : {}),
    ...(opts.languages ? { languages: opts.languages } : {}),
  };
  const viewers = new Map<string, Viewer>();
  /** Forgotten viewers' entries, to be reset for the next new viewers (at most the tenth forgotten in one pass). */
  const spare: Viewer[] = [];
  /** Scratch of the eviction pass: the tracked viewers' last-seen times. */
  let seen: Float64Array | undefined;
  const top: ViewerSummary[] = [];
  const recent: (string | null)[] = new Array(window).fill(null);
  const pressingCount = new Map<string, number>();
  let head = 0;
  let comments = 0;
  let streamPeak = 0;
  let streamWarningAt: number | null = null;

  const pileOnRisk = () => sigmoid(-4 + 1.2 * pressingCount.size - (streamerTier === 'adult' ? 1 : 0));

  function updateTop(id: string, state: ConversationState | undefined) {
    const i = top.findIndex((v) => v.id === id);
    if (i >= 0) top.splice(i, 1);
    // Only viewers with evidence are listed: a base-rate risk without signals says nothing about a viewer.
    const evidence = state?.authorRisks()[0];
    if (!state || !evidence) return;
    const entry: ViewerSummary = { id, risk: state.peakRisk, categories: evidence.categories };
    let at = top.findIndex((v) => v.risk < entry.risk);
    if (at < 0) at = top.length;
    if (at < TOP) top.splice(at, 0, entry);
    if (top.length > TOP) top.length = TOP;
  }

  /**
   * The viewer's state, made (or a forgotten viewer's reset) on first comment. Beyond maxViewers the least
   * recently active tenth is forgotten in one pass (amortised; no per-comment reordering of the map).
   */
  function viewerState(id: string, now: number): ConversationState {
    const known = viewers.get(id);
    if (known) {
      known.lastSeen = now;
      return known.state;
    }
    if (viewers.size >= maxViewers) {
      const keep = Math.floor(maxViewers * 0.9);
      if (seen === undefined || seen.length < viewers.size) seen = new Float64Array(viewers.size);
      let n = 0;
      for (const v of viewers.values()) seen[n++] = v.lastSeen;
      // The last-seen time up to which viewers are forgotten: selected, not sorted (a pass every tenth of
      // maxViewers comments in a churning stream).
      const cutoff = nthSmallest(seen, viewers.size - keep - 1, n);
      // forEach, not for…of over entries: no [id, viewer] pair is made per tracked viewer.
      viewers.forEach((v, vid) => {
        if (v.lastSeen > cutoff) return;
        viewers.delete(vid);
        updateTop(vid, undefined);
        // Kept for a new viewer, not dropped: a new state per viewer, collected soon after, was the churn's
        // main cost.
        spare.push(v);
      });
    }
    let v = spare.pop();
    if (v) {
      // Reset now, not when forgotten: the state's memory is then in the cache for this viewer's comment.
      v.state.reset();
      v.lastSeen = now;
    } else v = { state: new ConversationState(viewerOptions), lastSeen: now };
    viewers.set(id, v);
    return v.state;
  }

  const streamRisk = () => Math.max(top[0]?.risk ?? 0, pileOnRisk());

  return {
    push(comment) {
      const c = checkMessage(comment, comments);
      const index = comments++;
      const id = c.author ?? 'anonymous';
      const state = viewerState(id, index);
      const before = state.peakRisk;
      const { signals, crossed } = state.push(c);
      if (state.peakRisk !== before || signals.length > 0) updateTop(id, state);

      // Pile-on window: who pressed in the last `window` comments.
      const leaving = recent[head];
      if (leaving != null) {
        const n = pressingCount.get(leaving)! - 1;
        if (n === 0) pressingCount.delete(leaving);
        else pressingCount.set(leaving, n);
      }
      const presses = signals.some((s) => pressing.has(s.category));
      recent[head] = presses ? id : null;
      if (presses) pressingCount.set(id, (pressingCount.get(id) ?? 0) + 1);
      head = (head + 1) % window;

      const risk = streamRisk();
      if (risk > streamPeak) streamPeak = risk;
      let streamWarning = false;
      if (streamWarningAt === null && risk >= threshold) {
        streamWarningAt = index;
        streamWarning = true;
      }
      return {
        viewer: { id, risk: state.peakRisk, warning: crossed, newSignals: signals },
        stream: { risk, warning: streamWarning, topViewers: top.slice(), pressingViewers: pressingCount.size },
      };
    },
    current: () => ({ risk: streamRisk(), warningAt: streamWarningAt, topViewers: top.slice(), trackedViewers: viewers.size, comments, pressingViewers: pressingCount.size }),
    viewer: (id) => viewers.get(id)?.state.assessment(),
  };
}
