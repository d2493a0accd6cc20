/**
 * What the HTTP routes need from the rest of Lifeguard, as narrow interfaces. `build-services.ts` wires
 * them to the real modules; a route whose service is absent answers 503 `feature_unavailable`.
 */
import type { AgeDecision } from '../core/age/decide-age.ts';
import type { AgeTier } from '../core/age/age-tiers.ts';
import type { BankMatch } from '../core/banks/types.ts';
import type { CheckStream, SafetyChecks } from '../core/safety-policy/safety-checks.ts';
import type { SupportPolicy } from '../core/support/support-policy.ts';
import type { PlatformEvent } from '../core/events.ts';
import type { AppendResult } from '../pipeline/event-intake.ts';
import type { VideoMatch } from '../matching/matcher.ts';
import type { ImageHashes as HashedImage } from '../media/hash-image.ts';
import type { ImageHeader } from '../media/decode-image.ts';
import type { SubjectRisk } from '../pipeline/risk-read-model.ts';
import type { BankStore } from '../store/bank-store.ts';
import type { StoredEffect } from '../store/effect-store.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CaseService } from '../review/case-service.ts';
import { unavailable } from '../core/lifeguard-error.ts';
import type { ExchangePushStore } from '../store/exchange-push-store.ts';
import type { ExchangeRecord, ExchangeStore } from '../store/exchange-store.ts';
import type { AgeTokenService } from '../age-tokens/age-token-service.ts';

/** Hashes of one decoded image (the hashing module's own type). */
export type ImageHashes = HashedImage;

/** One bank entry that matched (the matcher's own type). */
export type ContentMatch = BankMatch;

export interface HashingService {
  /** Reads an image's header only (format and size; 413 `image_too_large` over `maxPixels`): no pixel is decoded. */
  probe(bytes: Buffer, maxPixels: number): Promise<ImageHeader>;
  /** Hashes image bytes; throws LifeguardError (`image_too_large`, `image_unsupported_format`, ...) on bad input. */
  hashImage(bytes: Buffer, limits: { maxPixels: number; maxBytes: number; robust?: boolean }): Promise<ImageHashes>;
  /** Runs another decode (e.g. the age estimator's) in the shared decode queue, costed by its decoded size. */
  decodeSlot?<T>(decodedPixels: number, channels: number, job: () => Promise<T>): Promise<T>;
}

export interface MatchingService {
  /** Samples a video file's frames (ffmpeg) and matches them and the file's digests; absent without video support. */
  matchVideo?(path: string, opts: { banks?: string[]; maxFramePixels: number; robust?: boolean }): Promise<VideoMatch>;
  /**
   * Matches the given hash values against every bank (or only the banks named in `banks`, entries from one of
   * `sources`); `pdqVariants` are extra PDQ query hashes by name (robust variants), reported as the match's `variant`.
   */
  matchHashes(
    hashes: { pdq?: string | null; md5?: string; sha256?: string; opaque?: string; pdqVariants?: readonly { name: string; hash: string }[] },
    opts?: { banks?: string[]; sources?: string[] },
  ): Promise<ContentMatch[]>;
}

export interface EventService {
  /**
   * Durably appends a batch (resolves after commit). `validated`: the events are already the output of the
   * event schemas (the events route parses each one), so intake need not parse them again.
   */
  append(events: PlatformEvent[], opts?: { validated?: boolean }): Promise<AppendResult>;
  conversationRisk?(id: string): Promise<SubjectRisk | null>;
  streamRisk?(id: string): Promise<SubjectRisk | null>;
  listEffects(q: { after?: number; limit: number; kind?: string; target?: string }): Promise<{ effects: StoredEffect[]; cursor: number }>;
  /** Pending work by queue name, for /metrics. */
  queueDepth(): Promise<Record<string, number>>;
}

/** A listed URL or term found in text, with its bank entry. */
export interface ListMatch {
  bank: string;
  entryId: number;
  signalType: 'url' | 'keyword';
  value: string;
  externalId: string | null;
  category: string | null;
  sources: string[];
  language: string | null;
  /** What the text said (the URL as found, or the matched words). */
  found: string;
  obfuscated?: boolean;
}

export interface ListService {
  /** Listed URLs (and terms, unless `only: 'url'`) in `text`, optionally only some banks or sources. */
  check(text: string, opts?: { only?: 'url' | 'keyword'; banks?: string[]; sources?: string[] }): Promise<{ matches: ListMatch[]; urls: string[]; unresolvable: string[] }>;
}

export interface ExchangeService {
  store: ExchangeStore;
  /** The push journal: shares of confirmed hashes per exchange. */
  pushes: ExchangePushStore;
  /** Validates settings and credentials for the kind, seals the credentials, stores the exchange. */
  create(input: { name: string; kind: string; bank: string; createBank?: boolean; settings: Record<string, unknown>; credentials?: Record<string, unknown>; intervalSeconds: number }): Promise<ExchangeRecord>;
  /** Fetches one exchange now (resolves when done). */
  runNow(name: string): Promise<ExchangeRecord>;
}

export interface BankService {
  store: BankStore;
  /** Tells the matcher that this process changed bank entries, so it refreshes before its next query. */
  changed(): void;
}

export interface SafetyService {
  /** The policy's action checks (pure, allocation-free). */
  checks: SafetyChecks;
  /** The age tier decided for an account from its age signals, when known. */
  tierOf?(accountId: string): Promise<AgeTier | undefined>;
  /** The live restrictions of a stream the guardian tracks (paused, held or removed viewers, ...). */
  streamAccess?(streamId: string): Promise<CheckStream | undefined>;
  /** The full age decision of an account, when it has age signals. */
  ageDecision?(accountId: string): Promise<AgeDecision | undefined>;
  /** Drops a cached age decision after this process recorded a new age signal for the account. */
  forgetAge?(accountId: string): void;
}

/** The policy's help resources and messages, for the public help page. */
export interface SupportService {
  policy: SupportPolicy;
}

/** The media types this process decodes: images always; video only when ffmpeg was found at start-up. */
export interface MediaSupport {
  images: string[];
  video: boolean;
  /** ffmpeg's version line, when video is on. */
  ffmpeg?: string;
  /** Why video is off (e.g. ffmpeg not found at the configured path). */
  videoUnavailable?: string;
}

export interface Services {
  /** Media types enabled (for /readyz and the start-up log). */
  media?: MediaSupport;
  safety?: SafetyService;
  /** Absent: the help page shows the built-in resources. */
  support?: SupportService;
  banks?: BankService;
  hashing?: HashingService;
  matching?: MatchingService;
  lists?: ListService;
  exchanges?: ExchangeService;
  events?: EventService;
  /** Human review: cases, queues, claims, assessments and actions (src/review/case-service.ts). */
  cases?: CaseService;
  /** The hash-chained audit log (src/store/audit-log.ts). */
  audit?: AuditLog;
  /** Privacy-preserving age tokens: nonces and verification (src/age-tokens/age-token-service.ts). */
  ageTokens?: AgeTokenService;
}

/** The service `name`, or 503 `feature_unavailable` when this build has none. */
export function need<K extends keyof Services>(services: Services, name: K): NonNullable<Services[K]> {
  const s = services[name];
  if (s === undefined) throw unavailable('feature_unavailable', `this Lifeguard service was started without the ${name} module`);
  return s as NonNullable<Services[K]>;
}
