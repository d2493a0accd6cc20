/**
 * Every HTTP route, declared once. The app mounts exactly these, /openapi.json documents exactly these, and
 * the auth test walks exactly these, so no route can escape its scope check.
 */
import type { RouteDef } from './route.ts';
import { accountAgeGet } from './routes/account-age-get.ts';
import { bankEntriesAdd } from './routes/bank-entries-add.ts';
import { bankEntriesRemove } from './routes/bank-entries-remove.ts';
import { bankImport } from './routes/bank-import.ts';
import { banksCreate } from './routes/banks-create.ts';
import { banksDelete } from './routes/banks-delete.ts';
import { banksGet } from './routes/banks-get.ts';
import { banksList } from './routes/banks-list.ts';
import { ageSignalsPost } from './routes/age-signals-post.ts';
import { ageEstimate } from './routes/age-estimate.ts';
import { checksComment } from './routes/checks-comment.ts';
import { checksGift } from './routes/checks-gift.ts';
import { checksGoLive } from './routes/checks-go-live.ts';
import { checksMessage } from './routes/checks-message.ts';
import { contentGet } from './routes/content-get.ts';
import { contentMatchHash } from './routes/content-match-hash.ts';
import { contentSubmit } from './routes/content-submit.ts';
import { conversationRisk } from './routes/conversation-risk.ts';
import { effectsList } from './routes/effects-list.ts';
import { eventsPost } from './routes/events-post.ts';
import { healthz } from './routes/healthz.ts';
import { helpPage, helpPageCountry } from './routes/help-page.ts';
import { guidanceParents, guidanceSchools } from './routes/guidance-page.ts';
import { casesReferralSend } from './routes/cases-referral-send.ts';
import { evidenceHoldGet } from './routes/evidence-hold-get.ts';
import { evidenceHold } from './routes/evidence-hold.ts';
import { evidenceDestruction } from './routes/evidence-destruction.ts';
import { evidenceDestructionConfirm } from './routes/evidence-destruction-confirm.ts';
import { evidenceCustody } from './routes/evidence-custody.ts';
import { casesReferralDraft } from './routes/cases-referral-draft.ts';
import { statsGet } from './routes/stats-get.ts';
import { jobsGet } from './routes/jobs-get.ts';
import { keysCreate } from './routes/keys-create.ts';
import { keysList } from './routes/keys-list.ts';
import { keysRevoke } from './routes/keys-revoke.ts';
import { metrics } from './routes/metrics.ts';
import { openapi } from './routes/openapi.ts';
import { readyz } from './routes/readyz.ts';
import { reportsPost } from './routes/reports-post.ts';
import { streamRisk } from './routes/stream-risk.ts';
import { auditList } from './routes/audit-list.ts';
import { auditVerify } from './routes/audit-verify.ts';
import { casesAct } from './routes/cases-act.ts';
import { casesAssess } from './routes/cases-assess.ts';
import { casesClaim } from './routes/cases-claim.ts';
import { casesClaimNext } from './routes/cases-claim-next.ts';
import { casesClose } from './routes/cases-close.ts';
import { casesAgeResolution } from './routes/cases-age-resolution.ts';
import { casesConfirmAction } from './routes/cases-confirm-action.ts';
import { casesEscalate } from './routes/cases-escalate.ts';
import { casesGet } from './routes/cases-get.ts';
import { casesList } from './routes/cases-list.ts';
import { casesOpen } from './routes/cases-open.ts';
import { casesRelease } from './routes/cases-release.ts';
import { casesReopen } from './routes/cases-reopen.ts';
import { casesReveal } from './routes/cases-reveal.ts';
import { reviewLabels } from './routes/review-labels.ts';
import { reviewQueues } from './routes/review-queues.ts';
import { checksSearch } from './routes/checks-search.ts';
import { checksUrl } from './routes/checks-url.ts';
import { bankEntryOpinion } from './routes/bank-entry-opinion.ts';
import { featureCheckRoutes } from './routes/checks-features.ts';
import { accountSettingsGet } from './routes/account-settings-get.ts';
import { ageTokenNonce } from './routes/age-token-nonce.ts';
import { ageTokenVerify } from './routes/age-token-verify.ts';
import { exchangesCreate, exchangesDelete, exchangesFetch, exchangesGet, exchangesList } from './routes/exchanges.ts';

export const routes: readonly RouteDef[] = [
  // ops
  healthz,
  readyz,
  metrics,
  openapi,
  // the public help page (issue 5): the only public route that is not an ops probe
  helpPage,
  helpPageCountry,
  // content
  contentSubmit,
  contentMatchHash,
  contentGet,
  // events
  eventsPost,
  conversationRisk,
  streamRisk,
  effectsList,
  reportsPost,
  // checks and age (issue 5)
  checksMessage,
  checksGoLive,
  checksComment,
  checksGift,
  ageSignalsPost,
  accountAgeGet,
  ageEstimate,
  // banks
  banksCreate,
  banksList,
  banksGet,
  banksDelete,
  bankEntriesAdd,
  bankEntriesRemove,
  bankImport,
  jobsGet,
  // admin
  keysCreate,
  keysList,
  keysRevoke,
  // human review: cases, queues, labels and the audit log (issue 9)
  casesList,
  casesOpen,
  casesClaimNext,
  casesGet,
  casesClaim,
  casesRelease,
  casesReveal,
  casesAssess,
  casesAct,
  casesConfirmAction,
  casesEscalate,
  casesClose,
  casesReopen,
  casesAgeResolution,
  reviewQueues,
  reviewLabels,
  auditList,
  auditVerify,
  // outside lists and exchanges (issue 12)
  checksUrl,
  checksSearch,
  bankEntryOpinion,
  exchangesList,
  exchangesCreate,
  exchangesGet,
  exchangesFetch,
  exchangesDelete,
  // public guidance pages beside /help (issue 11)
  guidanceParents,
  guidanceSchools,
  // referral drafts (issue 11)
  casesReferralDraft,
  statsGet,
  // referral as a case action (issue 11)
  casesReferralSend,
  // evidence preservation, two-person destruction and chain of custody (issue 11)
  evidenceHoldGet,
  evidenceHold,
  evidenceDestruction,
  evidenceDestructionConfirm,
  evidenceCustody,
  // every child-safe default as a check, from the feature registry (issue 14)
  ...featureCheckRoutes,
  accountSettingsGet,
  // privacy-preserving age tokens (issue 14)
  ageTokenNonce,
  ageTokenVerify,
];
