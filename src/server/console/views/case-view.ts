/**
 * The case page: why it is here, its evidence (media blurred until revealed, one item at a time; matched
 * hashes; transcript with signal spans; live-stream timeline; reporters' words; age records), its timeline,
 * and the assessment and action forms. Plain data in, markup out.
 */
import { html, raw } from 'hono/html';
import { ageBands, groomingCaseTypes, ncmecClassifications, sexesAsSeen, ukCategories, yesNoUnknown } from '../../../core/cases/assessment.ts';
import { caseActionKinds, dismissReasons, restrictableFeatures } from '../../../core/cases/case-actions.ts';
import type { CaseEvent } from '../../../core/cases/case-event.ts';
import type { ExposureState } from '../../../core/people/wellbeing.ts';
import type { HoldState } from '../../../core/evidence/preservation.ts';
import type { CaseDetail } from '../../../review/case-service.ts';
import type { CaseEvidenceView, Span } from '../case-evidence.ts';
import { consolePage, csrfField, errorSummary, selectField, when, type FieldError, type Html, type Viewer } from '../console-html.ts';
import { ageAppealSection } from './age-appeal-view.ts';
import { priorityTag, waitingCell } from './queue-view.ts';

export interface CasePageView {
  viewer: Viewer;
  personId: string;
  detail: CaseDetail;
  evidence: CaseEvidenceView;
  /** May this person claim / decide / reveal here (with the reason when not)? */
  mayClaim: boolean;
  holdsClaim: boolean;
  /** A child-safety reviewer holding the claim: may review and send the referral. */
  mayRefer?: boolean;
  reveal: { allowed: true } | { allowed: false; reason: string };
  exposure: ExposureState;
  banks: string[];
  errors: FieldError[];
  notice?: string;
  now: number;
  /** The evidence preservation hold, when the case's media is held (src/core/evidence/preservation.ts). */
  hold?: HoldState;
}

/** Text with the detector's spans marked (escaped; overlapping spans merge into the first). */
export function highlighted(text: string, spans: readonly Span[]): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    parts.push(html`${text.slice(at, s.start)}`);
    parts.push(html`<mark title="${s.category.replace(/_/g, ' ')}">${text.slice(s.start, s.end)}</mark>`);
    at = s.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

