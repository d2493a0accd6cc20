import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { helpPageContent } from '../../core/support/help-page-content.ts';
import { supportPolicySchema } from '../../core/support/support-policy.ts';
import { escapeHtml, helpPageHeaders, helpPageHtml, renderHelpPage } from './help-page.ts';

const policy = supportPolicySchema.parse({});
const telLinks = (html: string) => [...html.matchAll(/href="tel:([^"]*)"/g)].map((m) => m[1]);
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

test('GB page: 999, Childline and NSPCC as tel: links, CEOP as a web link, headings, language', () => {
  const html = helpPageHtml(policy, 'GB', 'any');
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.deepEqual(telLinks(html), ['999', '08001111', '08088005000']);
  assert.match(html, /<a class="call" href="tel:08001111">Call 0800 1111<\/a>/);
  assert.match(html, /href="https:\/\/www\.ceop\.police\.uk\/Safety-Centre\/" rel="noopener noreferrer">ceop\.police\.uk\/Safety-Centre</);
  assert.match(html, /<h1>Get help<\/h1>/);
  for (const h of ['If you are in danger right now', 'It is not your fault', 'Talk to someone', 'Report it']) assert.match(html, new RegExp(`<h2 id="[a-z-]+-h">${h}</h2>`));
  assert.match(html, /Where you are: <strong>United Kingdom<\/strong>\./);
  assert.match(html, /For adults worried about a child/, 'an unknown reader sees who each helpline is for');
  assert.doesNotMatch(html, /<script|<img|<link|<iframe|<form|src=/i, 'no script, no external assets, no input');
});

test('US page: 911, NCMEC CyberTipline and Childhelp; the international page dials nothing it does not know', () => {
  const us = helpPageHtml(policy, 'us', 'teen');
  assert.deepEqual(telLinks(us), ['911', '18004224453', '18008435678']);
  assert.match(us, /NCMEC CyberTipline/);
  assert.match(us, /href="https:\/\/report\.cybertip\.org\/"/);
  assert.match(us, /It&#39;s not your fault/);
  const intl = helpPageHtml(policy, 'ZZ', 'any');
  assert.deepEqual(telLinks(intl), []);
  assert.match(intl, /Call your local emergency number now\./);
  assert.match(intl, /Help for anywhere in the world\./);
  assert.equal(helpPageHtml(policy, 'ZZ', 'any'), helpPageHtml(policy, 'international', 'any'), 'unknown countries get the international page');
});

test('links to other countries and wordings stay on this site and keep the age', () => {
  const html = helpPageHtml(policy, 'GB', 'child');
  const local = hrefs(html).filter((h) => !h.startsWith('tel:') && !h.startsWith('https://'));
  assert.deepEqual(local, ['#countries', '/help/US?age=child', '/help/international?age=child', '/help/GB?age=teen', '/help/GB?age=adult']);
});

test('everything from the policy is escaped; only http(s) links and real numbers become links', () => {
  const hostile = supportPolicySchema.parse({
    resources: {
      GB: [
        { name: '<script>alert(1)</script>', contact: '"><img src=x onerror=alert(1)>', url: 'javascript:alert(1)', audience: 'young' },
        { name: "Tom & Jerry's line", contact: '0800 000 000', url: 'https://example.org/a?b="c"&d=<e>', audience: 'young' },
        { name: 'Data link', contact: 'online', url: 'data:text/html,<script>alert(1)</script>', audience: 'young' },
      ],
    },
  });
  const html = renderHelpPage(helpPageContent('GB', hostile, 'child'));
  assert.doesNotMatch(html, /<script>|<img|javascript:|data:text/i);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(html, /Tom &amp; Jerry&#39;s line/);
  assert.match(html, /href="https:\/\/example\.org\/a\?b=%22c%22&amp;d=%3Ce%3E"/);
  assert.match(html, /<span>online<\/span>/, 'a contact with no usable link is shown as text');
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('headers: a CSP that allows only this page’s own style, caching, no sniffing, no referrer', () => {
  const csp = helpPageHeaders['content-security-policy']!;
  assert.match(csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/);
  const style = /<style>([\s\S]*?)<\/style>/.exec(helpPageHtml(policy, 'GB', 'any'))![1]!;
  assert.ok(csp.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'the hash matches the inline style');
  assert.equal(helpPageHeaders['content-type'], 'text/html; charset=utf-8');
  assert.match(helpPageHeaders['cache-control']!, /^public, max-age=\d+$/);
  assert.equal(helpPageHeaders['x-content-type-options'], 'nosniff');
  assert.equal(helpPageHeaders['referrer-policy'], 'no-referrer');
});
