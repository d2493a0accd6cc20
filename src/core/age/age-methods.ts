/** Age-assurance methods: one registry shared by events, the policy file and the reducer. */

export const ageMethods = [
  'self_declared',
  'chat_disclosure',
  'estimation',
  'credit_card',
  'mobile_operator',
  'id_document',
  'digital_id',
  'reviewer',
] as const;
export type AgeMethod = (typeof ageMethods)[number];

/** Methods that verify (rather than declare or estimate) an age; only these and estimation can prove adulthood. */
export const verificationMethods: ReadonlySet<AgeMethod> = new Set([
  'credit_card',
  'mobile_operator',
  'id_document',
  'digital_id',
  'reviewer',
]);

/**
 * Default method strength, used to resolve conflicts (higher wins). Why this order: a reviewer sees every
 * signal; a document or digital ID is bound to a birth date; card and operator checks prove only "18 or
 * over" and can be borrowed from a parent; a provider's estimation has a known error; a declaration or a
 * chat remark costs nothing to make.
 */
export const defaultMethodStrength: Readonly<Record<AgeMethod, number>> = {
  self_declared: 1,
  chat_disclosure: 1,
  estimation: 2,
  credit_card: 3,
  mobile_operator: 3,
  id_document: 4,
  digital_id: 4,
  reviewer: 5,
};
