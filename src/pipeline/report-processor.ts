/**
 * User reports: every `report.filed` event becomes one `enqueue_review` effect, so a person looks at the
 * reported subject. A report is a request for review, not a finding against anyone.
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

/** report.filed → enqueue_review (one per report; dedupeKey `enqueue_review:report:<event id>`). */
export function createReportProcessor(): EventProcessor<null> {
  return {
    name: 'reports',
    accepts: (event) => event.type === 'report.filed',
    init: () => null,
    handle(_state, event): Effect[] {
      if (event.type !== 'report.filed') return [];
      return [
        {
          kind: 'enqueue_review',
          target: { type: targetTypes[event.subject.type], id: event.subject.id },
          severity: 'medium',
          reasons: [`user report: ${event.reason}`],
          evidence: [{ kind: 'report', id: event.id, summary: `${event.subject.type} ${event.subject.id} reported for ${event.reason}` }],
          dedupeKey: `enqueue_review:report:${event.id}`,
        },
      ];
    },
    snapshot: () => null,
    restore: () => null,
  };
}
