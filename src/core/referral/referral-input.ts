/**
 * What a referral is built from: the case as reduced from its events, the audit entries about its media, and
 * the facts an adapter gathers from the content store and the platform's events (hashes, account identifiers,
 * IPs the platform sent, chat excerpts). Plain data, so every report builder stays pure.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { CaseState } from '../cases/reduce-case.ts';

/** IP capture events the CyberTipline schema knows. */
export const ipEvents = ['Login', 'Registration', 'Purchase', 'Upload', 'Other', 'Unknown'] as const;
export type IpEvent = (typeof ipEvents)[number];

export interface IpCapture {
  ip: string;
  event?: IpEvent;
  /** Epoch ms. */
  at?: number;
  port?: number;
}

/** The provider sending the report (from config, never from a request). */
export interface Reporter {
  /** The platform's full application name (incidentSummary.platform, espService). */
  platform: string;
  email: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  termsOfServiceUrl?: string;
  legalUrl?: string;
}

/** An account the case is about, with what the platform sent about it. */
export interface ReferralAccount {
  /** The platform's account id (espIdentifier). */
  id: string;
  screenName?: string;
  displayNames?: string[];
  profileUrl?: string;
  emails?: string[];
  phones?: string[];
  ips?: IpCapture[];
  devices?: { type: string; value: string }[];
  age?: number;
}

/** A kept file of the case: its content record's hashes (media stays sealed; only hashes are read). */
export interface ReferralFile {
  contentId: string;
  /** The case evidence key it is held under (default `content:<contentId>`). */
  evidenceKey?: string;
  fileName?: string;
  sha256: string;
  md5: string;
  /** PDQ hex when the file is an image. */
  pdq?: string;
  /** Epoch ms the platform received it. */
  uploadedAt?: number;
  /** Where it was on the platform (a URL or a path the platform gave). */
  location?: string;
  /** Was it visible to anyone (a public post or stream) rather than private. */
  publiclyAvailable?: boolean;
  /** A frame captured from a live stream. */
  fromLiveStream?: boolean;
  uploadIp?: IpCapture;
}

/** One message of a grooming conversation, as the platform sent it. */
export interface ChatExcerpt {
  at: number;
  from: string;
  text: string;
}

export interface ReferralInput {
  reporter: Reporter;
  case: CaseState;
  /** The reported account (the one the case acts on). */
  account?: ReferralAccount;
  /** Child or intended recipient accounts (grooming cases). */
  recipients?: ReferralAccount[];
  files: ReferralFile[];
  chat?: ChatExcerpt[];
  /** Audit entries about the case's media (at least every media_revealed entry naming these files). */
  audit: readonly AuditEntry[];
  /** The incident's time when known better than the evidence says (epoch ms). */
  incidentAt?: number;
  /** URLs of the incident (a stream page, a post). */
  urls?: string[];
  /** Text for escalateToHighPriority: only when a child is at immediate risk. */
  urgentReason?: string;
}