const kb = (n: number | undefined | null) => (n === undefined || n === null ? '' : n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`);

function eventLine(e: CaseEvent): Html {
  const d = e.data as Record<string, any>;
  const what: Record<string, string> = {
    opened: `Opened from ${d.source ?? ''}`,
    evidence_added: `Evidence added from ${d.source ?? ''}`,
    assigned: 'Claimed',
    claim_released: 'Claim released',
    claim_expired: 'Claim lapsed',
    viewed: 'Viewed',
    revealed: `Media ${d.contentId ?? ''} revealed${d.fullView ? ' (whole file)' : ' (in part)'}`,
    assessed: `Assessed${d.assessment?.ukCategory ? `: category ${d.assessment.ukCategory}` : ''}`,
    actioned: `Action ${String(d.action?.kind ?? '').replace(/_/g, ' ')}${d.status === 'pending' ? ' (waiting for a second person)' : ''}`,
    action_confirmed: 'Action confirmed',
    action_rejected: 'Action rejected',
    escalated: `Escalated: ${d.reason ?? ''}`,
    closed: `Closed (${d.outcome ?? ''}${d.dismissReason ? `: ${String(d.dismissReason).replace(/_/g, ' ')}` : ''})`,
    reopened: `Reopened: ${d.reason ?? ''}`,
    referral_drafted: `Referral draft (${d.destination ?? ''}) reviewed`,
    referral_sent: `Referral sent to ${d.destination ?? ''}: report ${d.reportId ?? ''}`,
    age_resolved: `Age decision ${d.outcome ?? ''} on appeal${d.tier ? ` (new tier ${d.tier})` : ''}: ${d.reason ?? ''}`,
  };
  return html`<li>${when(e.at)}<strong>${what[e.kind] ?? e.kind}</strong> <span class="muted">by ${e.actor}</span>${
    (e.kind === 'opened' || e.kind === 'evidence_added') && Array.isArray(d.reasons) && d.reasons.length > 0 ? html`<br><span class="muted">${d.reasons.slice(0, 2).join('; ')}</span>` : ''
  }</li>`;
}

function exposureNotice(x: ExposureState): Html | '' {
  if (x.kind === 'cap_reached') return html`<p class="notice stop" role="status" id="exposure">You have reached today’s limit of media reveals. Media stays hidden until tomorrow (UTC). Text evidence is still available. Please take a break.</p>`;
  if (x.kind === 'break_due') return html`<p class="notice warn" role="status" id="exposure">Time for a short break: step away from the screen for a few minutes. ${x.remaining} reveals left today.</p>`;
  return html`<p class="muted" id="exposure">${x.remaining} media reveals left today.</p>`;
}

export function caseView(v: CasePageView): Html {
  const { state: s, summary, events } = v.detail;
  const csrf = v.viewer.csrf;
  const closed = s.status === 'closed';
  const ev = v.evidence;
  const pending = s.actions.filter((a) => a.status === 'pending');
  let firstReveal = true;
  const body = html`${errorSummary(v.errors)}
<h1>Case <span class="mono">${s.id}</span></h1>
<p>${priorityTag(summary.priority, summary.priorityLabel)} <strong>${s.status.replace(/_/g, ' ')}</strong> · ${waitingCell(summary)} · ${s.source.replace(/_/g, ' ')}${
    s.requiredRole !== 'reviewer' ? html` · needs <strong>${s.requiredRole.replace(/_/g, ' ')}</strong>` : ''
  }${s.assignee ? html` · claimed by ${s.assignee.id === v.personId ? 'you' : s.assignee.id} until ${new Date(s.assignee.until).toISOString().slice(11, 16)} UTC` : ''}</p>
${v.notice ? html`<p class="notice" role="status" id="notice">${v.notice}</p>` : ''}
<div class="actions-row">
${v.mayClaim && !v.holdsClaim && !closed ? html`<form method="post" action="/console/cases/${s.id}/claim" class="inline">${csrfField(csrf)}<button type="submit">Claim this case</button></form>` : ''}
${v.holdsClaim ? html`<form method="post" action="/console/cases/${s.id}/release" class="inline">${csrfField(csrf)}<button type="submit" class="secondary">Give the case back</button></form>` : ''}
<form method="post" action="/console/claim-next" class="inline" data-shortcut="next">${csrfField(csrf)}<button type="submit" class="secondary">Next case <kbd>n</kbd></button></form>
<a href="/console/queue">Back to the queue</a>
</div>
<div class="grid">
<div>
<section aria-labelledby="why-h"><h2 id="why-h">Why it is here</h2><ul>${s.reasons.map((r) => html`<li>${r}</li>`)}</ul></section>
${
  ev.media.length > 0
    ? html`<section aria-labelledby="media-h"><h2 id="media-h">Media</h2>
${exposureNotice(v.exposure)}
${!v.reveal.allowed ? html`<p class="notice warn" id="reveal-denied">Media stays hidden: ${v.reveal.reason}.</p>` : ''}
<div class="media">${ev.media.map((m) => {
        const isVideo = m.record?.mediaType.startsWith('video/') ?? false;
        const canShow = v.reveal.allowed && v.exposure.kind !== 'cap_reached' && m.record?.retained === true;
        const shortcut = canShow && firstReveal ? raw(' data-shortcut="reveal"') : '';
        if (canShow) firstReveal = false;
        return html`<figure>
<div class="placeholder" aria-hidden="true">${isVideo ? 'Video' : 'Image'} hidden</div>
<figcaption><span class="mono">${m.contentId}</span><br>${m.record ? html`${m.record.mediaType}${m.record.width ? `, ${m.record.width}×${m.record.height}` : ''}, ${kb(m.record.byteLength)}` : 'record not found'}${m.record && !m.record.retained ? html`<br><span class="muted">not kept (hashes only)</span>` : ''}</figcaption>
${
  canShow
    ? html`<form method="post" action="/console/cases/${s.id}/reveal">${csrfField(csrf)}<input type="hidden" name="contentId" value="${m.contentId}"><input type="hidden" name="evidenceKey" value="${m.evidenceKey}"><button type="submit"${shortcut}>Reveal (blurred first) <kbd>r</kbd></button></form>`
    : ''
}
</figure>`;
      })}</div>
<h3>Hashes and matches</h3>
<table><thead><tr><th scope="col">Content</th><th scope="col">Bank</th><th scope="col">Signal</th><th scope="col">Distance</th><th scope="col">Category</th><th scope="col">Source</th></tr></thead><tbody>
${ev.media.flatMap((m) =>
  m.matches.length === 0
    ? [html`<tr><td class="mono">${m.contentId}</td><td colspan="5" class="muted">no bank match${m.record ? html` · SHA-256 <span class="mono">${m.record.sha256.slice(0, 16)}…</span>${m.record.pdq ? html` · PDQ <span class="mono">${m.record.pdq.slice(0, 16)}…</span>` : ''}` : ''}</td></tr>`]
    : m.matches.map((x) => html`<tr><td class="mono">${m.contentId}</td><td>${x.bank}</td><td>${x.signalType}</td><td>${x.distance}</td><td>${x.category ?? '—'}</td><td>${x.sources.join(', ') || '—'}${x.externalId ? html` <span class="mono">${x.externalId}</span>` : ''}</td></tr>`),
)}
</tbody></table>
</section>`
    : ''
}
${ev.transcripts.map(
  (t) => html`<section aria-labelledby="conv-${t.conversationId}-h"><h2 id="conv-${t.conversationId}-h">Conversation <span class="mono">${t.conversationId}</span></h2>
<p>Conversation risk: <strong>${t.risk ? t.risk.risk.toFixed(2) : 'unknown'}</strong>${t.risk?.stage ? html` · stage ${t.risk.stage}` : ''}${t.risk?.flagged ? html` <span class="tag p-high_risk">flagged</span>` : ''}${
    t.risk && t.risk.signals.length > 0 ? html` · signals: ${t.risk.signals.map((x) => `${x.category.replace(/_/g, ' ')} ×${x.count}`).join(', ')}` : ''
  }</p>
<p class="muted">Highlighted: what the detector found in each message (hover for the signal).</p>
<ol class="transcript">${t.lines.map((l) => html`<li>${l.at !== null ? when(l.at) : ''} <span class="who">${l.author}</span>${highlighted(l.text, l.spans)}${l.spans.length > 0 ? html`<span class="signals">${[...new Set(l.spans.map((x) => x.category.replace(/_/g, ' ')))].join(', ')}</span>` : ''}</li>`)}</ol>
${t.truncated ? html`<p class="muted">Only the first messages are shown.</p>` : ''}
</section>`,
)}
${ev.streams.map(
  (st) => html`<section aria-labelledby="stream-${st.streamId}-h"><h2 id="stream-${st.streamId}-h">Live stream <span class="mono">${st.streamId}</span></h2>
<p>Stream risk: <strong>${st.risk ? st.risk.risk.toFixed(2) : 'unknown'}</strong>${st.risk?.stage ? html` · ${st.risk.stage}` : ''}</p>
<ol class="timeline">${st.lines.map((l) => html`<li>${l.at !== null ? when(l.at) : ''}${highlighted(l.text, l.spans)}</li>`)}</ol>
<h3>Viewers</h3>
${st.viewers.length === 0 ? html`<p class="muted">No viewers recorded.</p>` : html`<table><thead><tr><th scope="col">Viewer</th><th scope="col">Joined</th><th scope="col">Left</th></tr></thead><tbody>${st.viewers.map((x) => html`<tr><td class="mono">${x.id}</td><td>${x.joined ? when(x.joined) : '—'}</td><td>${x.left ? when(x.left) : 'still watching'}</td></tr>`)}</tbody></table>`}
<h3>Interventions</h3>
${st.interventions.length === 0 ? html`<p class="muted">None.</p>` : html`<ul>${st.interventions.map((x) => html`<li>${when(x.at)} <strong>${x.kind.replace(/_/g, ' ')}</strong> ${x.target}<br><span class="muted">${x.reasons.join('; ')}</span></li>`)}</ul>`}
</section>`,
)}
${
  ev.reports.length > 0
    ? html`<section aria-labelledby="reports-h"><h2 id="reports-h">Reporters’ words</h2>${ev.reports.map(
        (r) => html`<div class="panel"><p><strong>${r.reason.replace(/_/g, ' ')}</strong>${r.at ? html` · ${when(r.at)}` : ''} · ${r.reporter ? html`reporter <span class="mono">${r.reporter}</span>` : 'anonymous (public form)'}</p>${r.text ? html`<blockquote>${r.text}</blockquote>` : html`<p class="muted">No words given.</p>`}</div>`,
      )}</section>`
    : ''
}
${
  ev.ages.length > 0
    ? html`<section aria-labelledby="ages-h"><h2 id="ages-h">Age records</h2><table><thead><tr><th scope="col">Account</th><th scope="col">Age tier</th><th scope="col">Basis</th><th scope="col">Notes</th></tr></thead><tbody>${ev.ages.map(
        (a) => html`<tr><td class="mono">${a.accountId}</td><td>${a.decision?.tier ?? 'no age signals'}</td><td>${a.decision?.basis?.replace(/_/g, ' ') ?? '—'}${a.decision?.age != null ? ` (${a.decision.age})` : ''}</td><td>${a.decision ? [a.decision.needsCheck ? 'needs a stronger check' : '', a.decision.appealPending ? 'appeal pending' : '', ...a.decision.reasons.slice(0, 2)].filter(Boolean).join('; ') : ''}</td></tr>`,
      )}</tbody></table></section>`
    : ''
}
<section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2><ol class="timeline">${events.map(eventLine)}</ol></section>
</div>
<div>
${ageAppealSection(s, { csrf, holdsClaim: v.holdsClaim, errors: v.errors })}
${
  pending.length > 0
    ? html`<section class="panel" aria-labelledby="pending-h"><h2 id="pending-h">Waiting for a second person</h2>${pending.map(
        (a) => html`<p><strong>${a.action.kind.replace(/_/g, ' ')}</strong> on ${a.target.type} <span class="mono">${a.target.id}</span> by ${a.by === v.personId ? 'you' : a.by}</p>${
          a.by !== v.personId
            ? html`<form method="post" action="/console/cases/${s.id}/actions/${a.actionId}" class="actions-row">${csrfField(csrf)}<button type="submit" name="decision" value="approve">Confirm</button><button type="submit" name="decision" value="reject" class="warning">Reject</button></form>`
            : ''
        }`,
      )}</section>`
    : ''
}
${
  v.holdsClaim && !closed
    ? html`<section class="panel" aria-labelledby="assess-h" data-shortcut="assess" id="assess"><h2 id="assess-h">Assess <kbd>a</kbd></h2>
<form method="post" action="/console/cases/${s.id}/assess">${csrfField(csrf)}
${selectField({ id: 'ukCategory', label: 'UK category (IWF)', options: ukCategories.map((x) => [x, x === 'not_illegal' ? 'Not illegal' : `Category ${x}`] as [string, string]), empty: 'Not assessed', errors: v.errors })}
${selectField({ id: 'ageBand', label: 'Estimated age of the youngest person', options: ageBands, empty: 'Not assessed' })}
${selectField({ id: 'sexAsSeen', label: 'Sex as seen', options: sexesAsSeen, empty: 'Not assessed' })}
${selectField({ id: 'selfGenerated', label: 'Self-generated', options: yesNoUnknown, empty: 'Not assessed' })}
${selectField({ id: 'capturedFromLiveStream', label: 'Captured from a live stream', options: ['yes', 'no'], empty: 'Not assessed' })}
${selectField({ id: 'ncmecClassification', label: 'NCMEC industry classification', options: ncmecClassifications, empty: 'Not applicable' })}
${selectField({ id: 'groomingCaseType', label: 'Grooming case type (text-only cases)', options: groomingCaseTypes, empty: 'Not applicable' })}
<div class="field"><label for="notes">Notes</label><textarea id="notes" name="notes" maxlength="5000"></textarea></div>
<button type="submit">Save assessment</button></form></section>
<section class="panel" aria-labelledby="act-h" data-shortcut="act" id="act"><h2 id="act-h">Act <kbd>x</kbd></h2>
<form method="post" action="/console/cases/${s.id}/act">${csrfField(csrf)}
${selectField({ id: 'kind', label: 'Action', options: caseActionKinds, errors: v.errors })}
${selectField({ id: 'target', label: 'Acting on', options: s.subjects.filter((x) => x.type !== 'hash').map((x) => [`${x.type}|${x.id}`, `${x.type} ${x.id.length > 50 ? x.id.slice(0, 50) + '…' : x.id}`] as [string, string]), empty: 'The case’s own subject', errors: v.errors })}
${selectField({ id: 'bank', label: 'Bank (for “add to bank”)', options: v.banks, empty: 'Choose a bank', errors: v.errors })}
${selectField({ id: 'reason', label: 'Reason (for “dismiss”; kept for detector evaluation)', options: dismissReasons, empty: 'Choose a reason', errors: v.errors })}
<fieldset class="field checks"><legend>Features (for “restrict features”)</legend>${restrictableFeatures.map((x) => html`<label for="feature-${x}"><input type="checkbox" id="feature-${x}" name="features" value="${x}"> ${x}</label>`)}</fieldset>
<div class="field"><label for="durationHours">For how many hours (suspend, restrict; empty: until lifted)</label><input type="number" id="durationHours" name="durationHours" min="1"></div>
<div class="field"><label for="note">Note</label><textarea id="note" name="note" maxlength="2000"></textarea></div>
<button type="submit" class="warning">Take action</button></form></section>`
    : closed
      ? html`<p class="panel">This case is closed.</p>`
      : html`<p class="panel">Claim the case to assess it and act on it.</p>`
}
${
  s.assessments.length > 0
    ? html`<section aria-labelledby="assessments-h"><h2 id="assessments-h">Assessments</h2>${s.assessments.map(
        (a) => html`<div class="panel"><p>${when(a.at)} by ${a.by}</p><dl class="facts">${Object.entries(a.assessment).map(([k, x]) => html`<dt>${k}</dt><dd>${String(x)}</dd>`)}</dl></div>`,
      )}</section>`
    : ''
}
${
  s.actions.length > 0
    ? html`<section aria-labelledby="actions-h"><h2 id="actions-h">Actions</h2><ul>${s.actions.map((a) => html`<li>${when(a.at)} <strong>${a.action.kind.replace(/_/g, ' ')}</strong> on ${a.target.type} <span class="mono">${a.target.id}</span> · ${a.status}${a.action.bank ? ` · bank ${a.action.bank}` : ''}</li>`)}</ul></section>`
    : ''
}
${referralSection(v)}
${preservationSection(v)}
</div>
</div>`;
  return consolePage({ title: `Case ${s.id}`, path: '/console/queue', viewer: v.viewer, body });
}

/** Where the case's media stands: held until when, legal hold, purged, destruction requested or done. */
function preservationSection(v: CasePageView): Html | '' {
  const h = v.hold;
  if (!h) return '';
  const d = h.destruction;
  return html`<section aria-labelledby="preservation-h" id="preservation"><h2 id="preservation-h">Evidence preservation</h2><ul>${
    h.purgedAt !== undefined || d?.confirmedBy !== undefined
      ? html`<li>${
          d?.confirmedBy !== undefined
            ? html`Media destroyed on law-enforcement request <span class="mono">${d.requestRef}</span> (asked by ${d.requestedBy}, confirmed by ${d.confirmedBy})`
            : html`Media removed ${when(h.purgedAt!)} (the hold expired)`
        }; hashes and the audit trail are kept.</li>`
      : html`<li>Media held since ${when(h.heldSince)} until <strong>${when(h.until)}</strong>${h.legalHold ? html` · <strong>legal hold</strong>: kept until it is lifted` : ''}</li>${
          d ? html`<li>Destruction requested ${when(d.at)} by ${d.requestedBy} (law-enforcement request <span class="mono">${d.requestRef}</span>); waits for a second supervisor.</li>` : ''
        }`
  }</ul></section>`;
}

function referralSection(v: CasePageView): Html | '' {
  const s = v.detail.state;
  const referrals = s.referrals ?? [];
  const confirmed = s.label === 'true_positive';
  if (referrals.length === 0 && !(v.mayRefer && confirmed)) return '';
  return html`<section aria-labelledby="referral-h" id="referral"><h2 id="referral-h">Referral</h2>${
    referrals.length > 0
      ? html`<ul>${referrals.map((r) => html`<li>${r.destination.replace(/_/g, ' ')}: ${r.status === 'sent' ? html`sent ${when(r.at)} by ${r.by}, report <strong class="mono">${r.reportId ?? ''}</strong>` : html`draft reviewed ${when(r.at)} by ${r.by}, not sent`}</li>`)}</ul>`
      : ''
  }${v.mayRefer && confirmed ? html`<p><a class="button secondary" href="/console/cases/${s.id}/referral" id="review-referral">Review the CyberTipline referral</a></p>` : ''}</section>`;
}
