/**
 * The small pattern language of the lexicons, compiled to sticky regular expressions over normalised text.
 *
 *   words        `how old are you`       whole words, written as a person would (normalised like messages)
 *   prefix       `secret*`               any word starting with "secret"
 *   choice       `(mom|dad|parents)`     alternatives (each a word sequence); `(...)?` makes it optional
 *   number       `#`                     a 1–4 digit number, captured (an age for age_disclosure)
 *   gap          `~` or `~2`             up to 3 (or N) arbitrary words
 *   not followed `!(min|minutes)`        the preceding words must not be followed by these
 *   macro        `{PARENT}`              a named choice declared by the lexicon
 *
 * Each pattern also yields its anchor words (the words it can start with), so a message only runs the
 * patterns whose first word it contains.
 */
import type { Normaliser } from './normalise.ts';

type Item =
  | { kind: 'word'; words: string[] }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'num' }
  | { kind: 'gap'; max: number }
  | { kind: 'group'; alts: Item[][]; optional: boolean }
  | { kind: 'not'; alts: Item[][] };

/** In `follows`: the anchor may be followed by a number (a word of digits), which no normalised word spells like this. */
export const NUMBER_NEXT = '#';

/** Whether a word starts with a digit: where a pattern's number (` (\d{1,4})`, the whole word) could be. */
export function startsWithDigit(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

export interface CompiledPattern {
  regex: RegExp;
  /** Exact first words this pattern can start with. */
  anchors: string[];
  /** Word prefixes this pattern can start with. */
  prefixes: string[];
  /** True when the pattern can start with a number. */
  numberAnchor: boolean;
  /** Words every match contains: a message lacking one of them cannot match (a cheap pre-check). */
  required: string[];
  /**
   * Per anchor word: the words that can come right after it in a match, or null when anything may (a gap, a
   * prefix, or the end of the pattern); NUMBER_NEXT among them stands for a number ("a 100 likes"). A message
   * runs the pattern at an anchor only when the next word is one of them — most anchors are common words ("i",
   * "you", "so", "a") followed by something else.
   */
  follows: Map<string, string[] | null>;
  /** Every literal word and prefix of the pattern (the normaliser's vocabulary). */
  words: string[];
  source: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Expands `{NAME}` macros (recursively, depth-limited). */
export function expandMacros(source: string, macros: Readonly<Record<string, string>>): string {
  let out = source;
  for (let depth = 0; depth < 4 && out.includes('{'); depth++) {
    out = out.replace(/\{([A-Z_]+)\}/g, (_, name: string) => {
      const m = macros[name];
      if (m === undefined) throw new Error(`unknown lexicon macro {${name}} in "${source}"`);
      return `(${m})`;
    });
  }
  return out;
}

/** Parses and compiles one pattern (macros already expanded). */
export function compilePattern(source: string, normaliser: Normaliser): CompiledPattern {
  let pos = 0;
  const fail = (msg: string): never => {
    throw new Error(`lexicon pattern "${source}": ${msg} at ${pos}`);
  };

  function parseSeq(stops: string): Item[] {
    const items: Item[] = [];
    while (pos < source.length) {
      const c = source[pos]!;
      if (c === ' ') {
        pos++;
        continue;
      }
      if (stops.includes(c)) break;
      items.push(parseItem());
    }
    return items;
  }

  function parseAlts(): Item[][] {
    if (source[pos] !== '(') fail('expected (');
    pos++;
    const alts: Item[][] = [];
    for (;;) {
      const seq = parseSeq('|)');
      if (seq.length === 0) fail('empty alternative');
      alts.push(seq);
      const c = source[pos];
      pos++;
      if (c === ')') break;
      if (c !== '|') fail('unclosed group');
    }
    return alts;
  }

  function parseItem(): Item {
    const c = source[pos]!;
    if (c === '(') {
      const alts = parseAlts();
      const optional = source[pos] === '?';
      if (optional) pos++;
      return { kind: 'group', alts, optional };
    }
    if (c === '!') {
      pos++;
      return { kind: 'not', alts: parseAlts() };
    }
    if (c === '#') {
      pos++;
      return { kind: 'num' };
    }
    if (c === '~') {
      pos++;
      const m = /^\d+/.exec(source.slice(pos));
      if (m) pos += m[0].length;
      return { kind: 'gap', max: m ? Number(m[0]) : 3 };
    }
    const m = /^[^ ()|?!#~*]+/.exec(source.slice(pos));
    if (!m) return fail(`unexpected "${c}"`);
    pos += m[0].length;
    const raw = m[0];
    if (source[pos] === '*') {
      pos++;
      const words = normaliser.normalise(raw).words;
      if (words.length !== 1) fail(`prefix "${raw}" must be one word`);
      return { kind: 'prefix', prefix: words[0]! };
    }
    const words = normaliser.normalise(raw).words;
    if (words.length === 0) fail(`"${raw}" normalises to nothing`);
    return { kind: 'word', words };
  }

  const seq = parseSeq('');
  if (pos < source.length) fail('trailing characters');
  if (seq.length === 0) fail('empty pattern');

  function reSeq(items: Item[]): string {
    return items.map(reItem).join('');
  }
  function reItem(item: Item): string {
    switch (item.kind) {
      case 'word':
        return item.words.map((w) => ' ' + escapeRe(w)).join('');
      case 'prefix':
        return ' ' + escapeRe(item.prefix) + '[^ ]*';
      case 'num':
        return ' (\\d{1,4})';
      case 'gap':
        return `(?: [^ ]+){0,${item.max}}`;
      case 'group':
        return `(?:${item.alts.map(reSeq).join('|')})${item.optional ? '?' : ''}`;
      case 'not':
        return `(?!(?:${item.alts.map(reSeq).join('|')})(?= ))`;
    }
  }

  const anchors = new Set<string>();
  const prefixes = new Set<string>();
  let numberAnchor = false;
  /** Adds the possible first words of `items`; returns true when the sequence can match nothing. */
  function first(items: Item[]): boolean {
    for (const item of items) {
      switch (item.kind) {
        case 'word':
          anchors.add(item.words[0]!);
          return false;
        case 'prefix':
          prefixes.add(item.prefix);
          return false;
        case 'num':
          numberAnchor = true;
          return false;
        case 'gap':
        case 'not':
          continue;
        case 'group': {
          let nullable = false;
          for (const alt of item.alts) nullable = first(alt) || nullable;
          if (!item.optional && !nullable) return false;
          continue;
        }
      }
    }
    return true;
  }
  if (first(seq)) fail('pattern can match an empty string');
  for (const p of prefixes) if (p.length < 3) fail(`prefix "${p}" is shorter than 3 letters`);

  /** Words that every match of `items` must contain. */
  function requiredOf(items: Item[]): Set<string> {
    const out = new Set<string>();
    for (const item of items) {
      if (item.kind === 'word') for (const w of item.words) out.add(w);
      else if (item.kind === 'group' && !item.optional) {
        const sets = item.alts.map(requiredOf);
        for (const w of sets[0]!) if (sets.every((x) => x.has(w))) out.add(w);
      }
    }
    return out;
  }

  /**
   * The first two words of every way `items[i..]` can match (shorter when the pattern ends first); ANY stands
   * for a word the pattern does not fix. A superset is fine (lookaheads are ignored): it only decides where the
   * regex is tried, never what it matches.
   */
  const ANY = '';
  function heads(items: Item[], i: number, need: number): string[][] {
    if (need === 0 || i === items.length) return [[]];
    const item = items[i]!;
    const then = (tokens: string[], rest: string[][]) => rest.map((r) => [...tokens, ...r].slice(0, need));
    switch (item.kind) {
      case 'word':
        return item.words.length >= need ? [item.words.slice(0, need)] : then(item.words, heads(items, i + 1, need - item.words.length));
      case 'prefix':
      case 'num':
        return then([NUMBER_NEXT], heads(items, i + 1, need - 1));
      case 'gap':
        return [...heads(items, i + 1, need), [ANY, ANY].slice(0, need)];
      case 'not':
        return heads(items, i + 1, need);
      case 'group': {
        const rest = items.slice(i + 1);
        const out = item.alts.flatMap((alt) => heads([...alt, ...rest], 0, need));
        return item.optional ? [...out, ...heads(items, i + 1, need)] : out;
      }
    }
  }
  const follows = new Map<string, string[] | null>();
  {
    const starts = heads(seq, 0, 2);
    // A match that may start with a word the pattern does not fix can put any word after any anchor.
    const open = starts.some((h) => h[0] === ANY);
    // A match that may start with a number starts at a word of digits: only an anchor of digits can be that word.
    const numberFirst = starts.some((h) => h[0] === NUMBER_NEXT);
    for (const a of anchors) {
      const next = new Set<string>();
      let free = open || (numberFirst && startsWithDigit(a));
      for (const h of starts) {
        if (h[0] !== a) continue;
        if (h.length < 2 || h[1] === ANY) free = true;
        else next.add(h[1]!);
      }
      follows.set(a, free ? null : [...next]);
    }
  }

  const allWords = new Set<string>();
  const collect = (items: Item[]): void => {
    for (const item of items) {
      if (item.kind === 'word') for (const w of item.words) allWords.add(w);
      else if (item.kind === 'prefix') allWords.add(item.prefix);
      else if (item.kind === 'group' || item.kind === 'not') for (const alt of item.alts) collect(alt);
    }
  };
  collect(seq);

  return {
    words: [...allWords],
    regex: new RegExp(reSeq(seq) + '(?= )', 'y'),
    required: [...requiredOf(seq)],
    follows,
    anchors: [...anchors],
    prefixes: [...prefixes],
    numberAnchor,
    source,
  };
}
