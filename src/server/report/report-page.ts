/**
 * The public report form and its "sent" page as server-rendered HTML: no script at all, one style allowed by
 * its hash, GOV.UK-style error summary, the danger choice first. After sending, the help page's resources.
 */
import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import { publicReportReasons, publicReportTargets } from '../../core/support/public-report-choices.ts';
import type { HelpPageContent } from '../../core/support/help-page-content.ts';
import { phoneDigits } from '../../core/support/help-page-content.ts';
import type { FieldError, Html } from '../console/console-html.ts';

const css = `:root{color-scheme:light;--fg:#0b0c0c;--muted:#505a5f;--bg:#fff;--line:#b1b4b6;--link:#1d70b8;--focus:#ffdd00;--danger:#d4351c;--ok:#00703c}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:1.1875rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}h1{font-size:2rem;line-height:1.2;margin:.75rem 0 1rem}h2{font-size:1.4rem;margin:1.75rem 0 .5rem}
a{color:var(--link)}a:focus,input:focus,textarea:focus,button:focus{outline:3px solid var(--focus);outline-offset:0;box-shadow:0 4px var(--fg)}
.danger{border:4px solid var(--danger);padding:.5rem 1rem;margin:0 0 1.5rem}.danger strong{color:var(--danger)}
.error-summary{border:5px solid var(--danger);padding:1rem;margin:0 0 1.5rem}.error-summary h2{margin-top:0}.error-summary a{color:var(--danger);font-weight:700}
fieldset{border:0;padding:0;margin:0 0 1.5rem}legend{font-weight:700;font-size:1.3rem;margin-bottom:.5rem}
.field{margin:0 0 1.5rem}.has-error{border-left:5px solid var(--danger);padding-left:.9rem}.error{color:var(--danger);font-weight:700;margin:.25rem 0}
.hint{color:var(--muted);margin:.1rem 0 .4rem;font-size:1rem}label{display:block}
.choice{display:flex;gap:.6rem;align-items:flex-start;margin:.6rem 0}.choice input{width:1.6rem;height:1.6rem;flex:none;margin:.05rem 0 0}.choice label{font-weight:400}.choice .hint{display:block}
.first{font-weight:700}input[type=text],textarea{font:inherit;width:100%;padding:.4rem;border:2px solid var(--fg);border-radius:0}textarea{min-height:8rem}
.label{font-weight:700;margin-bottom:.25rem}button{font:700 1.1875rem/1 inherit;font-family:inherit;padding:.7rem 1.1rem;border:0;border-bottom:3px solid #002d18;background:var(--ok);color:#fff;cursor:pointer}
.panel{background:var(--ok);color:#fff;padding:1.25rem;text-align:center;margin:0 0 1.5rem}.panel h1{margin:0}
ul.res{list-style:none;padding:0}ul.res li{margin:.6rem 0;padding:.6rem .8rem;border:2px solid var(--line)}.name{display:block;font-weight:700}
.call{display:inline-block;margin:.3rem 0;padding:.45rem .9rem;background:var(--link);color:#fff;font-weight:700;text-decoration:none}
.skip{position:absolute;left:-9999px}`;

/** Response headers: no script, this page's own style only, forms post only here, never framed or cached. */
export const reportPageHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

