/**
 * Finds lexicon signals in one message: normalise, look up the patterns anchored on the message's words,
 * run each where its anchor occurs, and map every match back to the span as written.
 */
import { dampBareParentSecrets } from './bare-parent.ts';
import { dampScreenshotRequests } from './screenshot-request.ts';
import { readableText } from './fold-char.ts';
import { findFrames, mentionsMundane, type FrameResult } from './frames.ts';
import { impliedSextortion, type ImpliedParts } from './implied-sextortion.ts';
import { dampGroupAddress } from './group-address.ts';
import { dampIdPhoto } from './id-photo.ts';
import { dampKeepingStrangersOut } from './keeping-strangers-out.ts';
import { dampAskingForMoney } from './asking-for-money.ts';
import { dampOwnSending } from './own-sending.ts';
import { dampThingPhoto } from './thing-photo.ts';
import { dampPeersAge } from './peers-age.ts';
import { dampReachingParent } from './reaching-parent.ts';
import { dampReportedSpeech } from './reported-speech.ts';
import { rulesAt, type LexiconMatcher } from './lexicon.ts';
import { startsWithDigit } from './pattern.ts';
import { wordAt, type NormalisedText } from './normalise.ts';
import { sorted } from './sorted.ts';
import type { Signal } from './types.ts';

export interface DetectOptions {
  messageIndex?: number;
  author?: string;
  /** Restrict to these lexicon languages (default: all). */
  languages?: readonly string[];
  /** Internal: do not split run-together words again. */
  noSplit?: boolean;
  /** Material (pictures, a recording) was mentioned earlier in the conversation: "it" may stand for it. */
  materialContext?: boolean;
  /** The message before, or the author's own message before, laughed (FrameContext.laughedBefore). */
  laughedBefore?: boolean;
  /** The author's claim to hold material a few messages before was playful (FrameContext.playfulClaim). */
  playfulClaim?: boolean;
  /** The author claimed to hold material, or applied leverage, in a recent message (implied-sextortion.ts). */
  impliedBefore?: { claim: boolean; leverage: boolean };
  /** Internal: where the re-split text adds the implied-sextortion parts it finds. */
  parts?: ImpliedParts;
  /**
   * What the next messages need to know of this one: it mentions material or pictures; it laughs; it claims
   * material or applies leverage as the author's own words.
   */
  out?: { sawMaterial: boolean; laughter?: boolean; banter?: boolean; split?: NormalisedText; claim?: boolean; leverage?: boolean };
}

/** Words before an age that make it about the person addressed ("for a 13 yr old", "your 14 yo self"). */
const aboutAddressee = new Set(['a', 'an', 'for', 'your', 'you', 'like', 'such', 'youre', 'ur']);

/** Words up to which a message is searched word by word for a pattern's required words (longer texts: a set). */
const LINEAR_WORDS = 24;

/**
 * One message being scanned: what every pattern run needs. One object per message rather than a closure per
 * message, and the last regex run, since a strong sextortion pattern is two rules (sextortion and threat)
 * sharing one regex at the same anchor.
 */
interface Scan {
  matcher: LexiconMatcher;
  original: string;
  nt: NormalisedText;
  opts: DetectOptions;
  langs: readonly string[] | undefined;
  found: Signal[];
  parts: ImpliedParts;
  present: Set<string> | undefined;
  lastRegex: RegExp | undefined;
  lastAt: number;
  lastMatch: RegExpExecArray | null;
}

/** Whether every word in `required` is in the message. */
function hasAll(s: Scan, required: readonly string[]): boolean {
  const words = s.nt.words;
  if (words.length <= LINEAR_WORDS) {
    for (let i = 0; i < required.length; i++) if (words.indexOf(required[i]!) < 0) return false;
    return true;
  }
  if (s.present === undefined) s.present = new Set(words);
  for (let i = 0; i < required.length; i++) if (!s.present.has(required[i]!)) return false;
  return true;
}

