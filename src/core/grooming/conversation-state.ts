/**
 * Running state of one conversation, fed one message at a time in constant memory: text-feature sums (all
 * messages and a window of the last N), per-author category evidence (a bounded, least-recently-active map),
 * the peak risk and the message at which it first crossed the threshold, and a bounded list of evidence.
 * `assessConversation` and both monitors are thin layers over it.
 */
import { detectInNormalised, type DetectOptions } from './detect-signals.ts';
import { CONTRADICTED_UP_TO, confessesAdultAge, tellsAdultLife } from './adult-life.ts';
import { asksTheirsInstead, hidesOwnCamera } from './one-way-camera.ts';
import { saysEveryoneDoesIt } from './everyone-does-it.ts';
import { aloneSaidAlone } from './alone-said-alone.ts';
import { addressesFamily, identifiesAsFamily, opensWithKin } from './family-address.ts';
import { plansSurprise } from './surprise.ts';
import { defaultCueIndex, defaultMatcher, defaultModel, defaultShortChatModel } from './detector.ts';
import { defaultGlosser } from './gloss.ts';
import { IMPLIED_WINDOW } from './implied-sextortion.ts';
import { askCategories, fireRules, type FlagRule } from './flag-rules.ts';
import { COORDINATED_STRANGERS_RISK, coordinatedStrangers, describeStrangers, STRANGER_ASK_MIN, STRANGERS_MIN, type StrangerAsker } from './coordinated-strangers.ts';
import { combineRisk, sigmoid, textLogit, TextScorer, type LoadedModel } from './learned-model.ts';
import type { LexiconMatcher } from './lexicon.ts';
import {
  addEvidence,
  contextual,
  lexiconIntercept,
  lexiconLogit,
  newStrengths,
  presentCategories,
  stageReached,
  type AuthorContext,
  type Strengths,
} from './lexicon-score.ts';
import type { NormalisedText } from './normalise.ts';
import { AuthorCues, categoryMask, hasDigit, packPosition, shortChatFeatures, unpackPosition, type CueIndex, type Partner, type ShortChatModel } from './short-chat-model.ts';
import { sorted } from './sorted.ts';
import { signalCategories, type AuthorRisk, type AuthorTier, type ChatMessage, type ConversationAssessment, type FiredRule, type GroomingStage, type LearnedFeature, type Signal, type SignalCategory } from './types.ts';

export interface ConversationStateOptions {
  threshold: number;
  /** Messages in the sliding window of the learned score (long conversations are also scored on it). */
  maxMessages: number;
  /** Authors tracked at once; the least recently active is forgotten beyond this. */
  maxAuthors: number;
  /** Signals kept as evidence; beyond it the weakest repeat of a category is dropped. */
  maxSignals: number;
  /** Known tier of the other side when only one side is fed (e.g. the streamer, for a viewer's comments). */
  counterpartTier?: AuthorTier;
  languages?: readonly string[];
  matcher?: LexiconMatcher;
  model?: LoadedModel;
  /** The short-chat model (short-chat-model.ts); the shipped one by default. */
  shortChatModel?: ShortChatModel;
  /**
   * Whether the text and lexicon scores may flag alone in a chat of a few messages between named authors
   * (default false: there a flag needs a rule or the short-chat model). A stream viewer's state keeps them: the
   * guardian's ladder reads a viewer's risk as it grows comment by comment.
   */
  scoresAloneInShortChats?: boolean;
}

interface AuthorState {
  key: string;
  tier: AuthorTier | undefined;
  minAge: number;
  maxAge: number;
  strengths: Strengths;
  signalCount: number;
  lexZ: number;
  /** Said something that presumes the person addressed is a minor. */
  presumesMinor: boolean;
  /** Addressed by someone else as a parent or grandparent, or says they are one (family-address.ts). */
  addressedAsFamily: boolean;
  /** Told of adult life (driving, a car, a spouse, overtime: adult-life.ts), which a stated young age contradicts. */
  adultLife: boolean;
  /** Gave an adult's age against the child's age they had given ("i lied, im not 15 im 24": adult-life.ts). */
  confessedAge: boolean;
  /** Said their own camera or pictures are off or broken (one-way-camera.ts). */
  hidesCamera: boolean;
  /** …and then asked for the other's camera or pictures. */
  oneWay: boolean;
  /** Passed something off as what everyone of their kind does (everyone-does-it.ts). */
  everyoneDoesIt: boolean;
  /** The author planned a surprise for someone else (surprise.ts): their secrets are kept from that person. */
  surprise: boolean;
  level: AuthorContext['minorCounterpart'];
  /** Short-chat rules this author's evidence fires (see flag-rules.ts). */
  rules: { rule: FlagRule; categories: SignalCategory[] }[];
  risk: number;
  /** Signals other than age statements: what a reviewer can read. */
  readable: number;
  cues: AuthorCues;
  /** The short-chat model's score for this author (0 where it does not apply). */
  cueScore: number;
  /** Explanation and evidence words of the score, cached until the author's cues or context change. */
  cueCache: { evidence?: Signal[] } | undefined;
  /** The short-chat rule's categories and description, with what they were made from (see modelRule). */
  ruleCache: { present: number; words: readonly string[]; categories: SignalCategory[]; description: string } | undefined;
  /** What the last rescore gave the model: strengths after context, and whether the model applies at all. */
  cueCats: number;
  cueBlocked: boolean;
  /** Messages of this author the short-chat model has read (at most SHORT_CHAT_MESSAGES). */
  cueMessages: number;
  /** The author's short-chat score reached the model's threshold at some message (see cueBar). */
  cueReached: boolean;
  /** The author's last message laughed (a playful threat in their next one is banter: frames.ts). */
  laughedLast: boolean;
  /**
   * Message index of the author's last playful claim to hold material ("i've still got that video of u singing",
   * "that pic of u with the bowl cut 😂"), or -Infinity: their threat about it a few messages later, with no demand
   * for compliance, is banter too (FrameContext.playfulClaim).
   */
  playfulClaimAt: number;
  /** The author asked something of the kind strangers pile up (askCategories in flag-rules.ts). */
  asks: boolean;
  /** The author's strongest ask at any weight and its category, and their messages (coordinated-strangers.ts). */
  askWeight: number;
  askCategory: SignalCategory | undefined;
  messages: number;
  /** Message index of the author's last claim to hold material, and of their last leverage (implied-sextortion.ts). */
  claimAt: number;
  leverageAt: number;
}

/**
 * A learned-model phrase kept as evidence: what is needed to show it. Its Signal is made only if it is shown
 * (phraseSignal): nearly every message of a new live-stream viewer keeps some, and few are ever shown.
 */
interface LearnedPhrase {
  feature: string;
  /** The signal's weight. */
  weight: number;
  messageIndex: number;
  start: number;
  end: number;
  /** The message as written; the signal's text is its slice from start to end. */
  message: string;
  language: string;
  author: string | undefined;
  signal: Signal | undefined;
}

/** A phrase record with these values: `p` reused (see sparePhrases), or a new one. */
function phraseRecord(p: LearnedPhrase | undefined, feature: string, weight: number, messageIndex: number, start: number, end: number, message: string, language: string, author: string | undefined): LearnedPhrase {
  if (p === undefined) return { feature, weight, messageIndex, start, end, message, language, author, signal: undefined };
  p.feature = feature;
  p.weight = weight;
  p.messageIndex = messageIndex;
  p.start = start;
  p.end = end;
  p.message = message;
  p.language = language;
  p.author = author;
  p.signal = undefined;
  return p;
}

/** The `learned_phrase` signal of a kept phrase, made once. */
function phraseSignal(p: LearnedPhrase): Signal {
  if (p.signal === undefined) {
    const signal: Signal = { category: 'learned_phrase', messageIndex: p.messageIndex, text: p.message.slice(p.start, p.end), start: p.start, end: p.end, weight: p.weight, language: p.language };
    if (p.author !== undefined) signal.author = p.author;
    p.signal = signal;
  }
  return p.signal;
}

