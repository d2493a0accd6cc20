/**
 * Monitor of a live stream's comments from many viewers: each viewer's comments are scored as that viewer's
 * side of a conversation with the streamer, and the stream is scored on its riskiest viewers and on pile-ons
 * (several viewers pressing at once). Memory is bounded: at most `maxViewers` viewers are tracked (the least
 * recently active are forgotten), each with a small window and evidence list.
 */
import { checkMessage } from './check-message.ts';
import { COORDINATED_STRANGERS_RISK, coordinatedStrangers, STRANGER_ASK_MIN, STRANGERS_MIN, type StrangerAsker } from './coordinated-strangers.ts';
import { askCategories } from './flag-rules.ts';
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
  stream: { risk: number; warning: boolean; topViewers: ViewerSummary[]; pressingViewers: number; coordinatedViewers: string[] };
}

export interface CommentStreamMonitor {
  push(comment: ChatMessage): CommentStreamUpdate;
  /** The stream's state without adding a comment. */
  current(): { risk: number; warningAt: number | null; topViewers: ViewerSummary[]; trackedViewers: number; comments: number; pressingViewers: number; coordinatedViewers: string[] };
  /** Evidence and risk of one tracked viewer, or undefined when not (or no longer) tracked. */
  viewer(id: string): ReturnType<ConversationState['assessment']> | undefined;
}

/**
 * A tracked viewer: their state, or — for a viewer who said one thing of no note while the stream churns
 * (see `quiet`) — just that comment, read again into a state if they comment again or are asked about.
 */
interface Viewer {
  state: ConversationState | undefined;
  lastSeen: number;
  /** Whether the viewer is kept as their one comment (then without a state). */
  kept: boolean;
  /** That comment: what ConversationState.push reads of it. */
  text: string;
  author: string | undefined;
  tier: AuthorTier | undefined;
}

/** Categories that count a viewer as pressing the streamer in a pile-on. */
const pressing = new Set<SignalCategory>(['stream_pressure', 'image_request', 'sexual_talk', 'body_compliment', 'threat', 'supervision_check', 'platform_move']);
const TOP = 5;
const asking = new Set<SignalCategory>(askCategories);

