/**
 * One revealed media item: still blurred (and greyscale unless the person chose colour) until they tick
 * "Unblur"; video muted, paused, no autoplay; gone again after the reveal time (a meta refresh back to the
 * case, so this holds without script too).
 */
import { html, raw } from 'hono/html';
import { consolePage, type Html, type Viewer } from '../console-html.ts';

export interface RevealPageView {
  viewer: Viewer;
  caseId: string;
  contentId: string;
  mediaUrl: string;
  mediaType: string;
  seconds: number;
  greyscale: boolean;
  revealsLeft: number;
}

export function revealView(v: RevealPageView): Html {
  const back = `/console/cases/${v.caseId}`;
  const media = v.mediaType.startsWith('video/')
    ? html`<video src="${v.mediaUrl}" muted controls preload="metadata" playsinline aria-label="Evidence video ${v.contentId}"></video>`
    : html`<img src="${v.mediaUrl}" alt="Evidence image ${v.contentId}, blurred" id="evidence">`;
  return consolePage({
    title: 'Revealed media',
    path: '/console/queue',
    viewer: v.viewer,
    refresh: { seconds: v.seconds, url: back },
    body: html`<h1>Media <span class="mono">${v.contentId}</span></h1>
<p>Shown for <span class="countdown" aria-live="off">${v.seconds} s</span>, then hidden again. ${v.revealsLeft} reveals left today. Look only as long as you need to.</p>
<div class="viewer${v.greyscale ? '' : ' colour'}" data-reveal-seconds="${v.seconds}">
<input type="checkbox" id="unblur"><label for="unblur" class="toggle">Unblur <kbd>u</kbd></label>
<div class="frame">${media}</div>
</div>
<p class="actions-row"><a class="button secondary" href="${back}" id="hide">Hide and go back to the case</a></p>
${raw('')}`,
  });
}
