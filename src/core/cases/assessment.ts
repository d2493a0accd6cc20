/**
 * The assessment form, one registry: the UK (IWF) category, estimated age band, sex as seen, self-generated,
 * captured from a live stream, the NCMEC industry classification, a grooming case type for text-only cases, and
 * notes. The API schema, the console form and the label export are generated from these lists.
 */
import { z } from 'zod';

/** UK categories of the IWF scheme, plus `not_illegal`. */
export const ukCategories = ['A', 'B', 'C', 'not_illegal'] as const;
/** Estimated age band of the youngest person seen. */
export const ageBands = ['0-2', '3-6', '7-10', '11-13', '14-15', '16-17', 'adult', 'unknown'] as const;
export const sexesAsSeen = ['female', 'male', 'both', 'unclear'] as const;
export const yesNoUnknown = ['yes', 'no', 'unknown'] as const;
/** NCMEC industry classification (A1/A2 prepubescent, B1/B2 pubescent; 1 = sex act, 2 = lascivious exhibition). */
export const ncmecClassifications = ['A1', 'A2', 'B1', 'B2'] as const;
/** For text-only cases: what kind of grooming or exploitation the conversation shows. */
export const groomingCaseTypes = [
  'online_enticement',
  'sextortion',
  'image_solicitation',
  'meeting_arranged',
  'trafficking_indicators',
  'inappropriate_contact',
  'none',
] as const;

/** One reviewer's assessment of a case. Every field optional except what a decision needs is left to the policy. */
export const assessmentSchema = z
  .strictObject({
    ukCategory: z.enum(ukCategories).optional(),
    ageBand: z.enum(ageBands).optional(),
    sexAsSeen: z.enum(sexesAsSeen).optional(),
    selfGenerated: z.enum(yesNoUnknown).optional(),
    capturedFromLiveStream: z.enum(['yes', 'no']).optional(),
    ncmecClassification: z.enum(ncmecClassifications).optional(),
    groomingCaseType: z.enum(groomingCaseTypes).optional(),
    /** Which evidence item the assessment is about (its key), when not the case as a whole. */
    evidenceKey: z.string().min(1).max(300).optional(),
    notes: z.string().max(5_000).optional(),
  })
  .meta({ id: 'Assessment' });
export type Assessment = z.infer<typeof assessmentSchema>;

/** True when the assessment says the material is illegal (a true positive for the detector that found it). */
export const assessedIllegal = (a: Assessment): boolean => a.ukCategory !== undefined && a.ukCategory !== 'not_illegal';
