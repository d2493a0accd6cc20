/**
 * The console's page shell and form pieces, written with hono's `html` helper (every interpolated value is
 * escaped unless it is itself markup). Views take plain data and return markup; they never touch a store.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup as views return it. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Response headers of every console page: same-origin script and style only, nothing framed or cached. */
export const consoleHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
});

export interface NavItem {
  href: string;
  label: string;
}

export interface Viewer {
  displayName: string;
  roles: readonly string[];
  csrf: string;
  nav: NavItem[];
}

/** One field error: the field's id (for the summary link) and the message. */
export interface FieldError {
  field: string;
  message: string;
}

/** GOV.UK-style error summary: a heading and a link to each field in error (focused on load by its role). */
export function errorSummary(errors: readonly FieldError[]): Html | '' {
  if (errors.length === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`;
}

/** The message for one field, or undefined. */
export const errorFor = (errors: readonly FieldError[], field: string): string | undefined => errors.find((e) => e.field === field)?.message;

/** The hidden CSRF field every form carries. */
export const csrfField = (token: string): Html => html`<input type="hidden" name="csrf" value="${token}">`;

const shortcutList: [string, string][] = [
  ['n', 'next case'],
  ['r', 'reveal'],
  ['u', 'unblur'],
  ['a', 'assess'],
  ['x', 'act'],
  ['?', 'all shortcuts'],
];

/** A full console page. `path` marks the current navigation item. */
export function consolePage(opts: { title: string; path: string; viewer?: Viewer; body: Html; refresh?: { seconds: number; url: string } }): Html {
  const v = opts.viewer;
  const nav = v
    ? html`<nav aria-label="Console"><ul>${v.nav.map((n) => html`<li><a href="${n.href}"${opts.path === n.href ? raw(' aria-current="page"') : ''}>${n.label}</a></li>`)}</ul></nav>
<div class="who"><span>${v.displayName} <span class="muted">(${v.roles.join(', ').replace(/_/g, ' ')})</span></span>
<form method="post" action="/console/sign-out" class="inline">${csrfField(v.csrf)}<button type="submit">Sign out</button></form></div>`
    : '';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${opts.refresh ? html`<meta http-equiv="refresh" content="${opts.refresh.seconds};url=${opts.refresh.url}">` : ''}
<title>${opts.title} – Lifeguard console</title>
<link rel="icon" href="/console/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/console.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="top"><a class="brand" href="/console">Lifeguard console</a>${nav}</header>
<main id="main" tabindex="-1">
${v ? html`<p class="shortcuts" id="shortcuts">Keyboard: ${shortcutList.map(([k, w], i) => html`${i > 0 ? ', ' : ''}<kbd>${k}</kbd> ${w}`)}</p>` : ''}
${opts.body}
</main>
${
  v
    ? html`<dialog id="help" aria-labelledby="help-title"><h2 id="help-title">Keyboard shortcuts</h2><dl class="facts">${shortcutList.map(([k, w]) => html`<dt><kbd>${k}</kbd></dt><dd>${w}</dd>`)}</dl><form method="dialog"><button type="submit" class="secondary">Close</button></form></dialog>`
    : ''
}
</body>
</html>`;
}

/** A labelled text-like input with its hint and error. */
export function inputField(o: { id: string; label: string; type?: string; value?: string; hint?: string; errors?: readonly FieldError[]; autocomplete?: string; required?: boolean; extra?: string }): Html {
  const err = o.errors ? errorFor(o.errors, o.id) : undefined;
  return html`<div class="field${err ? ' has-error' : ''}">
<label for="${o.id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ''}
${err ? html`<p class="error" id="${o.id}-error"><span class="skip">Error:</span> ${err}</p>` : ''}
<input id="${o.id}" name="${o.id}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.autocomplete ? raw(` autocomplete="${o.autocomplete}"`) : ''}${o.required ? raw(' required') : ''}${o.extra ? raw(' ' + o.extra) : ''}${
    o.hint || err ? raw(` aria-describedby="${[o.hint ? `${o.id}-hint` : '', err ? `${o.id}-error` : ''].filter(Boolean).join(' ')}"`) : ''
  }>
</div>`;
}

/** A select from a registry list, with an optional empty first choice. */
export function selectField(o: { id: string; label: string; options: readonly (string | [string, string])[]; value?: string; empty?: string; errors?: readonly FieldError[]; hint?: string }): Html {
  const err = o.errors ? errorFor(o.errors, o.id) : undefined;
  return html`<div class="field${err ? ' has-error' : ''}">
<label for="${o.id}">${o.label}</label>
${o.hint ? html`<p class="hint">${o.hint}</p>` : ''}
${err ? html`<p class="error" id="${o.id}-error"><span class="skip">Error:</span> ${err}</p>` : ''}
<select id="${o.id}" name="${o.id}">${o.empty !== undefined ? html`<option value="">${o.empty}</option>` : ''}${o.options.map((opt) => {
    const [value, label] = typeof opt === 'string' ? [opt, opt.replace(/_/g, ' ')] : opt;
    return html`<option value="${value}"${o.value === value ? raw(' selected') : ''}>${label}</option>`;
  })}</select>
</div>`;
}

/** "3 min", "2 h 5 min", "4 d 3 h": a duration for people. */
export function duration(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** An ISO time in UTC, to the minute, in a <time> element. */
export const when = (ms: number): Html => html`<time datetime="${new Date(ms).toISOString()}">${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC</time>`;
