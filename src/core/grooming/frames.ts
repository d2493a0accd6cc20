/**
 * Frames: signals found by the roles words play in a message rather than by a fixed phrase. Phrase patterns
 * miss what a person can say in many word orders ("block me and the video goes online", "zahlst du nicht,
 * schick ich die bilder deinem vater", "kannst du mir ein foto schicken"); a frame asks for the parts instead:
 *
 *   sextortion     an audience ("your class", "everyone", "online") + recorded material ("the clip", "your
 *                  pics"; "it" once material was mentioned or money demanded) + a condition on compliance
 *                  ("or", "unless", "if you block me", "ignore me and") + a verb of exposure or receipt
 *   image request  a request verb and a picture noun close together, in either order (German and Dutch put
 *                  the verb last), unless the picture is of a thing ("a pic of the hamster", "of us");
 *                  a picture "of you" / "von dir"; a picture offered in exchange ("für ein foto")
 *   camera         a camera noun with "on" / "an" / "aan" / "allume" / "prende" close by
 *
 * Word classes are data, per language (`FrameWords` in each lexicon); a frame only combines words of one
 * language, so the Dutch "of" (or) is never read into an English "pic of you".
 */
import type { NormalisedText } from './normalise.ts';
import { WordTable } from './word-ids.ts';

/** Word classes of one language for the frames. Each entry is a word or a short phrase, written as chat is. */
export interface FrameWords {
  /** Audiences on their own: "everyone", "online", "the internet". */
  audience: readonly string[];
  /** Audiences after a possessive: "school", "class", "mum", "followers". */
  audienceNouns: readonly string[];
  /** "your", "deine", "je", "ta", "tu". */
  possessives: readonly string[];
  /** May sit between a possessive and its noun: "whole", "ganze", "hele", "toute". */
  intensifiers: readonly string[];
  /** Recorded material: pictures, videos, clips, screenshots, recordings. */
  material: readonly string[];
  /** Pronouns that stand for material already mentioned: "it", "them", "es", "ze". */
  pronouns: readonly string[];
  /** Conditions on their own: "unless", "otherwise", "sonst", "anders", "sinon". */
  conditions: readonly string[];
  /** "or": a condition when an audience, or material and exposure, follow it. */
  ors: readonly string[];
  /** "if you": a condition when followed closely by one of `ifTriggers`. */
  ifs: readonly string[];
  ifTriggers: readonly string[];
  /** "block me", "tell anyone": a condition when "and" follows closely ("block me and …"). */
  imperatives: readonly string[];
  ands: readonly string[];
  /** Verbs of exposure or receipt: "send", "post", "goes", "gets", "sees", "landet", "krijgt". */
  expose: readonly string[];
  /** Payment and more-material demands: "pay", "money", "gift cards", "one more". */
  demands: readonly string[];
  /** First-person words: a picture verb right after one is an offer ("ich schicke dir ein bild"), not a request. */
  selves: readonly string[];
  /** Negations: "or" followed by one is not a condition ("of ik geen foto's stuur": whether I send none). */
  negations: readonly string[];
  /** Verbs asking for a picture: "send", "show", "schick", "stuur", "envoie", "manda". */
  requests: readonly string[];
  /** Picture nouns: "pic", "selfie", "foto", "bild". */
  images: readonly string[];
  /** After a picture noun, makes it a picture of the person addressed: "of you", "von dir". */
  ofYou: readonly string[];
  /** Before a picture noun, makes it one already taken ("that pic of you"): not a request without a verb. */
  definites: readonly string[];
  /** After a picture noun, makes it a picture of something else: "of the", "of us", "vom". */
  ofThing: readonly string[];
  /** Things a picture of "your …" may show without being a picture of the person: "homework", "dog". */
  things: readonly string[];
  /** "for" in an exchange: "for one pic", "für ein foto". */
  exchange: readonly string[];
  /** Articles allowed between `exchange` and the picture: "a", "one", "ein", "een", "une". */
  articles: readonly string[];
  cams: readonly string[];
  camOn: readonly string[];
  /** Laughter and "just kidding": "lol", "haha", "jk", "grapje", "mdr", "jaja". */
  laughter: readonly string[];
  /** Asking for something owed: a verb ("pay", "give", "gib") with its particle ("back", "zurück", "terug")… */
  restitutionVerbs: readonly string[];
  restitutionParticles: readonly string[];
  /**
   * …or a word on its own ("rembourse", "devuélveme"), or asking for an embarrassing post to be taken down ("delete
   * it or it goes in the class chat", "verwijder hem, anders…"): undoing, which extortion never asks. Not "you owe
   * me": extortion says that too.
   */
  restitution: readonly string[];
  /** Words that make material intimate or the victim's own ("nudes", "naked", "you sent"): never banter. */
  intimate: readonly string[];
  /**
   * Ordinary things a friend demands in a joke ("buy me fries", "my charger", "help me with french"): a threat
   * whose demand is one of these, and no picture, is playful rather than extortion.
   */
  favours: readonly string[];
  /**
   * What makes material ordinary embarrassment rather than the person's intimate pictures ("the video of you
   * falling off the skateboard", "your baby pics", "your spotify wrapped"): a threat to expose such material,
   * with nothing intimate and no picture asked for, is banter even without laughter.
   */
  mundane: readonly string[];
}

