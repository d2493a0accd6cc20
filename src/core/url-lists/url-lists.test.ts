import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractUrls } from './extract-urls.ts';
import { normaliseUrl } from './normalise-url.ts';
import { UrlListIndex } from './url-list-index.ts';
import { normaliseUrlPattern, urlCandidates } from './url-pattern.ts';

const canon = (s: string) => normaliseUrl(s)?.canonical;

test('normalisation: scheme, host case, www., default ports, trailing slash, percent-encoding, fragment, dot segments', () => {
  const same = [
    'http://example.com/a/b',
    'HTTPS://WWW.EXAMPLE.COM/a/b/',
    'example.com:80/a/b#frag',
    'https://example.com:443/a/./c/../b',
    '//example.com/%61/b',
    'http://user:pw@example.com./a/b',
  ];
  for (const u of same) assert.equal(canon(u), 'example.com/a/b', u);
  assert.equal(canon('http://example.com:8080/'), 'example.com:8080');
  assert.equal(canon('http://example.com/A'), 'example.com/A', 'paths keep their case');
  assert.equal(canon('http://example.com/x?q=%2f%7e'), 'example.com/x?q=%2F~');
  assert.equal(canon('http://bücher.example/'), 'xn--bcher-kva.example');
  for (const bad of ['', 'not a url', 'mailto:a@b.c', 'ftp://example.com/', 'localhost', 'http://exa mple.com']) assert.equal(canon(bad), undefined, bad);
});

test('patterns: exact, path prefix, whole domain and hashed entries, and the candidates a URL produces', () => {
  assert.equal(normaliseUrlPattern('http://www.example.com/a/'), 'example.com/a');
  assert.equal(normaliseUrlPattern('example.com/a/*'), 'example.com/a/*');
  assert.equal(normaliseUrlPattern('example.com/*'), '*.example.com');
  assert.equal(normaliseUrlPattern('domain:Example.com'), '*.example.com');
  assert.equal(normaliseUrlPattern(`MD5:${'A'.repeat(32)}`), `md5:${'a'.repeat(32)}`);
  assert.throws(() => normaliseUrlPattern(`sha256:${'a'.repeat(40)}`), { code: 'invalid_value' });
  assert.throws(() => normaliseUrlPattern('domain:example.com/path'), { code: 'invalid_value' });
  assert.deepEqual(urlCandidates(normaliseUrl('http://a.b.example.com/x/y?z=1')!), [
    'a.b.example.com/x/y?z=1',
    'a.b.example.com/x/y/*',
    'a.b.example.com/x/*',
    '*.a.b.example.com',
    '*.b.example.com',
    '*.example.com',
  ]);
});

test('extraction finds plain, bare and disguised URLs, each once, and flags shorteners', () => {
  const found = (t: string) => extractUrls(t).map((f) => [f.url.canonical, f.obfuscated, f.shortener]);
  assert.deepEqual(found('go to https://example.com/a, then www.example.org.'), [['example.com/a', false, false], ['example.org', false, false]]);
  assert.deepEqual(found('hxxps://bad[.]example/x'), [['bad.example/x', true, false]]);
  assert.deepEqual(found('bad(dot)example/x and bad{.}example/x'), [['bad.example/x', true, false]]);
  assert.deepEqual(found('visit bad . example / now'), [['bad.example', true, false]]);
  assert.deepEqual(found('hxxp[:]//bad[.]example'), [['bad.example', true, false]]);
  assert.deepEqual(found('short: bit.ly/xyz'), [['bit.ly/xyz', false, true]]);
  assert.deepEqual(found('write to me@example.com, it is 3.5 km away'), []);
  assert.deepEqual(found('no links here at all'), []);
  assert.equal(extractUrls(Array.from({ length: 100 }, (_, i) => `s${i}.example`).join(' ')).length, 50, 'bounded');
});

test('the URL list index matches exact pages, prefixes, domains and digests, and forgets removed entries', () => {
  const digest = (alg: string, text: string) => `${alg}(${text})`; // a stand-in digest: the index only compares strings
  const idx = new UrlListIndex();
  idx.add(1, normaliseUrlPattern('example.com/page'));
  idx.add(2, normaliseUrlPattern('example.com/dir/*'));
  idx.add(3, normaliseUrlPattern('*.example.org'));
  idx.add(4, 'sha1:feed');
  const ids = (text: string) => idx.match(extractUrls(text), (alg, t) => (t === 'hidden.example/p' && alg === 'sha1' ? 'feed' : digest(alg, t))).map((h) => h.entryId);
  assert.deepEqual(ids('http://www.example.com/page/'), [1]);
  assert.deepEqual(ids('example.com/pages'), []);
  assert.deepEqual(ids('example.com/dir'), [2]);
  assert.deepEqual(ids('example.com/dir/x/y.html?q=1'), [2]);
  assert.deepEqual(ids('example.com/directory'), []);
  assert.deepEqual(ids('https://a.b.example.org/any'), [3]);
  assert.deepEqual(ids('example.org.evil.test'), []);
  assert.deepEqual(ids('https://hidden.example/p'), [4]);
  assert.deepEqual(ids('example.com/page example.com/dir/1'), [1, 2]);
  idx.add(5, normaliseUrlPattern('example.com/page'));
  assert.deepEqual(ids('example.com/page'), [1, 5], 'the same URL in two banks matches both entries');
  idx.remove(1);
  idx.remove(4);
  assert.deepEqual(ids('example.com/page hidden.example/p'), [5]);
  assert.equal(idx.size, 3);
});