const byPhraseWeight = (a: LearnedPhrase, b: LearnedPhrase) => b.weight - a.weight;

const noRules: AuthorState['rules'] = [];
/** A playful claim to hold material makes the same author's threat this many messages later banter, when it demands nothing. */
const PLAYFUL_CLAIM_WINDOW = 6;
/** A claim to hold material read as a sextortion signal below threat weight ("i've still got that video of you"). */
const isClaim = (s: Signal) => s.category === 'sextortion' && s.weight < 0.9;

/** A new author's record. */
function newAuthor(key: string, cues: AuthorCues, strengths: Strengths): AuthorState {
  return { key, tier: undefined, minAge: Infinity, maxAge: -Infinity, strengths, signalCount: 0, lexZ: lexiconIntercept, presumesMinor: false, addressedAsFamily: false, adultLife: false, confessedAge: false, hidesCamera: false, oneWay: false, everyoneDoesIt: false, surprise: false, level: 'none', rules: noRules, risk: 0, readable: 0, cues, cueScore: 0, cueCache: undefined, ruleCache: undefined, cueCats: 0, cueBlocked: false, cueMessages: 0, cueReached: false, laughedLast: false, playfulClaimAt: -Infinity, asks: false, askWeight: 0, askCategory: undefined, messages: 0, claimAt: -Infinity, leverageAt: -Infinity };
}

/**
 * A record reused for a new author: every field as newAuthor sets it (its strengths zeroed in place). Field by
 * field, not Object.assign with a new record, which costs ten times as much; conversation-state.test.ts checks
 * that a reused record equals a new one.
 */
function resetAuthor(a: AuthorState, key: string, cues: AuthorCues): AuthorState {
  a.key = key;
  a.tier = undefined;
  a.minAge = Infinity;
  a.maxAge = -Infinity;
  if (a.strengths !== noStrengths) a.strengths.fill(0);
  a.signalCount = 0;
  a.lexZ = lexiconIntercept;
  a.presumesMinor = false;
  a.addressedAsFamily = false;
  a.adultLife = false;
  a.confessedAge = false;
  a.hidesCamera = false;
  a.oneWay = false;
  a.everyoneDoesIt = false;
  a.surprise = false;
  a.level = 'none';
  a.rules = noRules;
  a.risk = 0;
  a.readable = 0;
  a.cues = cues;
  a.cueScore = 0;
  a.cueCache = undefined;
  a.ruleCache = undefined;
  a.cueCats = 0;
  a.cueBlocked = false;
  a.cueMessages = 0;
  a.cueReached = false;
  a.laughedLast = false;
  a.playfulClaimAt = -Infinity;
  a.asks = false;
  a.askWeight = 0;
  a.askCategory = undefined;
  a.messages = 0;
  a.claimAt = -Infinity;
  a.leverageAt = -Infinity;
  return a;
}

/**
 * The strengths of an author without a signal, shared (read only: an author gets its own at its first signal).
 * Most authors never have one, and in a busy live stream authors come and go by the thousand.
 */
const noStrengths = newStrengths();

const signalIndex = Object.fromEntries(signalCategories.map((c, i) => [c, i])) as Record<SignalCategory, number>;

/** Scratch of rescoreAuthors: an author's strengths in context, read at once and dropped. */
const inContext = newStrengths();

const isMinor = (t: AuthorTier) => t === 'child' || t === 'teen';

/**
 * The message being read by readCues and, when it was glossed, the word each glossed word came from: read by
 * positionOfCue while addWords runs (synchronously), so no closure is made per message.
 */
const cuePosition: { message: number; from: number[] | undefined } = { message: 0, from: undefined };
const positionOfCue = (i: number): number => packPosition(cuePosition.message, cuePosition.from === undefined ? i : cuePosition.from[i]!);

/** For each word of a re-split text, the index of the token of `nt` it was split from (same original start). */
function tokenOf(split: NormalisedText, nt: NormalisedText): number[] {
  const out = new Array<number>(split.words.length);
  let k = 0;
  for (let j = 0; j < split.words.length; j++) {
    while (k < nt.words.length - 1 && nt.origStarts[k]! < split.origStarts[j]!) k++;
    out[j] = k;
  }
  return out;
}

/** Scratch of scoreAllCues: one author's partner masks, read at once (scoring is synchronous). */
const partnerScratch: Partner = { cues: 0, cats: 0, words: 0 };
/**
 * Partner words (the others' words as the short-chat model weighs them, summed over the other authors) count in a
 * chat of at most this many authors, the most of any fitted chat: in a larger group their sum would grow past
 * anything the model was fitted on.
 */
export const PARTNER_WORDS_MAX_AUTHORS = 6;

const byRisk = (x: { risk: number }, y: { risk: number }) => y.risk - x.risk;
const inMessageOrder = (a: Signal, b: Signal) => a.messageIndex - b.messageIndex || a.start - b.start;

/** Authors asking something of the same kind (askCategories) that make the pattern of rule `coordinated_asks`. */
const ASK_CATEGORIES = new Set(askCategories);
export const COORDINATED_ASKERS = 3;

/** Learned score below which a long conversation's non-strong short-chat rules do not count. */
export const RULE_TEXT_FLOOR = 0.05;
/** Unattributed text up to this many words is read as one person's message or two. */
export const UNATTRIBUTED_SHORT_WORDS = 30;
/** The same for unattributed text, where the rules cannot tell the two sides apart. */
export const UNATTRIBUTED_RULE_FLOOR = 0.5;

/** Distinct phrases (no numbers) the learned model must have weighed before it may carry a flag alone. */
/** Weight of the other's camera or pictures asked for after the author hid their own (one-way-camera.ts). */
const ONE_WAY_CAMERA_WEIGHT = 0.8;
/** Weight of "alone" said on its own after a meeting, as the lexicon's "come alone" (secrecy). */
const ALONE_TO_MEETING_WEIGHT = 0.8;
const MIN_LEARNED_PHRASES = 3;
/** Learned-model phrases kept as evidence while there is no lexicon signal. */
const LEARNED_EVIDENCE_KEPT = 8;

/** Messages per author the short-chat model reads (its training chats have 2–9 messages in all). */
export const SHORT_CHAT_MESSAGES = 12;

/** Risk an author gets when the short-chat model counts (above the default threshold, below the rules'). */
export const SHORT_CHAT_MODEL_RISK = 0.7;

/**
 * Once an author's short-chat score has reached the model's threshold, it keeps counting down to this much below
 * it: a reply that only complies ("ok", "oke", "va espera") moves the partner features a little and should not
 * withdraw the reading, while one that explains ("so i can see the cards") moves them a lot. Chosen on session 15's
 * read rounds (held-out 56-61, at the old threshold 0.815) against the false-positive rate of the 56 earlier scored
 * sets: 0.05 took those rounds' recall up 0-1.9 points at no false-positive cost on them and flagged 41 more
 * look-alike variants of 117,516 on the earlier sets (0.0058 -> 0.0061); 0.1 and 0.15 gained little more and cost
 * more.
 */
export const CUE_HOLD = 0.05;

/** Highest risk a conversation can reach without a single signal a reviewer could look at. */
export const NO_EVIDENCE_CAP = 0.4;

/** No rule fired (shared: never changed). */
const noFiredRules: FiredRule[] = [];