export const frameClasses = [
  'audience', 'audienceNouns', 'possessives', 'intensifiers', 'material', 'pronouns', 'conditions', 'ors', 'ifs',
  'ifTriggers', 'imperatives', 'ands', 'expose', 'demands', 'selves', 'negations', 'requests', 'images', 'ofYou', 'definites', 'ofThing', 'things',
  'exchange', 'articles', 'cams', 'camOn', 'laughter', 'restitutionVerbs', 'restitutionParticles', 'restitution', 'intimate', 'favours',
] as const satisfies readonly (keyof FrameWords)[];
type FrameClass = (typeof frameClasses)[number];
const C = Object.fromEntries(frameClasses.map((c, i) => [c, i])) as Record<FrameClass, number>;

interface Entry {
  lang: number;
  cls: number;
  words: string[];
}

/** A word's frame entries (see CompiledFrames.first). */
interface FirstWord {
  masks: number[] | null;
  multi: Entry[] | null;
}

/** Compiled frame words of every language: entries indexed by their first word. */
export interface CompiledFrames {
  languages: string[];
  byFirst: Map<string, Entry[]>;
  /**
   * Per first word: its one-word entries folded into a class mask per language, and its entries of two or more
   * words — so the common path is one lookup per word.
   */
  first: Map<string, FirstWord>;
  /** `first` by word id (word-ids.ts; null: no frame starts with the word). */
  firstById: WordTable<FirstWord | null>;
  /** Restitution particles of five letters or more, per language, also read inside compounds ("zurückgeben"). */
  particles: string[][];
  /** Mundane material (FrameWords.mundane) of every language by first word (outside the class masks: read only for a threat). */
  mundane: Map<string, string[][]>;
}

/** Compiles the frame words of each language with the normaliser used for messages. */
export function compileFrames(
  perLanguage: readonly { language: string; frames?: FrameWords }[],
  normaliseWords: (phrase: string) => readonly string[],
): CompiledFrames {
  // findFrames keeps a language's classes in one 32-bit mask (bit 31 is the sign bit: masks are only ever
  // tested with `& … !== 0`, which holds for it too).
  if (frameClasses.length > 32) throw new Error('too many frame classes for a 32-bit mask');
  const byFirst = new Map<string, Entry[]>();
  const languages: string[] = [];
  const particles: string[][] = [];
  const mundane = new Map<string, string[][]>();
  for (const { language, frames } of perLanguage) {
    if (!frames) continue;
    for (const phrase of frames.mundane) {
      const words = [...normaliseWords(phrase)];
      if (words.length === 0) throw new Error(`${language} frame mundane: "${phrase}" normalises to nothing`);
      const list = mundane.get(words[0]!);
      if (list) list.push(words);
      else mundane.set(words[0]!, [words]);
    }
    const lang = languages.length;
    languages.push(language);
    particles.push(frames.restitutionParticles.flatMap((p) => normaliseWords(p)).filter((w) => w.length >= 5));
    for (const cls of frameClasses) {
      for (const phrase of frames[cls]) {
        const words = [...normaliseWords(phrase)];
        if (words.length === 0) throw new Error(`${language} frame ${cls}: "${phrase}" normalises to nothing`);
        const list = byFirst.get(words[0]!);
        const e = { lang, cls: C[cls], words };
        if (list) list.push(e);
        else byFirst.set(words[0]!, [e]);
      }
    }
  }
  const first = new Map<string, FirstWord>();
  for (const [word, list] of byFirst) {
    const slot: FirstWord = { masks: null, multi: null };
    for (const e of list) {
      if (e.words.length === 1) {
        slot.masks ??= new Array<number>(languages.length).fill(0);
        slot.masks[e.lang]! |= 1 << e.cls;
      } else (slot.multi ??= []).push(e);
    }
    first.set(word, slot);
  }
  const firstById = new WordTable((w: string) => first.get(w) ?? null);
  return { languages, byFirst, first, firstById, particles, mundane };
}

