/**
 * POST /v1/cases/:id/referral: sends the confirmed case's referral to the NCMEC CyberTipline configured by
 * LIFEGUARD_CYBERTIPLINE_URL (409 `referral_destination_not_configured` when unset). Needs the child-safety
 * role; the report id is recorded on the case (`referral_sent`) and in the audit log. Sending again returns
 * the same report (nothing is submitted twice); an interrupted send resumes from its journal.
 */
import { z } from 'zod';
import { sendReferral } from '../../referral/send-referral.ts';
import { createReferralJournal } from '../../store/referral-journal-store.ts';
import { createReferralQueue } from '../../store/referral-queue-store.ts';
import { caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesReferralSend = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/referral',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Send the referral of a confirmed case to the NCMEC CyberTipline; records the report id on the case.',
  description: `${reviewerHeadersNote} The reporter (platform name, e-mail) and the endpoint come from the configuration.`,
  params: caseParams,
  body: z.object({ destination: z.literal('ncmec_cybertipline').default('ncmec_cybertipline') }),
  responses: {
    200: {
      description: 'The finished report (or the one sent before).',
      schema: z.object({ destination: z.string(), referralId: z.string(), reportId: z.string(), alreadySent: z.boolean(), retracted: z.array(z.string()) }),
    },
    403: { description: 'The reviewer lacks the child-safety role.' },
    404: { description: 'Unknown case.' },
    409: { description: 'No confirmed decision (`referral_not_confirmed`), no destination configured (`referral_destination_not_configured`), or another send of it is under way (`referral_busy`).' },
    503: { description: 'The CyberTipline could not be reached or finished (`referral_failed`); what was started is retracted, and the worker resends it later with back-off (LIFEGUARD_REFERRAL_RETRY_SECONDS).' },
  },
  async handle({ c, deps, key, params }) {
    const sent = await sendReferral(
      { cases: need(deps.services, 'cases'), audit: need(deps.services, 'audit'), content: deps.content, cipher: deps.cipher, journal: createReferralJournal(deps.database), queue: createReferralQueue(deps.database), endpoint: deps.config.cybertipline },
      params.id,
      await reviewerOf(c, deps, key),
    );
    return c.json(sent);
  },
});