export class ConversationState {
  readonly opts: ConversationStateOptions;
  private readonly matcher: LexiconMatcher;
  private readonly model: LoadedModel;
  private readonly shortModel: ShortChatModel;
  private readonly cueIndex: CueIndex;
  messageCount = 0;
  /** The learned text score (language, gloss, first-seen features, window): learned-model.ts. */
  private readonly text: TextScorer;
  private readonly authors = new Map<string, AuthorState>();
  private bestAuthor: AuthorState | undefined;
  private textWeight = 1;
  private evidenceCount = 0;
  private lastAgeProbe: { author: string; language: string; back?: boolean } | undefined;
  private lastAuthor: string | undefined;
  /** Pictures or a recording were mentioned: later "it" / "them" may stand for them (frames.ts). */
  private materialSeen = false;
  /** The last message laughed. */
  private lastLaughed = false;
  /**
   * Whether the last message asked after the adults at home ("are your parents asleep?"): the answer's kin word
   * ("papa ja, mama guckt noch fernsehen", "sometimes mum") is who it is about, not who is addressed.
   */
  private askedAfterFamily = false;
  /** Author of the last message that opened by calling someone a parent, until someone else answers. */
  private kinCalledBy: string | undefined;
  /** Authors who asked something of askCategories. */
  private askers = 0;
  /** Authors who asked something of askCategories at any weight (coordinated-strangers.ts). */
  private weakAskers = 0;
  /** The askers of `coordinated_strangers` as last read (rescoreAuthors), or null. */
  private strangers: StrangerAsker[] | null = null;
  private textZ: number;
  currentRisk: number;
  peakRisk: number;
  warningAt: number | null = null;
  /**
   * The rules that had fired when the warning fired. A later message can lower the reading (a reply shows the
   * camera was for a card trade); the warning stands, and this says why it fired.
   */
  private warningRules: FiredRule[] = noFiredRules;
  private readonly evidence: Signal[] = [];
  private totalWords = 0;
  /** Whether any author's evidence fires a short-chat rule (most conversations: none). */
  private anyRules = false;
  /** Counts rescores, to know when a cached stage is stale. */
  private generation = 0;
  private stageCache: { author: AuthorState; generation: number; stage: GroomingStage } | undefined;
  private readonly learnedEvidence: LearnedPhrase[] = [];
  /** Phrase records dropped from learnedEvidence (or by reset), reused for the next ones. */
  private readonly sparePhrases: LearnedPhrase[] = [];
  private evidenceView: Signal[] | undefined;
  /** Whether the kept evidence is in message order (it nearly always is: signals arrive message by message). */
  private evidenceOrdered = true;
  /** Kept signals per category (signalIndex). */
  private readonly perCategory = new Array<number>(signalCategories.length).fill(0);
  private cuesDropped = false;
  /**
   * The short-chat model's reading when it stopped (the text grew long enough for the learned text model):
   * SHORT_CHAT_MODEL_RISK when it counted for an author at the last message, else 0. A reading the model made
   * is not withdrawn by the model going quiet, only by what is said while it reads.
   */
  private handoffRisk = 0;
  /** An author kept by reset for the next conversation's first author (a stream viewer's state has one). */
  private spareAuthor: AuthorState | undefined;

  constructor(opts: ConversationStateOptions) {
    this.opts = opts;
    this.matcher = opts.matcher ?? defaultMatcher();
    this.model = opts.model ?? defaultModel();
    this.shortModel = opts.shortChatModel ?? defaultShortChatModel();
    this.cueIndex = defaultCueIndex();
    this.text = new TextScorer(this.model, defaultGlosser(), opts.maxMessages);
    this.textZ = textLogit(this.model, 0, 0);
    // Nothing said yet: no risk (the peak starts at 0, so the first message sets it).
    this.currentRisk = 0;
    this.peakRisk = 0;
  }

  /**
   * Starts over as a new conversation with the same options, reusing this state's memory (its text filters
   * above all): a live stream forgets and meets viewers by the thousand, and allocating each one's state anew
   * made collecting the forgotten ones the largest cost. Nothing handed out before (assessments, signals)
   * aliases what is cleared here. Every field is set as the constructor and the field initialisers set it, but
   * for what is kept for reuse (spareAuthor, sparePhrases); conversation-state.test.ts checks, field by field,
   * that a reset state reads a conversation exactly as a new one does.
   */
  reset(): void {
    this.messageCount = 0;
    this.text.reset();
    // The last author's record, cues and strengths are reused (touchAuthor); the others are dropped.
    if (this.lastAuthor !== undefined) this.spareAuthor ??= this.authors.get(this.lastAuthor);
    this.authors.clear();
    this.bestAuthor = undefined;
    this.textWeight = 1;
    this.evidenceCount = 0;
    this.lastAgeProbe = undefined;
    this.lastAuthor = undefined;
    this.materialSeen = false;
    this.lastLaughed = false;
    this.kinCalledBy = undefined;
    this.askedAfterFamily = false;
    this.askers = 0;
    this.weakAskers = 0;
    this.strangers = null;
    this.textZ = textLogit(this.model, 0, 0);
    this.currentRisk = 0;
    this.peakRisk = 0;
    this.warningAt = null;
    this.warningRules = noFiredRules;
    // Counts of kept evidence: zero already when none was kept.
    if (this.evidence.length > 0) this.perCategory.fill(0);
    // Emptied by popping, not by setting length (a call into the runtime, which also frees the array's room).
    while (this.evidence.length > 0) this.evidence.pop();
    this.evidenceOrdered = true;
    this.totalWords = 0;
    this.anyRules = false;
    this.generation = 0;
    this.stageCache = undefined;
    while (this.learnedEvidence.length > 0) this.sparePhrases.push(this.learnedEvidence.pop()!);
    this.evidenceView = undefined;
    this.cuesDropped = false;
    this.handoffRisk = 0;
  }

