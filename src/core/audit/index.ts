/** The audit log's pure part: entry types, chain hashing and verification. */
export * from './audit-entry.ts';
export * from './chain-hash.ts';
export * from './verify-chain.ts';