/** Runs rule `ruleId` at word `k` and records its signal. */
function runRule(s: Scan, ruleId: number, k: number): void {
  const rule = s.matcher.rules[ruleId]!;
  if (s.langs && !s.langs.includes(rule.language)) return;
  // Cheap pre-check before the regex: every word the pattern requires must be in the message.
  if (rule.required.length > 1 && !hasAll(s, rule.required)) return;
  const { nt, opts } = s;
  const words = nt.words;
  const re = rule.regex;
  const at = nt.wordStarts[k]! - 1;
  let m: RegExpExecArray | null;
  if (re === s.lastRegex && at === s.lastAt) m = s.lastMatch;
  else {
    re.lastIndex = at;
    m = re.exec(nt.text);
    s.lastRegex = re;
    s.lastAt = at;
    s.lastMatch = m;
  }
  if (!m) return;
  const first = wordAt(nt, m.index + 1);
  const last = wordAt(nt, m.index + m[0].length - 1);
  const start = nt.origStarts[first]!;
  const end = nt.origEnds[last]!;
  const signal: Signal = {
    category: rule.category,
    messageIndex: opts.messageIndex ?? 0,
    text: s.original.slice(start, end),
    start,
    end,
    weight: rule.weight,
    language: rule.language,
  };
  if (opts.author !== undefined) signal.author = opts.author;
  if (rule.part !== undefined) {
    s.parts[rule.part].push(signal);
    return;
  }
  if (rule.impliesMinor) signal.impliesMinor = true;
  if (rule.category === 'age_disclosure') {
    let captured: string | undefined;
    for (let g = 1; g < m.length && captured === undefined; g++) captured = m[g];
    if (captured !== undefined) {
      const age = Number(captured) + rule.ageOffset;
      // A number outside plausible ages is not an age ("i'm 2 streets away" is filtered by the pattern).
      if (age < 5 || age > 99) return;
      // "nice figure for a 13 yr old": an age in the middle of someone's message is about the person
      // addressed, not the author. Only a first-person statement, or an age opening the message ("13 f"),
      // marks the author; a flattened text (no author) has no message starts to go by.
      if (rule.positional && opts.author !== undefined && first > 1) {
        if (age < 18 && first > 0 && aboutAddressee.has(words[first - 1]!)) signal.impliesMinor = true;
        else return;
      } else signal.disclosedAge = age;
    }
  }
  s.found.push(signal);
}

