/**
 * The public help page as server-rendered HTML: no script, no external assets, one inline style allowed by
 * its hash, everything escaped. Content comes from the core (`helpPageContent`); this file only lays it out.
 */
import { createHash } from 'node:crypto';
import type { HelpResource } from '../../core/support/help-resources.ts';
import { INTERNATIONAL } from '../../core/support/help-resources.ts';
import { helpPageContent, phoneDigits, type HelpPageContent, type HelpPageSection, type HelpReader } from '../../core/support/help-page-content.ts';
import { helpPath } from '../../core/support/help-path.ts';
import { countryKey } from '../../core/support/support-for.ts';
import type { SupportPolicy } from '../../core/support/support-policy.ts';

const css = `:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--line:#6b6b6b;--link:#0b4f8a;--danger:#a4001d;--on:#fff}
@media (prefers-color-scheme:dark){:root{--fg:#f3f3f3;--bg:#141414;--line:#9a9a9a;--link:#9cc8ff;--danger:#ff9c9c;--on:#141414}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:2.1rem;line-height:1.2;margin:.5rem 0 .75rem}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .5rem}
p{margin:.5rem 0}
a{color:var(--link);overflow-wrap:anywhere}
a:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.intro{font-size:1.25rem}
ul{list-style:none;padding:0;margin:.75rem 0}
li{margin:.6rem 0;padding:.75rem;border:2px solid var(--line);border-radius:.5rem}
.name{display:block;font-weight:700}
.for{display:block;font-size:1rem}
.call{display:inline-block;margin:.35rem .5rem .15rem 0;padding:.55rem 1rem;min-height:2.75rem;border-radius:.5rem;background:var(--link);color:var(--on);font-weight:700;text-decoration:none}
#danger{border:3px solid var(--danger);border-radius:.75rem;padding:0 1rem .75rem;margin-top:1.5rem}
#danger h2{color:var(--danger);margin-top:1rem}
#danger li{border:0;padding:0}
#danger .call{background:var(--danger);font-size:1.35rem}
nav li{border:0;padding:0;margin:.35rem 0}`;

/** Response headers: no script at all, only this page's own style, never framed, nothing sent elsewhere. */
export const helpPageHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'cache-control': 'public, max-age=300',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and double-quoted attributes. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => escapes[ch]!);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
/** "United Kingdom" for GB; `Anywhere else` for the international page. */
export function countryName(key: string): string {
  if (key === INTERNATIONAL) return 'Anywhere else';
  try {
    return regionNames.of(key) ?? key;
  } catch {
    return key;
  }
}

/** An http(s) link as the reader sees it ("childline.org.uk"); undefined for any other scheme. */
function webLink(url: string | undefined): { href: string; text: string } | undefined {
  if (url === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const path = u.pathname.replace(/\/+$/, '');
  return { href: u.href, text: u.host.replace(/^www\./, '') + path };
}

const audienceWords: Record<HelpResource['audience'], string> = { young: 'For children and young people', adult: 'For adults worried about a child', all: '' };

function resourceItem(r: HelpResource, reader: HelpReader): string {
  const parts = [`<span class="name">${escapeHtml(r.name)}</span>`];
  if (reader === 'any' && r.audience !== 'all') parts.push(`<span class="for">${audienceWords[r.audience]}</span>`);
  const dial = phoneDigits(r.contact);
  const link = webLink(r.url);
  if (dial !== undefined) parts.push(`<a class="call" href="tel:${escapeHtml(dial)}">Call ${escapeHtml(r.contact.trim())}</a>`);
  else if (!/^(online|report online)$/i.test(r.contact.trim()) || link === undefined) parts.push(`<span>${escapeHtml(r.contact)}</span>`);
  if (link !== undefined) parts.push(`<a href="${escapeHtml(link.href)}" rel="noopener noreferrer">${escapeHtml(link.text)}</a>`);
  return `<li>${parts.join('\n')}</li>`;
}

function sectionHtml(s: HelpPageSection, reader: HelpReader): string {
  const paragraphs = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const list = s.resources.length > 0 ? `\n<ul>\n${s.resources.map((r) => resourceItem(r, reader)).join('\n')}\n</ul>` : '';
  return `<section id="${s.id}" aria-labelledby="${s.id}-h">\n<h2 id="${s.id}-h">${escapeHtml(s.heading)}</h2>\n${paragraphs}${list}\n</section>`;
}

const readerChoices: [HelpReader, string][] = [
  ['child', 'a child'],
  ['teen', 'a teenager'],
  ['adult', 'an adult worried about a child'],
];

/** The whole page for `content`. */
export function renderHelpPage(content: HelpPageContent): string {
  const { country, reader } = content;
  const age = reader === 'any' ? undefined : reader;
  const place = countryName(country);
  const others = content.countries
    .filter((k) => k !== country)
    .map((k) => `<li><a href="${escapeHtml(helpPath(k, age))}">${escapeHtml(countryName(k))}</a></li>`);
  const readers = readerChoices
    .filter(([r]) => r !== reader)
    .map(([r, words]) => `<li><a href="${escapeHtml(helpPath(country, r))}">${words[0]!.toUpperCase()}${words.slice(1)}</a></li>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(content.title)}: ${escapeHtml(place)}</title>
<style>${css}</style>
</head>
<body>
<main>
<h1>${escapeHtml(content.title)}</h1>
<p class="intro">${escapeHtml(content.intro)}</p>
<p>${country === INTERNATIONAL ? 'Help for anywhere in the world.' : `Where you are: <strong>${escapeHtml(place)}</strong>.`} <a href="#countries">Somewhere else?</a></p>
${content.sections.map((s) => sectionHtml(s, reader)).join('\n')}
<nav id="countries" aria-labelledby="countries-h">
<h2 id="countries-h">Help in another country</h2>
<ul>
${others.join('\n')}
</ul>
</nav>
<nav aria-labelledby="readers-h">
<h2 id="readers-h">Show this page for</h2>
<ul>
${readers.join('\n')}
</ul>
</nav>
</main>
</body>
</html>
`;
}

const rendered = new WeakMap<SupportPolicy, Map<string, string>>();

/**
 * The page for a country and reader, rendered once per policy: the inputs are normalised first (unknown
 * countries to `international`), so the cache holds at most (countries + 1) × 4 pages.
 */
export function helpPageHtml(policy: SupportPolicy, country: string | undefined, reader: HelpReader): string {
  let byKey = rendered.get(policy);
  if (byKey === undefined) rendered.set(policy, (byKey = new Map()));
  const where = countryKey(country, policy);
  const key = `${where}|${reader}`;
  let html = byKey.get(key);
  if (html === undefined) byKey.set(key, (html = renderHelpPage(helpPageContent(where, policy, reader))));
  return html;
}
