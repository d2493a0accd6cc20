/**
 * The reviewer an API call acts for: the platform's key vouches for a named person and their roles, sent as
 * `X-Lifeguard-Reviewer` and `X-Lifeguard-Reviewer-Roles`. Recorded in every case event and audit entry.
 */
import type { Context } from 'hono';
import { invalidInput } from '../core/lifeguard-error.ts';
import { isRole, roles, type Role } from '../core/people/roles.ts';
import type { ApiKey } from '../store/api-key-store.ts';
import type { Reviewer } from '../review/case-service.ts';
import type { AppEnv } from './app-env.ts';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,199}$/;

/** The reviewer named by the request's headers; 400 `reviewer_required` / `invalid_reviewer` otherwise. */
export function reviewerOf(c: Context<AppEnv>, key: ApiKey | undefined): Reviewer {
  const id = c.req.header('x-lifeguard-reviewer')?.trim();
  if (id === undefined || id === '') throw invalidInput('reviewer_required', 'name the reviewer this call acts for in the X-Lifeguard-Reviewer header');
  if (!idPattern.test(id) || id === 'system' || id.startsWith('api:')) throw invalidInput('invalid_reviewer', 'X-Lifeguard-Reviewer must be a reviewer id (letters, digits, . _ @ : -; at most 200)');
  const raw = c.req.header('x-lifeguard-reviewer-roles');
  const list = raw === undefined || raw.trim() === '' ? ['reviewer'] : raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((r) => !isRole(r));
  if (bad !== undefined) throw invalidInput('invalid_reviewer', `unknown role '${bad}' (roles: ${roles.join(', ')})`);
  return { id, roles: [...new Set(list)] as Role[], via: `api:${key?.id ?? 'unknown'}` };
}