/** Signals of one already-normalised message. */
export function detectInNormalised(
  matcher: LexiconMatcher,
  original: string,
  nt: NormalisedText,
  opts: DetectOptions = {},
): Signal[] {
  const langs = opts.languages && opts.languages.length > 0 ? opts.languages : undefined;
  const found: Signal[] = [];
  // The top-level call's parts are a scratch emptied here (detection is synchronous, and the parts are read before
  // it returns); the re-split pass adds to its caller's.
  let parts = opts.parts;
  if (parts === undefined) {
    parts = scratchParts;
    if (parts.claim.length > 0) parts.claim.length = 0;
    if (parts.leverage.length > 0) parts.leverage.length = 0;
  }
  const scanState: Scan = { matcher, original, nt, opts, langs, found, parts, present: undefined, lastRegex: undefined, lastAt: -1, lastMatch: null };
  scan(scanState);
  // The readers of the message as written (quotation marks, sentence ends, the words around a quote) read it folded,
  // span for span: a warning typed in fullwidth letters is still a warning.
  const readable = readableText(original);
  const frames = frameSignals(matcher, original, readable, nt, opts, langs, found);
  // Whether a harmless message mentions ordinary embarrassing material is read only when it matters: a threat to
  // excuse, or a part of implied sextortion (-1: not read yet).
  let mundane = -1;
  if (frames.harmless && !frames.banter && found.some(isSextortion)) mundane = mentionsMundane(matcher.frames, nt.words) ? 1 : 0;
  if (frames.banter || mundane === 1) {
    dampBanter(found);
    if (opts.out) opts.out.banter = true;
  }
  // Words run together ("sendmeapic"): match once more over the text with them split apart.
  const split = opts.noSplit ? null : matcher.normaliser.splitRunTogether(nt);
  // The short-chat model reads the split words too (conversation-state.ts).
  if (split && opts.out) opts.out.split = split;
  if (split) {
    // Every option the re-split pass reads, in one literal (copying the options with a spread cost more).
    const again: DetectOptions = { messageIndex: opts.messageIndex, author: opts.author, languages: opts.languages, noSplit: true, materialContext: opts.materialContext, laughedBefore: opts.laughedBefore, playfulClaim: opts.playfulClaim, parts, out: opts.out };
    for (const s of detectInNormalised(matcher, original, split, again)) {
      if (!found.some((f) => f.category === s.category && f.start === s.start && f.end === s.end)) found.push(s);
    }
  }
  if (!opts.noSplit) {
    const anyPart = parts.claim.length > 0 || parts.leverage.length > 0;
    if (anyPart && !frames.jokes && frames.harmless && mundane === -1) mundane = mentionsMundane(matcher.frames, nt.words) ? 1 : 0;
    const jokes = anyPart && (frames.jokes || (frames.harmless && mundane === 1));
    const implied = impliedSextortion(readable, parts, opts.impliedBefore ?? noneBefore, jokes, nt);
    if (implied.signal) found.push(implied.signal);
    if (opts.out) {
      opts.out.claim = implied.claim;
      opts.out.leverage = implied.leverage;
    }
  }
  const kept = dedupe(found);
  // Quoted warnings ("if someone says \"pay or i post it\", report it"): only the top-level call, on the message as written.
  if (!opts.noSplit) {
    // Read over the words as split when some were run together ("someonesentme…"), as the patterns were.
    const words = split ?? nt;
    dampReportedSpeech(readable, kept, words, nt);
    // "is your mum home? i'm trying to call her": a caller for the parent, not a check of who is watching.
    dampReachingParent(words, kept, nt);
    // "lock the door and let no one in": a child home alone told to stay safe, not a check of who can walk in.
    dampKeepingStrangersOut(words, kept, nt);
    // "need a passport photo for the form": a photo for a pass or a form, not a picture for the asker.
    dampIdPhoto(words, kept, nt);
    // "team gc: everyone send me a pic of your player card": a request made of a whole group.
    dampGroupAddress(words, kept);
    // "niet tegen mama zeggen": a secret kept from a parent the writer shares, not "your mum".
    dampBareParentSecrets(nt, kept);
    // "schick screenshot als beweis": a picture of a screen, not of the person.
    dampScreenshotRequests(nt, kept);
    // "a girl your age", "una chica de tu edad": a person described by the reader's age, not a question.
    dampPeersAge(words, kept);
    // "je vous envoie une photo": the speaker's own sending, not a picture asked of the reader.
    dampOwnSending(words, kept);
    // "someone is messaging your friends asking for money": a request for money, not an offer for pictures.
    dampAskingForMoney(words, kept);
    // "schick mir ein foto von deinen schuhen": a picture of a thing, not of the person.
    dampThingPhoto(words, kept, nt);
  }
  return kept;
}


const scratchParts: ImpliedParts = { claim: [], leverage: [] };

/** No earlier implied-sextortion part (the default of DetectOptions.impliedBefore). */
const noneBefore = Object.freeze({ claim: false, leverage: false });

/** What is left of a threat to expose someone when the message is banter (see FrameResult.banter). */
export const BANTER_FACTOR = 0.3;

/**
 * Banter: the threats to expose someone in this message are jokes between friends. Their sextortion signals,
 * and the threat signals that double them, stay as evidence but weigh BANTER_FACTOR as much; any other threat
 * ("i know where you live") is untouched.
 */
function dampBanter(found: Signal[]): void {
  const spans = new Set(found.filter((s) => s.category === 'sextortion').map((s) => `${s.start}:${s.end}`));
  for (const s of found) {
    if (s.category === 'sextortion' || (s.category === 'threat' && spans.has(`${s.start}:${s.end}`))) s.weight *= BANTER_FACTOR;
  }
}

