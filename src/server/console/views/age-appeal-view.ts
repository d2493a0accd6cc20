/**
 * The age-appeal part of a case page: the resolutions recorded so far and, for the claim holder of an open
 * age-appeal case, the form to uphold the decision or overturn it with a new tier (a reason is required).
 */
import { html } from 'hono/html';
import { decidableTiers } from '../../../core/age/age-appeal.ts';
import type { CaseState } from '../../../core/cases/reduce-case.ts';
import { csrfField, errorFor, inputField, selectField, when, type FieldError, type Html } from '../console-html.ts';

const tierLabels: Record<(typeof decidableTiers)[number], string> = { under13: 'Under 13', '13-15': '13 to 15', '16-17': '16 or 17', adult: 'Adult (18 or over)' };

/** The section, or nothing for a case no age appeal brought. */
export function ageAppealSection(s: CaseState, opts: { csrf: string; holdsClaim: boolean; errors: readonly FieldError[] }): Html | '' {
  if (!s.sources.includes('age_appeal')) return '';
  const done = s.ageResolutions ?? [];
  const open = opts.holdsClaim && s.status !== 'closed';
  const reasonError = errorFor(opts.errors, 'resolution-reason');
  return html`<section class="panel" aria-labelledby="age-appeal-h" id="age-appeal"><h2 id="age-appeal-h">Age appeal</h2>
${
  done.length > 0
    ? html`<ul>${done.map(
        (r) => html`<li>${when(r.at)} <strong>${r.outcome === 'upheld' ? 'Decision upheld' : `Decision overturned: ${r.tier ? tierLabels[r.tier as keyof typeof tierLabels] ?? r.tier : ''}${r.age !== undefined ? ` (age ${r.age})` : ''}`}</strong> for <span class="mono">${r.accountId}</span> by ${r.by}<br>Reason: ${r.reason}</li>`,
      )}</ul>`
    : ''
}${
    open
      ? html`<p class="muted">Your resolution becomes the account’s age decision at once (its settings and checks follow) and is kept with your reason in the case and the audit log.</p>
<form method="post" action="/console/cases/${s.id}/age-resolution">${csrfField(opts.csrf)}
${selectField({ id: 'resolution-outcome', label: 'Resolution', options: [['upheld', 'Uphold: keep the age decision'], ['overturned', 'Overturn: decide a new age tier']], errors: opts.errors })}
${selectField({ id: 'resolution-tier', label: 'New age tier (to overturn)', options: decidableTiers.map((t) => [t, tierLabels[t]] as [string, string]), empty: 'None (uphold)', errors: opts.errors })}
${inputField({ id: 'resolution-age', label: 'Age in years, if known (optional)', type: 'number', extra: 'min="0" max="130" inputmode="numeric"', errors: opts.errors })}
<div class="field${reasonError ? ' has-error' : ''}"><label for="resolution-reason">Reason (required; recorded)</label>${
          reasonError ? html`<p class="error" id="resolution-reason-error"><span class="skip">Error:</span> ${reasonError}</p>` : ''
        }<textarea id="resolution-reason" name="resolution-reason" maxlength="2000"${reasonError ? html` aria-describedby="resolution-reason-error"` : ''}></textarea></div>
<button type="submit">Record the resolution</button></form>`
      : s.status !== 'closed' && done.length === 0
        ? html`<p>Claim the case to uphold or overturn the appeal.</p>`
        : ''
  }</section>`;
}