  /** Adds one message; returns its signals and whether risk crossed the threshold for the first time. */
  push(message: ChatMessage): { signals: Signal[]; crossed: boolean } {
    const index = this.messageCount++;
    const nt = this.matcher.normaliser.normalise(message.text);
    const seen: NonNullable<DetectOptions['out']> = { sawMaterial: false };
    const own = message.author === undefined ? undefined : this.authors.get(message.author);
    const detectOpts: DetectOptions = { messageIndex: index, materialContext: this.materialSeen, laughedBefore: this.lastLaughed || own?.laughedLast === true, out: seen };
    if (own && index - own.playfulClaimAt <= PLAYFUL_CLAIM_WINDOW) detectOpts.playfulClaim = true;
    if (own) detectOpts.impliedBefore = { claim: index - own.claimAt <= IMPLIED_WINDOW, leverage: index - own.leverageAt <= IMPLIED_WINDOW };
    if (message.author !== undefined) detectOpts.author = message.author;
    if (this.opts.languages !== undefined) detectOpts.languages = this.opts.languages;
    const signals = detectInNormalised(this.matcher, message.text, nt, detectOpts);
    if (seen.sawMaterial) this.materialSeen = true;
    this.lastLaughed = seen.laughter === true;
    const key = message.author ?? '';
    this.replyToAgeProbe(message, nt, signals, key, index);

    // Learned text score. Each word or word pair counts once per conversation, so a message that repeats
    // earlier ones ("see you tomorrow" again and again) adds no text evidence (its signals still count).
    this.textZ = this.text.push(nt.words, nt.ids);
    this.totalWords += nt.words.length;
    if (this.evidenceCount === 0) this.keepLearnedEvidence(message, nt, index);

    // Author evidence; context of every author can change when someone's tier or age becomes known.
    let changed = !this.authors.has(key);
    const author = this.touchAuthor(key);
    author.messages++;
    // A third message from an asker ends their drive-by (coordinated-strangers.ts): read the pattern again.
    if (author.messages === 3 && author.askWeight >= STRANGER_ASK_MIN && this.weakAskers >= 3) changed = true;
    author.laughedLast = this.lastLaughed;
    if (seen.claim) author.claimAt = index;
    if ((this.lastLaughed || seen.banter === true) && (seen.claim || signals.some(isClaim))) author.playfulClaimAt = index;
    if (seen.leverage) author.leverageAt = index;
    // New cue words change only this author's short-chat score (unless the model just stopped for everyone).
    const cuesBefore = this.cuesDropped;
    const cueChanged = this.readCues(author, message.text, nt, index, seen.split);
    if (cueChanged && this.cuesDropped !== cuesBefore) changed = true;
    // "ok dad" / "thanks mum" answering the previous author marks that author as family.
    const prev = this.lastAuthor !== undefined && this.lastAuthor !== key ? this.authors.get(this.lastAuthor) : undefined;
    if (prev && !prev.addressedAsFamily && !this.askedAfterFamily && addressesFamily(nt.words)) {
      prev.addressedAsFamily = true;
      changed = true;
    }
    // "grandpa here", "love nana xx", "soy la abuela": the author says they are family.
    if (!author.addressedAsFamily && identifiesAsFamily(nt.words, nt.ids)) {
      author.addressedAsFamily = true;
      changed = true;
    }
    // "wir machen ne überraschungsparty für lena": the author's secrets are kept from the one it is for.
    if (!author.surprise && plansSurprise(nt.words, nt.text, nt.ids)) {
      author.surprise = true;
      changed = true;
    }
    // …and the author who answers a message that opened by calling someone a parent is that parent.
    if (this.kinCalledBy !== undefined && this.kinCalledBy !== key && !author.addressedAsFamily) {
      author.addressedAsFamily = true;
      changed = true;
    }
    if (this.kinCalledBy !== key) this.kinCalledBy = opensWithKin(nt.words) ? key : undefined;
    this.lastAuthor = key;
    this.askedAfterFamily = signals.some((s) => s.category === 'supervision_check');
    if (message.authorTier !== undefined && message.authorTier !== author.tier) {
      author.tier = message.authorTier;
      changed = true;
    }
    // "my cam is broken, but turn urs on": the author's own face hidden and the other's asked for (one-way-camera.ts).
    if (key !== '') this.oneWayCamera(author, message, nt, signals, index);
    // "…behind the supermarket. sola": the condition of a meeting said on its own.
    if (key !== '') this.aloneToMeeting(author, message, signals, index);
    const saidChildAge = author.minAge <= CONTRADICTED_UP_TO;
    for (const s of signals) {
      if (s.category !== 'age_disclosure') {
        this.evidenceCount++;
        author.readable++;
      }
      if (s.impliesMinor) author.presumesMinor = true;
      if (!author.asks && key !== '' && s.weight >= 0.5 && ASK_CATEGORIES.has(s.category)) {
        author.asks = true;
        this.askers++;
      }
      if (key !== '' && s.weight > author.askWeight && ASK_CATEGORIES.has(s.category)) {
        if (author.askWeight < STRANGER_ASK_MIN && s.weight >= STRANGER_ASK_MIN) this.weakAskers++;
        author.askWeight = s.weight;
        author.askCategory = s.category;
      }
      if (author.strengths === noStrengths) author.strengths = newStrengths();
      addEvidence(author.strengths, s.category, s.weight);
      author.signalCount++;
      if (s.disclosedAge !== undefined) {
        author.minAge = Math.min(author.minAge, s.disclosedAge);
        author.maxAge = Math.max(author.maxAge, s.disclosedAge);
      }
      this.keepEvidence(s);
      changed = true;
    }
    // A fake peer: "im 14 too", then "i'll drive over". Read only once a young age is stated (most authors never state one).
    if (!author.adultLife && author.minAge <= CONTRADICTED_UP_TO && key !== '' && (tellsAdultLife(nt) || (seen.split !== undefined && tellsAdultLife(seen.split)))) {
      author.adultLife = true;
      changed = true;
    }
    // A fake peer owning up: "i lied, im not 15 im 24". The child's age is not theirs, and the lie is evidence.
    if (!author.confessedAge && key !== '' && confessesAdultAge(nt, saidChildAge)) {
      author.confessedAge = true;
      author.adultLife = true;
      // The age told in the same message is what a reviewer reads (an age statement alone is no evidence).
      this.evidenceCount++;
      changed = true;
    }
    if (!author.everyoneDoesIt && key !== '' && saysEveryoneDoesIt(nt)) {
      author.everyoneDoesIt = true;
      changed = true;
    }
    if (changed) this.rescoreAuthors();
    else if (cueChanged) this.rescoreCues(author);

    this.currentRisk = this.scoreNow();
    let crossed = false;
    if (this.currentRisk > this.peakRisk) this.peakRisk = this.currentRisk;
    if (this.warningAt === null && this.currentRisk >= this.opts.threshold && this.hasEvidence()) {
      this.warningAt = index;
      this.warningRules = this.firedRules();
      this.evidenceView = undefined;
      crossed = true;
    }
    return { signals, crossed };
  }

  /**
   * Feeds the short-chat model's cue words and words for this author while the conversation is short; once
   * the learned text model has enough text, the model stops and its per-author words are dropped.
   */
  private readCues(author: AuthorState, text: string, nt: NormalisedText, index: number, split?: NormalisedText): boolean {
    if (this.text.enoughText()) {
      if (!this.cuesDropped) {
        for (const a of this.authors.values()) if (this.modelCountedFor(a)) this.handoffRisk = SHORT_CHAT_MODEL_RISK;
        this.cuesDropped = true;
        for (const a of this.authors.values()) {
          a.cues = new AuthorCues();
          a.cueCache = undefined;
          a.ruleCache = undefined;
          a.cueScore = 0;
        }
        return true;
      }
      return false;
    }
    // The model reads an author's first messages only: it was fitted on chats of 2–9 messages.
    if (author.cueMessages >= SHORT_CHAT_MESSAGES) return false;
    author.cueMessages++;
    const lang = this.text.language();
    // Words run together ("sendmeapic") are read as the words the detector split them into; each split word
    // keeps the position of the token it came from (evidence spans point at the token as written).
    const words = split ? split.words : nt.words;
    const ids = split ? split.ids : nt.ids;
    const source = split ? tokenOf(split, nt) : undefined;
    let glossed: readonly string[] = words;
    let from: number[] | undefined = source;
    if (lang !== 'en') {
      const g: string[] = [];
      from = [];
      const glosser = defaultGlosser();
      for (let i = 0; i < words.length; i++) {
        for (const w of glosser.glossWordCached(words[i]!, lang)) {
          g.push(w);
          from.push(source ? source[i]! : i);
        }
      }
      glossed = g;
    }
    const a = author.cues.add(this.cueIndex.mask(words, glossed, ids));
    cuePosition.message = index;
    cuePosition.from = from;
    const b = author.cues.addWords(glossed, positionOfCue, text, glossed === words ? ids : undefined);
    return a || b;
  }

  /**
   * A bare number answering someone else's age question ("how old r u" → "13", "24 lol why") is an age
   * disclosure, which no single-message pattern can see.
   */
  private replyToAgeProbe(message: ChatMessage, nt: NormalisedText, signals: Signal[], key: string, index: number): void {
    const probe = this.lastAgeProbe;
    this.lastAgeProbe = undefined;
    const probed = signals.find((s) => s.category === 'age_probe');
    if (probed) this.lastAgeProbe = { author: key, language: probed.language };
    // The number opens the reply ("24 lol why does everyone ask"); a longer message is about something else, unless
    // it answers a question turned back ("38, you?" → "41. drinks saturday?"), which asks nothing else, or the
    // number stands apart (below).
    if (!probe || probe.author === key || nt.words.length === 0) return;
    // A longer reply still answers when the number stands apart at its start ("29, and no i won't tell you where i live").
    if (nt.words.length > 8 && !probe.back && !/^\s*[,.!;]/.test(message.text.slice(nt.origEnds[0]!))) return;
    if (signals.some((s) => s.category === 'age_disclosure')) return;
    const w = nt.words[0]!;
    if (!/^\d{1,2}$/.test(w)) return;
    const age = Number(w);
    if (age < 5 || age > 99) return;
    // The age given and the question turned back ("38, you?", "37 et toi", "37 y tu"): the bare number that answers
    // it is the asker's own age, so both ages are known.
    if (!probed && asksBack(nt)) this.lastAgeProbe = { author: key, language: probe.language, back: true };
    const signal: Signal = {
      category: 'age_disclosure',
      messageIndex: index,
      text: message.text.slice(nt.origStarts[0]!, nt.origEnds[0]!),
      start: nt.origStarts[0]!,
      end: nt.origEnds[0]!,
      weight: 0.6,
      language: probe.language,
      disclosedAge: age,
    };
    if (message.author !== undefined) signal.author = message.author;
    signals.unshift(signal);
  }

