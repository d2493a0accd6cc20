/** The age-assurance part of the policy file, with its documented defaults. */
import { z } from 'zod';
import { ageMethods, defaultMethodStrength, type AgeMethod } from './age-methods.ts';

const strengthShape = Object.fromEntries(
  ageMethods.map((m) => [m, z.number().int().min(0).max(10).default(defaultMethodStrength[m])]),
) as { [M in AgeMethod]: z.ZodDefault<z.ZodNumber> };

export const agePolicySchema = z.strictObject({
  /** An estimation must say at least this age to treat someone as an adult without a stronger check. */
  challengeAge: z.number().min(18).max(40).default(25),
  estimation: z
    .strictObject({
      /** Estimations below this confidence are weak: they can ask for a check, never decide a tier. */
      minConfidence: z.number().min(0).max(1).default(0.6),
      /** Providers whose estimations are always weak (e.g. the on-device model, error ~4.8 years at 9–18). */
      weakProviders: z.array(z.string().min(1)).default(['face-api-on-device']),
    })
    .prefault({}),
  /** Conflicts between signals are resolved by these strengths (higher wins; a tie goes to the younger age). */
  methodStrength: z.strictObject(strengthShape).prefault({}),
  /** Methods whose under-13 signal is credible enough to send the account to human review. */
  under13ReviewMethods: z
    .array(z.enum(ageMethods))
    .default(['self_declared', 'chat_disclosure', 'estimation', 'credit_card', 'mobile_operator', 'id_document', 'digital_id']),
});
export type AgePolicy = z.infer<typeof agePolicySchema>;
