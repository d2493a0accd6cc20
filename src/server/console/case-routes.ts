/**
 * The queue and the case page: claim next, claim, release, view (audited), reveal one media item for a
 * limited time (permission by the roles registry, exposure cap, audited by the case service), assess, act,
 * confirm. Media is decrypted in memory only on an authorised reveal and sent with `Cache-Control: no-store`.
 */
import type { Context, Hono } from 'hono';
import { ageAppealResolutionSchema } from '../../core/age/age-appeal.ts';
import { assessmentSchema } from '../../core/cases/assessment.ts';
import { caseActionSchema } from '../../core/cases/case-actions.ts';
import { canWork } from '../../core/cases/queue-routing.ts';
import type { CaseStatus } from '../../core/cases/reduce-case.ts';
import { isLifeguardError, LifeguardError } from '../../core/lifeguard-error.ts';
import { canClaim, canRefer, canReveal, canViewCase, canViewQueue, type Decision } from '../../core/people/roles.ts';
import { effectiveSettings, exposureState, utcDay } from '../../core/people/wellbeing.ts';
import type { CaseDetail, CaseService, Reviewer } from '../../review/case-service.ts';
import { createRevealGrantStore } from '../../store/reveal-grant-store.ts';
import { reduceHold } from '../../core/evidence/preservation.ts';
import { createEvidenceHoldStore } from '../../store/evidence-hold-store.ts';
import { loadCaseEvidence } from './case-evidence.ts';
import type { ConsoleContext, ConsoleEnv } from './console-context.ts';
import { consoleHeaders, type FieldError } from './console-html.ts';
import { viewerOf } from './console-viewer.ts';
import { forbiddenPage } from './forbidden-page.ts';
import { formAll, formOf } from './require-person.ts';
import { caseView } from './views/case-view.ts';
import { queueView } from './views/queue-view.ts';
import { revealView } from './views/reveal-view.ts';

type C = Context<ConsoleEnv>;

const reviewerOf = (c: C): Reviewer => ({ id: c.get('person').id, roles: c.get('person').roles, via: 'console' });
const notices: Record<string, string> = {
  claimed: 'You have claimed this case.',
  released: 'You gave the case back.',
  assessed: 'Assessment saved.',
  acted: 'Action taken.',
  pending: 'Action recorded; it takes effect when a second person confirms it.',
  confirmed: 'Action confirmed.',
  rejected: 'Action rejected.',
  expired: 'The media is hidden again.',
  empty: 'No case is waiting that you can work. Well done — take a break.',
  referred: 'Referral sent; the report id is on the case.',
  unconfirmed: 'A referral needs a confirmed decision first: assess the case and mark it for referral.',
  resolved: 'Age appeal resolved: the account’s age decision is updated.',
};

/** The reveal decision for a person on a case, from the one roles registry. */
export function revealDecision(c: C, d: CaseDetail, now: number): Decision {
  const s = d.state;
  return canReveal(c.get('person'), { childSafety: s.baseRole === 'child_safety_reviewer' || s.requiredRole === 'child_safety_reviewer', closed: s.status === 'closed' }, s.assignee ? { personId: s.assignee.id, expiresAt: s.assignee.until } : undefined, now);
}

