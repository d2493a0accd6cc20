/**
 * Requests for a person: every `report.filed` event becomes one `enqueue_review` effect, so a person looks at
 * the reported subject, and every `age.appeal` one too (an account contesting its age decision is reviewed,
 * never silently changed). A report is a request for review, not a finding against anyone. Reports whose
 * reason says someone is in imminent danger are `critical` — with or without a stream — so they reach the top
 * of the review queue (the policy's `child_in_danger` priority).
 */
import type { Effect, EffectTargetType } from '../core/effects.ts';
import type { PlatformEventOf } from '../core/events.ts';
import type { EventProcessor } from './event-processor.ts';

const targetTypes: Record<PlatformEventOf<'report.filed'>['subject']['type'], EffectTargetType> = {
  account: 'account',
  stream: 'stream',
  message: 'message',
  comment: 'comment',
  content: 'content',
  conversation: 'conversation',
};

/** The reasons treated as imminent danger when no policy is given (the guardian policy's defaults). */
export const defaultImminentReasons: readonly string[] = ['imminent_danger', 'threat', 'self_harm', 'child_in_danger'];

/**
 * report.filed → enqueue_review (one per report; dedupeKey `enqueue_review:report:<event id>`), `critical` for
 * imminent reasons; age.appeal → enqueue_review of the account (dedupeKey `enqueue_review:appeal:<event id>`).
 */
export function createReportProcessor(opts: { imminentReasons?: readonly string[] } = {}): EventProcessor<null> {
  const imminent = new Set(opts.imminentReasons ?? defaultImminentReasons);
  return {
    name: 'reports',
    accepts: (event) => event.type === 'report.filed' || event.type === 'age.appeal',
    init: () => null,
    handle(_state, event): Effect[] {
      if (event.type === 'age.appeal') {
        return [
          {
            kind: 'enqueue_review',
            target: { type: 'account', id: event.account.id },
            severity: 'low',
            reasons: [`age appeal${event.claimedAge !== undefined ? ` (says age ${event.claimedAge})` : ''}: a person reviews the age decision`],
            evidence: [{ kind: 'age_signal', id: event.id, summary: `age appeal by account ${event.account.id}` }],
            dedupeKey: `enqueue_review:appeal:${event.id}`,
          },
        ];
      }
      if (event.type !== 'report.filed') return [];
      const urgent = imminent.has(event.reason);
      return [
        {
          kind: 'enqueue_review',
          target: { type: targetTypes[event.subject.type], id: event.subject.id },
          severity: urgent ? 'critical' : 'medium',
          reasons: [urgent ? `user report: ${event.reason} — someone may be in danger now` : `user report: ${event.reason}`],
          evidence: [{ kind: 'report', id: event.id, summary: `${event.subject.type} ${event.subject.id} reported for ${event.reason}` }],
          dedupeKey: `enqueue_review:report:${event.id}`,
        },
      ];
    },
    snapshot: () => null,
    restore: () => null,
  };
}
