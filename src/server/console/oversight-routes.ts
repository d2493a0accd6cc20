/** /console/queues, /console/audit (auditors, admins) and /console/statistics: read-only oversight pages. */
import type { Context, Hono } from 'hono';
import { sql } from 'kysely';
import { isAuditAction } from '../../core/audit/audit-entry.ts';
import { canManageQueues, canReadAudit, canReadStatistics, canViewQueue } from '../../core/people/roles.ts';
import { utcDay } from '../../core/people/wellbeing.ts';
import { createAuditLog } from '../../store/audit-log.ts';
import type { ConsoleContext, ConsoleEnv } from './console-context.ts';
import { consoleHeaders } from './console-html.ts';
import { viewerOf } from './console-viewer.ts';
import { forbiddenPage } from './forbidden-page.ts';
import { auditView, queuesView, statisticsView, type Statistics } from './views/oversight-views.ts';

export function mountOversight(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  const audit = ctx.rt.services.audit ?? createAuditLog(ctx.rt.database, ctx.now);
  const { db } = ctx.rt.database;

  app.get('/queues', async (c) => {
    const svc = ctx.rt.services.cases;
    if (!svc) return c.text('Case review is not available in this build of the service.', 503, consoleHeaders);
    const p = c.get('person');
    if (!canViewQueue(p) && !canManageQueues(p)) return forbiddenPage(c, 'Your roles do not include queues.');
    const queues = await svc.queues({ id: p.id, roles: p.roles, via: 'console' });
    return c.html(
      queuesView({
        viewer: viewerOf(c),
        queues: queues.map((q) => ({ ...q, rule: svc.policy.queues.find((r) => r.id === q.id) })),
        priorities: svc.policy.priorities.map((x) => ({ id: x.id, label: x.label, targetMinutes: x.targetMinutes })),
        claimMinutes: svc.policy.claimMinutes,
      }),
      200,
      consoleHeaders,
    );
  });

  const showAudit = async (c: Context<ConsoleEnv>, verification?: Awaited<ReturnType<typeof audit.verify>>) => {
    const p = c.get('person');
    if (!canReadAudit(p)) return forbiddenPage(c, 'Only auditors and admins read the audit log.');
    const q = c.req.query();
    const action = q.action && isAuditAction(q.action) ? q.action : undefined;
    const before = q.before && /^\d+$/.test(q.before) ? Number(q.before) : undefined;
    const { entries } = await audit.list({ limit: 100, newestFirst: true, ...(before !== undefined ? { before } : {}), ...(q.actor ? { actor: q.actor } : {}), ...(action ? { action } : {}) });
    await audit.append({ actor: p.id, action: 'audit_read', detail: { via: 'console', ...(q.actor ? { actor: q.actor } : {}), ...(action ? { filter: action } : {}) } });
    const last = entries[entries.length - 1];
    return c.html(
      auditView({ viewer: viewerOf(c), entries, filters: { ...(q.actor ? { actor: q.actor } : {}), ...(action ? { action } : {}) }, ...(verification ? { verification } : {}), olderThan: entries.length === 100 && last ? last.seq : null }),
      200,
      consoleHeaders,
    );
  };
  app.get('/audit', (c) => showAudit(c));
  app.post('/audit/verify', async (c) => {
    if (!canReadAudit(c.get('person'))) return forbiddenPage(c, 'Only auditors and admins read the audit log.');
    const result = await audit.verify();
    await audit.append({ actor: c.get('person').id, action: 'audit_verified', detail: { ok: result.ok, checked: result.checked, via: 'console' } });
    return showAudit(c, result);
  });

  app.get('/statistics', async (c) => {
    if (!canReadStatistics(c.get('person'))) return forbiddenPage(c, 'Your roles do not include statistics.');
    const now = ctx.now();
    const count = (col: 'status' | 'source' | 'label') =>
      db
        .selectFrom('cases')
        .select([col, sql<number | string>`count(*)`.as('n')])
        .groupBy(col)
        .execute()
        .then((rows) => Object.fromEntries(rows.filter((r) => r[col] !== null).map((r) => [String(r[col]), Number(r.n)])));
    const [byStatus, bySource, labels, prio, reveals, auditCount] = await Promise.all([
      count('status'),
      count('source'),
      count('label'),
      db
        .selectFrom('cases')
        .select(['priority', sql<number | string>`count(*)`.as('n'), sql<number | string>`sum(case when due_at < ${now} then 1 else 0 end)`.as('overdue')])
        .where('status', '!=', 'closed')
        .groupBy('priority')
        .execute(),
      db.selectFrom('exposure_counts').select(sql<number | string | null>`sum(reveals)`.as('n')).where('day', '=', utcDay(now)).executeTakeFirst(),
      db.selectFrom('audit_log').select(sql<number | string>`count(*)`.as('n')).executeTakeFirst(),
    ]);
    const policy = ctx.rt.services.cases?.policy;
    const stats: Statistics = {
      byStatus,
      bySource,
      labels,
      byPriority: prio.map((r) => ({ label: policy?.priorities.find((p) => p.id === r.priority)?.label ?? r.priority, open: Number(r.n), overdue: Number(r.overdue) })),
      revealsToday: Number(reveals?.n ?? 0),
      auditEntries: Number(auditCount?.n ?? 0),
    };
    return c.html(statisticsView({ viewer: viewerOf(c), stats }), 200, consoleHeaders);
  });
}
