/** /console/exchanges: each exchange's status, last success, last error, counts and shares; fetch now for admins. */
import { html } from 'hono/html';
import { consolePage, csrfField, type Html, type Viewer } from '../console-html.ts';

export interface ExchangeCard {
  name: string;
  kind: string;
  bank: string;
  enabled: boolean;
  status: 'idle' | 'running' | 'ok' | 'failed' | string;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  counts: { fetched?: number; added?: number; removed?: number; invalid?: number; total?: number };
  nextRunAt: string | null;
  shares: Partial<Record<string, number>>;
}

export interface ExchangesView {
  viewer: Viewer;
  exchanges: ExchangeCard[];
  /** Admins may fetch now. */
  canFetch: boolean;
  notice?: string;
}

const statusText: Record<string, string> = { idle: 'Not fetched yet', running: 'Fetching', ok: 'OK', failed: 'Failing' };
const when = (iso: string | null, none: string) => (iso === null ? html`<span class="muted">${none}</span>` : html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>`);

function card(x: ExchangeCard, v: ExchangesView): Html {
  const c = x.counts;
  const shares = Object.entries(x.shares);
  return html`<section class="panel" aria-labelledby="x-${x.name}">
<h2 id="x-${x.name}">${x.name} <span class="tag${x.status === 'failed' ? ' overdue' : ''}">${statusText[x.status] ?? x.status}${x.enabled ? '' : ', disabled'}</span></h2>
<dl class="facts">
<dt>Kind</dt><dd>${x.kind}</dd>
<dt>Bank</dt><dd>${x.bank} <span class="muted">(source exchange:${x.name})</span></dd>
<dt>Last success</dt><dd>${when(x.lastSuccessAt, 'never')}</dd>
<dt>Last attempt</dt><dd>${when(x.lastAttemptAt, 'never')}</dd>
<dt>Last error</dt><dd>${x.lastError === null ? html`<span class="muted">none</span>` : html`${x.lastError}${x.consecutiveFailures > 1 ? html` <span class="muted">(${x.consecutiveFailures} failures in a row)</span>` : ''}`}</dd>
<dt>Last fetch</dt><dd>${c.fetched ?? 0} fetched, ${c.added ?? 0} added, ${c.removed ?? 0} removed, ${c.invalid ?? 0} invalid; ${c.total ?? 0} entries in the bank from it</dd>
<dt>Next run</dt><dd>${when(x.nextRunAt, 'when the worker next looks')}</dd>
<dt>Shared hashes</dt><dd>${shares.length === 0 ? html`<span class="muted">none</span>` : shares.map(([k, n], i) => html`${i > 0 ? ', ' : ''}${n} ${k}`)}</dd>
</dl>
${v.canFetch && x.enabled ? html`<form method="post" action="/console/exchanges/${x.name}/fetch">${csrfField(v.viewer.csrf)}<button type="submit">Fetch ${x.name} now</button></form>` : ''}
</section>`;
}

export function exchangesView(v: ExchangesView): Html {
  return consolePage({
    title: 'Exchanges',
    path: '/console/exchanges',
    viewer: v.viewer,
    body: html`<h1>Exchanges</h1>
<p>Outside lists fetched on a schedule into banks. A failing exchange never stops matching with what it fetched before.</p>
${v.notice ? html`<p class="panel" role="status">${v.notice}</p>` : ''}
${v.exchanges.length === 0 ? html`<p>No exchanges are configured. An admin adds them with <code>POST /v1/exchanges</code>.</p>` : v.exchanges.map((x) => card(x, v))}`,
  });
}
