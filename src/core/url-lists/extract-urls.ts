/**
 * Finds every URL in free text (chat messages, stream comments, profile text), including the forms people
 * use to slip links past filters: "hxxp://", "example[.]com", "example(dot)com", "example . com", "[:]".
 * Pure and bounded: text is cut at `maxChars`, at most `maxUrls` are returned.
 */
import { normaliseUrl, type NormalisedUrl } from './normalise-url.ts';
import { isShortener } from './shorteners.ts';

export interface FoundUrl {
  /** The URL as found, after undoing obfuscation (e.g. `http://example.com/x`). */
  written: string;
  url: NormalisedUrl;
  /** True when the text hid the URL ("[.]", "hxxp", spaced dots, ...). */
  obfuscated: boolean;
  /** A URL shortener: where it leads cannot be checked without following it. */
  shortener: boolean;
}

export interface ExtractOptions {
  maxChars?: number;
  maxUrls?: number;
}

// Replacements that undo common obfuscation; each is a separate pass so the text stays readable in evidence.
const deobfuscations: readonly [RegExp, string][] = [
  [/\bh(?:xx|XX|\*\*|tt)p(s?)(?:\[:\]|\(:\)|:)\s*\/\s*\//g, 'http$1://'],
  [/\s*(?:\[\s*(?:\.|dot)\s*\]|\(\s*(?:\.|dot)\s*\)|\{\s*(?:\.|dot)\s*\}|<\s*(?:\.|dot)\s*>)\s*/gi, '.'],
  [/\[:\]|\(:\)/g, ':'],
  [/\[\/\]/g, '/'],
  // "example . com", "example .com", "example. com" (a dot with spaces between two host labels).
  [/([A-Za-z0-9-])(?: +\. *| *\. +)(?=[A-Za-z]{2,24}\b)/g, '$1.'],
  // "example dot com": only before a short alphabetic label, and only as a separate word.
  [/([A-Za-z0-9-]) +dot +(?=[A-Za-z]{2,6}\b)/gi, '$1.'],
];

const urlRe =
  /(?:\b(?:https?:\/\/)(?:[^\s<>"'`]+)|(?<![@\w.-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})(?::\d{1,5})?(?:[/?#][^\s<>"'`]*)?)/giu;

const trailing = /[.,;:!?)\]}'"»…]+$/u;

/** Every URL in `text`, in order of appearance, each once (by canonical form). */
export function extractUrls(text: string, opts: ExtractOptions = {}): FoundUrl[] {
  const maxChars = opts.maxChars ?? 20_000;
  const maxUrls = opts.maxUrls ?? 50;
  const input = text.length > maxChars ? text.slice(0, maxChars) : text;
  const out: FoundUrl[] = [];
  const seen = new Set<string>();
  const scan = (t: string, obfuscated: boolean) => {
    for (const m of t.matchAll(urlRe)) {
      if (out.length >= maxUrls) return;
      const written = m[0].replace(trailing, '');
      const url = normaliseUrl(written);
      if (!url || seen.has(url.canonical)) continue;
      seen.add(url.canonical);
      out.push({ written, url, obfuscated, shortener: isShortener(url.host) });
    }
  };
  // Quick exit: no dot-like token at all means no URL (most chat lines).
  if (!/[.:]|dot/i.test(input)) return out;
  scan(input, false);
  let clear = input;
  for (const [re, to] of deobfuscations) clear = clear.replace(re, to);
  if (clear !== input) scan(clear, true);
  return out;
}
