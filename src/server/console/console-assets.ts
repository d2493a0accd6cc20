/**
 * The console's one stylesheet and one progressive-enhancement script, served from the service itself
 * (`/console/assets/…`) so the Content-Security-Policy can forbid inline code and every other origin.
 * Every page works without the script; it only adds keyboard shortcuts and the reveal countdown.
 */
import { createHash } from 'node:crypto';

export const consoleCss = `:root{color-scheme:light;--fg:#0b0c0c;--muted:#505a5f;--bg:#fff;--panel:#f3f2f1;--line:#b1b4b6;--link:#1d70b8;--focus:#ffdd00;--danger:#d4351c;--ok:#00703c;--warn:#f47738}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
a{color:var(--link)}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus,[tabindex]:focus{outline:3px solid var(--focus);outline-offset:0;box-shadow:0 -2px var(--focus),0 4px var(--fg)}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:.5rem;background:var(--focus);color:var(--fg);padding:.25rem .5rem;z-index:9}
header.top{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;align-items:center;background:var(--fg);color:#fff;padding:.5rem 1.25rem}
header.top a{color:#fff;text-decoration:none;font-weight:600}header.top a[aria-current=page]{text-decoration:underline;text-underline-offset:.3em}
header.top .brand{font-size:1.15rem;margin-right:1rem}header.top nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
header.top .who{margin-left:auto;display:flex;gap:.75rem;align-items:center;font-size:.9rem}
header.top .who button{background:none;border:1px solid #fff;color:#fff;padding:.2rem .6rem;cursor:pointer;font:inherit}
main{max-width:78rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.8rem;margin:.5rem 0 1rem}h2{font-size:1.3rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .35rem}
.shortcuts{font-size:.85rem;color:var(--muted);margin:0 0 1rem}.shortcuts kbd,kbd{font:600 .8rem ui-monospace,monospace;border:1px solid var(--line);border-bottom-width:2px;border-radius:3px;padding:0 .3rem;background:var(--panel);color:var(--fg)}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:700}@media (max-width:30rem){td,th{overflow-wrap:anywhere}}
.tag{display:inline-block;padding:.05rem .45rem;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.02em;background:var(--panel);border:1px solid var(--line)}
.tag.p-imminent,.tag.overdue{background:var(--danger);color:#fff;border-color:var(--danger)}.tag.p-known_content{background:#912b88;color:#fff}.tag.p-high_risk{background:var(--warn);color:#0b0c0c}.tag.ok{background:var(--ok);color:#fff}
.error-summary{border:5px solid var(--danger);padding:1rem 1.25rem;margin:0 0 1.5rem}.error-summary h2{margin-top:0}.error-summary a{color:var(--danger);font-weight:700}
.field{margin:0 0 1.1rem}.field label,.field legend{display:block;font-weight:700;margin-bottom:.25rem}.field .hint{color:var(--muted);font-size:.9rem;margin:0 0 .3rem}
.field.has-error{border-left:5px solid var(--danger);padding-left:.8rem}.field .error{color:var(--danger);font-weight:700;margin:0 0 .3rem}
input[type=text],input[type=email],input[type=password],input[type=number],input[type=url],select,textarea{font:inherit;padding:.35rem .45rem;border:2px solid var(--fg);border-radius:0;max-width:100%;min-width:14rem;background:#fff;color:var(--fg)}
textarea{width:100%;min-height:6rem}fieldset{border:0;padding:0;margin:0 0 1rem}
.radios label,.checks label{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.3rem 0}.radios input,.checks input{width:1.2rem;height:1.2rem;margin-top:.15rem}
button,.button{display:inline-block;font:600 1rem/1.2 inherit;font-family:inherit;padding:.5rem .9rem;border:0;border-bottom:2px solid #002d18;background:var(--ok);color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:var(--panel);color:var(--fg);border-bottom-color:#929191}button.warning{background:var(--danger);border-bottom-color:#55150b}
.inline{display:inline}.actions-row{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.5rem 0 1rem}
.grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,2fr);gap:1.5rem}@media (max-width:60rem){.grid{grid-template-columns:minmax(0,1fr)}}
.panel{background:var(--panel);padding:.75rem 1rem;margin:0 0 1rem}.panel h2:first-child,.panel h3:first-child{margin-top:0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.25rem 0}dl.facts dt{font-weight:700}dl.facts dd{margin:0;overflow-wrap:anywhere}
ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}ol.timeline li{padding:.2rem 0 .5rem .8rem;position:relative}ol.timeline li::before{content:"";position:absolute;left:-.45rem;top:.55rem;width:.6rem;height:.6rem;border-radius:50%;background:var(--fg)}
ol.timeline time{color:var(--muted);font-size:.85rem;margin-right:.5rem}
.transcript{list-style:none;padding:0;margin:0}.transcript li{padding:.35rem .5rem;border-bottom:1px solid var(--line)}.transcript .who{font-weight:700;margin-right:.5rem}.transcript mark{background:#ffdd00;color:#0b0c0c;padding:0 .1rem}
.transcript .signals{display:block;font-size:.8rem;color:var(--muted)}
.media{display:flex;flex-wrap:wrap;gap:1rem}.media figure{margin:0;width:16rem}.media .placeholder{width:16rem;height:10rem;display:flex;align-items:center;justify-content:center;text-align:center;padding:1rem;background:repeating-linear-gradient(45deg,#dcdcdc 0 10px,#cfcfcf 10px 20px);color:var(--fg);font-weight:700}
.viewer{max-width:48rem}.viewer .frame{position:relative;display:block;width:fit-content;overflow:hidden;background:#222}
.viewer img,.viewer video{display:block;max-width:100%;max-height:60vh;filter:blur(24px) grayscale(1);transition:filter .2s}
.viewer.colour img,.viewer.colour video{filter:blur(24px)}
.viewer #unblur:checked~.frame img,.viewer #unblur:checked~.frame video{filter:grayscale(1)}.viewer.colour #unblur:checked~.frame img,.viewer.colour #unblur:checked~.frame video{filter:none}
.viewer .toggle{display:inline-flex;gap:.5rem;align-items:center;margin:.5rem 0;font-weight:700}.viewer .expired img,.viewer .expired video{visibility:hidden}
.countdown{font-weight:700}.notice{border-left:5px solid var(--link);padding:.5rem 1rem;background:#e8f1f8;margin:0 0 1rem}.notice.warn{border-color:var(--warn);background:#fef1e8}.notice.stop{border-color:var(--danger);background:#fbe9e7}
.muted{color:var(--muted)}.nowrap{white-space:nowrap}.mono{font-family:ui-monospace,monospace;font-size:.85rem;overflow-wrap:anywhere}
dialog#help{border:3px solid var(--fg);padding:1rem 1.5rem;max-width:30rem}
pre.xml{font-family:ui-monospace,monospace;font-size:.8rem;background:var(--panel);border:1px solid var(--line);padding:.75rem;max-height:32rem;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:0 2rem}.chart-block{min-width:0}
figure.chart{margin:.5rem 0}svg.chart{display:block;width:100%;height:auto;max-width:30rem}
svg.chart text{font:11px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--fg)}svg.chart .tick{fill:var(--muted)}
svg.chart .axis{stroke:var(--fg);stroke-width:1}svg.chart .grid{stroke:var(--line);stroke-width:1;stroke-dasharray:2 3}
.s1{fill:#1d70b8;background:#1d70b8}.s2{fill:#b35900;background:#b35900}.s3{fill:#00703c;background:#00703c}.s4{fill:#6f777b;background:#6f777b}
ul.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0 0 .25rem;padding:0;font-size:.9rem}ul.legend .swatch{display:inline-block;width:.9rem;height:.9rem;margin-right:.35rem;vertical-align:-.1rem}
table.figures{font-size:.9rem}table.figures caption{text-align:left;font-weight:700;padding:.25rem 0}table.figures .num{text-align:right;font-variant-numeric:tabular-nums}
.table-scroll{overflow-x:auto;max-width:100%}dl.key-figures{grid-template-columns:minmax(0,1fr) auto;max-width:32rem}dl.key-figures dd{font-weight:700;font-variant-numeric:tabular-nums;text-align:right}
@media (max-width:30rem){svg.chart text,svg.chart .tick{font-size:12.5px}}`;