/** Every word the frames use, for the normaliser's vocabulary. */
export function frameVocabulary(frames: CompiledFrames): string[] {
  const out = new Set<string>();
  for (const list of frames.byFirst.values()) for (const e of list) for (const w of e.words) out.add(w);
  for (const list of frames.mundane.values()) for (const words of list) for (const w of words) out.add(w);
  return [...out];
}

export interface FrameHit {
  /** Signal category and weight to report. */
  category: 'sextortion' | 'image_request';
  weight: number;
  /** Word span [first, last] in the normalised text. */
  first: number;
  last: number;
  language: string;
}

export interface FrameContext {
  /** Material was mentioned earlier in the conversation (so "it" / "them" may stand for it). */
  materialContext?: boolean;
  /**
   * The text is a re-split of words run together ("sendmeapic"). There a verb cut off from its own ending
   * ("schickte" → "schick te", a past tense) is not a request.
   */
  resplit?: boolean;
  /** The message before, or the author's own message before, laughed: a playful threat right after is banter. */
  laughedBefore?: boolean;
  /**
   * The author's claim to hold material a few messages before was playful ("i've still got that video of u singing
   * 😂"): a condition in this message with no demand for compliance ("otherwise it goes in the group chat") is banter.
   */
  playfulClaim?: boolean;
  /** The sentence of each word, when the message has more than one (detect-signals.ts). */
  sentences?: readonly number[];
}

/** Scratch: hits per language and class as [start, end) word spans. */
type Hits = [number, number][][];

const WINDOW_IF = 3;
const WINDOW_OR = 6;
const WINDOW_REQUEST = 5;
/** A sextortion frame's parts lie within this many words of its condition, and span fewer than MAX_SPAN. */
const WINDOW_PART = 12;
const MAX_SPAN = 20;
/** Banter, and "a pic of you" without a verb, are read only in a message of at most this many words (not in a long flattened text). */
const SHORT_WORDS = 40;

export interface FrameResult {
  hits: FrameHit[];
  /** The message mentions material or pictures at all. */
  sawMaterial: boolean;
  /**
   * The message jokes (laughter in it or just before it) about exposing someone without coercing them: no
   * condition or demand aimed at compliance, or only asking for something owed back ("pay me back or i'm posting
   * that photo of you asleep lol") or an ordinary favour ("buy me fries or it goes in the group chat 😂"), and
   * nothing intimate. Threats to expose in such a message are banter, not sextortion. A `harmless` message that
   * mentions ordinary embarrassing material is banter too; the caller reads that (mentionsMundane) only when needed.
   */
  banter: boolean;
  /**
   * The message jokes on its own: it laughs and nothing in it is intimate (or, read by the caller, it is
   * `harmless` and mentions ordinary embarrassing material); implied-sextortion.ts reads no claim or leverage in it.
   */
  jokes: boolean;
  /**
   * Short, nothing intimate, no picture asked for: whether it mentions ordinary embarrassing material ("the video
   * of u falling off the bike") is read only when it matters (mentionsMundane, detect-signals.ts), as few
   * messages threaten anyone.
   */
  harmless: boolean;
  /** The message laughs ("lol", "haha", "😂", "jk", "mdr", "jaja"). */
  laughter: boolean;
}

