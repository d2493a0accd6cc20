/**
 * Folds one non-ASCII character to what a reader sees: Unicode NFKC (fullwidth "ｓ", mathematical "𝐬", circled
 * "ⓢ" → "s"), lower case, accents stripped, and letters of other scripts drawn like a Latin letter (Cyrillic
 * "ѕ", Greek "ο") mapped through Unicode's confusables data as shipped by the `unhomoglyph` package.
 * Invisible format characters (zero-width, soft hyphen, bidi marks, variation selectors, tags) and combining
 * marks vanish without splitting the word they hide in.
 */
import confusables from 'unhomoglyph/data.json' with { type: 'json' };

/** Returned for a character that is dropped without ending the word. */
export const INVISIBLE = '\u0000';

const invisibleRe = /^[\p{Cf}\p{M}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u;
/** Blank-looking letters used as spaces (Hangul fillers, braille blank): they end a word. */
const blankRe = /^[\u3164\uffa0\u2800]$/u;
const letterRe = /^[\p{L}\p{N}]$/u;
const asciiAlnum = /^[a-z0-9]$/;
const special: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', þ: 'th' };

/** Non-ASCII letter → the single ASCII letter or digit it is drawn like (from the confusables table). */
const lookAlike = new Map<string, string>();
for (const [from, to] of Object.entries(confusables as Record<string, string>)) {
  if (from.length === 0 || from.codePointAt(0)! < 128 || [...from].length !== 1) continue;
  const t = to.toLowerCase();
  if (asciiAlnum.test(t)) lookAlike.set(from, t);
}

// Lower-case Greek and Cyrillic letters that read as a Latin letter in chat fonts but that the confusables
// data (exact glyph identity) does not list.
for (const [from, to] of Object.entries({ η: 'n', τ: 't', κ: 'k', χ: 'x', ν: 'v', ω: 'w', γ: 'y', к: 'k', м: 'm', т: 't', в: 'b', н: 'h', ё: 'e', ї: 'i' })) {
  if (!lookAlike.has(from)) lookAlike.set(from, to);
}

const cache = new Map<string, string>();

function foldOne(c: string): string {
  const lower = c.toLowerCase();
  let out = '';
  for (const d of special[lower] ?? lower.normalize('NFD')) {
    const k = d.charCodeAt(0);
    if (k < 128) {
      if (asciiAlnum.test(d)) out += d;
      continue;
    }
    if (/\p{M}/u.test(d)) continue;
    const look = lookAlike.get(d) ?? lookAlike.get(c);
    if (look !== undefined) out += look;
    else if (letterRe.test(d)) out += d;
  }
  return out;
}

/**
 * The folded form of one non-ASCII code point: ASCII letters/digits where it looks like them, the lower-case
 * letter itself for other scripts, '' for punctuation and symbols (which end a word), or INVISIBLE.
 */
export function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f !== undefined) return f;
  if (invisibleRe.test(ch)) f = INVISIBLE;
  else if (blankRe.test(ch)) f = '';
  else {
    f = '';
    for (const c of ch.normalize('NFKC')) f += c.charCodeAt(0) < 128 ? (asciiAlnum.test(c.toLowerCase()) ? c.toLowerCase() : '') : foldOne(c);
  }
  if (cache.size < 20000) cache.set(ch, f);
  return f;
}

/**
 * `text` as a reader sees it, code unit for code unit (every span into it is a span into `text`): each character
 * of one code unit whose Unicode compatibility form is one ASCII character becomes it (fullwidth "ｓｃａｍ＂" →
 * "scam\"", the ideographic space → " "), and a letter drawn like one Latin letter becomes it (Cyrillic "ѕ" → "s").
 * Characters of two code units (mathematical letters) and invisible ones stay. For the readers that look at the
 * message as written (quotation marks, sentence ends, words around a quote).
 */
export function readableText(text: string): string {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 128) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const k = text.charCodeAt(i);
    const c = text[i]!;
    if (k < 128 || (k >= 0xd800 && k <= 0xdfff)) {
      out += c;
      continue;
    }
    out += readableOne(c);
  }
  return out;
}

const readableCache = new Map<string, string>();
function readableOne(c: string): string {
  let r = readableCache.get(c);
  if (r !== undefined) return r;
  const n = c.normalize('NFKC');
  if (n.length === 1 && n.charCodeAt(0) < 128) r = n;
  else {
    // A look-alike letter of another script becomes its Latin letter; an accented Latin letter ("é") stays, as
    // the readers match accents, and an invisible character stays (INVISIBLE is no letter to show).
    const f = foldChar(c);
    r = f.length === 1 && f !== INVISIBLE && f.charCodeAt(0) < 128 && !/[a-z]/.test(c.normalize('NFD')[0]!) ? f : c;
  }
  if (readableCache.size < 20000) readableCache.set(c, r);
  return r;
}