  /**
   * The author hid their own camera or pictures (in this message or before) and now asks for the other's: the ask
   * is a request for pictures (image_request), which no single phrase of the lexicon reads as one.
   */
  private oneWayCamera(author: AuthorState, message: ChatMessage, nt: NormalisedText, signals: Signal[], index: number): void {
    author.hidesCamera ||= hidesOwnCamera(nt);
    if (!author.hidesCamera) return;
    const span = asksTheirsInstead(nt);
    if (span === undefined) return;
    const signal: Signal = {
      category: 'image_request',
      messageIndex: index,
      text: message.text.slice(nt.origStarts[span.first]!, nt.origEnds[span.last]!),
      start: nt.origStarts[span.first]!,
      end: nt.origEnds[span.last]!,
      weight: ONE_WAY_CAMERA_WEIGHT,
      language: signals[0]?.language ?? this.text.language(),
    };
    if (message.author !== undefined) signal.author = message.author;
    signals.push(signal);
    author.oneWay = true;
  }

  /** A closing "alone" on its own, from an author who set a meeting (now or before), reads as "come alone" (secrecy). */
  private aloneToMeeting(author: AuthorState, message: ChatMessage, signals: Signal[], index: number): void {
    const meeting = signals.find((s) => s.category === 'meeting');
    if (meeting === undefined && !(author.strengths[signalIndex.meeting]! > 0)) return;
    const span = aloneSaidAlone(message.text);
    if (span === undefined) return;
    const signal: Signal = {
      category: 'secrecy',
      messageIndex: index,
      text: message.text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      weight: ALONE_TO_MEETING_WEIGHT,
      language: meeting?.language ?? signals[0]?.language ?? this.text.language(),
    };
    if (message.author !== undefined) signal.author = message.author;
    signals.push(signal);
  }

  private touchAuthor(key: string): AuthorState {
    let a = this.authors.get(key);
    if (a) {
      // Move to the most-recent end of the map's insertion order, unless it is there already: the author of the
      // previous message was touched last (a live-stream viewer's state has no other author).
      if (key !== this.lastAuthor) {
        this.authors.delete(key);
        this.authors.set(key, a);
      }
      return a;
    }
    if (this.authors.size >= this.opts.maxAuthors) {
      const oldest = this.authors.keys().next().value as string;
      if (this.authors.get(oldest)!.asks) this.askers--;
      if (this.authors.get(oldest)!.askWeight >= STRANGER_ASK_MIN) this.weakAskers--;
      this.authors.delete(oldest);
    }
    const spare = this.spareAuthor;
    if (spare === undefined) a = newAuthor(key, new AuthorCues(this.shortModel), noStrengths);
    else {
      // The record, cues and strengths of the last conversation's author, reset (see reset).
      this.spareAuthor = undefined;
      const cues = spare.cues.model === this.shortModel ? spare.cues : new AuthorCues(this.shortModel);
      cues.reset();
      a = resetAuthor(spare, key, cues);
    }
    this.authors.set(key, a);
    return a;
  }

  private ownTier(a: AuthorState): { tier: AuthorTier; known: boolean } {
    if (a.tier !== undefined && a.tier !== 'unknown') return { tier: a.tier, known: true };
    // An unattributed text holds both sides: its disclosures describe the counterpart, not an author.
    if (a.key === '') return { tier: 'unknown', known: false };
    // A fake peer: "im 14 too" and then "i'll drive over". The stated age is not taken as theirs.
    const contradicted = a.adultLife && a.minAge <= CONTRADICTED_UP_TO;
    if (a.minAge < 18 && !contradicted) return { tier: a.minAge < 13 ? 'child' : 'teen', known: false };
    if (a.maxAge >= 18) return { tier: 'adult', known: false };
    return { tier: 'unknown', known: false };
  }

  private contextOf(a: AuthorState): AuthorContext {
    const own = this.ownTier(a);
    const cp = this.opts.counterpartTier;
    let minor: AuthorContext['minorCounterpart'] = cp !== undefined && isMinor(cp) ? 'platform' : 'none';
    // In an unattributed text a stated minor age may be peers talking; it marks a minor counterpart only
    // when an adult age is stated too (an age gap of five years or more).
    if (minor === 'none' && a.key === '' && a.minAge < 18 && a.maxAge - a.minAge >= 5) minor = 'disclosed';
    if (minor === 'none' && a.presumesMinor) minor = 'disclosed';
    let others = 0;
    let allOthersAdult = true;
    // Someone who asks nothing and says they are an adult: the one the askers ask (an adult streamer telling chat "24").
    let adultAsked = false;
    for (const b of this.authors.values()) {
      if (b === a) continue;
      others++;
      const t = this.ownTier(b);
      if (isMinor(t.tier)) minor = t.known ? 'platform' : minor === 'platform' ? 'platform' : 'disclosed';
      if (t.tier !== 'adult') allOthersAdult = false;
      else if (!b.asks) adultAsked = true;
    }
    if (cp !== undefined) {
      others++;
      if (cp !== 'adult') allOthersAdult = false;
    }
    // Viewers piling questions onto an adult who said so (and no minor in sight) is a stream's ordinary chat.
    const pileOnAdult = (this.askers >= COORDINATED_ASKERS || this.weakAskers >= STRANGERS_MIN) && minor === 'none' && (adultAsked || this.asksOfAdult());
    return {
      tier: own.tier,
      tierKnown: own.known,
      minorCounterpart: minor,
      allAdults: own.tier === 'adult' && others > 0 && allOthersAdult,
      othersAdult: others > 0 && allOthersAdult,
      family: a.addressedAsFamily,
      surprise: a.surprise,
      confessedAge: a.confessedAge,
      oneWayCamera: a.oneWay,
      everyoneDoesIt: a.everyoneDoesIt,
      pileOnAdult,
      coordinated: a.asks && this.askers >= COORDINATED_ASKERS && !pileOnAdult,
    };
  }

  /** Whether the askers ask an adult: someone who asked nothing says they are one (fans and a grown-up streamer). */
  private asksOfAdult(): boolean {
    if (this.opts.counterpartTier === 'adult') return true;
    for (const b of this.authors.values()) if (b.askWeight < STRANGER_ASK_MIN && b.key !== '' && this.ownTier(b).tier === 'adult') return true;
    return false;
  }

  /** How much the lexicon is trusted alone for this author: unattributed text counts as no known minor. */
  private overrideLevel(a: AuthorState, ctx: AuthorContext): AuthorContext['minorCounterpart'] {
    return a.key === '' && ctx.minorCounterpart === 'disclosed' ? 'none' : ctx.minorCounterpart;
  }