/** The frames found in one normalised message. */
export function findFrames(frames: CompiledFrames, nt: NormalisedText, ctx: FrameContext = {}): FrameResult {
  const words = nt.words;
  const n = words.length;
  const out: FrameHit[] = [];
  let sawMaterial = false;
  let laughter = false;
  let intimate = false;
  let restitution = false;
  let coercion = false;
  let favour = false;
  let demand = false;
  let asksPicture = false;
  // First pass into scratch arrays and a class bitmask per language; only a language whose words could make a
  // frame gets its hit lists built (most messages have none).
  // A re-split text differs from the message only where a token was split: without a frame word among the
  // pieces there is nothing new to find.
  if (ctx.resplit) {
    let fresh = false;
    for (let k = 0; k < n && !fresh; k++) {
      const split = (k > 0 && nt.origStarts[k] === nt.origStarts[k - 1]) || (k + 1 < n && nt.origStarts[k] === nt.origStarts[k + 1]);
      fresh = split && frames.byFirst.has(words[k]!);
    }
    if (!fresh) return { hits: out, sawMaterial, banter: false, jokes: false, harmless: false, laughter: false };
  }
  const nl = frames.languages.length;
  for (let l = 0; l < nl; l++) masks[l] = 0;
  let any = false;
  const ids = nt.ids;
  for (let k = 0; k < n; k++) {
    const slot = frames.firstById.get(ids[k]!, words[k]!);
    if (slot === null) continue;
    any = true;
    const sm = slot.masks;
    if (sm) for (let l = 0; l < nl; l++) masks[l]! |= sm[l]!;
    const list = slot.multi;
    if (list) for (const e of list) if (matchesAt(words, k, e.words)) masks[e.lang]! |= 1 << e.cls;
  }
  if (!any) return { hits: out, sawMaterial, banter: false, jokes: false, harmless: false, laughter: false };
  for (let l = 0; l < nl; l++) {
    const m = masks[l]!;
    if ((m & M.seen) !== 0) sawMaterial = true;
    laughter ||= (m & M.laughter) !== 0;
    intimate ||= (m & M.intimate) !== 0;
    restitution ||= (m & M.restitution) !== 0 || ((m & M.restitutionVerbs) !== 0 && (m & M.restitutionParticles) !== 0);
    coercion ||= (m & M.coercion) !== 0;
    favour ||= (m & M.favours) !== 0;
    demand ||= (m & M.demands) !== 0;
  }
  // "ladekabelzurück", "zurückgeben", "terugbetalen": a long particle inside a compound asks for something back.
  for (let k = 0; k < n && laughter && !restitution; k++) {
    const w = words[k]!;
    for (const ps of frames.particles) for (const p of ps) if (w.length > p.length && (w.startsWith(p) || w.endsWith(p))) restitution = true;
  }
  for (let lang = 0; lang < nl; lang++) {
    const m = masks[lang]!;
    const pictures = ((m & M.images) !== 0 && (m & M.asking) !== 0) || ((m & M.cams) !== 0 && (m & M.camOn) !== 0);
    const threat = (m & M.audience) !== 0 && (m & M.expose) !== 0 && (m & M.material) !== 0 && (m & M.condition) !== 0;
    if (!pictures && !threat) continue;
    const h: Hits = frameClasses.map(() => []);
    for (let k = 0; k < n; k++) {
      const list = frames.byFirst.get(words[k]!);
      if (list) for (const e of list) if (e.lang === lang && matchesAt(words, k, e.words)) h[e.cls]!.push([k, k + e.words.length]);
    }
    const language = frames.languages[lang]!;
    const sx = threat ? sextortion(h, ctx) : null;
    if (sx) out.push({ category: 'sextortion', weight: 0.95, first: sx[0], last: sx[1], language });
    if (pictures) {
      for (const [first, last, weight] of imageRequests(h, n <= SHORT_WORDS, words, ctx.resplit ? nt : undefined)) {
        out.push({ category: 'image_request', weight, first, last, language });
        // A picture asked for with a verb close to it, by the person addressed ("send me one", "show me", "cam on");
        // not "give me back my hoodie or i show everyone the video of you falling": there the verbs are the
        // speaker's own or for something else, and the video is the material.
        asksPicture ||= weight >= 0.7;
      }
    }
  }
  // Playful: nothing intimate, and no coercion, or only a demand for something owed back or an ordinary favour
  // with no picture asked for. Laughter in the message, or just before it, makes such a threat banter.
  const playful = n <= SHORT_WORDS && !intimate && (restitution || !coercion || (favour && !asksPicture) || (ctx.playfulClaim === true && !demand && !asksPicture));
  // Ordinary embarrassing material ("the video of u falling off the bike") needs no laughter to be a joke: the
  // caller adds that (mentionsMundane) when the message holds something to excuse.
  const harmless = n <= SHORT_WORDS && !intimate && !asksPicture;
  const jokes = n <= SHORT_WORDS && !intimate && laughter;
  // Asking for something owed back ("pay me back the 5 quid or ur pic goes in the group") is banter even unsmiling.
  return { hits: out, sawMaterial, banter: playful && (laughter || ctx.laughedBefore === true || ctx.playfulClaim === true || restitution), jokes, harmless, laughter };
}

