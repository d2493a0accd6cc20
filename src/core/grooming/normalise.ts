/**
 * Chat-spelling normaliser. Turns "R U hOme aloneee?? 🤫" into "are you home alone shh" while remembering,
 * for every output word, the span of the original text it came from, so a signal can quote what was written.
 *
 * Steps per token: lowercase and fold accents, map a few emoji to words, split "12yo"/"15f" into number and
 * unit, undo leetspeak inside words ("s3cr3t"), squeeze letter runs ("sooo"), expand abbreviations
 * ("wbu" → "what about you") and spell numbers as digits ("thirteen" → "13").
 *
 * Evasive spelling is undone too: Unicode NFKC, invisible characters, look-alike letters (fold-char.ts),
 * letters set apart by dots, dashes or spaces ("s.n.a.p", "s n a p"), asterisks ("p*cs") and lexicon words run
 * together ("sendmeapic"). Every output word still maps back to the characters as written.
 */
import { foldChar, INVISIBLE } from './fold-char.ts';
import { wordId, WordTable } from './word-ids.ts';

/** Normalised text: words joined by single spaces, with a leading and trailing space for pattern matching. */
export interface NormalisedText {
  /** " word word … " — every word is preceded and followed by exactly one space. */
  text: string;
  words: string[];
  /** Each word's id (word-ids.ts; NO_ID for a word without one): what readers know of a word is kept by it. */
  ids: number[];
  /** Offset in `text` of each word's first character. */
  wordStarts: number[];
  /** Span in the original text that produced each word. */
  origStarts: number[];
  origEnds: number[];
}

/** Word-level replacement tables, merged from the language lexicons. */
export interface NormaliserTables {
  abbreviations: Readonly<Record<string, string>>;
  numberWords: Readonly<Record<string, number>>;
}

const emojiWords = new Map<string, string>(Object.entries({
  '🤫': 'shh',
  '🤐': 'shh',
  '📷': 'pic',
  '📸': 'pic',
  '🤳': 'selfie',
  '🎥': 'video',
  '📹': 'video',
  '🎁': 'gift',
  // Live-stream gifts bought with money, offered as currency for a dare ("🌹 if u do it").
  '🌹': 'rose',
  '🦁': 'lion',
  '🪐': 'universe',
  '🌌': 'galaxy',
  '💰': 'money',
  '💵': 'money',
  '💸': 'money',
  '🤑': 'money',
  '💎': 'coins',
  '🍆': 'sexemoji',
  '🍑': 'sexemoji',
  '💦': 'sexemoji',
  '👅': 'sexemoji',
  '🔞': 'sexemoji',
  '🔥': 'hot',
  '😘': 'kiss',
  '💋': 'kiss',
  '👙': 'bikini',
  '🚿': 'shower',
  '🛁': 'bath',
  '🚽': 'bathroom',
  '👀': 'show',
  '❤': 'love',
  '💕': 'love',
  '😍': 'love',
  '😂': 'haha',
  '🤣': 'haha',
  '😹': 'haha',
  '😆': 'haha',
}));

const leet: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g', '@': 'a', $: 's', '8': 'b' };

/** Tokens like "12yo", "15f", "5min": a number with a unit, kept apart rather than read as leetspeak. */
const numberWithUnit = /^(\d{1,4})(yo|yrs?|y|m|f|st|nd|rd|th|am|pm|k|s|h|hrs?|min|mins|cm|km|kg|lbs?|ft|x|ans|anos|jaar|jahre|jr|j)$/;

