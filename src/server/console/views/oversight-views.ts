/** The oversight pages: queues (routing rules with their load), the audit log, and statistics (counts). */
import { html } from 'hono/html';
import type { AuditEntry, ChainVerification } from '../../../core/audit/index.ts';
import { auditActions } from '../../../core/audit/audit-entry.ts';
import type { QueueRule } from '../../../core/cases/review-policy.ts';
import type { QueueView } from '../../../review/case-service.ts';
import { consolePage, csrfField, duration, inputField, selectField, when, type Html, type Viewer } from '../console-html.ts';

export function queuesView(v: { viewer: Viewer; queues: (QueueView & { rule: QueueRule | undefined })[]; priorities: { id: string; label: string; targetMinutes: number }[]; claimMinutes: number }): Html {
  return consolePage({
    title: 'Queues',
    path: '/console/queues',
    viewer: v.viewer,
    body: html`<h1>Queues</h1>
<p>Queues are routing rules over cases, set in the policy file (<code>review.queues</code>). A claim lapses after ${v.claimMinutes} minutes without activity.</p>
<table><thead><tr><th scope="col">Queue</th><th scope="col">Rule</th><th scope="col">Waiting</th><th scope="col">Overdue</th><th scope="col">Oldest</th><th scope="col"></th></tr></thead><tbody>
${v.queues.map(
  (q) => html`<tr><td><strong>${q.label}</strong><br><span class="mono">${q.id}</span></td><td>${
    q.rule
      ? [q.rule.sources ? `sources: ${q.rule.sources.join(', ')}` : '', q.rule.priorities ? `priorities: ${q.rule.priorities.join(', ')}` : '', q.rule.languages ? `languages: ${q.rule.languages.join(', ')}` : '', q.rule.requiredRoles ? `roles: ${q.rule.requiredRoles.join(', ')}` : '']
          .filter(Boolean)
          .join('; ') || 'every case'
      : ''
  }</td><td>${q.waiting}</td><td>${q.overdue > 0 ? html`<span class="tag overdue">${q.overdue}</span>` : '0'}</td><td>${q.oldestWaitMs === null ? '—' : duration(q.oldestWaitMs)}</td><td><a href="/console/queue?queue=${q.id}">Open</a></td></tr>`,
)}
</tbody></table>
<h2>Priorities and targets</h2>
<table><thead><tr><th scope="col">Priority</th><th scope="col">Target</th></tr></thead><tbody>${v.priorities.map((p) => html`<tr><td>${p.label} <span class="mono">${p.id}</span></td><td>${duration(p.targetMinutes * 60_000)}</td></tr>`)}</tbody></table>`,
  });
}

export function auditView(v: { viewer: Viewer; entries: AuditEntry[]; filters: { actor?: string; action?: string }; verification?: ChainVerification; olderThan: number | null }): Html {
  const ver = v.verification;
  return consolePage({
    title: 'Audit log',
    path: '/console/audit',
    viewer: v.viewer,
    body: html`<h1>Audit log</h1>
<p>Every sign-in, view, reveal, assessment, action, export and role change, newest first. Each entry holds the previous entry’s hash, so an edit, deletion or reordering breaks the chain.</p>
${
  ver
    ? ver.ok
      ? html`<p class="notice" role="status" id="verify-result">The chain is intact: ${ver.checked} entries checked.</p>`
      : html`<p class="notice stop" role="alert" id="verify-result">The chain is broken at entry ${ver.broken?.seq ?? '?'}: ${ver.broken?.message ?? ''}.</p>`
    : ''
}
<form method="post" action="/console/audit/verify" class="actions-row">${csrfField(v.viewer.csrf)}<button type="submit" class="secondary">Verify the whole chain</button></form>
<form method="get" action="/console/audit" class="panel actions-row">
${inputField({ id: 'actor', label: 'Actor', value: v.filters.actor ?? '' })}
${selectField({ id: 'action', label: 'Action', options: auditActions, value: v.filters.action ?? '', empty: 'Any' })}
<button type="submit" class="secondary">Filter</button>
</form>
<table><thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">About</th><th scope="col">Detail</th></tr></thead><tbody>
${v.entries.map(
  (e) => html`<tr><td>${e.seq}</td><td>${when(e.at)}</td><td class="mono">${e.actor}</td><td>${e.action.replace(/_/g, ' ')}</td><td class="mono">${e.subject ? `${e.subject.type} ${e.subject.id}` : ''}</td><td class="mono">${JSON.stringify(e.detail).slice(0, 200)}</td></tr>`,
)}
</tbody></table>
${v.olderThan !== null ? html`<p><a href="/console/audit?${new URLSearchParams({ ...(v.filters.actor ? { actor: v.filters.actor } : {}), ...(v.filters.action ? { action: v.filters.action } : {}), before: String(v.olderThan) }).toString()}">Older entries</a></p>` : ''}`,
  });
}

export interface Statistics {
  byStatus: Record<string, number>;
  bySource: Record<string, number>;
  byPriority: { label: string; open: number; overdue: number }[];
  labels: Record<string, number>;
  revealsToday: number;
  auditEntries: number;
}

const countTable = (caption: string, rows: Record<string, number>) =>
  html`<table><caption><strong>${caption}</strong></caption><tbody>${Object.entries(rows).map(([k, n]) => html`<tr><th scope="row">${k.replace(/_/g, ' ')}</th><td>${n}</td></tr>`)}${Object.keys(rows).length === 0 ? html`<tr><td>none yet</td></tr>` : ''}</tbody></table>`;

export function statisticsView(v: { viewer: Viewer; stats: Statistics }): Html {
  const s = v.stats;
  return consolePage({
    title: 'Statistics',
    path: '/console/statistics',
    viewer: v.viewer,
    body: html`<h1>Statistics</h1>
<p>The state of the work now. The year’s published figures (by month, source, category, age band and sex, with charts): <a href="/console/statistics/transparency">transparency figures</a>.</p>
<div class="grid"><div>
${countTable('Cases by status', s.byStatus)}
${countTable('Cases by source', s.bySource)}
</div><div>
<table><caption><strong>Open cases by priority</strong></caption><thead><tr><th scope="col">Priority</th><th scope="col">Open</th><th scope="col">Overdue</th></tr></thead><tbody>${s.byPriority.map((p) => html`<tr><th scope="row">${p.label}</th><td>${p.open}</td><td>${p.overdue}</td></tr>`)}</tbody></table>
${countTable('Reviewer decisions (for detector evaluation)', s.labels)}
<table><caption><strong>Wellbeing and oversight</strong></caption><tbody><tr><th scope="row">Media reveals today (all reviewers)</th><td>${s.revealsToday}</td></tr><tr><th scope="row">Audit entries</th><td>${s.auditEntries}</td></tr></tbody></table>
</div></div>`,
  });
}