  private rescoreAuthors(): void {
    this.generation++;
    if (this.warningAt !== null) this.evidenceView = undefined;
    let anyRules = false;
    let knownAdults = 0;
    let knownMinors = 0;
    for (const a of this.authors.values()) {
      const ctx = this.contextOf(a);
      const s = a.signalCount === 0 ? undefined : contextual(a.strengths, ctx, inContext);
      a.lexZ = s === undefined ? lexiconIntercept : lexiconLogit(a.strengths, ctx, s);
      a.rules = s === undefined ? noRules : fireRules(s, ctx);
      anyRules ||= a.rules.length > 0;
      this.cueContext(a, ctx, s);
      a.level = this.overrideLevel(a, ctx);
      if (ctx.tierKnown && ctx.tier === 'adult') knownAdults++;
      if (ctx.tierKnown && isMinor(ctx.tier)) knownMinors++;
    }
    // Partner features read everyone's categories, so the scores come once every context is known.
    this.scoreAllCues();
    for (const a of this.authors.values()) anyRules ||= a.cueScore >= this.cueBar(a);
    const cp = this.opts.counterpartTier;
    this.strangers = this.weakAskers >= STRANGERS_MIN ? this.readStrangers(cp) : null;
    this.anyRules = anyRules || this.strangers !== null;
    const n = this.authors.size + (cp !== undefined && cp !== 'unknown' ? 1 : 0);
    if (cp === 'adult') knownAdults++;
    if (cp !== undefined && isMinor(cp)) knownMinors++;
    // Grooming needs a minor: among platform-known adults only, the text model (trained on chats with
    // decoys posing as children) says nothing; among known minors only, or in a family chat, it counts less.
    let family = false;
    for (const a of this.authors.values()) family ||= a.addressedAsFamily;
    this.textWeight = n >= 2 && knownAdults === n ? 0 : (n >= 2 && knownMinors === n) || family ? 0.3 : 1;
  }

  /** The askers of `coordinated_strangers` (coordinated-strangers.ts) among the tracked authors, or null. */
  private readStrangers(cp: AuthorTier | undefined): StrangerAsker[] | null {
    const list: StrangerAsker[] = [];
    for (const a of this.authors.values()) {
      if (a.key === '') continue;
      const t = this.ownTier(a);
      list.push({ author: a.key, askWeight: a.askWeight, askCategory: a.askCategory, messages: a.messages, tier: t.tier, tierKnown: t.known });
    }
    return coordinatedStrangers(list, cp);
  }

  /** Whether `coordinated_strangers` counts now: while the chat is short, or the learned model does not read it as ordinary. */
  private strangersCount(): boolean {
    if (this.strangers === null) return false;
    return !this.text.enoughText() || sigmoid(this.textZ) >= RULE_TEXT_FLOOR;
  }

  /**
   * Risk now: the riskiest author's combination of text and lexicon evidence. Without evidence (no signal
   * other than an age statement, and less text than the learned model needs to speak alone) risk is capped
   * below the default threshold.
   */
  private scoreNow(): number {
    const prior = textLogit(this.model, 0, 0);
    const text = prior + this.textWeight * (this.textZ - prior);
    // In a chat of a few messages between named authors, the text and lexicon scores (fitted on long research
    // chats) do not flag alone: a flag there needs a rule or the short-chat model, which read the words in
    // context. Unattributed text (a flattened segment, a research chat) keeps them.
    const capped = !this.opts.scoresAloneInShortChats && this.messageCount <= SHORT_CHAT_MESSAGES && !this.authors.has('');
    const cap = capped ? NO_EVIDENCE_CAP : 1;
    let best = Math.min(combineRisk(this.model, text, lexiconIntercept), cap);
    this.bestAuthor = undefined;
    for (const a of this.authors.values()) {
      if (a.signalCount === 0 && !this.cueCounts(a)) continue;
      a.risk = Math.min(combineRisk(this.model, text, a.lexZ, a.level), cap);
      for (const r of this.applicableRules(a)) a.risk = Math.max(a.risk, r.rule.risk);
      if (this.cueCounts(a)) a.risk = Math.max(a.risk, SHORT_CHAT_MODEL_RISK);
      if (a.risk >= best || this.bestAuthor === undefined) {
        best = Math.max(best, a.risk);
        this.bestAuthor = a;
      }
    }
    if (best < COORDINATED_STRANGERS_RISK && this.strangersCount()) {
      best = COORDINATED_STRANGERS_RISK;
      // The stage shown is that of the asker with the strongest ask.
      let lead = this.strangers![0]!;
      for (const s of this.strangers!) if (s.askWeight > lead.askWeight) lead = s;
      this.bestAuthor = this.authors.get(lead.author) ?? this.bestAuthor;
    }
    return this.hasEvidence() ? best : Math.min(best, NO_EVIDENCE_CAP);
  }

  /** Keeps evidence within maxSignals, dropping the weakest (then oldest) repeat of a category first. */
  private keepEvidence(s: Signal): void {
    const evidence = this.evidence;
    // Dropping a signal keeps the order; adding one keeps it when it comes after the last.
    if (this.evidenceOrdered && evidence.length > 0 && inMessageOrder(evidence[evidence.length - 1]!, s) > 0) this.evidenceOrdered = false;
    evidence.push(s);
    const counts = this.perCategory;
    counts[signalIndex[s.category]]!++;
    this.evidenceView = undefined;
    if (evidence.length <= this.opts.maxSignals) return;
    let drop = -1;
    let weakest = 0;
    for (let i = 0; i < evidence.length; i++) {
      const e = evidence[i]!;
      // The weight first: most signals are no weaker than the candidate, and then their category need not be read.
      if (drop >= 0 && !(e.weight < weakest)) continue;
      if (counts[signalIndex[e.category]]! < 2) continue;
      drop = i;
      weakest = e.weight;
    }
    if (drop < 0) {
      drop = 0;
      for (let i = 1; i < evidence.length; i++) if (evidence[i]!.weight < evidence[drop]!.weight) drop = i;
    }
    const [gone] = evidence.splice(drop, 1);
    counts[signalIndex[gone!.category]]!--;
  }

  /**
   * A flag needs something a reviewer can see: at least one signal other than an age statement, or — for a
   * conversation-length text — the learned model's own evidence (the words and word pairs that raised its
   * score, shown as `learned_phrase` evidence). The learned part cannot get there by length or repetition:
   * its features count once each, so a chat cycling through the same greetings has almost nothing to show.
   */
  private hasEvidence(): boolean {
    return this.evidenceCount > 0 || (this.anyRules && this.modelCarries()) || (this.learnedEvidence.length >= MIN_LEARNED_PHRASES && this.text.enoughText());
  }

  /**
   * While no lexicon signal has been seen, remembers where the learned model's strongest words and word pairs
   * were written, so that a flag the learned model carries alone still shows a reviewer what it read.
   */
  private keepLearnedEvidence(message: ChatMessage, nt: NormalisedText, index: number): void {
    // Only a feature this message added to the learned model's top can be new evidence.
    if (this.text.lastKept() !== index) return;
    const text = this.text;
    const kept = this.learnedEvidence;
    for (let t = 0; t < text.topSize(); t++) {
      if (text.topMessageAt(t) !== index) continue;
      const feature = text.topFeatureAt(t);
      // A number is nothing a reviewer can read as grooming (in the research data numbers track who wrote
      // when, not what was said), so phrases with digits are never shown, or counted, as evidence.
      if (hasDigit(feature) || kept.some((p) => p.feature === feature)) continue;
      // Its first and last words and whether it is a pair, as feature.split(' ') would give them (without the array).
      const space = feature.indexOf(' ');
      const single = space < 0;
      const pair = !single && feature.lastIndexOf(' ') === space;
      const first = single ? feature : feature.slice(0, space);
      const last = single ? feature : feature.slice(feature.lastIndexOf(' ') + 1);
      let at = -1;
      for (let k = 0; k < nt.words.length && at < 0; k++) {
        if (nt.words[k] === last && (single || k === 0 || nt.words[k - 1] === first)) at = k;
      }
      const from = at < 0 ? 0 : at > 0 && pair && nt.words[at - 1] === first ? at - 1 : at;
      const start = at < 0 ? 0 : nt.origStarts[from]!;
      const end = at < 0 ? message.text.length : nt.origEnds[at]!;
      const weight = Math.min(1, text.topWeightAt(t) / 4);
      kept.push(phraseRecord(this.sparePhrases.pop(), feature, weight, index, start, end, message.text, text.language(), message.author));
    }
    if (kept.length > LEARNED_EVIDENCE_KEPT) {
      kept.sort(byPhraseWeight);
      while (kept.length > LEARNED_EVIDENCE_KEPT) this.sparePhrases.push(kept.pop()!);
    }
  }