/** Whether the words mention ordinary embarrassing material (FrameWords.mundane). */
export function mentionsMundane(frames: CompiledFrames, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const list = frames.mundane.get(words[k]!);
    if (list) for (const e of list) if (matchesAt(words, k, e)) return true;
  }
  return false;
}

const near = (a: [number, number], b: [number, number], w: number) => Math.abs(a[0] - b[0]) <= w;
const bit = (cls: number) => 1 << cls;
/** Class masks tested on every message (computed once). */
const M = {
  images: bit(C.images),
  asking: bit(C.requests) | bit(C.ofYou) | bit(C.exchange),
  requests: bit(C.requests),
  cams: bit(C.cams),
  camOn: bit(C.camOn),
  audience: bit(C.audience) | bit(C.audienceNouns),
  expose: bit(C.expose),
  material: bit(C.material) | bit(C.images) | bit(C.pronouns),
  condition: bit(C.conditions) | bit(C.ors) | bit(C.ifs) | bit(C.imperatives),
  seen: bit(C.material) | bit(C.images),
  laughter: bit(C.laughter),
  intimate: bit(C.intimate),
  favours: bit(C.favours),
  demands: bit(C.demands),

  restitution: bit(C.restitution),
  restitutionVerbs: bit(C.restitutionVerbs),
  restitutionParticles: bit(C.restitutionParticles),
  coercion: bit(C.conditions) | bit(C.ors) | bit(C.ifs) | bit(C.demands) | bit(C.imperatives),
};

// Scratch of `findFrames` (detection is synchronous): a class mask per language.
const masks: number[] = [];

/** Whether `phrase` is written at word `k`. */
function matchesAt(words: readonly string[], k: number, phrase: readonly string[]): boolean {
  if (k + phrase.length > words.length) return false;
  for (let j = 0; j < phrase.length; j++) if (words[k + j] !== phrase[j]) return false;
  return true;
}

/** [first, last] word of a sextortion frame, or null. */
function sextortion(h: Hits, ctx: FrameContext): [number, number] | null {
  // Audience: on its own, or a noun after a possessive (with "whole" / "ganze" / "all" between).
  const audience: [number, number][] = [...h[C.audience]!];
  for (const noun of h[C.audienceNouns]!) {
    for (const p of h[C.possessives]!) {
      const gap = noun[0] - p[1];
      if (gap === 0 || (gap === 1 && h[C.intensifiers]!.some((i) => i[0] === p[1]))) audience.push([p[0], noun[1]]);
    }
  }
  if (audience.length === 0) return null;
  const demand = h[C.demands]!;
  const material: [number, number][] = [...h[C.material]!, ...h[C.images]!];
  if (ctx.materialContext || demand.length > 0) material.push(...h[C.pronouns]!);
  if (material.length === 0) return null;
  // Conditions. "if you" opens a clause whose verbs are the condition, not the exposure.
  const conditions: [number, number][] = [...h[C.conditions]!];
  const inIf = new Set<number>();
  for (const f of h[C.ifs]!) {
    const t = h[C.ifTriggers]!.find((x) => x[0] >= f[1] && x[0] - f[1] < WINDOW_IF);
    if (t) {
      conditions.push([f[0], t[1]]);
      for (let k = f[1]; k < t[1]; k++) inIf.add(k);
    }
  }
  for (const v of h[C.imperatives]!) {
    const a = h[C.ands]!.find((x) => x[0] >= v[1] && x[0] - v[1] < WINDOW_IF);
    if (a) conditions.push([v[0], a[1]]);
  }
  const expose = h[C.expose]!.filter((x) => !inIf.has(x[0]));
  for (const o of h[C.ors]!) {
    const after = (xs: [number, number][]) => xs.some((x) => x[0] >= o[1] && x[0] - o[1] < WINDOW_OR);
    // "or your dad gets a copy", "or the clip ends up online" — not "to your mum or your dad".
    const negated = h[C.negations]!.some((x) => x[0] >= o[1] && x[0] - o[1] < 3);
    if (!negated && after(expose) && (after(audience) || after(material))) conditions.push(o);
  }
  if (conditions.length === 0 || expose.length === 0) return null;
  // All parts close together: one sentence, not words scattered over a long text.
  const nearest = (xs: [number, number][], c: [number, number]) => {
    let best: [number, number] | undefined;
    for (const x of xs) if (Math.abs(x[0] - c[0]) <= WINDOW_PART && (!best || Math.abs(x[0] - c[0]) < Math.abs(best[0] - c[0]))) best = x;
    return best;
  };
  const sentences = ctx.sentences;
  for (const c of conditions) {
    const parts = [c, nearest(audience, c), nearest(material, c), nearest(expose, c)];
    if (parts.some((x) => x === undefined)) continue;
    // The exposure follows its condition or shares its sentence: "we post approved photos to the school page. If
    // you don't want your child included, let us know" is news and then an opt-out, not a threat; "i have
    // screenshots. if you stop answering your parents get them" still is.
    const e = parts[3]!;
    if (sentences !== undefined && e[0] < c[0] && sentences[e[0]] !== sentences[c[0]]) continue;
    const first = Math.min(...parts.map((x) => x![0]));
    const last = Math.max(...parts.map((x) => x![1] - 1));
    if (last - first < MAX_SPAN) return [first, last];
  }
  return null;
}

