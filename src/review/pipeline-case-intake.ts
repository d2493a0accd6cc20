/**
 * Cases from the pipeline: every new `enqueue_review`, `escalate` or `open_case` effect opens a case or joins
 * the open case on the same subject, in the worker's own transaction (before its effects are inserted), so a
 * committed effect always has its case and a rolled-back batch leaves neither.
 */
import type { CaseSource, CaseSubject } from '../core/cases/case-sources.ts';
import type { ReviewPolicy } from '../core/cases/review-policy.ts';
import type { Effect, EvidenceRef } from '../core/effects.ts';
import type { PlatformEvent } from '../core/events.ts';
import type { Trx } from '../queue/write-transaction.ts';
import { lockCases } from '../store/case-store.ts';
import { intakeBatch } from '../store/case-intake.ts';
import type { Database } from '../store/database.ts';
import type { NewEffect } from '../store/effect-store.ts';
import type { CaseIntake } from './case-service.ts';

/** Called by the worker with a batch's effects (not yet inserted) and the events that produced them. */
export type CaseIntakeHook = (trx: Trx, effects: readonly NewEffect[], eventOf: (seq: number) => PlatformEvent | undefined, now: number) => Promise<void>;

const reviewKinds = new Set(['enqueue_review', 'escalate', 'open_case']);

/** The hook for `database` under the review policy. */
export function createPipelineCaseIntake(database: Database, policy: ReviewPolicy): CaseIntakeHook {
  return async (trx, effects, eventOf, now) => {
    const wanted = effects.filter((e) => reviewKinds.has(e.effect.kind));
    if (wanted.length === 0) return;
    // Effects stored before (same dedupeKey from an earlier event) already brought their evidence.
    const known = await trx
      .selectFrom('effects')
      .select(['scope', 'dedupe_key'])
      .where('scope', 'in', [...new Set(wanted.map((e) => e.scope))])
      .where('dedupe_key', 'in', [...new Set(wanted.map((e) => e.effect.dedupeKey))])
      .execute();
    const seen = new Set(known.map((k) => `${k.scope}\u0000${k.dedupe_key}`));
    const intakes = wanted
      .filter((e) => !seen.has(`${e.scope}\u0000${e.effect.dedupeKey}`))
      .map((e) => intakeFromEffect(e.scope, e.effect, eventOf(e.eventSeq), e.eventId))
      // An effect about nothing a case can hold (no subject) is still delivered; it must never block the batch.
      .filter((i) => i.subjects.length > 0);
    if (intakes.length === 0) return;
    // One case lock and a fixed few statements for the whole batch.
    await lockCases(trx, database.kind);
    await intakeBatch(trx, intakes, policy, now);
  };
}

/** What a pipeline effect tells a case: its source (from the event type), subjects, evidence and priority inputs. */
export function intakeFromEffect(scope: string, effect: Effect, event: PlatformEvent | undefined, eventId: string): CaseIntake {
  const subjects: CaseSubject[] = [];
  const add = (type: string, id: string | undefined) => {
    if (id === undefined) return;
    if (type === 'account' || type === 'stream' || type === 'conversation' || type === 'content' || type === 'message' || type === 'comment') subjects.push({ type, id });
  };
  add(effect.target.type, effect.target.id);
  if (effect.scope) add(effect.scope.type, effect.scope.id);
  for (const ev of effect.evidence) {
    if (ev.kind === 'bank_match') subjects.push({ type: 'hash', id: `entry:${ev.id}` });
    if (ev.kind === 'content') subjects.push({ type: 'content', id: ev.id });
  }
  let reportReason: string | undefined;
  if (event?.type === 'report.filed') {
    add(event.subject.type, event.subject.id);
    add('stream', event.streamId);
    reportReason = event.reason;
  } else if (event?.type === 'age.appeal' || event?.type === 'age.signal' || event?.type === 'account.profile') add('account', event.account.id);
  else if (event?.type === 'chat.message') add('conversation', event.conversationId);
  const evidence: EvidenceRef[] = [...effect.evidence, { kind: 'event', id: eventId, summary: `${event?.type ?? 'event'} ${eventId}` }];
  return {
    scope,
    source: sourceOf(event, effect),
    severity: effect.severity,
    effectKind: effect.kind,
    ...(reportReason !== undefined ? { reportReason } : {}),
    ...(effect.reading !== undefined ? { reading: effect.reading } : {}),
    subjects,
    evidence,
    reasons: effect.reasons,
  };
}

function sourceOf(event: PlatformEvent | undefined, effect: Effect): CaseSource {
  switch (event?.type) {
    case 'report.filed':
      return 'report';
    case 'age.appeal':
    case 'age.signal':
      return 'age_appeal';
    case 'chat.message':
      return 'conversation';
    case 'account.profile':
      // A profile carrying an outside list's URL or term: known abuse material advertised, not a live stream.
      return 'known_content';
    case undefined:
      return effect.target.type === 'stream' ? 'live_stream' : 'report';
    default:
      return 'live_stream';
  }
}
