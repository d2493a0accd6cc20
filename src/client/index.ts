/**
 * The typed Lifeguard client (`import { createLifeguardClient } from 'lifeguard/client'`): one method per
 * common route, with request and response types taken from the same zod schemas that validate the routes and
 * generate /openapi.json (so the compiler checks the client against the API), and webhook signature
 * verification for receivers. Any other route: `client.request(method, path, body)`.
 */
import type { z } from 'zod';
import type { contentDecisionView, matchHashBody } from '../server/content-schemas.ts';
import type { bankView, newEntrySchema } from '../server/bank-schemas.ts';
import type { checkResultView } from '../server/check-schemas.ts';
import type { effectView } from '../server/effect-view.ts';
import type { exchangeView, newExchangeBody } from '../server/exchange-schemas.ts';
import type { listFilters, searchCheckView, urlCheckView } from '../server/list-schemas.ts';
import type { PlatformEvent } from '../core/events.ts';
import type { EntryOpinion } from '../core/banks/types.ts';
import type { ageAppealResolutionSchema } from '../core/age/age-appeal.ts';
import type { ageSignalEventSchema } from '../core/events.ts';
import type { caseDetailView } from '../server/case-schemas.ts';
import type { accountInput, relationInput, streamInput } from '../server/check-schemas.ts';
import type { accountAudienceBody, accountPairBody, locationResultView, viewerStreamBody } from '../server/routes/checks-features.ts';
import type { accountSettingsView } from '../server/routes/account-settings-get.ts';
import type { ageDecisionView } from '../server/routes/account-age-get.ts';
import type { ageEstimateView } from '../server/routes/age-estimate.ts';

export { verifyWebhookSignature, signatureHeader, deliveryIdHeader } from '../delivery/webhook-signature.ts';

type Filters = { [K in keyof typeof listFilters]?: z.infer<(typeof listFilters)[K]> };

export type ContentDecision = z.infer<typeof contentDecisionView>;
export type MatchHashRequest = z.input<typeof matchHashBody>;
export type UrlCheck = z.infer<typeof urlCheckView>;
export type SearchCheck = z.infer<typeof searchCheckView>;
export type CheckResult = z.infer<typeof checkResultView>;
export type Effect = z.infer<typeof effectView>;
export type Bank = z.infer<typeof bankView>;
export type NewEntry = z.input<typeof newEntrySchema>;
export type Exchange = z.infer<typeof exchangeView>;
export type NewExchange = z.input<typeof newExchangeBody>;
export type AgeEstimate = z.infer<typeof ageEstimateView>;
export type AgeDecision = z.infer<typeof ageDecisionView>;
export type AccountSettings = z.infer<typeof accountSettingsView>;
export type AgeSignal = Omit<z.input<typeof ageSignalEventSchema>, 'type'>;
export type AccountInput = z.input<typeof accountInput>;
export type ViewerStreamCheck = z.input<typeof viewerStreamBody>;
export type AccountPairCheck = z.input<typeof accountPairBody>;
export type AccountAudienceCheck = z.input<typeof accountAudienceBody>;
export type LocationCheckResult = z.infer<typeof locationResultView>;
export type GoLiveCheck = { account: AccountInput; audience?: NonNullable<z.input<typeof streamInput>['audience']> };
export type CaseDetail = z.infer<typeof caseDetailView>;
export type AgeAppealResolution = z.input<typeof ageAppealResolutionSchema>;
/** The reviewer a case call acts for (`X-Lifeguard-Reviewer`, optionally narrowed roles). */
export type ReviewerRef = { id: string; roles?: string[] };
type Relation = z.input<typeof relationInput>;

/** Routes the client calls, by method name: checked against /openapi.json by client.test.ts. */
export const clientRoutes = {
  matchHash: ['post', '/v1/content/match-hash'],
  checkUrl: ['post', '/v1/checks/url'],
  checkSearch: ['post', '/v1/checks/search'],
  checkMessage: ['post', '/v1/checks/message'],
  postEvents: ['post', '/v1/events'],
  listEffects: ['get', '/v1/effects'],
  createBank: ['post', '/v1/banks'],
  addEntries: ['post', '/v1/banks/{name}/entries'],
  recordOpinion: ['post', '/v1/banks/{name}/entries/{id}/opinion'],
  listExchanges: ['get', '/v1/exchanges'],
  createExchange: ['post', '/v1/exchanges'],
  fetchExchange: ['post', '/v1/exchanges/{name}/fetch'],
  ageTokenNonce: ['post', '/v1/age/token/nonce'],
  verifyAgeToken: ['post', '/v1/age/token'],
  checkGoLive: ['post', '/v1/checks/go-live'],
  checkComment: ['post', '/v1/checks/comment'],
  checkGift: ['post', '/v1/checks/gift'],
  checkRecord: ['post', '/v1/checks/record'],
  checkView: ['post', '/v1/checks/view'],
  checkDiscoverable: ['post', '/v1/checks/discoverable'],
  checkSuggest: ['post', '/v1/checks/suggest'],
  checkLocation: ['post', '/v1/checks/location'],
  recordAgeSignals: ['post', '/v1/age/signals'],
  estimateAge: ['post', '/v1/age/estimate'],
  accountAge: ['get', '/v1/accounts/{id}/age'],
  accountSettings: ['get', '/v1/accounts/{id}/settings'],
  resolveAgeAppeal: ['post', '/v1/cases/{id}/age-resolution'],
} as const;

