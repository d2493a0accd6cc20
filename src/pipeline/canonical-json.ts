/** JSON with object keys sorted (the pure function lives in src/core so the audit chain can use it too). */
export { canonicalJson } from '../core/canonical-json.ts';
