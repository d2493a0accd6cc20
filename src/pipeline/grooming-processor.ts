/**
 * Grooming detection on direct-message conversations: one streaming monitor per conversation (bounded
 * memory). When the conversation first reaches the review threshold it asks for a human review and for the
 * evidence to be preserved; while the warning holds, new messages carrying the most serious signal categories
 * are held for review. When later messages withdraw the warning's reading (the photo was for nana's fridge),
 * the review it asked for is lowered to informational (the case keeps every message and reason); when the
 * reading holds again, raised again. These are candidates for review and protective holds, never accusations.
 */
import type { Effect, EvidenceRef } from '../core/effects.ts';
import { createConversationMonitor, groomingStages, type ConversationMonitor, type ConversationMonitorOptions, type FiredRule, type Signal, type SignalCategory } from '../core/grooming/index.ts';
import type { EventProcessor, RiskSummary } from './event-processor.ts';

/** Categories whose appearance in an already flagged conversation holds the message for review. */
const holdCategories = new Set<SignalCategory>(['sexual_talk', 'image_request', 'meeting', 'threat', 'platform_move', 'secrecy']);
const severeStage = groomingStages.indexOf('sexual');

/** chat.message → conversation monitor; effects: enqueue_review + preserve_evidence on flag, hold_message after. */
export function createGroomingProcessor(options: ConversationMonitorOptions = {}): EventProcessor<ConversationMonitor> {
  return {
    name: 'grooming',
    accepts: (event) => event.type === 'chat.message',
    init: () => createConversationMonitor(options),
    handle(monitor, event, ctx): Effect[] {
      if (event.type !== 'chat.message') return [];
      const update = monitor.push({ author: event.author.id, text: event.text, ts: ctx.now, ...(event.author.tier ? { authorTier: event.author.tier } : {}) });
      if (ctx.replay) return [];
      const a = update.assessment;
      const conversation = { type: 'conversation' as const, id: event.conversationId };
      const evidence: EvidenceRef[] = evidenceOf(event.id, update.newSignals);
      const effects: Effect[] = [];
      // The conversation's grooming reading: each review effect below replaces the one before in the case's priority.
      const reading = `grooming:${event.conversationId}`;
      const at = a.messageCount - 1;
      const severity = groomingStages.indexOf(a.stage) >= severeStage ? 'high' : 'medium';
      if (update.warning) {
        const allEvidence = recentEvidence(event.id, a.signals);
        const reasons = [
          `conversation risk ${a.risk.toFixed(2)} reached the review threshold ${a.threshold.toFixed(2)} (stage: ${a.stage}); a person should review it`,
          // Why it fired, as the detector read the conversation then (later messages may lower the reading).
          ...ruleReasons(a.warningRules),
        ];
        effects.push(
          { kind: 'enqueue_review', target: conversation, severity, reasons, evidence: allEvidence, reading, dedupeKey: `grooming:enqueue_review:${event.conversationId}` },
          { kind: 'preserve_evidence', target: conversation, severity: 'medium', reasons, evidence: allEvidence, dedupeKey: `grooming:preserve_evidence:${event.conversationId}` },
        );
      }
      if (update.withdrawn) {
        const reasons = [
          `later messages withdrew the reading that fired the warning at message ${a.warningAt}: conversation risk now ${a.riskNow.toFixed(2)}, below the review threshold ${a.threshold.toFixed(2)}; kept for the record at informational priority`,
        ];
        effects.push({ kind: 'enqueue_review', target: conversation, severity: 'info', reasons, evidence: [], reading, dedupeKey: `grooming:withdrawn:${event.conversationId}:${at}` });
      }
      if (update.restored) {
        const reasons = [
          `conversation risk ${a.riskNow.toFixed(2)} is at the review threshold ${a.threshold.toFixed(2)} again (stage: ${a.stage}) after a withdrawn warning; a person should review it`,
          ...ruleReasons(a.rules),
        ];
        effects.push({ kind: 'enqueue_review', target: conversation, severity, reasons, evidence: recentEvidence(event.id, a.signals), reading, dedupeKey: `grooming:enqueue_review:${event.conversationId}:${at}` });
      }
      const serious = update.newSignals.filter((s) => holdCategories.has(s.category));
      if (a.flagged && serious.length > 0) {
        effects.push({
          kind: 'hold_message',
          target: { type: 'message', id: event.messageId ?? event.id },
          scope: conversation,
          severity: 'high',
          reasons: [`message with ${[...new Set(serious.map((s) => s.category))].join(', ')} signals in a conversation flagged for review`],
          evidence,
          dedupeKey: `grooming:hold_message:${event.conversationId}:${event.messageId ?? event.id}`,
        });
      }
      return effects;
    },
    summarize(monitor): RiskSummary | undefined {
      const a = monitor.current();
      const counts = new Map<string, number>();
      for (const s of a.signals) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
      return {
        risk: a.risk,
        flagged: a.flagged,
        stage: a.stage,
        signals: [...counts].map(([category, count]) => ({ category, count })),
        detail: { threshold: a.threshold, riskNow: a.riskNow, withdrawn: a.withdrawn, messageCount: a.messageCount, warningAt: a.warningAt, warningRules: a.warningRules.map((r) => r.rule), rules: a.rules.map((r) => r.rule), authors: a.authors.slice(0, 3).map((x) => ({ author: x.author, risk: x.risk })) },
      };
    },
  };
}

/** The rules behind a review, one reason each, naming the author each was read for. */
const ruleReasons = (rules: readonly FiredRule[]) => rules.map((r) => `rule ${r.rule} (${r.author}): ${r.description}`);

/** A review's evidence: the conversation's last eight signals. */
const recentEvidence = (eventId: string, signals: readonly Signal[]) => evidenceOf(eventId, signals.slice(-8));

function evidenceOf(eventId: string, signals: readonly Signal[]): EvidenceRef[] {
  return signals.length === 0 ? [] : [{ kind: 'signal', id: eventId, summary: signals.map((s) => `${s.category}: “${s.text}”`).join('; ') }];
}
