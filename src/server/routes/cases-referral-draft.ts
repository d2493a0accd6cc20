/**
 * GET /v1/cases/:id/referral-draft: the document a referral of the case would send (CyberTipline XML with
 * each file's fileDetails, or the JSON export), for a child-safety reviewer to check before sending. Needs
 * the child-safety role (or supervisor); audited as a view of the case. Nothing is sent.
 */
import { z } from 'zod';
import { forbidden } from '../../core/lifeguard-error.ts';
import { buildCyberTiplineReport, buildFileDetails } from '../../core/referral/cybertipline-report.ts';
import { referralDestination, referralDestinationIds } from '../../core/referral/referral-destinations.ts';
import { gatherReferralInput } from '../../referral/gather-referral-input.ts';
import { caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesReferralDraft = defineRoute({
  method: 'get',
  path: '/v1/cases/:id/referral-draft',
  access: 'cases:read',
  tag: 'cases',
  summary: 'Draft referral of a confirmed case (CyberTipline XML or the JSON export), for review before sending.',
  description: `${reviewerHeadersNote} The reporter (platform name, contact e-mail) is given by the caller.`,
  params: caseParams,
  query: z.object({
    destination: z.enum(referralDestinationIds as [string, ...string[]]).default('ncmec_cybertipline'),
    platform: z.string().min(1).max(200).describe('The platform’s full application name (the reporter).'),
    email: z.string().email().max(300).describe('The reporter’s contact e-mail.'),
  }),
  responses: {
    200: {
      description: 'The draft.',
      schema: z.object({ destination: z.string(), contentType: z.string(), body: z.string(), fileDetails: z.array(z.object({ contentId: z.string(), fileViewedByEsp: z.boolean(), xml: z.string() })) }),
    },
    403: { description: 'The reviewer lacks the child-safety role.' },
    404: { description: 'Unknown case.' },
    409: { description: 'No reviewer confirmed abuse on the case (`referral_not_confirmed`).' },
  },
  async handle({ c, deps, key, params, query }) {
    const reviewer = await reviewerOf(c, deps, key);
    if (!reviewer.roles.some((r) => r === 'child_safety_reviewer' || r === 'supervisor')) throw forbidden('a referral needs the child_safety_reviewer role');
    const cases = need(deps.services, 'cases');
    const audit = need(deps.services, 'audit');
    const input = await gatherReferralInput({ cases, audit, content: deps.content }, params.id, { reporter: { platform: query.platform, email: query.email } });
    const dest = referralDestination(query.destination)!;
    const doc = dest.build(input, (deps.now ?? Date.now)());
    const files = dest.id === 'ncmec_cybertipline' ? buildCyberTiplineReport(input).files : [];
    // Placeholders: NCMEC assigns the report and file ids when the report is sent.
    const fileDetails = files.map((f) => ({ contentId: f.contentId, fileViewedByEsp: f.fileViewedByEsp, xml: buildFileDetails(f, '0', 'pending') }));
    await audit.append({ actor: reviewer.id, action: 'case_viewed', subject: { type: 'case', id: params.id }, detail: { referralDraft: dest.id, via: reviewer.via } });
    return c.json({ destination: dest.id, contentType: doc.contentType, body: doc.body, fileDetails });
  },
});
