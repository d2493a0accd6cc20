/**
 * The public guidance pages (for parents and carers, for schools) as server-rendered HTML: no script, no
 * external assets, one inline style allowed by its hash, everything escaped. Content comes from the core
 * (`guidancePageContent`); this file only lays it out.
 */
import { createHash } from 'node:crypto';
import { guidancePageContent, type GuidanceAudience, type GuidancePage, type GuidanceSection } from '../../core/guidance/guidance-content.ts';
import type { AgeTier } from '../../core/age/age-tiers.ts';
import type { TierSettings } from '../../core/safety-policy/tier-settings.ts';
import { phoneDigits } from '../../core/support/help-page-content.ts';
import type { HelpResource } from '../../core/support/help-resources.ts';
import type { SupportPolicy } from '../../core/support/support-policy.ts';
import { escapeHtml } from './help-page.ts';

const css = `:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--line:#6b6b6b;--link:#0b4f8a;--warn:#8a4b00;--on:#fff}
@media (prefers-color-scheme:dark){:root{--fg:#f3f3f3;--bg:#141414;--line:#9a9a9a;--link:#9cc8ff;--warn:#ffc98a;--on:#141414}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 .75rem}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .5rem}
h3{font-size:1.2rem;margin:1.25rem 0 .25rem}
p{margin:.5rem 0}
a{color:var(--link);overflow-wrap:anywhere}
a:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.intro{font-size:1.2rem}
ul{padding-left:1.25rem;margin:.5rem 0}
li{margin:.45rem 0}
.sign{font-weight:700}
.dont li::marker{color:var(--warn)}
.res{list-style:none;padding:0}
.res li{padding:.6rem .75rem;border:2px solid var(--line);border-radius:.5rem}
.name{display:block;font-weight:700}
.call{display:inline-block;margin:.3rem .5rem .1rem 0;padding:.5rem .9rem;min-height:2.75rem;border-radius:.5rem;background:var(--link);color:var(--on);font-weight:700;text-decoration:none}
nav ul{list-style:none;padding:0}`;

/** Response headers: no script at all, only this page's own style, never framed, nothing sent elsewhere. */
export const guidancePageHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'cache-control': 'public, max-age=300',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

function resource(r: HelpResource): string {
  const parts = [`<span class="name">${escapeHtml(r.name)}</span>`];
  const dial = phoneDigits(r.contact);
  if (dial !== undefined) parts.push(`<a class="call" href="tel:${escapeHtml(dial)}">Call ${escapeHtml(r.contact.trim())}</a>`);
  else if (!/^(online|report online)$/i.test(r.contact.trim())) parts.push(`<span>${escapeHtml(r.contact)}</span>`);
  if (r.url !== undefined && /^https?:\/\//.test(r.url)) {
    const u = new URL(r.url);
    parts.push(`<a href="${escapeHtml(u.href)}" rel="noopener noreferrer">${escapeHtml(u.host.replace(/^www\./, '') + u.pathname.replace(/\/+$/, ''))}</a>`);
  }
  return `<li>${parts.join('\n')}</li>`;
}

function section(s: GuidanceSection): string {
  const out = [`<section id="${s.id}" aria-labelledby="${s.id}-h">`, `<h2 id="${s.id}-h">${escapeHtml(s.heading)}</h2>`];
  for (const p of s.paragraphs) out.push(`<p>${escapeHtml(p)}</p>`);
  for (const l of s.lists) {
    if (l.heading) out.push(`<h3>${escapeHtml(l.heading)}</h3>`);
    const cls = l.heading === 'Do not' ? ' class="dont"' : '';
    out.push(`<ul${cls}>`, ...l.items.map((i) => `<li>${i.title ? `<span class="sign">${escapeHtml(i.title)}.</span> ` : ''}${escapeHtml(i.text)}</li>`), '</ul>');
  }
  for (const p of s.places ?? []) out.push(`<h3>${escapeHtml(p.place)}</h3>`, '<ul class="res">', ...p.resources.map(resource), '</ul>');
  out.push('</section>');
  return out.join('\n');
}

const otherPage: Record<GuidanceAudience, [string, string]> = {
  parents: ['/guidance/schools', 'Guidance for schools'],
  schools: ['/guidance/parents', 'Guidance for parents and carers'],
};

/** The whole page. */
export function renderGuidancePage(page: GuidancePage): string {
  const [otherHref, otherText] = otherPage[page.audience];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)}</title>
<style>${css}</style>
</head>
<body>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p class="intro">${escapeHtml(page.intro)}</p>
<nav aria-label="On this page"><ul>
${page.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join('\n')}
</ul></nav>
${page.sections.map(section).join('\n')}
<nav aria-labelledby="more-h">
<h2 id="more-h">More help</h2>
<ul>
<li><a href="/help">Get help now (help page)</a></li>
<li><a href="${otherHref}">${otherText}</a></li>
</ul>
</nav>
</main>
</body>
</html>
`;
}

const rendered = new WeakMap<object, Map<GuidanceAudience, string>>();

/** The page for an audience, rendered once per (tiers, support) policy pair. */
export function guidancePageHtml(audience: GuidanceAudience, tiers: Readonly<Record<AgeTier, TierSettings>>, support: SupportPolicy): string {
  let byAudience = rendered.get(tiers);
  if (!byAudience) rendered.set(tiers, (byAudience = new Map()));
  let html = byAudience.get(audience);
  if (html === undefined) byAudience.set(audience, (html = renderGuidancePage(guidancePageContent(audience, tiers, support))));
  return html;
}