function shell(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${raw(css)}</style>
</head>
<body>
<main id="main">
${body}
</main>
</body>
</html>`;
}

export interface ReportFormView {
  token: string;
  values: { reason?: string; target?: string; where?: string; what?: string };
  errors: FieldError[];
  /** The emergency number line for the default country, e.g. "Call 999". */
  emergency?: { label: string; dial: string };
}

/** The form. */
export function reportFormPage(v: ReportFormView): Html {
  const err = (f: string) => v.errors.find((e) => e.field === f)?.message;
  const reasonErr = err('reason-imminent_danger');
  const targetErr = err('target-account');
  const whereErr = err('where');
  const whatErr = err('what');
  return shell(
    `${v.errors.length > 0 ? 'Error: ' : ''}Report something that worries you`,
    html`${
      v.errors.length > 0
        ? html`<div class="error-summary" role="alert" aria-labelledby="es-title"><h2 id="es-title">There is a problem</h2><ul>${v.errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul></div>`
        : ''
    }
<h1>Report something that worries you</h1>
<p class="danger">${v.emergency ? html`<strong>If a child is in danger right now, <a href="tel:${v.emergency.dial}">${v.emergency.label}</a></strong> first. Then tell us here.` : html`<strong>If a child is in danger right now, call your emergency number first.</strong> Then tell us here.`}</p>
<p>You do not need an account and you do not have to say who you are. A trained person will look at every report.</p>
<form method="post" action="/report" novalidate>
<input type="hidden" name="csrf" value="${v.token}">
<fieldset class="field${reasonErr ? ' has-error' : ''}"><legend>What is happening?</legend>
${reasonErr ? html`<p class="error">${reasonErr}</p>` : ''}
${publicReportReasons.map(
  (r, i) => html`<div class="choice"><input type="radio" id="reason-${r.id}" name="reason" value="${r.id}"${v.values.reason === r.id ? raw(' checked') : ''}><label for="reason-${r.id}"${i === 0 ? raw(' class="first"') : ''}>${r.words}${r.hint ? html`<span class="hint">${r.hint}</span>` : ''}</label></div>`,
)}
</fieldset>
<fieldset class="field${targetErr ? ' has-error' : ''}"><legend>What are you reporting?</legend>
${targetErr ? html`<p class="error">${targetErr}</p>` : ''}
${publicReportTargets.map((t) => html`<div class="choice"><input type="radio" id="target-${t.id}" name="target" value="${t.id}"${v.values.target === t.id ? raw(' checked') : ''}><label for="target-${t.id}">${t.words}</label></div>`)}
</fieldset>
<div class="field${whereErr ? ' has-error' : ''}"><label class="label" for="where">Username, stream name or link</label>
<p class="hint">Copy it from the app or the address bar.</p>${whereErr ? html`<p class="error">${whereErr}</p>` : ''}
<input type="text" id="where" name="where" value="${v.values.where ?? ''}" maxlength="200" autocomplete="off" spellcheck="false"></div>
<div class="field${whatErr ? ' has-error' : ''}"><label class="label" for="what">What happened? (optional)</label>
<p class="hint">Say what you saw or what was said. Do not include pictures.</p>${whatErr ? html`<p class="error">${whatErr}</p>` : ''}
<textarea id="what" name="what" maxlength="5000">${v.values.what ?? ''}</textarea></div>
<button type="submit">Send report</button>
</form>
<p><a href="/help">Get help and advice</a></p>`,
  );
}

/** After sending: thanks, what happens next, and the help page's resources. */
export function reportSentPage(help: HelpPageContent, urgent: boolean): Html {
  const sections = help.sections.filter((s) => s.id === 'danger' || s.id === 'not-your-fault' || s.id === 'talk');
  return shell(
    'Report sent',
    html`<div class="panel" role="status"><h1>Report sent</h1></div>
${urgent ? html`<p class="danger"><strong>You said a child is in danger right now.</strong> We will look at it first. If you have not yet, call the emergency number below now.</p>` : ''}
<p>Thank you for telling us. A trained person will look at your report. We will not tell the person you reported who sent it.</p>
${sections.map(
  (s) => html`<section aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${s.heading}</h2>${s.paragraphs.map((p) => html`<p>${p}</p>`)}
${
  s.resources.length > 0
    ? html`<ul class="res">${s.resources.map((r) => {
        const dial = phoneDigits(r.contact);
        return html`<li><span class="name">${r.name}</span>${dial ? html`<a class="call" href="tel:${dial}">Call ${r.contact.trim()}</a>` : html`<span>${r.contact}</span>`}${
          r.url && /^https?:\/\//.test(r.url) ? html` <a href="${r.url}" rel="noopener noreferrer">${r.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}</a>` : ''
        }</li>`;
      })}</ul>`
    : ''
}</section>`,
)}
<p><a href="/help">More help and advice</a> · <a href="/report">Send another report</a></p>`,
  );
}
