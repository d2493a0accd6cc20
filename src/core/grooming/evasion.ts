/**
 * Deterministic generator of evasive spellings, for evaluation and property tests: spaced, dotted and dashed
 * letters, invisible characters, look-alike letters, fullwidth and mathematical letters, asterisks, leetspeak,
 * stretched letters and words run together. The same (text, evasion, seed) always gives the same output.
 * It does not know the lexicons: it disguises randomly chosen words, as a person dodging a filter would.
 */

export const evasions = [
  'none',
  'spaced',
  'dotted',
  'dashed',
  'zero_width',
  'soft_hyphen',
  'confusables',
  'fullwidth',
  'math',
  'asterisk',
  'leet',
  'repeated',
  'run_together',
  'mixed',
] as const;
export type Evasion = (typeof evasions)[number];

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Latin letters and a Cyrillic or Greek letter drawn the same (the generator's own short list). */
const lookAlikes: Readonly<Record<string, readonly string[]>> = {
  a: ['\u0430', '\u03b1'],
  c: ['\u0441'],
  e: ['\u0435'],
  i: ['\u0456', '\u03b9'],
  o: ['\u043e', '\u03bf'],
  p: ['\u0440', '\u03c1'],
  s: ['\u0455'],
  x: ['\u0445', '\u03c7'],
  y: ['\u0443'],
  h: ['\u04bb'],
  k: ['\u03ba'],
  n: ['\u03b7'],
  t: ['\u03c4'],
};
const invisibles = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const leetOf: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const isLetter = (c: string) => /\p{L}/u.test(c);

type WordFn = (word: string, rnd: () => number) => string;

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;
const letters = (w: string) => [...w];

const wordFns: Partial<Record<Evasion, WordFn>> = {
  spaced: (w) => letters(w).join(' '),
  dotted: (w) => letters(w).join('.'),
  dashed: (w) => letters(w).join('-'),
  zero_width: (w, r) => letters(w).map((c, i) => (i > 0 ? pick(invisibles, r) : '') + c).join(''),
  soft_hyphen: (w) => letters(w).join('\u00ad'),
  confusables: (w, r) => letters(w).map((c) => (lookAlikes[c] && r() < 0.7 ? pick(lookAlikes[c]!, r) : c)).join(''),
  math: (w) =>
    letters(w)
      .map((c) => {
        const k = c.charCodeAt(0);
        if (k >= 97 && k <= 122) return String.fromCodePoint(0x1d41a + k - 97);
        if (k >= 65 && k <= 90) return String.fromCodePoint(0x1d400 + k - 65);
        if (k >= 48 && k <= 57) return String.fromCodePoint(0x1d7ce + k - 48);
        return c;
      })
      .join(''),
  asterisk: (w, r) => {
    const cs = letters(w);
    const inner = cs.map((c, i) => (i > 0 && i < cs.length - 1 && /[aeiou]/.test(c) ? i : -1)).filter((i) => i >= 0);
    if (inner.length > 0) cs[pick(inner, r)] = '*';
    else cs.splice(1 + Math.floor(r() * (cs.length - 1)), 0, '*');
    return cs.join('');
  },
  leet: (w) => letters(w).map((c) => leetOf[c] ?? c).join(''),
  repeated: (w, r) => {
    const cs = letters(w);
    const vowels = cs.map((c, i) => (/[aeiouy]/.test(c) ? i : -1)).filter((i) => i >= 0);
    const at = vowels.length > 0 ? pick(vowels, r) : cs.length - 1;
    cs[at] = cs[at]!.repeat(3 + Math.floor(r() * 3));
    return cs.join('');
  },
};

/** Disguises some words of one message (at least one when it has a word of three or more letters). */
function disguiseWords(text: string, fn: WordFn, rnd: () => number, share: number): string {
  const parts = text.split(/(\s+)/);
  const candidates = parts.map((p, i) => (p.length >= 3 && [...p].every(isLetter) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const chosen = new Set(candidates.filter(() => rnd() < share));
  if (chosen.size === 0) chosen.add(pick(candidates, rnd));
  return parts.map((p, i) => (chosen.has(i) ? fn(p, rnd) : p)).join('');
}

/** Runs two to four neighbouring words together ("sendmeapic"). */
function runTogether(text: string, rnd: () => number): string {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 2) return text;
  const size = Math.min(words.length, 2 + Math.floor(rnd() * 3));
  const start = Math.floor(rnd() * (words.length - size + 1));
  return [...words.slice(0, start), words.slice(start, start + size).join(''), ...words.slice(start + size)].join(' ');
}

function fullwidth(text: string): string {
  let out = '';
  for (const c of text) {
    const k = c.charCodeAt(0);
    out += k === 32 ? '\u3000' : k > 32 && k < 127 ? String.fromCharCode(k + 0xfee0) : c;
  }
  return out;
}

const simple = evasions.filter((e) => e !== 'none' && e !== 'mixed');

/** `text` written with evasion `evasion`, reproducibly for a given seed. */
export function evade(text: string, evasion: Evasion, seed: number): string {
  const rnd = seededRandom(seed);
  switch (evasion) {
    case 'none':
      return text;
    case 'fullwidth':
      return fullwidth(text);
    case 'run_together':
      return runTogether(text, rnd);
    case 'mixed': {
      const first = pick(simple, rnd);
      let second = pick(simple, rnd);
      if (second === first || (first === 'fullwidth') !== (second === 'fullwidth')) second = 'zero_width';
      return evade(evade(text, first, seed + 1), second === first ? 'none' : second, seed + 2);
    }
    default: {
      // Spacing letters out is done to a word or two, not to a whole sentence.
      const share = evasion === 'spaced' || evasion === 'dotted' || evasion === 'dashed' ? 0.3 : 0.5;
      return disguiseWords(text, wordFns[evasion]!, rnd, share);
    }
  }
}