/** An error answer of the API: its HTTP status and stable `code`. */
export class LifeguardApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail?: unknown;
  constructor(status: number, code: string, message: string, detail?: unknown) {
    super(message);
    this.name = 'LifeguardApiError';
    this.status = status;
    this.code = code;
    if (detail !== undefined) this.detail = detail;
  }
}

export interface ClientOptions {
  /** e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** An API key with the scopes of the routes you call. */
  apiKey: string;
  /** Defaults to the global fetch (pass another for tests or proxies). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

export function createLifeguardClient(opts: ClientOptions) {
  const doFetch = opts.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const base = opts.baseUrl.replace(/\/$/, '');
  const path = (template: string, params: Record<string, string | number> = {}) => template.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(String(params[k])));

  /** `extra.raw`: send these bytes as the body (e.g. an image) instead of JSON; `extra.headers`: more headers. */
  async function request<T>(method: string, p: string, body?: unknown, query?: Record<string, string | number | undefined>, extra: { headers?: Record<string, string>; raw?: { bytes: Uint8Array; contentType: string } } = {}): Promise<T> {
    const qs = query ? new URLSearchParams(Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]): [string, string] => [k, String(v)])).toString() : '';
    const contentType = extra.raw ? extra.raw.contentType : body !== undefined ? 'application/json' : undefined;
    const payload = extra.raw ? extra.raw.bytes : body !== undefined ? JSON.stringify(body) : undefined;
    const res = await doFetch(`${base}${p}${qs ? `?${qs}` : ''}`, {
      method: method.toUpperCase(),
      headers: { authorization: `Bearer ${opts.apiKey}`, ...(contentType !== undefined ? { 'content-type': contentType } : {}), ...extra.headers },
      ...(payload !== undefined ? { body: payload as NonNullable<RequestInit['body']> } : {}),
    });
    const text = await res.text();
    const json = text === '' ? undefined : (JSON.parse(text) as unknown);
    if (!res.ok) {
      const e = (json as { error?: { code?: string; message?: string; detail?: unknown } } | undefined)?.error;
      throw new LifeguardApiError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, e?.detail);
    }
    return json as T;
  }

  const r = clientRoutes;
  return {
    request,
    /** Matches one hash (any media signal type), optionally only some banks or sources. */
    matchHash: (body: MatchHashRequest) => request<ContentDecision>(r.matchHash[0], r.matchHash[1], body),
    /** allow/deny for a link preview (URL lists; shorteners flagged unresolvable). */
    checkUrl: (body: { url?: string; text?: string } & Filters) => request<UrlCheck>(r.checkUrl[0], r.checkUrl[1], body),
    /** allow/deny for a search query, with deterrence text when denied (keyword lists). */
    checkSearch: (body: { query: string; country?: string } & Filters) => request<SearchCheck>(r.checkSearch[0], r.checkSearch[1], body),
    checkMessage: (body: { sender: { id: string; tier?: string }; recipient: { id: string; tier?: string }; relation?: string }) => request<CheckResult>(r.checkMessage[0], r.checkMessage[1], body),
    /** Sends platform events (written durably before the 202). */
    postEvents: (events: PlatformEvent[] | Record<string, unknown>[]) => request<{ accepted: { id: string }[] }>(r.postEvents[0], r.postEvents[1], { events }),
    listEffects: (q: { after?: number; limit?: number; kind?: string; target?: string } = {}) => request<{ items: Effect[]; cursor: number }>(r.listEffects[0], r.listEffects[1], undefined, q),
    createBank: (name: string, description?: string) => request<Bank>(r.createBank[0], r.createBank[1], { name, ...(description !== undefined ? { description } : {}) }),
    addEntries: (bank: string, entries: NewEntry[]) => request<{ added: number; merged: number; flagged: number }>(r.addEntries[0], path(r.addEntries[1], { name: bank }), { entries }),
    recordOpinion: (bank: string, entryId: number, opinion: EntryOpinion, note?: string) =>
      request<{ entryId: number; bank: string; disabled: boolean; sources: string[]; opinions: number }>(r.recordOpinion[0], path(r.recordOpinion[1], { name: bank, id: entryId }), { opinion, ...(note !== undefined ? { note } : {}) }),
    listExchanges: () => request<{ items: Exchange[] }>(r.listExchanges[0], r.listExchanges[1]),
    createExchange: (body: NewExchange) => request<Exchange>(r.createExchange[0], r.createExchange[1], body),
    fetchExchange: (name: string) => request<Exchange>(r.fetchExchange[0], path(r.fetchExchange[1], { name })),
    /** A single-use nonce for one age-token presentation by `accountId`, with the audience to bind it to. */
    ageTokenNonce: (accountId: string) =>
      request<{ accountId: string; nonce: string; expiresAt: number; audience: string; responseUri: string }>(r.ageTokenNonce[0], r.ageTokenNonce[1], { accountId }),
    /** Verifies an age token (SD-JWT VC or mdoc) and records it as a strong age signal; never stored itself. */
    verifyAgeToken: (body: { accountId: string; format: 'sd-jwt-vc' | 'mdoc'; token: string; nonce: string; mdocGeneratedNonce?: string }) =>
      request<{ accountId: string; issuer: string; claims: { threshold: number; over: boolean }[]; atLeast: number | null; below: number | null; decision: { tier: string } | null }>(r.verifyAgeToken[0], r.verifyAgeToken[1], body),
    /** May this account go live to this audience? (Its decided age tier; `require_age_check` effects ask for a stronger check.) */
    checkGoLive: (body: GoLiveCheck) => request<CheckResult>(r.checkGoLive[0], r.checkGoLive[1], body),
    checkComment: (body: ViewerStreamCheck) => request<CheckResult>(r.checkComment[0], r.checkComment[1], body),
    checkGift: (body: ViewerStreamCheck) => request<CheckResult>(r.checkGift[0], r.checkGift[1], body),
    /** May this viewer record or clip this stream? */
    checkRecord: (body: ViewerStreamCheck) => request<CheckResult>(r.checkRecord[0], r.checkRecord[1], body),
    /** May this viewer watch this stream? */
    checkView: (body: ViewerStreamCheck) => request<CheckResult>(r.checkView[0], r.checkView[1], body),
    /** May this account be shown in search to that one? */
    checkDiscoverable: (body: AccountPairCheck) => request<CheckResult>(r.checkDiscoverable[0], r.checkDiscoverable[1], body),
    /** May this account be suggested as a friend to that one? */
    checkSuggest: (body: AccountPairCheck) => request<CheckResult>(r.checkSuggest[0], r.checkSuggest[1], body),
    /** May this account share its location (with this audience)? */
    checkLocation: (body: AccountAudienceCheck) => request<LocationCheckResult>(r.checkLocation[0], r.checkLocation[1], body),
    /** Records age signals (self-declaration at sign-up, a provider's verification); each with its own id. */
    recordAgeSignals: (signals: AgeSignal[]) => request<{ accepted: { id: string; seq: number }[]; duplicates: { id: string; seq: number }[] }>(r.recordAgeSignals[0], r.recordAgeSignals[1], { signals }),
    /** Estimates an age from one face image (bytes held in memory on the server only) and records it as a weak signal. */
    estimateAge: (account: string, image: Uint8Array, contentType = 'image/jpeg') => request<AgeEstimate>(r.estimateAge[0], r.estimateAge[1], undefined, { account }, { raw: { bytes: image, contentType } }),
    /** The account's age decision with its reasons (404 `not_found` when it has no age signals). */
    accountAge: (accountId: string) => request<AgeDecision>(r.accountAge[0], path(r.accountAge[1], { id: accountId })),
    /** The protective defaults that apply to the account now, from its decided tier. */
    accountSettings: (accountId: string) => request<AccountSettings>(r.accountSettings[0], path(r.accountSettings[1], { id: accountId })),
    /** A reviewer (holding the claim) upholds or overturns an age appeal; a reason is required. */
    resolveAgeAppeal: (caseId: string, reviewer: ReviewerRef, resolution: AgeAppealResolution) =>
      request<CaseDetail>(r.resolveAgeAppeal[0], path(r.resolveAgeAppeal[1], { id: caseId }), resolution, undefined, {
        headers: { 'x-lifeguard-reviewer': reviewer.id, ...(reviewer.roles ? { 'x-lifeguard-reviewer-roles': reviewer.roles.join(',') } : {}) },
      }),
  };
}

export type LifeguardClient = ReturnType<typeof createLifeguardClient>;
