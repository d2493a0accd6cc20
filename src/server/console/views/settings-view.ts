/** My settings: wellbeing choices within the organisation's limits, and today's exposure. */
import { html, raw } from 'hono/html';
import type { EffectiveSettings, WellbeingLimits } from '../../../core/people/wellbeing.ts';
import { consolePage, csrfField, errorSummary, inputField, type FieldError, type Html, type Viewer } from '../console-html.ts';

export interface SettingsView {
  viewer: Viewer;
  limits: WellbeingLimits;
  effective: EffectiveSettings;
  revealsToday: number;
  errors: FieldError[];
  notice?: string;
}

export function settingsView(v: SettingsView): Html {
  const e = v.effective;
  return consolePage({
    title: 'My settings',
    path: '/console/settings',
    viewer: v.viewer,
    body: html`${errorSummary(v.errors)}
<h1>My settings</h1>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
<div class="panel"><h2>Today</h2><p>You have revealed <strong id="reveals-today">${v.revealsToday}</strong> of at most ${e.dailyRevealCap} media items today (UTC). A break is suggested every ${e.breakEvery}.</p></div>
<p>Media is always blurred until you reveal it, one item at a time. You can make these safeguards stricter than your organisation’s limits, never looser.</p>
<form method="post" action="/console/settings" novalidate>
${csrfField(v.viewer.csrf)}
${inputField({ id: 'revealSeconds', label: 'Seconds a revealed item stays visible', type: 'number', value: String(e.revealSeconds), hint: `At most ${v.limits.maxRevealSeconds}.`, errors: v.errors, extra: `min="1" max="${v.limits.maxRevealSeconds}"` })}
${inputField({ id: 'dailyRevealCap', label: 'Most reveals a day', type: 'number', value: String(e.dailyRevealCap), hint: `At most ${v.limits.dailyRevealCap}.`, errors: v.errors, extra: `min="0" max="${v.limits.dailyRevealCap}"` })}
${inputField({ id: 'breakEvery', label: 'Suggest a break after this many reveals', type: 'number', value: String(e.breakEvery), hint: `At most ${v.limits.breakEvery}.`, errors: v.errors, extra: `min="1" max="${v.limits.breakEvery}"` })}
<div class="field checks"><label for="greyscale"><input type="checkbox" id="greyscale" name="greyscale" value="yes"${e.greyscale ? raw(' checked') : ''}${v.limits.forceGreyscale ? raw(' disabled') : ''}> Keep revealed media in greyscale${v.limits.forceGreyscale ? ' (required by your organisation)' : ''}</label></div>
<button type="submit">Save settings</button>
</form>`,
  });
}