/** Words that legitimately carry a double letter, so "gooood" squeezes to "good" and not "god". */
const doubleLetterWords = new Set([
  'good', 'too', 'see', 'sweet', 'cool', 'look', 'looks', 'soon', 'feel', 'need', 'keep', 'all', 'will', 'kiss',
  'miss', 'free', 'meet', 'hell', 'tell', 'call', 'pass', 'ass', 'room', 'school', 'boobs', 'boob', 'pretty',
  'sorry', 'hello', 'well', 'really', 'baby', 'daddy', 'mommy', 'hotty', 'hottie', 'sexxy', 'kitty', 'silly',
  'allo', 'belle', 'bella', 'llama', 'allez', 'mooi', 'leeftijd', 'weet', 'hee', 'hoor', 'geen', 'alleen', 'niemand',
  'schatz', 'alles', 'kommen', 'wann', 'dann', 'toll', 'geheimnis', 'voll', 'see', 'feet', 'boo', 'hmm', 'mmm',
  // Dutch and German words spelled with a double letter, which a stretched one ("voooor", "eeeen") means.
  'voor', 'een', 'geen', 'eerst', 'meer', 'weer', 'veel', 'heel', 'hele', 'keer', 'naar', 'maar', 'waar', 'daar',
  'haar', 'jaar', 'aan', 'gaan', 'staan', 'laat', 'laten', 'straat', 'ook', 'hoor', 'zoon', 'deur', 'nee',
  'paar', 'boot', 'leer', 'denn', 'wenn', 'bitte', 'mutter', 'zimmer', 'alle', 'wollen', 'treffen', 'schnell',
  'aanzetten', 'aanzet', 'teen', 'soon', 'moon', 'loo',
]);

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Characters that may sit inside a disguised word ("s.n.a.p", "p-i-c", "s*x", "snap_chat"). */
const isJoiner = (c: number) => c === 42 || c === 46 || c === 45 || c === 95;

function squeeze(w: string, isWord: (w: string) => boolean = (x) => doubleLetterWords.has(x)): string {
  if (w.length < 3) return w;
  let out = '';
  let i = 0;
  while (i < w.length) {
    let j = i + 1;
    while (j < w.length && w[j] === w[i]) j++;
    const run = j - i;
    if (run >= 3 && !(w[i]! >= '0' && w[i]! <= '9')) {
      const one = out + w[i] + w.slice(j);
      const two = out + w[i] + w[i] + w.slice(j);
      // Prefer the doubled form only when it spells a known word.
      const doubled = squeezeRest(two);
      out += isWord(doubled) && (!isWord(squeezeRest(one)) || doubleLetterWords.has(doubled)) ? w[i]! + w[i]! : w[i]!;
    } else {
      out += w.slice(i, j);
    }
    i = j;
  }
  return out;
}

/** Squeezes the remaining runs of a candidate to one letter, to compare against the known-word list. */
function squeezeRest(w: string): string {
  return w.replace(/([a-z])\1{2,}/g, '$1');
}

const alphaRe = /^[a-z]+$/;
const segmentCacheSize = 50_000;
/** Slots of the direct-mapped token cache in front of the token map (see tokenOf). */
const RECENT_BITS = 11;
const RECENT_SLOTS = 1 << RECENT_BITS;

