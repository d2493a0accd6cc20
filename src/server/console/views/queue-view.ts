/** The queue: cases in priority order with their waiting time against the priority's target, filters and "claim next". */
import { html, raw } from 'hono/html';
import { caseSources } from '../../../core/cases/case-sources.ts';
import { caseStatuses } from '../../../core/cases/reduce-case.ts';
import type { CaseSummary, QueueView } from '../../../review/case-service.ts';
import { consolePage, csrfField, duration, selectField, type Html, type Viewer } from '../console-html.ts';

export interface QueuePageView {
  viewer: Viewer;
  cases: CaseSummary[];
  queues: QueueView[];
  priorities: { id: string; label: string }[];
  filters: { queue?: string; priority?: string; source?: string; status?: string };
  now: number;
  canClaim: boolean;
  nextCursor: string | null;
  notice?: string;
}

/** The priority tag: its label, coloured by how urgent it is. */
export const priorityTag = (id: string, label: string): Html => html`<span class="tag p-${id === 'child_in_danger' ? 'imminent' : id}">${label}</span>`;

/** "12 min of 15 min" and an overdue tag. */
export function waitingCell(s: Pick<CaseSummary, 'waitedMs' | 'targetMs' | 'overdue'>): Html {
  return html`<span class="nowrap">${duration(s.waitedMs)}</span> <span class="muted nowrap">of ${duration(s.targetMs)} target</span>${s.overdue ? html` <span class="tag overdue">overdue</span>` : ''}`;
}

export function queueView(v: QueuePageView): Html {
  const f = v.filters;
  return consolePage({
    title: 'Queue',
    path: '/console/queue',
    viewer: v.viewer,
    body: html`<h1>Queue</h1>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
<div class="actions-row">
${
  v.canClaim
    ? html`<form method="post" action="/console/claim-next" data-shortcut="next" class="inline">${csrfField(v.viewer.csrf)}${f.queue ? html`<input type="hidden" name="queue" value="${f.queue}">` : ''}<button type="submit">Claim next case${f.queue ? ' in this queue' : ''} <kbd>n</kbd></button></form>`
    : html`<p class="muted">Your roles do not include reviewing cases; you can see the queue but not claim from it.</p>`
}
</div>
<form method="get" action="/console/queue" class="panel" aria-label="Filter the queue">
<div class="actions-row">
${selectField({ id: 'queue', label: 'Queue', options: v.queues.map((q) => [q.id, `${q.label} (${q.waiting})`] as [string, string]), value: f.queue ?? '', empty: 'All cases' })}
${selectField({ id: 'priority', label: 'Priority', options: v.priorities.map((p) => [p.id, p.label] as [string, string]), value: f.priority ?? '', empty: 'Any' })}
${selectField({ id: 'source', label: 'Source', options: caseSources, value: f.source ?? '', empty: 'Any' })}
${selectField({ id: 'status', label: 'Status', options: caseStatuses, value: f.status ?? '', empty: 'Not closed' })}
<button type="submit" class="secondary">Filter</button>
</div>
</form>
<table>
<caption class="skip">Cases, most pressing first</caption>
<thead><tr><th scope="col">Priority</th><th scope="col">Case</th><th scope="col">About</th><th scope="col">Waiting</th><th scope="col">Status</th></tr></thead>
<tbody>
${
  v.cases.length === 0
    ? html`<tr><td colspan="5">No cases here. Well done.</td></tr>`
    : v.cases.map(
        (c) => html`<tr>
<td>${priorityTag(c.priority, c.priorityLabel)}</td>
<td><a href="/console/cases/${c.id}">${c.id}</a><br><span class="muted">${c.source.replace(/_/g, ' ')}${c.requiredRole === 'child_safety_reviewer' ? ' · child safety' : c.requiredRole === 'supervisor' ? ' · supervisor' : ''}</span></td>
<td>${c.subjects.slice(0, 3).map((s, i) => html`${i > 0 ? raw('<br>') : ''}<span class="mono">${s.type} ${s.id.length > 40 ? s.id.slice(0, 40) + '…' : s.id}</span>`)}${c.reasons[0] ? html`<br><span class="muted">${c.reasons[0]}</span>` : ''}</td>
<td>${waitingCell(c)}</td>
<td>${c.status.replace(/_/g, ' ')}${c.assignee ? html`<br><span class="muted">claimed${c.claimUntil ? html` until ${new Date(c.claimUntil).toISOString().slice(11, 16)} UTC` : ''}</span>` : ''}</td>
</tr>`,
      )
}
</tbody>
</table>
${v.nextCursor ? html`<p><a href="/console/queue?${new URLSearchParams({ ...Object.fromEntries(Object.entries(f).filter(([, x]) => x)), cursor: v.nextCursor }).toString()}">Next page</a></p>` : ''}`,
  });
}
