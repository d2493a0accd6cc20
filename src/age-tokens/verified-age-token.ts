/** What a verified age token says: its format, the trust-list issuer that signed it and its age bounds. */
import type { AgeBounds, AgeTokenFormat } from '../core/age/age-token-claims.ts';

export interface VerifiedAgeToken {
  format: AgeTokenFormat;
  /** The trust-list id of the issuer. */
  issuer: string;
  bounds: AgeBounds;
  /** When the credential expires (epoch ms), when it says. */
  expiresAt: number | null;
}
