/**
 * The referral draft of a case, for a child-safety reviewer to read before sending: the CyberTipline report
 * XML exactly as it would be sent (escaped, in a <pre>), each file's details, and the send form, or the report
 * id once sent. Plain data in, markup out.
 */
import { html } from 'hono/html';
import type { CaseReferral } from '../../../core/cases/reduce-case.ts';
import { consolePage, csrfField, errorSummary, when, type FieldError, type Html, type Viewer } from '../console-html.ts';

export interface ReferralPageView {
  viewer: Viewer;
  caseId: string;
  /** The report XML as it would be sent. */
  reportXml: string;
  files: { contentId: string; fileViewedByEsp: boolean; xml: string }[];
  /** The CyberTipline endpoint, when one is configured (without credentials). */
  destinationUrl?: string;
  sent?: CaseReferral;
  errors: FieldError[];
}

export function referralView(v: ReferralPageView): Html {
  const back = `/console/cases/${v.caseId}`;
  const send = v.sent
    ? html`<p class="notice" role="status" id="referral-sent">Sent to the NCMEC CyberTipline ${when(v.sent.at)} by ${v.sent.by}: report <strong class="mono">${v.sent.reportId ?? ''}</strong>.</p>`
    : v.destinationUrl
      ? html`<form method="post" action="/console/cases/${v.caseId}/referral" id="send-referral">${csrfField(v.viewer.csrf)}
<p>Sending submits this report and uploads each file (opened in memory from the sealed store) to <span class="mono">${v.destinationUrl}</span>. It cannot be undone once finished.</p>
<div class="field checks"><label for="confirm"><input type="checkbox" id="confirm" name="confirm" value="yes" required> I have read the report and it is correct</label></div>
<button type="submit" class="warning">Send to the CyberTipline</button></form>`
      : html`<p class="notice warn" role="status" id="referral-unconfigured">Referral destination not configured: set LIFEGUARD_CYBERTIPLINE_URL and its credentials to send. You can still read the draft.</p>`;
  const body = html`${errorSummary(v.errors)}
<h1>Referral of case <span class="mono">${v.caseId}</span></h1>
<p><a href="${back}">Back to the case</a></p>
<section aria-labelledby="send-h" class="panel"><h2 id="send-h">NCMEC CyberTipline</h2>${send}</section>
<section aria-labelledby="report-h"><h2 id="report-h">Report</h2>
<pre class="xml" id="report-xml" tabindex="0" aria-label="CyberTipline report XML">${v.reportXml}</pre></section>
<section aria-labelledby="files-h"><h2 id="files-h">Files (${v.files.length})</h2>${
    v.files.length === 0
      ? html`<p>No media files: the report describes the case without uploads.</p>`
      : v.files.map(
          (f) => html`<h3 class="mono">${f.contentId}</h3><p>${f.fileViewedByEsp ? 'A reviewer viewed the whole file (fileViewedByEsp true).' : 'Nobody viewed the whole file (fileViewedByEsp false).'} Report and file ids are filled in when sent.</p>
<pre class="xml" tabindex="0" aria-label="File details XML for ${f.contentId}">${f.xml}</pre>`,
        )
  }</section>`;
  return consolePage({ title: `Referral of case ${v.caseId}`, path: '/console/queue', viewer: v.viewer, body });
}
