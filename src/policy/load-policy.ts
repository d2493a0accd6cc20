/** Reads a policy file, validates it with the policy schema, and explains every problem with its path. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { invalidInput, notFound } from '../core/lifeguard-error.ts';
import { policySchema, type Policy } from '../core/safety-policy/policy-schema.ts';

/** Where the documented default policy lives. */
export const defaultPolicyPath = fileURLToPath(new URL('../../policy/default-policy.json', import.meta.url));

/** Validates parsed JSON as a policy; `source` names it in error messages. */
export function parsePolicy(value: unknown, source: string): Policy {
  const r = policySchema.safeParse(value);
  if (r.success) return Object.freeze(r.data) as Policy;
  const problems = r.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`);
  throw invalidInput('policy_invalid', `${source} is not a valid policy:\n  ${problems.join('\n  ')}`, { source, problems });
}

/** Reads and validates the policy at `path` (the default policy when omitted). */
export async function loadPolicy(path: string = defaultPolicyPath): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('policy_not_found', `policy file ${path} does not exist`);
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw invalidInput('policy_not_json', `${path} is not JSON: ${(e as Error).message}`, { source: path });
  }
  return parsePolicy(value, path);
}