export function mountCases(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  const grants = createRevealGrantStore(ctx.rt.database, ctx.now);
  const cases = (): CaseService | undefined => ctx.rt.services.cases;
  const unavailable = (c: C) => c.text('Case review is not available in this build of the service.', 503, consoleHeaders);

  async function exposure(c: C) {
    const p = (await ctx.people.get(c.get('person').id)) ?? c.get('person');
    const settings = effectiveSettings(ctx.settings.wellbeing, p.settings);
    const today = await ctx.people.revealsOn(p.id, utcDay(ctx.now()));
    return { settings, today, state: exposureState(settings, today) };
  }

  async function renderCase(c: C, id: string, extra: { errors?: FieldError[]; notice?: string } = {}, status: 200 | 400 | 403 | 404 | 409 = 200): Promise<Response> {
    const svc = cases();
    if (!svc) return unavailable(c);
    const detail = await svc.get(id);
    if (!detail) return c.text('No such case', 404, consoleHeaders);
    const now = ctx.now();
    const person = c.get('person');
    const [evidence, x, banks, holdEvents] = await Promise.all([loadCaseEvidence(ctx.rt, detail), exposure(c), ctx.rt.services.banks?.store.listBanks() ?? Promise.resolve([]), createEvidenceHoldStore(ctx.rt.database).events(id)]);
    const hold = reduceHold(holdEvents);
    const s = detail.state;
    const holdsClaim = s.assignee !== undefined && s.assignee.id === person.id && s.assignee.until > now;
    return c.html(
      caseView({
        viewer: viewerOf(c),
        personId: person.id,
        detail,
        evidence,
        mayClaim: canClaim(person) && canWork(person.roles, s.requiredRole),
        ...(hold ? { hold } : {}),
        holdsClaim,
        mayRefer: canRefer(person, s.assignee ? { personId: s.assignee.id, expiresAt: s.assignee.until } : undefined, now).allowed,
        reveal: revealDecision(c, detail, now),
        exposure: x.state,
        banks: banks.map((b) => b.name),
        errors: extra.errors ?? [],
        ...(extra.notice ? { notice: extra.notice } : {}),
        now,
      }),
      status,
      consoleHeaders,
    );
  }

  /** Runs a case change; a refusal or conflict re-renders the case with the reason at the top. */
  async function attempt(c: C, id: string, field: string, run: () => Promise<string>): Promise<Response> {
    try {
      const done = await run();
      return c.redirect(`/console/cases/${id}?done=${done}`, 303);
    } catch (e) {
      if (isLifeguardError(e) && e.status < 500) return renderCase(c, id, { errors: [{ field, message: e.message }] }, e.status === 403 ? 403 : e.status === 404 ? 404 : e.status === 409 ? 409 : 400);
      throw e;
    }
  }

  app.get('/queue', async (c) => {
    const svc = cases();
    if (!svc) return unavailable(c);
    const person = c.get('person');
    if (!canViewQueue(person)) return forbiddenPage(c, 'Your roles do not include the queue.');
    const q = c.req.query();
    const filters = { queue: q.queue || undefined, priority: q.priority || undefined, source: q.source || undefined, status: q.status || undefined };
    let page;
    try {
      page = await svc.listQueue({
        limit: 50,
        ...(filters.queue ? { queue: filters.queue } : {}),
        ...(filters.priority ? { priority: filters.priority } : {}),
        ...(filters.source ? { source: filters.source as never } : {}),
        ...(filters.status ? { status: [filters.status as CaseStatus] } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
    } catch (e) {
      if (isLifeguardError(e) && e.status < 500) page = { cases: [], cursor: null };
      else throw e;
    }
    const queues = await svc.queues(reviewerOf(c));
    return c.html(
      queueView({
        viewer: viewerOf(c),
        cases: page.cases,
        queues,
        priorities: svc.policy.priorities.map((p) => ({ id: p.id, label: p.label })),
        filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as never,
        now: ctx.now(),
        canClaim: canClaim(person),
        nextCursor: page.cursor,
        ...(q.empty !== undefined ? { notice: notices.empty! } : {}),
      }),
      200,
      consoleHeaders,
    );
  });

  app.post('/claim-next', async (c) => {
    const svc = cases();
    if (!svc) return unavailable(c);
    if (!canClaim(c.get('person'))) return forbiddenPage(c, 'Your roles do not include reviewing cases.');
    const form = await formOf(c);
    const next = await svc.claimNext(reviewerOf(c), form.queue ? { queue: form.queue } : {});
    return c.redirect(next ? `/console/cases/${next.summary.id}?done=claimed` : '/console/queue?empty', 303);
  });

  app.get('/cases/:id', async (c) => {
    const svc = cases();
    if (!svc) return unavailable(c);
    const id = c.req.param('id');
    const allowed = canViewCase(c.get('person'));
    if (!allowed.allowed) return forbiddenPage(c, allowed.reason);
    try {
      await svc.recordView(id, reviewerOf(c));
    } catch (e) {
      if (isLifeguardError(e) && e.status === 404) return c.text('No such case', 404, consoleHeaders);
      if (isLifeguardError(e) && e.status === 403) return forbiddenPage(c, e.message);
      throw e;
    }
    const done = c.req.query('done');
    return renderCase(c, id, done && notices[done] ? { notice: notices[done]! } : {});
  });

  app.post('/cases/:id/claim', (c) => attempt(c, c.req.param('id'), 'claim', async () => (await cases()!.claim(c.req.param('id'), reviewerOf(c)), 'claimed')));
  app.post('/cases/:id/release', (c) => attempt(c, c.req.param('id'), 'claim', async () => (await cases()!.release(c.req.param('id'), reviewerOf(c)), 'released')));

  app.post('/cases/:id/assess', async (c) => {
    const id = c.req.param('id');
    const form = await formOf(c);
    const fields = Object.fromEntries(['ukCategory', 'ageBand', 'sexAsSeen', 'selfGenerated', 'capturedFromLiveStream', 'ncmecClassification', 'groomingCaseType', 'notes'].filter((k) => (form[k] ?? '').trim() !== '').map((k) => [k, form[k]!.trim()]));
    const parsed = assessmentSchema.safeParse(fields);
    if (!parsed.success) return renderCase(c, id, { errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'ukCategory'), message: `${String(i.path[0] ?? 'assessment')}: ${i.message}` })) }, 400);
    if (Object.keys(parsed.data).length === 0) return renderCase(c, id, { errors: [{ field: 'ukCategory', message: 'Choose at least one assessment field, or write a note' }] }, 400);
    return attempt(c, id, 'ukCategory', async () => (await cases()!.assess(id, reviewerOf(c), parsed.data), 'assessed'));
  });

  app.post('/cases/:id/act', async (c) => {
    const id = c.req.param('id');
    const form = await formOf(c);
    const features = await formAll(c, 'features');
    const [targetType, ...rest] = (form.target ?? '').split('|');
    const input = {
      kind: form.kind,
      ...(form.target ? { target: { type: targetType!, id: rest.join('|') } } : {}),
      ...(form.bank ? { bank: form.bank } : {}),
      ...(form.reason ? { reason: form.reason } : {}),
      ...(features.length > 0 ? { features } : {}),
      ...(form.durationHours ? { durationHours: Number(form.durationHours) } : {}),
      ...(form.note?.trim() ? { note: form.note.trim() } : {}),
    };
    const parsed = caseActionSchema.safeParse(input);
    if (!parsed.success) return renderCase(c, id, { errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'kind'), message: i.message })) }, 400);
    return attempt(c, id, 'kind', async () => {
      const r = await cases()!.act(id, reviewerOf(c), parsed.data);
      return r.status === 'pending' ? 'pending' : 'acted';
    });
  });

  app.post('/cases/:id/age-resolution', async (c) => {
    const id = c.req.param('id');
    const form = await formOf(c);
    const age = (form['resolution-age'] ?? '').trim();
    const input = {
      outcome: form['resolution-outcome'],
      ...(form['resolution-tier'] ? { tier: form['resolution-tier'] } : {}),
      ...(age !== '' ? { age: Number(age) } : {}),
      reason: form['resolution-reason'] ?? '',
    };
    const parsed = ageAppealResolutionSchema.safeParse(input);
    if (!parsed.success) return renderCase(c, id, { errors: parsed.error.issues.map((i) => ({ field: `resolution-${String(i.path[0] ?? 'outcome')}`, message: i.path[0] === 'reason' ? 'Give the reason for your resolution' : i.message })) }, 400);
    return attempt(c, id, 'resolution-outcome', async () => (await cases()!.resolveAgeAppeal(id, reviewerOf(c), parsed.data), 'resolved'));
  });

  app.post('/cases/:id/actions/:actionId', async (c) => {
    const id = c.req.param('id');
    const form = await formOf(c);
    const approve = form.decision === 'approve';
    return attempt(c, id, 'pending-h', async () => (await cases()!.confirmAction(id, reviewerOf(c), c.req.param('actionId'), { approve }), approve ? 'confirmed' : 'rejected'));
  });

  app.post('/cases/:id/reveal', async (c) => {
    const svc = cases();
    if (!svc) return unavailable(c);
    const id = c.req.param('id');
    const form = await formOf(c);
    const detail = await svc.get(id);
    if (!detail) return c.text('No such case', 404, consoleHeaders);
    const contentId = form.contentId ?? '';
    if (!detail.state.evidence.some((e) => e.kind === 'content' && e.id === contentId)) return renderCase(c, id, { errors: [{ field: 'media-h', message: 'That media item is not evidence of this case' }] }, 400);
    const person = c.get('person');
    const decision = revealDecision(c, detail, ctx.now());
    if (!decision.allowed) {
      await ctx.audit({ actor: person.id, action: 'media_reveal_denied', subject: { type: 'case', id }, detail: { contentId, reason: decision.reason, via: 'console' } });
      return renderCase(c, id, { errors: [{ field: 'media-h', message: `You cannot reveal this media: ${decision.reason}` }] }, 403);
    }
    const x = await exposure(c);
    if (x.state.kind === 'cap_reached') return renderCase(c, id, { errors: [{ field: 'exposure', message: 'You have reached today’s limit of media reveals' }] }, 403);
    const grant = await grants.create({ personId: person.id, caseId: id, contentId, expiresAt: ctx.now() + x.settings.revealSeconds * 1000 });
    await ctx.people.countReveal(person.id, utcDay(ctx.now()));
    return c.redirect(`/console/cases/${id}/reveal/${grant}`, 303);
  });

  app.get('/cases/:id/reveal/:grant', async (c) => {
    const id = c.req.param('id');
    const g = await grants.get(c.req.param('grant'), c.get('person').id);
    if (!g || g.caseId !== id) return c.redirect(`/console/cases/${id}?done=expired`, 303);
    const record = await ctx.rt.content.get(g.contentId);
    const x = await exposure(c);
    return c.html(
      revealView({
        viewer: viewerOf(c),
        caseId: id,
        contentId: g.contentId,
        mediaUrl: `/console/media/${c.req.param('grant')}`,
        mediaType: record?.mediaType ?? 'application/octet-stream',
        seconds: Math.max(1, Math.ceil((g.expiresAt - ctx.now()) / 1000)),
        greyscale: x.settings.greyscale,
        revealsLeft: Math.max(0, x.settings.dailyRevealCap - x.today),
      }),
      200,
      consoleHeaders,
    );
  });

  app.get('/media/:grant', async (c) => {
    const svc = cases();
    if (!svc) return unavailable(c);
    const grantId = c.req.param('grant');
    const g = await grants.get(grantId, c.get('person').id);
    if (!g) return c.text('This reveal has expired.', 410, { 'cache-control': 'no-store' });
    const [record, sealed] = await Promise.all([ctx.rt.content.get(g.contentId), ctx.rt.content.getSealedMedia(g.contentId)]);
    if (!record || !sealed) return c.text('This media was not kept.', 404, { 'cache-control': 'no-store' });
    if (await grants.markUsed(grantId)) {
      try {
        // The whole file is sent (no ranges), so the reveal is a full view.
        await svc.recordReveal(g.caseId, reviewerOf(c), { contentId: g.contentId, fullView: true });
      } catch (e) {
        if (e instanceof LifeguardError && e.status === 403) return c.text(e.message, 403, { 'cache-control': 'no-store' });
        throw e;
      }
    }
    // Decrypted in memory only; nothing is written to disk and nothing may be cached.
    const plain = ctx.rt.cipher.open(sealed, g.contentId);
    return c.body(new Uint8Array(plain), 200, {
      'content-type': /^(image|video)\/[\w.+-]+$/.test(record.mediaType) ? record.mediaType : 'application/octet-stream',
      'content-length': String(plain.length),
      'cache-control': 'no-store',
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });
}
