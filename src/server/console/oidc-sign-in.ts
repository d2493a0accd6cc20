/**
 * OpenID Connect sign-in for the console: authorization code flow with PKCE (S256), state and nonce, via
 * `openid-client`. The provider's metadata is discovered on first use (and again after a failure), so the
 * service starts even while the provider is down.
 */
import * as client from 'openid-client';
import { unavailable, unauthorized } from '../../core/lifeguard-error.ts';
import type { OidcFlow } from '../../store/session-store.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUrl: string;
  allowHttp: boolean;
}

/** The identity a provider vouched for. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

export interface OidcSignIn {
  /** A new flow (to keep server-side) and the provider URL to send the browser to. */
  start(): Promise<{ flow: OidcFlow; url: string }>;
  /** Checks the callback against the flow (state, nonce, PKCE) and returns the identity. */
  finish(callbackUrl: URL, flow: OidcFlow): Promise<OidcIdentity>;
}

export function createOidcSignIn(s: OidcSettings): OidcSignIn {
  let configuration: Promise<client.Configuration> | undefined;
  const config = () => {
    configuration ??= client
      .discovery(new URL(s.issuer), s.clientId, s.clientSecret, s.clientSecret === undefined ? client.None() : client.ClientSecretBasic(s.clientSecret), s.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((e: unknown) => {
        configuration = undefined;
        throw unavailable('oidc_unavailable', `the sign-in provider could not be reached: ${(e as Error).message}`);
      });
    return configuration;
  };
  return {
    async start() {
      const cfg = await config();
      const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: s.redirectUrl,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { flow, url: url.href };
    },
    async finish(callbackUrl, flow) {
      const cfg = await config();
      // The redirect URL as registered (the service may sit behind a proxy), with the provider's query.
      const current = new URL(s.redirectUrl);
      current.search = callbackUrl.search;
      let tokens;
      try {
        tokens = await client.authorizationCodeGrant(cfg, current, { pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
      } catch (e) {
        throw unauthorized(`sign-in with the provider failed: ${(e as Error).message}`);
      }
      const idClaims = tokens.claims();
      if (idClaims === undefined) throw unauthorized('the provider sent no ID token');
      let claims: Record<string, unknown> & { iss: string; sub: string } = idClaims;
      // Many providers put email and name only in the UserInfo response (its subject must match the ID token's).
      if (typeof claims.email !== 'string' && cfg.serverMetadata().userinfo_endpoint !== undefined) {
        try {
          claims = { ...(await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub)), iss: idClaims.iss, sub: idClaims.sub };
        } catch (e) {
          throw unauthorized(`the provider's user info could not be read: ${(e as Error).message}`);
        }
      }
      return {
        issuer: claims.iss,
        subject: claims.sub,
        ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
        ...(typeof claims.email_verified === 'boolean' ? { emailVerified: claims.email_verified } : {}),
        ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
      };
    },
  };
}
