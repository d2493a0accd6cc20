/** Child-safe defaults per age tier, the policy file's schema, and the action checks the platform calls. */
export * from './relations.ts';
export * from './tier-settings.ts';
export * from './check-result.ts';
export * from './policy-schema.ts';
export * from './safety-checks.ts';
export * from './feature-checks.ts';