  /**
   * Rules of an author that count now. Strong rules (threats, sexual talk with a minor) always; the others
   * while the conversation is short, or once it is long enough for the learned model, when the model does not
   * read it as ordinary (so a long chat between adults is judged on all its text, not on two phrases).
   */
  private applicableRules(a: AuthorState): AuthorState['rules'] {
    if (a.rules.length === 0) return a.rules;
    const learned = sigmoid(this.textZ);
    const short = !this.text.enoughText();
    if (a.key === '' && this.totalWords > UNATTRIBUTED_SHORT_WORDS) {
      // A longer unattributed text (a flattened segment) mixes both sides' words: one side's question and the
      // other's answer can look like one author's combination, and nobody's age can be told apart. There only
      // a threat counts alone; every other rule needs the learned model to lean towards grooming too. A text
      // of a message or two ("are your parents home? dont tell anyone") is read as one person's words.
      return a.rules.filter((r) => r.rule.id === 'sextortion' || r.rule.id === 'explicit_threat' || learned >= UNATTRIBUTED_RULE_FLOOR);
    }
    if (!short) return learned >= RULE_TEXT_FLOOR ? a.rules : a.rules.filter((r) => r.rule.strong);
    // In a short chat the short-chat model reads the same words in context (the other side's reply, laughter, a
    // family address): a rule that is not strong counts only when the model does not read the author as ordinary.
    // The model says nothing about a platform-known minor, a parent, adults among adults or unattributed text.
    // Strong rules (a threat, sexual talk with a minor) always count: gating them too gained nothing across writers.
    // A parent or grandparent (addressed as one, or saying so): their photo requests, secrets and lifts are
    // family life; only a strong rule (a threat, sexual talk with a minor) counts.
    if (a.addressedAsFamily) return a.rules.filter((r) => r.rule.strong);
    const gate = this.shortModel.ruleGate;
    if (gate === undefined || a.cueBlocked || a.key === '' || this.cuesDropped || a.cueScore >= gate) return a.rules;
    return a.rules.filter((r) => r.rule.strong);
  }

  /** Only this author's cues changed (new words, same context): their score, and the others' partner features. */
  private rescoreCues(a: AuthorState): void {
    // Context and strengths are as the last full rescore left them (they change only with one).
    this.scoreAllCues();
    a.cueCache = undefined;
    // Model evidence is shown only for an author without a lexicon signal, once flagged.
    if (this.warningAt !== null) this.evidenceView = undefined;
    let any = false;
    for (const b of this.authors.values()) any ||= b.rules.length > 0 || b.cueScore >= this.cueBar(b);
    this.anyRules = any || this.strangers !== null;
  }


  /**
   * What the short-chat model reads of an author's context: their categories after context, and whether the
   * model applies — it stays 0 for a minor author, a parent, or adults among adults (peers and families are
   * judged by the rules). Computed for everyone: training and the partner features read it.
   */
  private cueContext(a: AuthorState, ctx: AuthorContext, s: Strengths | undefined): void {
    const peer = ctx.tierKnown && (ctx.tier === 'child' || ctx.tier === 'teen');
    a.cueBlocked = peer || ctx.family || ctx.allAdults || ctx.pileOnAdult === true;
    a.cueCats = s === undefined ? 0 : categoryMask((c) => s[signalIndex[c]]!);
  }

  /** Every author's short-chat score, each with the others' cues and categories as partner features. */
  private scoreAllCues(): void {
    for (const a of this.authors.values()) {
      if (a.cueBlocked) {
        a.cueScore = 0;
        a.cueCache = undefined;
        continue;
      }
      const p = this.partnerOf(a, partnerScratch);
      const score = a.cues.scoreWith(a.cueCats, p.cues, p.cats, p.words);
      if (score !== a.cueScore) a.cueCache = undefined;
      a.cueScore = score;
      if (score >= this.shortModel.threshold) a.cueReached = true;
    }
  }

  /** Whether partner words count in this chat (PARTNER_WORDS_MAX_AUTHORS). */
  private partnerWordsCount(): boolean {
    return this.authors.size <= PARTNER_WORDS_MAX_AUTHORS;
  }

  /** The cues and categories of everyone in the chat but `a`, and the sum of their partner words. */
  private partnerOf(a: AuthorState, out: Partner = { cues: 0, cats: 0, words: 0 }): Partner {
    out.cues = 0;
    out.cats = 0;
    out.words = 0;
    const words = this.partnerWordsCount();
    for (const b of this.authors.values()) {
      if (b === a) continue;
      out.cues |= b.cues.any;
      out.cats |= b.cueCats;
      if (words) out.words += b.cues.partnerZ;
    }
    return out;
  }

  /** The short-chat model's feature names for an author (explanations and fitting; the score is incremental). */
  private cueFeaturesOf(a: AuthorState): string[] {
    const ctx = this.contextOf(a);
    const s = a.signalCount === 0 ? undefined : contextual(a.strengths, ctx);
    const others: AuthorCues[] = [];
    if (this.partnerWordsCount()) for (const b of this.authors.values()) if (b !== a) others.push(b.cues);
    return shortChatFeatures(a.cues, (c) => (s === undefined ? 0 : s[signalIndex[c]]!), this.partnerOf(a), others);
  }

  /**
   * Whether the short-chat model counts for this author now: the conversation is still too short for the
   * learned text model, the author has a readable signal, and the score reaches the model's threshold.
   */
  private cueCounts(a: AuthorState): boolean {
    return !this.cuesDropped && !this.text.enoughText() && this.modelCountedFor(a);
  }

  /** The score at which an author's short-chat reading counts: lower by CUE_HOLD once it has reached the threshold. */
  private cueBar(a: AuthorState): number {
    return a.cueReached ? this.shortModel.threshold - CUE_HOLD : this.shortModel.threshold;
  }

  /** cueCounts but for the conversation's length: whether the author's cue score, as last read, counts. */
  private modelCountedFor(a: AuthorState): boolean {
    if (a.cueScore < this.cueBar(a)) return false;
    // Unattributed text mixes both sides' words (and was never what the model was fitted on): rules only.
    if (a.key === '') return false;
    return a.readable > 0 || this.modelEvidence(a).length >= MIN_LEARNED_PHRASES;
  }

  /**
   * The words that raised an author's short-chat score most, as `learned_phrase` evidence with their spans:
   * what a reviewer reads when the model counts for an author who has no lexicon signal.
   */
  private modelEvidence(a: AuthorState): Signal[] {
    a.cueCache ??= {};
    if (a.cueCache.evidence) return a.cueCache.evidence;
    const out: Signal[] = [];
    const cues = a.cues;
    for (let k = 0; k < cues.topCount; k++) {
      const weight = cues.topWeight[k]!;
      const text = cues.topText[k]!;
      const { messageIndex, wordIndex } = unpackPosition(cues.topPosition[k]!);
      const last = cues.topEnd[k]!;
      // Where the word (or word pair) was written: the message normalised again (only when evidence is shown).
      const nt = this.matcher.normaliser.normalise(text);
      const start = nt.origStarts[wordIndex];
      const end = nt.origEnds[unpackPosition(last).wordIndex];
      if (start === undefined || end === undefined) continue;
      const signal: Signal = { category: 'learned_phrase', messageIndex, text: text.slice(start, end), start, end, weight: Math.min(1, weight / 4), language: this.text.language() };
      if (a.key !== '') signal.author = a.key;
      out.push(signal);
    }
    a.cueCache.evidence = out;
    return out;
  }

