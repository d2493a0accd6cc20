/**
 * Effects: what detectors and policies ask the platform to do, as data. Adapters (webhooks, CLI output)
 * carry them out; the core never performs them.
 */

/** Every effect kind, declared once. */
export const effectKinds = [
  'allow',
  'block_content',
  'hold_message',
  'hold_comments',
  'nudge_user',
  'restrict_viewer',
  'remove_viewer',
  'restrict_stream',
  'disable_gifts',
  'pause_stream',
  'end_stream',
  'preserve_evidence',
  'open_case',
  'enqueue_review',
  'escalate',
  'require_age_check',
  // decisions of a human reviewer on a case (src/core/cases/case-actions.ts)
  'suspend_account',
  'ban_account',
  'restrict_features',
  'add_to_bank',
  'dismiss_case',
  'mark_for_referral',
] as const;
export type EffectKind = (typeof effectKinds)[number];

/** What an effect acts on. */
export const effectTargetTypes = ['content', 'message', 'conversation', 'stream', 'account', 'comment', 'frame', 'case'] as const;
export type EffectTargetType = (typeof effectTargetTypes)[number];

export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** A pointer to the evidence that justifies an effect (an event, a message, a bank match, a signal). */
export interface EvidenceRef {
  /** `content`: a content record (e.g. a frame's bytes sealed at intake), readable at GET /v1/content/:id. */
  kind: 'event' | 'message' | 'signal' | 'bank_match' | 'frame' | 'report' | 'age_signal' | 'content' | 'case';
  id: string;
  summary: string;
}

/** One action asked of the platform, with the reasons and evidence a reviewer needs. */
export interface Effect {
  kind: EffectKind;
  target: { type: EffectTargetType; id: string };
  severity: Severity;
  reasons: string[];
  evidence: EvidenceRef[];
  /** For nudges: the supportive message and resources to show. */
  support?: {
    message: string;
    resources: { name: string; contact: string; url?: string }[];
    /** Path of the service's public help page for the reader's country and age, e.g. `/help/GB?age=child`. */
    helpUrl?: string;
  };
  /**
   * The detector reading this review effect reports (e.g. `grooming:<conversation id>`). A case keeps the
   * latest priority each reading asked for, so a later effect of the same reading replaces the earlier one's
   * say: a reading withdrawn by later messages lowers the case, unless other evidence holds it up.
   */
  reading?: string;
  /** Stable key so the same effect produced twice (e.g. on a replayed event) is delivered once. */
  dedupeKey: string;
  /** Where the effect applies when the target alone does not say it (e.g. the stream a viewer is held in). */
  scope?: { type: EffectTargetType; id: string };
  /** Set on a human reviewer's decision: the case, who decided (and confirmed), and the action's parameters. */
  decision?: { caseId: string; actionId: string; reviewer: string; confirmedBy?: string; params: Record<string, unknown> };
}
