/** URLs of pages, path prefixes, whole domains, or digests of them (hashed URL lists); see url-lists/url-pattern.ts. */
import { normaliseUrl } from '../url-lists/normalise-url.ts';
import { normaliseUrlPattern, urlCandidates } from '../url-lists/url-pattern.ts';
import { defineSignalType } from './signal-type.ts';

export const url = defineSignalType<'url'>({
  name: 'url',
  description: 'URL of a page, a path prefix or a whole domain (or its SHA-1/SHA-256/MD5 digest), matched in text',
  valueFormat: 'a URL (`example.com/page`), a prefix (`example.com/dir/*`), a domain (`*.example.com`) or `sha1:<hex>`',
  contentKind: 'text',
  indexKind: 'url',
  matchKind: 'exact',
  defaultThreshold: 0,
  maxLength: 2048,
  normalize: normaliseUrlPattern,
  // `query` is a URL as found in text; it matches when the listed pattern is one of its candidates.
  matches(listed: string, query: string): boolean {
    const u = normaliseUrl(query);
    return u !== undefined && urlCandidates(u).includes(listed);
  },
  examples: {
    valid: [
      ['HTTPS://WWW.Example.com:443/a/b/?x=%7e#top', 'example.com/a/b?x=~'],
      ['example.com/dir/*', 'example.com/dir/*'],
      ['*.Example.org', '*.example.org'],
      ['domain:example.net', '*.example.net'],
      [`SHA1:${'AB'.repeat(20)}`, `sha1:${'ab'.repeat(20)}`],
    ],
    invalid: ['', 'not a url', 'ftp://example.com/x', `sha1:${'ab'.repeat(10)}`, 'example.com/p?q=*'],
    matching: [
      ['example.com/a/b?x=~', 'http://www.example.com/a/b/?x=%7E'],
      ['example.com/dir/*', 'https://example.com/dir/page.html'],
      ['*.example.org', 'http://cdn.static.example.org/x'],
    ],
    notMatching: [
      ['example.com/a/b', 'http://example.com/a/bc'],
      ['example.com/dir/*', 'https://example.com/directory'],
      ['*.example.org', 'http://example.org.evil.test/'],
    ],
  },
});