/** Signals of the frames (frames.ts): sextortion and picture requests found by the roles of their words. */
function frameSignals(matcher: LexiconMatcher, original: string, readable: string, nt: NormalisedText, opts: DetectOptions, langs: readonly string[] | undefined, found: Signal[]): FrameResult {
  // Material mentioned earlier, or a possession claim in this very message ("i recorded you"), lets "it" stand for it.
  let context = opts.materialContext === true;
  for (let i = 0; i < found.length && !context; i++) context = found[i]!.category === 'sextortion';
  const r = findFrames(matcher.frames, nt, { materialContext: context, resplit: opts.noSplit === true, laughedBefore: opts.laughedBefore === true, playfulClaim: opts.playfulClaim === true, sentences: sentencesOf(readable, nt) });
  if (opts.out) {
    if (r.sawMaterial) opts.out.sawMaterial = true;
    if (r.laughter) opts.out.laughter = true;
  }
  for (const h of r.hits) {
    if (langs && !langs.includes(h.language)) continue;
    const start = nt.origStarts[h.first]!;
    const end = nt.origEnds[h.last]!;
    // As with the strongest sextortion phrases, a sextortion frame is a threat too (the guardian acts on it).
    for (const category of h.category === 'sextortion' ? (['sextortion', 'threat'] as const) : [h.category]) {
      const signal: Signal = { category, messageIndex: opts.messageIndex ?? 0, text: original.slice(start, end), start, end, weight: h.weight, language: h.language };
      if (opts.author !== undefined) signal.author = opts.author;
      found.push(signal);
    }
  }
  return r;
}

/** A full stop or exclamation mark (not an ellipsis, nor dots between letters "s.n.a.p") followed by a space. */
const SENTENCE_END = /(?<![.!])[.!](?=\s)/;

/** The sentence of each word (0, 1, …), or undefined when the message is one sentence (most are). */
function sentencesOf(original: string, nt: NormalisedText): number[] | undefined {
  if (!SENTENCE_END.test(original)) return undefined;
  const out = new Array<number>(nt.words.length);
  let sentence = 0;
  for (let k = 0; k < nt.words.length; k++) {
    if (k > 0 && nt.origStarts[k]! > nt.origEnds[k - 1]! && SENTENCE_END.test(original.slice(nt.origEnds[k - 1]! - 1, nt.origStarts[k]!))) sentence++;
    out[k] = sentence;
  }
  return out;
}

const isSextortion = (s: Signal): boolean => s.category === 'sextortion';

/** Runs every pattern anchored at a word of the message (and, at an anchor, only those the next word allows). */
function scan(s: Scan): void {
  const { anchors, byPrefix, numberRules } = s.matcher;
  const words = s.nt.words;
  const ids = s.nt.ids;
  const n = words.length;
  for (let k = 0; k < n; k++) {
    const w = words[k]!;
    const exact = anchors.get(ids[k]!, w);
    if (exact !== null) {
      const list = k + 1 < n ? rulesAt(exact, ids[k + 1]!, words[k + 1]!) : exact.free;
      for (let i = 0; i < list.length; i++) runRule(s, list[i]!, k);
    }
    if (w.length >= 3 && byPrefix.size > 0) {
      const pre = byPrefix.get(w.slice(0, 3));
      if (pre) for (const p of pre) if (w.startsWith(p.prefix)) runRule(s, p.rule, k);
    }
    if (startsWithDigit(w)) for (const id of numberRules) runRule(s, id, k);
  }
}


const byStartLongest = (a: Signal, b: Signal) => a.start - b.start || b.end - a.end;
const byStartCategory = (a: Signal, b: Signal) => a.start - b.start || a.category.localeCompare(b.category);

/** Keeps, per category, the strongest of overlapping spans (longer on ties), in text order. */
function dedupe(signals: Signal[]): Signal[] {
  if (signals.length < 2) return signals;
  sorted(signals, byStartLongest);
  const kept: Signal[] = [];
  for (const s of signals) {
    let absorbed = false;
    for (let i = kept.length - 1; i >= 0; i--) {
      const k = kept[i]!;
      if (k.category !== s.category || k.end <= s.start || s.end <= k.start) continue;
      absorbed = true;
      const better = s.weight > k.weight || (s.weight === k.weight && s.end - s.start > k.end - k.start);
      if (better) kept[i] = s;
      break;
    }
    if (!absorbed) kept.push(s);
  }
  return sorted(kept, byStartCategory);
}