/** Past forms of "to be" that make "camera … on" a report of what was (imageRequests). */
const PAST_COPULAS = new Set(['was', 'were', 'war', 'waren', 'stond', 'stonden', 'etait', 'estaba', 'estuvo']);

/** Spans of picture requests. */
/** Verb endings that a re-split can cut off a verb ("schick|te", "stuur|de", "send|ed"). */
const endings = new Set(['t', 'te', 'ten', 'st', 'e', 'en', 'de', 'den', 'ed', 's', 'es', 'ing']);

function imageRequests(h: Hits, short: boolean, words: readonly string[], resplit?: NormalisedText): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const cam of h[C.cams]!) {
    // "die kamera war noch an", "the cam was on all night": the camera's state told in the past, not a request.
    const on = h[C.camOn]!.find((x) => near(x, cam, 3) && !(x[0] > cam[1] && words.slice(cam[1], x[0]).some((w) => PAST_COPULAS.has(w))));
    if (on) out.push([Math.min(on[0], cam[0]), Math.max(on[1], cam[1]) - 1, 0.8]);
  }
  const images = h[C.images]!;
  const ofThing = h[C.ofThing]!;
  const ofYou = h[C.ofYou]!;
  const things = h[C.things]!;
  for (const img of images) {
    // "a pic of the hamster", "that pic of us", "a pic of your homework": a picture of something else.
    const thing = ofThing.some((x) => x[0] === img[1]);
    const you = ofYou.find((x) => x[0] === img[1]);
    const yourThing = you !== undefined && things.some((x) => x[0] >= you[1] && x[0] - you[1] <= 1);
    if (thing || yourThing) continue;
    const cutOff = (r: [number, number]) =>
      resplit !== undefined && r[1] < words.length && endings.has(words[r[1]]!) && resplit.origStarts[r[1]] === resplit.origStarts[r[1] - 1];
    const req = h[C.requests]!.find(
      // The speaker's own sending, before the verb ("i'll send you a pic") or right after it in German and Dutch word
      // order ("sonst schick ich deiner mama das video", "anders stuur ik je moeder die foto"), is no request.
      (r) => near(r, img, WINDOW_REQUEST) && !cutOff(r) && !h[C.selves]!.some((x) => (x[1] <= Math.min(r[0], img[0]) && Math.min(r[0], img[0]) - x[1] < 3) || (x[1] <= r[0] && r[0] - x[1] < 2) || x[0] === r[1]),
    );
    if (req) {
      out.push([Math.min(req[0], img[0]), Math.max(req[1], img[1]) - 1, 0.7]);
      continue;
    }
    // Without a verb "a pic of you" is weaker: it may be talk about a picture rather than a request.
    if (short && you && !h[C.definites]!.some((d) => d[1] === img[0])) {
      out.push([img[0], you[1] - 1, 0.6]);
      continue;
    }
    // "for pics", "for a pic" — a bare singular ("für Bild") is not how anyone asks.
    const plural = /(s|er)$/.test(words[img[1] - 1]!);
    const ex = h[C.exchange]!.find((x) => (x[1] === img[0] && plural) || h[C.articles]!.some((a) => a[0] === x[1] && a[1] === img[0]));
    if (ex) out.push([ex[0], img[1] - 1, 0.7]);
  }
  return out;
}
