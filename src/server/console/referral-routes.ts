/**
 * The referral of a case in the console: a child-safety reviewer holding the claim reads the draft
 * CyberTipline report (each view audited as `referral_drafted`) and sends it (POST/redirect/GET; the report
 * id lands on the case as `referral_sent`, audited). Permission from the one roles registry (canRefer).
 */
import type { Context, Hono } from 'hono';
import { isLifeguardError } from '../../core/lifeguard-error.ts';
import { canRefer } from '../../core/people/roles.ts';
import { buildCyberTiplineReport, buildFileDetails } from '../../core/referral/cybertipline-report.ts';
import { gatherReferralInput } from '../../referral/gather-referral-input.ts';
import { sendReferral } from '../../referral/send-referral.ts';
import type { CaseDetail, Reviewer } from '../../review/case-service.ts';
import { createReferralJournal } from '../../store/referral-journal-store.ts';
import { createReferralQueue } from '../../store/referral-queue-store.ts';
import type { ConsoleContext, ConsoleEnv } from './console-context.ts';
import { consoleHeaders, type FieldError } from './console-html.ts';
import { viewerOf } from './console-viewer.ts';
import { forbiddenPage } from './forbidden-page.ts';
import { formOf } from './require-person.ts';
import { referralView } from './views/referral-view.ts';

type C = Context<ConsoleEnv>;
const destination = 'ncmec_cybertipline';
const reviewerOf = (c: C): Reviewer => ({ id: c.get('person').id, roles: c.get('person').roles, via: 'console' });

export function mountReferrals(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  const endpoint = ctx.rt.config.cybertipline;

  /** The case when the person may refer it now, or the response refusing them. */
  async function allowed(c: C, id: string): Promise<CaseDetail | Response> {
    const svc = ctx.rt.services.cases;
    const audit = ctx.rt.services.audit;
    if (!svc || !audit) return c.text('Case review is not available in this build of the service.', 503, consoleHeaders);
    const detail = await svc.get(id);
    if (!detail) return c.text('No such case', 404, consoleHeaders);
    const a = detail.state.assignee;
    const d = canRefer(c.get('person'), a ? { personId: a.id, expiresAt: a.until } : undefined, ctx.now());
    return d.allowed ? detail : forbiddenPage(c, d.reason);
  }

  /** Builds the draft, records the view (audited), renders it. */
  async function render(c: C, detail: CaseDetail, errors: FieldError[], status: 200 | 400 | 409 | 503 = 200): Promise<Response> {
    const id = detail.state.id;
    const svc = ctx.rt.services.cases!;
    const reporter = endpoint ? { platform: endpoint.platform, email: endpoint.email } : { platform: 'Reporter not configured', email: 'not-configured@example.invalid' };
    let draft;
    try {
      draft = buildCyberTiplineReport(await gatherReferralInput({ cases: svc, audit: ctx.rt.services.audit!, content: ctx.rt.content }, id, { reporter }));
    } catch (e) {
      // Not confirmed yet: back to the case with the reason.
      if (isLifeguardError(e) && e.status === 409) return c.redirect(`/console/cases/${id}?done=unconfirmed`, 303);
      throw e;
    }
    await svc.recordReferral(id, reviewerOf(c), { step: 'drafted', destination });
    const sent = (detail.state.referrals ?? []).find((r) => r.destination === destination && r.status === 'sent');
    return c.html(
      referralView({
        viewer: viewerOf(c),
        caseId: id,
        reportXml: draft.reportXml,
        // Placeholders: NCMEC assigns the report and file ids when the report is sent.
        files: draft.files.map((f) => ({ contentId: f.contentId, fileViewedByEsp: f.fileViewedByEsp, xml: buildFileDetails(f, '0', 'pending') })),
        ...(endpoint ? { destinationUrl: endpoint.url } : {}),
        ...(sent ? { sent } : {}),
        errors,
      }),
      status,
      consoleHeaders,
    );
  }

  app.get('/cases/:id/referral', async (c) => {
    const detail = await allowed(c, c.req.param('id'));
    return detail instanceof Response ? detail : render(c, detail, []);
  });

  app.post('/cases/:id/referral', async (c) => {
    const id = c.req.param('id');
    const form = await formOf(c);
    const detail = await allowed(c, id);
    if (detail instanceof Response) return detail;
    if (form.confirm !== 'yes') return render(c, detail, [{ field: 'confirm', message: 'Tick the box to confirm you have read the report' }], 400);
    try {
      await sendReferral(
        { cases: ctx.rt.services.cases!, audit: ctx.rt.services.audit!, content: ctx.rt.content, cipher: ctx.rt.cipher, journal: createReferralJournal(ctx.rt.database), queue: createReferralQueue(ctx.rt.database), endpoint },
        id,
        reviewerOf(c),
      );
    } catch (e) {
      if (!isLifeguardError(e)) throw e;
      const fresh = (await ctx.rt.services.cases!.get(id)) ?? detail;
      return render(c, fresh, [{ field: 'confirm', message: `Not sent: ${e.message}` }], e.status === 409 ? 409 : e.status >= 500 ? 503 : 400);
    }
    return c.redirect(`/console/cases/${id}?done=referred`, 303);
  });
}