/** Creates a normaliser bound to merged word tables. */
export function createNormaliser(tables: NormaliserTables) {
  // Maps, not objects: a chat word like "constructor" must not hit Object.prototype.
  const abbreviations = new Map(Object.entries(tables.abbreviations));
  const numberWords = new Map(Object.entries(tables.numberWords));
  /** Words of the lexicons with their salience (the strongest weight of a pattern using them). */
  let vocabulary = new Map<string, number>();
  let byLength = new Map<number, string[]>();
  let longest = 0;
  /** Lexicon languages (bit i = language i) that use each word, to read a masked word in its context. */
  let languageMask = new Map<string, number>();
  /** Per message: how many words of each language surround a masked word. */
  let votes: number[] = [];
  /** Two-letter chat shorthands ("sh", "bf") that are too easily found inside ordinary words. */
  let shortAbbreviation = new Set<string>();
  const segmentCache = new Map<string, string[] | null>();

  const known = (w: string) => vocabulary.has(w) || abbreviations.has(w) || numberWords.has(w);
  /** A stretched letter ("eeeen") keeps its double when the doubled form is a word ("een", "keep"). */
  const isDoubled = (w: string) => doubleLetterWords.has(w) || vocabulary.has(w);

  /**
   * Tells the normaliser which words the lexicons use, so it can rejoin spaced letters ("s n a p"), read
   * "p*cs" and split words run together ("sendmeapic") into them. Set once by `compileLexicons`.
   */
  function setVocabulary(words: ReadonlyMap<string, number>, languages: ReadonlyMap<string, number> = new Map()): void {
    vocabulary = new Map(words);
    languageMask = new Map(languages);
    shortAbbreviation = new Set();
    for (const k of abbreviations.keys()) {
      if (!alphaRe.test(k)) continue;
      if (!vocabulary.has(k)) {
        vocabulary.set(k, 0);
        if (k.length <= 2 && !['ur', 'im', 'me', 'my'].includes(k)) shortAbbreviation.add(k);
      }
    }
    byLength = new Map();
    longest = 0;
    for (const w of vocabulary.keys()) {
      const list = byLength.get(w.length);
      if (list) list.push(w);
      else byLength.set(w.length, [w]);
      longest = Math.max(longest, w.length);
    }
    segmentCache.clear();
    tokenCache.clear();
    recentToken.fill(undefined);
    splitCache.clear();
    splits = new WordTable(splitWord);
  }

  /** A raw token's words and their ids (word-ids.ts), made once per token: a message's words get their ids here. */
  interface Token {
    words: readonly string[];
    ids: readonly number[];
  }
  const tokenCache = new Map<string, Token>();
  /**
   * A direct-mapped cache in front of tokenCache, by a hash of a token's length and three of its letters: a
   * message's common tokens are found by one string comparison, without hashing the whole token for the map
   * (which cost as much as the rest of reading it). Holds only what tokenCache gave, so it answers the same.
   */
  const recentKey = new Array<string>(RECENT_SLOTS).fill('');
  const recentToken = new Array<Token | undefined>(RECENT_SLOTS).fill(undefined);

  function tokenOf(raw: string): Token {
    const n = raw.length;
    const slot = (n ^ Math.imul(raw.charCodeAt(0), 0x9e3779b1) ^ Math.imul(raw.charCodeAt(n >> 1), 0x85ebca6b) ^ Math.imul(raw.charCodeAt(n - 1), 0xc2b2ae35)) >>> (32 - RECENT_BITS);
    const recent = recentToken[slot];
    if (recent !== undefined && recentKey[slot] === raw) return recent;
    let t = tokenCache.get(raw);
    if (t === undefined) {
      const words = readToken(raw);
      t = { words, ids: words.map(wordId) };
      if (tokenCache.size >= segmentCacheSize) tokenCache.clear();
      tokenCache.set(raw, t);
    }
    recentKey[slot] = raw;
    recentToken[slot] = t;
    return t;
  }

  /** Normalises one raw token (already lowercased and folded) into zero or more words (a shared, read-only array). */
  function normaliseToken(raw: string): readonly string[] {
    return tokenOf(raw).words;
  }

  function readToken(raw: string): string[] {
    const direct = abbreviations.get(raw);
    if (direct !== undefined) return direct === '' ? [] : direct.split(' ');
    let w = raw;
    if (/\d/.test(w)) {
      if (/^\d+$/.test(w)) return [w];
      // Leetspeak that spells a lexicon word wins even when digits dominate ("4r3", "57r34m", "54y").
      const asLetters = squeeze(w.replace(/[0-9@$]/g, (d) => leet[d] ?? d), isDoubled);
      if (alphaRe.test(asLetters) && vocabulary.has(asLetters)) return [...normaliseToken(asLetters)];
      const unit = numberWithUnit.exec(w);
      if (unit) return [unit[1]!, unit[2]!];
      // "50euro", "1000robux": a number glued to a lexicon word.
      const glued = /^(\d+)([a-z]{3,})$/.exec(w);
      if (glued && known(glued[2]!)) return [glued[1]!, ...normaliseToken(glued[2]!)];
      const abbr = abbreviations.get(w);
      if (abbr !== undefined) return abbr.split(' ');
      // "1000robuxvoor": an amount glued to words (leetspeak does not start with two digits).
      const amount = /^(\d{2,})([a-z]{3,})$/.exec(w);
      if (amount) return [amount[1]!, ...normaliseToken(amount[2]!)];
      // "auch15", "im13": a known word with a number glued after it.
      const tail = /^([a-z]{2,})(\d{2,3})$/.exec(w);
      if (tail && known(tail[1]!)) return [...normaliseToken(tail[1]!), tail[2]!];
      // Leetspeak only when letters dominate, so "b2b" or "a1" are not mangled into words.
      const letters = w.replace(/[^a-z]/g, '').length;
      if (letters >= 1 && letters >= w.length - letters) w = w.replace(/[0-9@$]/g, (d) => leet[d] ?? d);
    } else if (w.includes('@') || w.includes('$')) {
      w = w.replace(/[@$]/g, (d) => leet[d] ?? d);
    }
    w = squeeze(w, isDoubled);
    const abbr = abbreviations.get(w);
    if (abbr !== undefined) return abbr === '' ? [] : abbr.split(' ');
    const n = numberWords.get(w);
    if (n !== undefined) return [String(n)];
    return [w];
  }

  /** "s*x", "p*cs": the lexicon word the asterisks hide (the most salient when several fit), else the letters. */
  function unmask(piece: string): string {
    // A star stands for a letter ("p*c") or was put between letters ("i*ch"): every reading that is a lexicon
    // word competes, in the language of the words around it, then by weight. People star out vowels, so a
    // reading that puts a vowel under the star wins over one that does not ("p*x" is "pix", not "plx").
    const removed = piece.replace(/\*/g, '');
    const stripped = piece.replace(/^\*+|\*+$/g, '');
    let best = '';
    let bestScore = -1;
    const consider = (w: string | null, masked: string) => {
      if (w === null) return;
      const score = contextScore(w) + vowelBonus(w, masked);
      if (score > bestScore) {
        best = w;
        bestScore = score;
      }
    };
    consider(fillMask(piece), piece);
    if (stripped !== piece) consider(fillMask(stripped), stripped);
    if (vocabulary.has(removed)) consider(removed, removed);
    return best || removed;
  }

  /** 1 when every star of `masked` hides a vowel of `w` (same length), else 0. */
  function vowelBonus(w: string, masked: string): number {
    if (w.length !== masked.length || !masked.includes('*')) return 0;
    for (let i = 0; i < w.length; i++) if (masked[i] === '*' && !'aeiouy'.includes(w[i]!)) return 0;
    return 1;
  }

  /** How well a lexicon word fits the message: the count of surrounding words of its languages, then weight. */
  function contextScore(w: string): number {
    const mask = languageMask.get(w) ?? 0;
    let context = 0;
    for (let b = 0; b < votes.length; b++) if (mask & (1 << b)) context = Math.max(context, votes[b] ?? 0);
    return context * 10 + (vocabulary.get(w) ?? 0);
  }

  /** The best lexicon word matching `masked` ('*' = one letter). */
  function fillMask(masked: string): string | null {
    if (!masked.includes('*') || masked.replace(/\*/g, '').length === 0) return null;
    let best: string | null = null;
    let bestScore = -1;
    for (const w of byLength.get(masked.length) ?? []) {
      let ok = true;
      for (let i = 0; i < w.length && ok; i++) if (masked[i] !== '*' && masked[i] !== w[i]) ok = false;
      if (!ok) continue;
      const score = contextScore(w) + vowelBonus(w, masked);
      if (score > bestScore) {
        best = w;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Splits a token holding joiners into pieces [text, from, to) (character indices in the token): single
   * letters set apart by dots or dashes are one word ("s.n.a.p"), so is a lexicon word split once
   * ("snap-chat"); other joined words stay apart ("t-shirt", "10.30").
   */
  function splitJoiners(tok: string): [string, number, number][] {
    const pieces: [string, number, number][] = [];
    let from = 0;
    for (let i = 0; i <= tok.length; i++) {
      const c = tok.charCodeAt(i);
      if (i === tok.length || c === 46 || c === 45 || c === 95) {
        if (i > from) pieces.push([tok.slice(from, i), from, i]);
        from = i + 1;
      }
    }
    if (pieces.length >= 2) {
      const joined = pieces.map((p) => p[0]).join('');
      const singles = pieces.every((p) => p[0].replace(/\*/g, '').length <= 1) && /[a-z*]/.test(joined);
      if (singles || (known(unmask(joined)) && !pieces.every((p) => known(p[0])))) {
        return [[unmask(joined), pieces[0]![1], pieces[pieces.length - 1]![2]]];
      }
    }
    return pieces.map(([t, a, b]) => [t.includes('*') ? unmask(t) : t, a, b]);
  }

  /** True when the lexicon words among `parts` (two letters or more) share a language. */
  function oneLanguage(parts: readonly string[]): boolean {
    let mask = -1;
    for (const p of parts) {
      const m = p.length >= 2 ? (languageMask.get(p) ?? 0) : 0;
      if (m !== 0) mask &= m;
    }
    return mask !== 0;
  }

  /** Fewest-word split of a run-together token into lexicon words (one unknown word allowed at an edge). */
  function segment(w: string): string[] | null {
    const cached = segmentCache.get(w);
    if (cached !== undefined) return cached;
    const n = w.length;
    // Lexicon words of two or more letters, chat shorthands of three or more, and the words a, i, u.
    const ok = (p: string) =>
      p.length >= 3 ? vocabulary.has(p) : p.length === 2 ? vocabulary.get(p) !== undefined && !shortAbbreviation.has(p) : p === 'a' || p === 'i' || p === 'u';
    // fwd[j]: fewest pieces covering w[0, j); bwd[i]: fewest covering w[i, n). Ties go to the split with more
    // real words (three letters or more: "mirein" is "mir ein", not "mi rein"), then to the one holding the
    // longer word ("isendit" is "i send it", not "is en dit"), then to the one whose words weigh more.
    const longestOf = (ps: string[]) => ps.reduce((t, p) => Math.max(t, p.length), 0);
    const sal = (ps: string[]) => ps.reduce((t, p) => t + (vocabulary.get(p) ?? 0), 0);
    const better = (cand: string[], cur: string[] | null) => {
      if (!cur || cand.length !== cur.length) return !cur || cand.length < cur.length;
      // Words of one language beat a mix ("whatsur" is "whats ur", not English "what" + French "sur").
      const la = oneLanguage(cand);
      if (la !== oneLanguage(cur)) return la;
      const wa = cand.filter((p) => p.length >= 3).length;
      const wb = cur.filter((p) => p.length >= 3).length;
      if (wa !== wb) return wa > wb;
      const a = longestOf(cand);
      const b = longestOf(cur);
      return a !== b ? a > b : sal(cand) > sal(cur);
    };
    const fwd: (string[] | null)[] = new Array(n + 1).fill(null);
    const bwd: (string[] | null)[] = new Array(n + 1).fill(null);
    fwd[0] = [];
    bwd[n] = [];
    for (let i = 0; i < n; i++) {
      const head = fwd[i];
      if (!head) continue;
      for (let j = i + 1; j <= Math.min(n, i + longest); j++) {
        const p = w.slice(i, j);
        if (ok(p) && better([...head, p], fwd[j]!)) fwd[j] = [...head, p];
      }
    }
    for (let j = n; j > 0; j--) {
      const tail = bwd[j];
      if (!tail) continue;
      for (let i = j - 1; i >= Math.max(0, j - longest); i--) {
        const p = w.slice(i, j);
        if (ok(p) && better([p, ...tail], bwd[i]!)) bwd[i] = [p, ...tail];
      }
    }
    let best: string[] | null = fwd[n] && fwd[n]!.length >= 2 ? fwd[n]! : null;
    if (!best) {
      for (let k = 4; k <= n - 4; k++) {
        const tail = bwd[k];
        if (tail && tail.length >= 2 && (!best || tail.length + 1 < best.length)) best = [w.slice(0, k), ...tail];
        const head = fwd[n - k];
        if (head && head.length >= 2 && (!best || head.length + 1 < best.length)) best = [...head, w.slice(n - k)];
      }
    }
    if (segmentCache.size >= segmentCacheSize) segmentCache.clear();
    segmentCache.set(w, best);
    return best;
  }

  // Scratch state of one `normalise` call. The helpers below are created once per normaliser, not per
  // message: closures made per call cost more than the work they do on a short chat message. The scratch
  // arrays are filled up to a count and never emptied (emptying an array drops its storage, and refilling it
  // allocates again on every message).
  let words: string[] = [];
  let ids: number[] = [];
  let origStarts: number[] = [];
  let origEnds: number[] = [];
  /** Offsets as written of every character kept in a token (the first `nc`). */
  const cs: number[] = [];
  const ce: number[] = [];
  let nc = 0;
  /** Tokens in order (the first `ni`): text and index of its first character in cs/ce, or a fixed word (base −1). */
  const itemText: string[] = [];
  const itemBase: number[] = [];
  const fixedStart: number[] = [];
  const fixedEnd: number[] = [];
  let ni = 0;
  /** Pieces of the tokens once joiners are resolved (the first `np`): text and [from, to) in cs/ce. */
  const pText: string[] = [];
  const pFrom: number[] = [];
  const pTo: number[] = [];
  let np = 0;
  let tok = '';
  let base = 0;

  function add(s: string, from: number, to: number): void {
    if (tok.length === 0) base = nc;
    tok += s;
    for (let k = 0; k < s.length; k++) {
      cs[nc] = from;
      ce[nc] = to;
      nc++;
    }
  }

  function flush(): void {
    // A joiner is only kept between word characters (a trailing asterisk may still mask a letter).
    while (tok.length > 0 && isJoiner(tok.charCodeAt(tok.length - 1)) && tok.charCodeAt(tok.length - 1) !== 42) tok = tok.slice(0, -1);
    if (tok.length > 0) pushItem(tok, base, 0, 0);
    tok = '';
  }

  function pushItem(text: string, at: number, start: number, end: number): void {
    itemText[ni] = text;
    itemBase[ni] = at;
    fixedStart[ni] = start;
    fixedEnd[ni] = end;
    ni++;
  }

  function pushPiece(text: string, from: number, to: number): void {
    pText[np] = text;
    pFrom[np] = from;
    pTo[np] = to;
    np++;
  }

  function emit(w: string, id: number, start: number, end: number): void {
    words.push(w);
    ids.push(id);
    origStarts.push(start);
    origEnds.push(end);
  }

  /** Normalises one raw word (no joiners); `from`/`to` index its characters in cs/ce. */
  function emitRaw(text: string, from: number, to: number): void {
    const t = tokenOf(text);
    for (let k = 0; k < t.words.length; k++) emit(t.words[k]!, t.ids[k]!, cs[from]!, ce[to - 1]!);
  }

  /** A word votes for its lexicon languages; a word of one language only counts most. */
  function vote(w: string): void {
    const mask = languageMask.get(w) ?? 0;
    let n = 0;
    for (let b = 0; mask >> b; b++) if (mask & (1 << b)) n++;
    for (let b = 0; mask >> b; b++) if (mask & (1 << b)) votes[b] = (votes[b] ?? 0) + 1 / n;
  }

  /** Normalises a message, keeping the original span of every output word. */
  function normalise(original: string): NormalisedText {
    words = [];
    ids = [];
    origStarts = [];
    origEnds = [];
    nc = 0;
    ni = 0;
    np = 0;
    tok = '';
    let hasMarks = false;
    const n = original.length;
    let i = 0;
    while (i < n) {
      const c = original.charCodeAt(i);
      // ASCII fast path.
      if (c < 128) {
        const lc = c >= 65 && c <= 90 ? c + 32 : c;
        if (isAsciiWordChar(lc)) {
          // The whole run of ASCII letters and digits at once: one slice, not a string per character.
          if (tok.length === 0) base = nc;
          let j = i + 1;
          let upper = lc !== c;
          for (; j < n; j++) {
            const d = original.charCodeAt(j);
            if (d >= 65 && d <= 90) upper = true;
            else if (!isAsciiWordChar(d)) break;
          }
          const run = original.slice(i, j);
          tok += upper ? run.toLowerCase() : run;
          for (let k = i; k < j; k++) {
            cs[nc] = k;
            ce[nc] = k + 1;
            nc++;
          }
          i = j;
          continue;
        } else if ((c === 39 || c === 96) && tok.length > 0 && i + 1 < n && /\p{L}/u.test(original[i + 1]!)) {
          // Apostrophe inside a word: "i'm" → "im".
        } else if ((c === 64 || c === 36) && i + 1 < n && /[a-zA-Z]/.test(original[i + 1]!) && (c === 36 || tok.length > 0)) {
          // "b@by", "$exy": a symbol standing for a letter.
          add(String.fromCharCode(c), i, i + 1);
        } else if (isJoiner(c) && (tok.length > 0 || c === 42) && i + 1 < n && wordish(original.charCodeAt(i + 1))) {
          // "s.n.a.p", "p-i-c", "s*x": kept for now, resolved per token.
          add(String.fromCharCode(c), i, i + 1);
          hasMarks = true;
        } else if (c === 64 && tok.length === 0) {
          // "what's your @": the handle sign alone reads as "at".
          pushItem('at', -1, i, i + 1);
        } else {
          flush();
        }
        i++;
        continue;
      }
      const cp = original.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const width = ch.length;
      if (cp === 0x2019 || cp === 0x2018 || cp === 0xb4 || cp === 0xff07 || cp === 0x2bc || cp === 0xff40 || cp === 0x2032) {
        // Typographic, fullwidth or modifier apostrophe inside a word.
        if (!(tok.length > 0 && i + 1 < n && /\p{L}/u.test(original[i + 1]!))) flush();
        i += width;
        continue;
      }
      const emoji = emojiWords.get(ch);
      if (emoji !== undefined) {
        flush();
        pushItem(emoji, -1, i, i + width);
        i += width;
        continue;
      }
      const f = foldChar(ch);
      if (f === INVISIBLE) {
        // Zero-width and other invisible characters: gone, and the word goes on.
      } else if (f !== '') {
        add(f, i, i + width);
      } else {
        flush();
      }
      i += width;
    }
    flush();

    // Masked words ("m*r") are read in the language of the words around them (spaced letters count joined).
    if (hasMarks) {
      votes = [];
      let spaced = '';
      for (let k = 0; k < ni; k++) {
        const t = itemBase[k]! < 0 ? '' : itemText[k]!;
        if (t.length === 1) {
          spaced += t;
          continue;
        }
        if (spaced.length >= 3) vote(spaced);
        spaced = '';
        if (t.length > 1 && !t.includes('*')) vote(t);
      }
      if (spaced.length >= 3) vote(spaced);
    }

    // Resolve joiners into pieces [text, from, to) (indices into cs/ce; fixed words have from −1).
    let singles = 0;
    for (let k = 0; k < ni; k++) {
      const t = itemText[k]!;
      const at = itemBase[k]!;
      if (at < 0) {
        pushPiece(t, -1 - k, -1);
        continue;
      }
      if (hasMarks && /[*.\-_]/.test(t)) {
        for (const [x, a, b] of splitJoiners(t)) {
          if (x.length === 0) continue;
          pushPiece(x, at + a, at + b);
          if (x.length === 1) singles++;
        }
        continue;
      }
      pushPiece(t, at, at + t.length);
      if (t.length === 1) singles++;
    }

    let k = 0;
    while (k < np) {
      if (pFrom[k]! < 0) {
        const item = -1 - pFrom[k]!;
        emit(pText[k]!, wordId(pText[k]!), fixedStart[item]!, fixedEnd[item]!);
        k++;
        continue;
      }
      // A run of three or more one-character pieces: join the longest stretches that spell a lexicon word.
      let run = k;
      if (singles >= 3) while (run < np && pFrom[run]! >= 0 && pText[run]!.length === 1) run++;
      if (run - k >= 3 && vocabulary.size > 0) {
        // First the fewest lexicon words that use up the whole run ("e i n s e l f i e" → ein selfie).
        let joined = '';
        for (let r = k; r < run; r++) joined += pText[r]!;
        const parts = known(joined) ? [joined] : alphaRe.test(joined) ? segment(joined) : null;
        if (parts && parts.every((x) => known(x))) {
          let r = k;
          for (const x of parts) {
            emitRaw(x, pFrom[r]!, pTo[r + x.length - 1]!);
            r += x.length;
          }
          k = run;
          continue;
        }
        let p = k;
        while (p < run) {
          let joinedTo = -1;
          for (let q = Math.min(run, p + longest); q >= p + 3; q--) {
            let s = '';
            for (let r = p; r < q; r++) s += pText[r]!;
            const asWord = normaliseToken(s);
            if (known(s) || (asWord.length === 1 && known(asWord[0]!))) {
              joinedTo = q;
              emitRaw(s, pFrom[p]!, pTo[q - 1]!);
              break;
            }
          }
          if (joinedTo < 0) {
            emitRaw(pText[p]!, pFrom[p]!, pTo[p]!);
            p++;
          } else p = joinedTo;
        }
        k = run;
        continue;
      }
      emitRaw(pText[k]!, pFrom[k]!, pTo[k]!);
      k++;
    }

    return layout(words, ids, origStarts, origEnds);
  }

  /**
   * The same text with words that are lexicon words run together ("sendmeapic") split apart, or null when
   * there are none. Kept apart from `normalise` so that ordinary words are never split for the learned model
   * ("lookin" is not "look in"); the detector matches the split text only to find more signals.
   */
  function splitRunTogether(nt: NormalisedText): NormalisedText | null {
    if (vocabulary.size === 0) return null;
    // Most messages have no such word: find out before building anything (by word id, without a lookup by text).
    const n = nt.words.length;
    const splitIn = splits;
    let k = 0;
    while (k < n && splitIn.get(nt.ids[k]!, nt.words[k]!) === null) k++;
    if (k === n) return null;
    const words = nt.words.slice(0, k);
    const ids = nt.ids.slice(0, k);
    const origStarts = nt.origStarts.slice(0, k);
    const origEnds = nt.origEnds.slice(0, k);
    for (; k < n; k++) {
      const pieces = splitIn.get(nt.ids[k]!, nt.words[k]!);
      if (pieces === null) {
        words.push(nt.words[k]!);
        ids.push(nt.ids[k]!);
        origStarts.push(nt.origStarts[k]!);
        origEnds.push(nt.origEnds[k]!);
        continue;
      }
      for (let j = 0; j < pieces.words.length; j++) {
        words.push(pieces.words[j]!);
        ids.push(pieces.ids[j]!);
        origStarts.push(nt.origStarts[k]!);
        origEnds.push(nt.origEnds[k]!);
      }
    }
    return layout(words, ids, origStarts, origEnds);
  }

  /** The words (and their ids) a run-together word splits into. */
  interface Split {
    words: readonly string[];
    ids: readonly number[];
  }
  const splitCache = new Map<string, Split | null>();

  /** What a run-together word splits into (normalised), or null when it is not one; cached per word. */
  function splitWord(w: string): Split | null {
    let split = splitCache.get(w);
    if (split === undefined) {
      const found = w.length >= 3 && alphaRe.test(w) && !known(w) ? segment(w) : null;
      // A split into words of different languages ("later" → French "la" + Dutch "ter") is a coincidence.
      const pieces = found && oneLanguage(found) ? found.flatMap(normaliseToken) : null;
      split = pieces === null ? null : { words: pieces, ids: pieces.map(wordId) };
      if (splitCache.size >= segmentCacheSize) splitCache.clear();
      splitCache.set(w, split);
    }
    return split;
  }
  /** splitWord by word id (made again when the vocabulary changes). */
  let splits = new WordTable(splitWord);

  return { normalise, normaliseToken, setVocabulary, splitRunTogether };
}

/** Lays words out as " word word … " for the patterns. */
function layout(words: string[], ids: number[], origStarts: number[], origEnds: number[]): NormalisedText {
  const wordStarts: number[] = new Array(words.length);
  let at = 1;
  for (let w = 0; w < words.length; w++) {
    wordStarts[w] = at;
    at += words[w]!.length + 1;
  }
  // One join, not a string per word: the regexes read the text flat.
  const text = words.length === 0 ? ' ' : ` ${words.join(' ')} `;
  return { text, words, ids, wordStarts, origStarts, origEnds };
}

/** A character that can follow a joiner inside a word (ASCII letter or digit, or any non-ASCII character). */
function wordish(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c >= 128 || c === 42;
}

export type Normaliser = ReturnType<typeof createNormaliser>;

/** Index of the word containing offset `pos` of the normalised text (binary search over word starts). */
export function wordAt(nt: NormalisedText, pos: number): number {
  let lo = 0;
  let hi = nt.wordStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nt.wordStarts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The words whose original start lies in [start, end) of the message as written, as [first, last] word indices, or
 * null when none does (binary search over the original starts, which never decrease).
 */
export function wordsInSpan(nt: NormalisedText, start: number, end: number): [number, number] | null {
  let lo = 0;
  let hi = nt.origStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nt.origStarts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= nt.origStarts.length || nt.origStarts[lo]! >= end) return null;
  let last = lo;
  while (last + 1 < nt.origStarts.length && nt.origStarts[last + 1]! < end) last++;
  return [lo, last];
}
