/**
 * GET/POST /report: the public report form (no key, no account). A sent report becomes a `report.filed`
 * event through the ordinary intake (durable before the redirect), so the pipeline opens a case like any
 * other report. CSRF: a signed double-submit token bound to a cookie. Rate limit: per client address.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { helpPageContent, phoneDigits } from '../../core/support/help-page-content.ts';
import { isPublicReportReason, isPublicReportTarget, publicReportIdPrefix, publicReportTargets } from '../../core/support/public-report-choices.ts';
import { supportPolicySchema } from '../../core/support/support-policy.ts';
import type { AppRuntime } from '../app-deps.ts';
import type { AppEnv } from '../app-env.ts';
import { clientAddress } from '../console/client-address.ts';
import type { FieldError } from '../console/console-html.ts';
import type { FormTokens } from '../console/console-cookies.ts';
import { boundedForm, formOf } from '../console/require-person.ts';
import { createRateLimiter } from '../rate-limiter.ts';
import { need } from '../services.ts';
import { reportFormPage, reportPageHeaders, reportSentPage } from './report-page.ts';

const builtInSupport = supportPolicySchema.parse({});

export function createReportApp(rt: AppRuntime, forms: FormTokens): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const perHour = rt.config.console.reportsPerHour;
  const limiter = createRateLimiter({ rps: perHour / 3600, burst: Math.max(1, perHour) });
  const support = () => rt.services.support?.policy ?? builtInSupport;
  const emergency = () => {
    const danger = helpPageContent(undefined, support(), 'any').sections.find((s) => s.id === 'danger');
    const r = danger?.resources.find((x) => phoneDigits(x.contact) !== undefined);
    return r ? { label: `call ${r.contact.trim()}`, dial: phoneDigits(r.contact)! } : undefined;
  };
  const form = (c: Context<AppEnv>, values: Record<string, string>, errors: FieldError[], status: 200 | 400 | 429 = 200) => {
    const e = emergency();
    return c.html(reportFormPage({ token: forms.issue(c, 'report'), values, errors, ...(e ? { emergency: e } : {}) }), status, { ...reportPageHeaders });
  };

  app.get('/', (c) => form(c, {}, []));

  app.post('/', async (c) => {
    const bad = await boundedForm(c);
    if (bad) return bad;
    const f = await formOf(c);
    const values = { reason: f.reason ?? '', target: f.target ?? '', where: (f.where ?? '').trim(), what: (f.what ?? '').trim() };
    if (!forms.check(c, 'report', f.csrf)) return form(c, values, [{ field: 'reason-imminent_danger', message: 'This form expired. Check your answers and send it again.' }], 400);
    if (perHour === 0 || limiter.take(clientAddress(c)) > 0) {
      return form(c, values, [{ field: 'reason-imminent_danger', message: 'Too many reports were sent from this connection. If a child is in danger, call your emergency number now.' }], 429);
    }
    const errors: FieldError[] = [];
    if (!isPublicReportReason(values.reason)) errors.push({ field: 'reason-imminent_danger', message: 'Choose what is happening' });
    if (!isPublicReportTarget(values.target)) errors.push({ field: 'target-account', message: 'Choose what you are reporting' });
    if (values.where === '') errors.push({ field: 'where', message: 'Enter the username, stream name or link' });
    else if (values.where.length > 200) errors.push({ field: 'where', message: 'The username, stream name or link must be 200 characters or fewer' });
    if (values.what.length > 5000) errors.push({ field: 'what', message: 'What happened must be 5,000 characters or fewer' });
    if (errors.length > 0) return form(c, values, errors, 400);
    const target = publicReportTargets.find((t) => t.id === values.target)!;
    await need(rt.services, 'events').append([
      {
        type: 'report.filed',
        id: `${publicReportIdPrefix}${randomUUID()}`,
        ts: rt.now(),
        subject: { type: target.id, id: values.where },
        ...(target.id === 'stream' ? { streamId: values.where } : {}),
        reason: values.reason,
        ...(values.what !== '' ? { text: values.what } : {}),
      },
    ]);
    c.get('log').info('public report filed', { reason: values.reason, target: target.id });
    return c.redirect(`/report/sent${values.reason === 'imminent_danger' ? '?urgent' : ''}`, 303);
  });

  app.get('/sent', (c) => c.html(reportSentPage(helpPageContent(undefined, support(), 'any'), c.req.query('urgent') !== undefined), 200, { ...reportPageHeaders }));
  return app;
}