export const consoleJs = `// Lifeguard console: progressive enhancement only (every page works without it).
(function () {
  'use strict';
  var typing = function (el) { return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)); };
  var first = function (sel) { return document.querySelector(sel); };
  var keys = {
    n: function () { var f = first('[data-shortcut=next]'); if (f) { if (f.tagName === 'FORM') f.requestSubmit(); else f.click(); } },
    r: function () { var b = first('[data-shortcut=reveal]'); if (b) b.focus(); },
    a: function () { var s = first('[data-shortcut=assess]'); if (s) { s.scrollIntoView(); var i = s.querySelector('select,textarea,input:not([type=hidden])'); if (i) i.focus(); } },
    x: function () { var s = first('[data-shortcut=act]'); if (s) { s.scrollIntoView(); var i = s.querySelector('select,textarea,button,input:not([type=hidden])'); if (i) i.focus(); } },
    u: function () { var c = first('#unblur'); if (c) c.click(); },
    '?': function () { var d = first('#help'); if (d && d.showModal) d.showModal(); }
  };
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    var f = keys[e.key];
    if (f) { e.preventDefault(); f(); }
  });
  // GOV.UK pattern: move focus to the error summary so it is read out first.
  var summary = first('#error-summary');
  if (summary) summary.focus();
  // The reveal countdown: when it reaches zero the media is hidden and its address dropped.
  var viewer = first('[data-reveal-seconds]');
  if (viewer) {
    var left = parseInt(viewer.getAttribute('data-reveal-seconds'), 10);
    var out = first('.countdown');
    var tick = function () {
      if (out) out.textContent = left + ' s';
      if (left <= 0) {
        viewer.classList.add('expired');
        var m = viewer.querySelectorAll('img,video');
        for (var i = 0; i < m.length; i++) { if (m[i].pause) m[i].pause(); m[i].removeAttribute('src'); }
        if (out) out.textContent = 'hidden again';
        return;
      }
      left -= 1;
      setTimeout(tick, 1000);
    };
    tick();
    var v = viewer.querySelector('video');
    if (v) { v.muted = true; v.pause(); }
  }
})();
`;

/** A lifebuoy, so browsers do not ask for /favicon.ico. */
export const consoleIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="12" fill="none" stroke="#d4351c" stroke-width="7"/><circle cx="16" cy="16" r="12" fill="none" stroke="#fff" stroke-width="7" stroke-dasharray="9.4 9.4"/></svg>`;

const etag = (s: string) => `"${createHash('sha256').update(s).digest('base64url').slice(0, 22)}"`;
export const consoleCssEtag = etag(consoleCss);
export const consoleJsEtag = etag(consoleJs);
export const consoleIconEtag = etag(consoleIcon);
