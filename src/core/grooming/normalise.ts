/**
 * Chat-spelling normaliser. Turns "R U hOme aloneee?? 🤫" into "are you home alone shh" while remembering,
 * for every output word, the span of the original text it came from, so a signal can quote what was written.
 *
 * Steps per token: lowercase and fold accents, map a few emoji to words, split "12yo"/"15f" into number and
 * unit, undo leetspeak inside words ("s3cr3t"), squeeze letter runs ("sooo"), expand abbreviations
 * ("wbu" → "what about you") and spell numbers as digits ("thirteen" → "13").
 */

/** Normalised text: words joined by single spaces, with a leading and trailing space for pattern matching. */
export interface NormalisedText {
  /** " word word … " — every word is preceded and followed by exactly one space. */
  text: string;
  words: string[];
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
]);

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

const foldCache = new Map<string, string>();
const letterRe = /^[\p{L}\p{N}]+$/u;

/** Lowercases and strips accents from one non-ASCII character; '' when it is not a letter or digit. */
function foldChar(ch: string): string {
  let f = foldCache.get(ch);
  if (f !== undefined) return f;
  const special: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };
  const lower = ch.toLowerCase();
  f = special[lower] ?? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (!letterRe.test(f)) f = '';
  if (foldCache.size < 5000) foldCache.set(ch, f);
  return f;
}

function squeeze(w: string): string {
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
      out += doubleLetterWords.has(squeezeRest(two)) && !doubleLetterWords.has(squeezeRest(one)) ? w[i]! + w[i]! : w[i]!;
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

/** Creates a normaliser bound to merged word tables. */
export function createNormaliser(tables: NormaliserTables) {
  // Maps, not objects: a chat word like "constructor" must not hit Object.prototype.
  const abbreviations = new Map(Object.entries(tables.abbreviations));
  const numberWords = new Map(Object.entries(tables.numberWords));

  /** Normalises one raw token (already lowercased and folded) into zero or more words. */
  function normaliseToken(raw: string): string[] {
    const direct = abbreviations.get(raw);
    if (direct !== undefined) return direct === '' ? [] : direct.split(' ');
    let w = raw;
    if (/\d/.test(w)) {
      if (/^\d+$/.test(w)) return [w];
      const unit = numberWithUnit.exec(w);
      if (unit) return [unit[1]!, unit[2]!];
      const abbr = abbreviations.get(w);
      if (abbr !== undefined) return abbr.split(' ');
      // Leetspeak only when letters dominate, so "b2b" or "a1" are not mangled into words.
      const letters = w.replace(/[^a-z]/g, '').length;
      if (letters >= 1 && letters >= w.length - letters) w = w.replace(/[0-9@$]/g, (d) => leet[d] ?? d);
    } else if (w.includes('@') || w.includes('$')) {
      w = w.replace(/[@$]/g, (d) => leet[d] ?? d);
    }
    w = squeeze(w);
    const abbr = abbreviations.get(w);
    if (abbr !== undefined) return abbr === '' ? [] : abbr.split(' ');
    const n = numberWords.get(w);
    if (n !== undefined) return [String(n)];
    return [w];
  }

  /** Normalises a message, keeping the original span of every output word. */
  function normalise(original: string): NormalisedText {
    const words: string[] = [];
    const origStarts: number[] = [];
    const origEnds: number[] = [];
    let tok = '';
    let tokStart = -1;
    let tokEnd = -1;
    const flush = () => {
      if (tok.length > 0) {
        for (const w of normaliseToken(tok)) {
          words.push(w);
          origStarts.push(tokStart);
          origEnds.push(tokEnd);
        }
      }
      tok = '';
      tokStart = -1;
    };
    const n = original.length;
    let i = 0;
    while (i < n) {
      const c = original.charCodeAt(i);
      // ASCII fast path.
      if (c < 128) {
        const lc = c >= 65 && c <= 90 ? c + 32 : c;
        if (isAsciiWordChar(lc)) {
          if (tokStart < 0) tokStart = i;
          tok += String.fromCharCode(lc);
          tokEnd = i + 1;
        } else if ((c === 39 || c === 96) && tok.length > 0 && i + 1 < n && /\p{L}/u.test(original[i + 1]!)) {
          // Apostrophe inside a word: "i'm" → "im".
        } else if ((c === 64 || c === 36) && i + 1 < n && /[a-zA-Z]/.test(original[i + 1]!) && (c === 36 || tok.length > 0)) {
          // "b@by", "$exy": a symbol standing for a letter.
          if (tokStart < 0) tokStart = i;
          tok += String.fromCharCode(c);
          tokEnd = i + 1;
        } else {
          flush();
        }
        i++;
        continue;
      }
      const cp = original.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const width = ch.length;
      if (cp === 0x2019 || cp === 0x2018 || cp === 0xb4) {
        // Typographic apostrophe inside a word.
        if (!(tok.length > 0 && i + 1 < n && /\p{L}/u.test(original[i + 1]!))) flush();
        i += width;
        continue;
      }
      const emoji = emojiWords.get(ch);
      if (emoji !== undefined) {
        flush();
        words.push(emoji);
        origStarts.push(i);
        origEnds.push(i + width);
        i += width;
        continue;
      }
      const f = foldChar(ch);
      if (f !== '') {
        if (tokStart < 0) tokStart = i;
        tok += f;
        tokEnd = i + width;
      } else {
        flush();
      }
      i += width;
    }
    flush();
    const wordStarts: number[] = new Array(words.length);
    let text = ' ';
    for (let k = 0; k < words.length; k++) {
      wordStarts[k] = text.length;
      text += words[k] + ' ';
    }
    return { text, words, wordStarts, origStarts, origEnds };
  }

  return { normalise, normaliseToken };
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
