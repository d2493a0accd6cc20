/** Age assurance: tiers, methods, the age policy, the append-only age record and its pure reducer. */
export * from './age-tiers.ts';
export * from './age-methods.ts';
export * from './age-policy.ts';
export * from './age-entry.ts';
export * from './decide-age.ts';
export * from './age-record.ts';
export * from './age-token-claims.ts';
export * from './age-token-policy.ts';