/** A first comment after which a viewer needs no state of their own: no signal, no warning. */
const quiet = (signals: readonly Signal[], crossed: boolean) => signals.length === 0 && !crossed;

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
    scoresAloneInShortChats: true,
    ...(streamerTier !== undefined && streamerTier !== 'unknown' ? { counterpartTier: streamerTier } : {}),
    ...(opts.languages ? { languages: opts.languages } : {}),
  };
  const viewers = new Map<string, Viewer>();
  /** Forgotten viewers' entries and states, to be reused for the next new viewers (at most the tenth forgotten in one pass). */
  const spare: Viewer[] = [];
  const spareStates: ConversationState[] = [];
  /**
   * Once the stream has had to forget viewers, a new viewer's first comment is read by this one state, reset for
   * each: most such viewers say one thing and are forgotten, and a state of their own, read once and cold by the
   * time it is reused, cost more than reading the comment. Whoever says something of note keeps it as their own.
   */
  let scratch: ConversationState | undefined;
  /** The viewer whose comment the scratch state read last (their own state, if they comment again straight away). */
  let scratchOf: Viewer | undefined;
  let churning = false;
  /** Scratch of the eviction pass: the tracked viewers' last-seen times. */
  let seen: Float64Array | undefined;
  const top: ViewerSummary[] = [];
  const recent: (string | null)[] = new Array(window).fill(null);
  const pressingCount = new Map<string, number>();
  /**
   * Viewers who asked one of the things strangers pile up (age, school, town, who is home, the room, another
   * app) within the window, with their strongest ask: read together as coordinated strangers, as a chat is
   * (coordinated-strangers.ts). Each viewer counts once however often they comment.
   */
  const recentAsk: (string | null)[] = new Array(window).fill(null);
  const askBy = new Map<string, StrangerAsker & { count: number }>();
  let strangers: string[] = [];
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

  /** A state for a viewer: a forgotten viewer's, reset, or a new one. */
  function freshState(): ConversationState {
    const state = spareStates.pop();
    if (state === undefined) return new ConversationState(viewerOptions);
    state.reset();
    return state;
  }

  /** The state of a tracked viewer kept as their one comment: that comment read again (or the scratch state that read it). */
  function stateOf(v: Viewer): ConversationState {
    if (v.state !== undefined) return v.state;
    let state: ConversationState;
    if (scratchOf === v) {
      state = scratch!;
      scratch = undefined;
      scratchOf = undefined;
    } else {
      state = freshState();
      const first: ChatMessage = { text: v.text };
      if (v.author !== undefined) first.author = v.author;
      if (v.tier !== undefined) first.authorTier = v.tier;
      state.push(first);
    }
    v.state = state;
    v.kept = false;
    v.text = '';
    return state;
  }

  /**
   * The viewer's entry, made (or a forgotten viewer's reused) on first comment, without a state: the caller
   * gives it one. Beyond maxViewers the least recently active tenth is forgotten in one pass (amortised; no
   * per-comment reordering of the map).
   */
  function viewerOf(id: string, now: number): Viewer {
    const known = viewers.get(id);
    if (known) {
      known.lastSeen = now;
      return known;
    }
    if (viewers.size >= maxViewers) {
      churning = true;
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
        // main cost. The state is reset when it is reused (its memory is then in the cache for that comment).
        if (v.state !== undefined) spareStates.push(v.state);
        if (scratchOf === v) scratchOf = undefined;
        v.state = undefined;
        v.kept = false;
        v.text = '';
        spare.push(v);
      });
    }
    let v = spare.pop();
    if (v) v.lastSeen = now;
    else v = { state: undefined, lastSeen: now, kept: false, text: '', author: undefined, tier: undefined };
    viewers.set(id, v);
    return v;
  }

  const streamRisk = () => Math.max(top[0]?.risk ?? 0, pileOnRisk(), strangers.length > 0 ? COORDINATED_STRANGERS_RISK : 0);

  /** Counts this comment's strongest ask in the window and reads the askers together again. */
  function updateAsks(id: string, signals: readonly Signal[], tier: AuthorTier | undefined) {
    const leaving = recentAsk[head];
    let changed = false;
    if (leaving != null) {
      const a = askBy.get(leaving)!;
      if (--a.count === 0) askBy.delete(leaving);
      changed = true;
    }
    let best: Signal | undefined;
    for (const sig of signals) if (asking.has(sig.category) && sig.weight >= STRANGER_ASK_MIN && (best === undefined || sig.weight > best.weight)) best = sig;
    recentAsk[head] = best ? id : null;
    if (best) {
      const a = askBy.get(id);
      if (a === undefined) askBy.set(id, { author: id, askWeight: best.weight, askCategory: best.category, messages: 1, tier: tier ?? 'unknown', tierKnown: tier !== undefined && tier !== 'unknown', count: 1 });
      else {
        a.count++;
        if (best.weight > a.askWeight) {
          a.askWeight = best.weight;
          a.askCategory = best.category;
        }
      }
      changed = true;
    }
    if (!changed) return;
    if (askBy.size < STRANGERS_MIN) {
      if (strangers.length > 0) strangers = [];
      return;
    }
    const found = coordinatedStrangers(askBy.values(), streamerTier);
    strangers = found ? found.map((a) => a.author) : [];
  }

  return {
    push(comment) {
      const c = checkMessage(comment, comments);
      const index = comments++;
      const id = c.author ?? 'anonymous';
      const v = viewerOf(id, index);
      let state: ConversationState;
      // A new viewer of a churning stream is read by the scratch state; any other viewer by their own.
      const first = v.state === undefined && !v.kept && churning;
      if (first) {
        if (scratch === undefined) scratch = freshState();
        else scratch.reset();
        state = scratch;
        scratchOf = v;
      } else state = v.state ?? (v.kept ? stateOf(v) : (v.state = freshState()));
      const before = state.peakRisk;
      const { signals, crossed } = state.push(c);
      if (state.peakRisk !== before || signals.length > 0) updateTop(id, state);
      if (first) {
        if (quiet(signals, crossed)) {
          // Nothing to keep but the comment (a quiet viewer is never among the top viewers: no evidence).
          v.kept = true;
          v.text = c.text;
          v.author = c.author;
          v.tier = c.authorTier;
        } else {
          v.state = state;
          scratch = undefined;
          scratchOf = undefined;
        }
      }

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
      updateAsks(id, signals, c.authorTier);
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
        stream: { risk, warning: streamWarning, topViewers: top.slice(), pressingViewers: pressingCount.size, coordinatedViewers: strangers },
      };
    },
    current: () => ({ risk: streamRisk(), warningAt: streamWarningAt, topViewers: top.slice(), trackedViewers: viewers.size, comments, pressingViewers: pressingCount.size, coordinatedViewers: strangers }),
    viewer: (id) => {
      const v = viewers.get(id);
      return v === undefined ? undefined : stateOf(v).assessment();
    },
  };
}
