/**
 * The choices of the public report form (GET /report), declared once: what is happening (the first choice is
 * always a child in danger right now) and what is being reported. Each reason is the `reason` of the
 * `report.filed` event the form writes, so the review priorities (policy `review.priorities`) see it.
 */

export const publicReportReasons = [
  { id: 'imminent_danger', words: 'A child is in danger right now', hint: 'Someone could be hurt soon, or is being hurt now.' },
  { id: 'grooming', words: 'Someone is trying to get a child to do something sexual, send pictures or meet up', hint: '' },
  { id: 'child_sexual_abuse_material', words: 'Sexual pictures or videos of a child', hint: 'Do not copy, download or send the pictures to anyone. Just tell us where they are.' },
  { id: 'sextortion', words: 'Someone is threatening to share pictures unless they get money or more pictures', hint: '' },
  { id: 'bullying', words: 'Bullying, threats or hate', hint: '' },
  { id: 'self_harm', words: 'Someone might hurt themselves', hint: '' },
  { id: 'other', words: 'Something else that worries me', hint: '' },
] as const;
export type PublicReportReason = (typeof publicReportReasons)[number]['id'];

/** What a report can point at, and the event subject type each becomes. */
export const publicReportTargets = [
  { id: 'account', words: 'A user', field: 'Their username or profile link' },
  { id: 'stream', words: 'A live stream', field: 'The stream’s name or link' },
  { id: 'content', words: 'A link to a post, picture or video', field: 'The link' },
] as const;
export type PublicReportTarget = (typeof publicReportTargets)[number]['id'];

export const isPublicReportReason = (s: string): s is PublicReportReason => publicReportReasons.some((r) => r.id === s);
export const isPublicReportTarget = (s: string): s is PublicReportTarget => publicReportTargets.some((r) => r.id === s);

/** The id prefix of the `report.filed` events the public form writes, so statistics can count them apart. */
export const publicReportIdPrefix = 'public-report-';
