/**
 * Shared contract of the grooming and coercion detector (issue 3). The guardian, the service and the CLI
 * code against these types; the detector lives beside this file.
 */

/** What the platform knows of a message author's age. */
export const authorTiers = ['child', 'teen', 'adult', 'unknown'] as const;
export type AuthorTier = (typeof authorTiers)[number];

/** Signal categories: one registry, used by lexicons, the API schema and the reviewer's explanation. */
export const signalCategories = [
  'age_probe',
  'age_disclosure',
  'personal_info',
  'supervision_check',
  'secrecy',
  'platform_move',
  'image_request',
  'body_compliment',
  'trust_building',
  'sexual_talk',
  'meeting',
  'gifts',
  'threat',
  'stream_pressure',
  'sextortion',
  /**
   * Not from a lexicon: a word or word pair the learned model weighed most, shown as evidence when a long
   * conversation is flagged by the learned model alone (it never adds to risk by itself).
   */
  'learned_phrase',
] as const;
export type SignalCategory = (typeof signalCategories)[number];

/**
 * Grooming stages, in the order they are usually reached. Asking for a picture or a camera is its own stage:
 * "sexual" is reached only through sexual vocabulary, so a request for a picture of a puppy or a grandmother's
 * video call is never labelled sexual to a reviewer.
 */
export const groomingStages = [
  'none',
  'friendship',
  'relationship',
  'risk_assessment',
  'exclusivity',
  'image_request',
  'sexual',
  'meeting_or_coercion',
] as const;
export type GroomingStage = (typeof groomingStages)[number];

/** One chat message or live-stream comment. */
export interface ChatMessage {
  author?: string;
  text: string;
  /** Epoch milliseconds or an ISO-8601 string. */
  ts?: number | string;
  authorTier?: AuthorTier;
}

/** One explainable signal found in one message. */
export interface Signal {
  category: SignalCategory;
  /** Index of the message in the conversation (0 for a flattened segment). */
  messageIndex: number;
  author?: string;
  /** The matched span as written, for the reviewer. */
  text: string;
  /** Character offsets of the span in the original message text. */
  start: number;
  end: number;
  weight: number;
  /** Lexicon language that matched (en, de, nl, fr, es). */
  language: string;
  /** For age_disclosure: the age stated, when a number was given (e.g. "i'm 12" → 12). */
  disclosedAge?: number;
  /** True when the phrase presumes the person addressed is a minor ("mature for your age", "after school"). */
  impliesMinor?: boolean;
}

/** A short-chat rule that fired: a combination of signal categories strong enough to flag on its own. */
export interface FiredRule {
  /** Rule id from the registry in flag-rules.ts, e.g. `secrecy_and_image`. */
  rule: string;
  description: string;
  author: string;
  /** Every author of a rule read over several people (`coordinated_strangers`: the viewers who each asked one thing). */
  authors?: string[];
  /** The categories that made it fire; the signals of these categories by this author are the evidence. */
  categories: SignalCategory[];
  /** Risk the rule carries on its own. */
  risk: number;
}

/** Risk of one author within a conversation. */
export interface AuthorRisk {
  author: string;
  risk: number;
  signalCount: number;
  categories: SignalCategory[];
}

/** The detector's verdict on a conversation: a candidate for human review, never an accusation. */
export interface ConversationAssessment {
  /** The peak risk reached (what the warning fired on). */
  risk: number;
  /** The risk as read after the last message. */
  riskNow: number;
  /**
   * A candidate for review: the warning fired and still holds after the last message. (A streaming warning
   * fires at `warningAt` for timely protection; later messages can withdraw its reading, see `withdrawn`.)
   */
  flagged: boolean;
  /** The warning fired, but later messages withdrew its reading: no longer a candidate, kept for the record. */
  withdrawn: boolean;
  threshold: number;
  stage: GroomingStage;
  /** Index of the first message at which a streaming warning fired, or null (it stays set once fired). */
  warningAt: number | null;
  /** Every signal kept as evidence. A flagged assessment always has at least one. */
  signals: Signal[];
  /** Short-chat rules that hold after the last message (empty when none does). */
  rules: FiredRule[];
  /**
   * The rules that had fired when the warning fired (empty when it came from the scores alone, or with no
   * warning). The warning is kept on the peak, so a rule that later messages withdrew still explains the flag.
   */
  warningRules: FiredRule[];
  authors: AuthorRisk[];
  /** Score of the learned component alone, in [0, 1]. */
  learnedScore: number;
  messageCount: number;
  /** What raised the learned score most: words and word pairs as the model read them (glossed to English). */
  learnedFeatures?: LearnedFeature[];
  /** The conversation's language as detected (en, de, nl, fr, es; English when nothing else leads). */
  language?: string;
}

/** A word or word pair that raised the learned score, as the model read it (other languages glossed to English). */
export interface LearnedFeature {
  feature: string;
  /** Its weight in the model (log-odds per unit of text; higher is more like grooming). */
  weight: number;
  /** The message where it first appeared. */
  messageIndex: number;
}