  /** Whether the short-chat model carries some author's risk on its own evidence words. */
  private modelCarries(): boolean {
    for (const a of this.authors.values()) if (a.readable === 0 && this.cueCounts(a)) return true;
    return false;
  }

  /** The short-chat model's features of every author with any cue (for fitting the model). */
  cueFeaturesByAuthor(): { author: string; features: string[] }[] {
    return [...this.authors.values()].filter((a) => a.cues.any !== 0 || a.signalCount > 0).map((a) => ({ author: a.key, features: this.cueFeaturesOf(a) }));
  }

  /** Rules that fired and count, per author, riskiest author first. */
  firedRules(): FiredRule[] {
    if (!this.anyRules) return [];
    const out: FiredRule[] = [];
    for (const a of this.authors.values()) {
      for (const r of this.applicableRules(a)) {
        out.push({ rule: r.rule.id, description: r.rule.description, author: a.key, categories: r.categories, risk: r.rule.risk });
      }
      if (this.cueCounts(a)) {
        const { categories, description } = this.modelRule(a);
        out.push({ rule: 'short_chat_model', description, author: a.key, categories, risk: SHORT_CHAT_MODEL_RISK });
      }
    }
    if (this.strangersCount()) {
      const askers = this.strangers!;
      const categories = [...new Set(askers.map((s) => s.askCategory!))];
      out.push({ rule: 'coordinated_strangers', description: describeStrangers(askers), author: askers[0]!.author, authors: askers.map((s) => s.author), categories, risk: COORDINATED_STRANGERS_RISK });
    }
    return sorted(out, byRisk);
  }

  /**
   * The short-chat model's rule for an author: its categories and description, made again only when the
   * author's evidence words or categories differ from those they were made from (the assessment is built after
   * every message; they change on few).
   */
  private modelRule(a: AuthorState): { categories: SignalCategory[]; description: string } {
    let present = 0;
    for (let i = 0; i < a.strengths.length; i++) if (a.strengths[i]! > 0) present |= 1 << i;
    const cues = a.cues;
    const c = a.ruleCache;
    if (c !== undefined && c.present === present && c.words.length === cues.topCount && c.words.every((w, i) => w === cues.topWord[i])) return c;
    const words = cues.topWord.slice(0, cues.topCount);
    const categories = presentCategories(a.strengths).filter((x) => x !== 'age_disclosure' && x !== 'learned_phrase');
    const description = `the short-chat model (fitted on synthetic chats) reads this author's words together: ${[...words.map((w) => `"${w}"`), ...categories.map((x) => x.replace(/_/g, ' '))].join(', ')}`;
    a.ruleCache = { present, words, categories, description };
    return a.ruleCache;
  }

  /** The lexicon's logit of the riskiest author (context applied). */
  lexiconZ(): number {
    let z = lexiconIntercept;
    for (const a of this.authors.values()) z = Math.max(z, a.lexZ);
    return z;
  }

  /** The learned component's logit. */
  textLogit(): number {
    return this.textZ;
  }

  /** What the state holds: bounded by the options whatever the number of messages. */
  footprint(): { messages: number; trackedAuthors: number; keptSignals: number; windowSlots: number } {
    return { messages: this.messageCount, trackedAuthors: this.authors.size, keptSignals: this.evidence.length, windowSlots: this.text.windowSlots() };
  }

  /** Learned score alone, in [0, 1]. */
  learnedScore(): number {
    return 1 / (1 + Math.exp(-this.textZ));
  }

  /** Risk of each tracked author who produced signals, highest first. */
  authorRisks(): AuthorRisk[] {
    const out: AuthorRisk[] = [];
    for (const a of this.authors.values()) {
      if (a.signalCount === 0) continue;
      out.push({
        author: a.key,
        risk: a.risk,
        signalCount: a.signalCount,
        categories: presentCategories(a.strengths),
      });
    }
    return sorted(out, byRisk);
  }

  stage(): GroomingStage {
    const a = this.bestAuthor;
    if (a === undefined || a.signalCount === 0) return 'none';
    // The stage changes only when evidence or context does (a rescore) or another author leads.
    if (this.stageCache?.author !== a || this.stageCache.generation !== this.generation) {
      this.stageCache = { author: a, generation: this.generation, stage: stageReached(a.strengths, this.contextOf(a)) };
    }
    return this.stageCache.stage;
  }

  /**
   * Evidence kept so far, in message order (a shared, read-only array until the next change). When there is no
   * lexicon signal and the learned model carries a flag alone, the words it weighed most are the evidence.
   */
  signals(): Signal[] {
    const learned = this.evidence.length === 0 && this.warningAt !== null ? this.learnedEvidence.map(phraseSignal) : [];
    const model: Signal[] = [];
    if (this.warningAt !== null) {
      for (const a of this.authors.values()) {
        if (a.readable !== 0 || !this.cueCounts(a)) continue;
        // A word the learned text model already shows is not shown twice.
        for (const s of this.modelEvidence(a)) if (!learned.some((l) => l.messageIndex === s.messageIndex && l.start <= s.start && s.end <= l.end)) model.push(s);
      }
    }
    // Kept evidence alone and known to be in order: a copy is what sorting it would give (a stable sort keeps it).
    this.evidenceView ??= learned.length === 0 && model.length === 0 && this.evidenceOrdered ? this.evidence.slice() : sorted([...this.evidence, ...learned, ...model], inMessageOrder);
    return this.evidenceView;
  }

  /**
   * The learned model's top features, a new object each (the assessment owns them), read from the scorer's
   * plain values: the assessment is built after every message.
   */
  private learnedFeatures(): LearnedFeature[] {
    const out = new Array<LearnedFeature>(this.text.topSize());
    for (let i = 0; i < out.length; i++) out[i] = this.text.topAt(i);
    return out;
  }

  /**
   * Whether the warning, once fired, still holds after the last message: the risk as read now (or the
   * short-chat model's reading when it stopped) is at the threshold. A warning that later replies withdrew
   * (the camera was for a card trade, the photo is for nana's fridge) no longer holds.
   */
  standing(): boolean {
    return this.warningAt !== null && Math.max(this.currentRisk, this.handoffRisk) >= this.opts.threshold;
  }

  /** The assessment so far. `risk` is the peak risk reached; `flagged`, whether the warning still holds. */
  assessment(): ConversationAssessment {
    const standing = this.standing();
    return {
      risk: this.peakRisk,
      riskNow: this.currentRisk,
      flagged: standing,
      withdrawn: this.warningAt !== null && !standing,
      threshold: this.opts.threshold,
      stage: this.stage(),
      warningAt: this.warningAt,
      signals: this.signals(),
      rules: this.firedRules(),
      warningRules: [...this.warningRules],
      authors: this.authorRisks(),
      learnedScore: this.learnedScore(),
      messageCount: this.messageCount,
      learnedFeatures: this.learnedFeatures(),
      language: this.text.language(),
    };
  }
}

/** The age question turned back, closing a short answer: "you?", "and u", "und du", "en jij", "et toi", "y tú". */
const ASKED_BACK = new Set(['you', 'u', 'du', 'dir', 'jij', 'jou', 'toi', 'vous', 'tu', 'usted']);
const asksBack = (nt: NormalisedText): boolean => nt.words.length <= 4 && ASKED_BACK.has(nt.words[nt.words.length - 1]!);
