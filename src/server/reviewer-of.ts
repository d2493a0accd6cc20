/**
 * The reviewer an API call acts for, named in `X-Lifeguard-Reviewer` (a person's id or e-mail) with roles in
 * `X-Lifeguard-Reviewer-Roles`. When the name is a person in the console's people store, their stored roles
 * apply (the header can only narrow them) and a disabled person is refused. Other names are refused in
 * `people` mode (the default) and taken on the key's word in `vouched` mode (LIFEGUARD_API_REVIEWERS).
 * Recorded in every case event and audit entry; refusals are audited as `reviewer_refused`.
 */
import type { Context } from 'hono';
import { invalidInput, refused } from '../core/lifeguard-error.ts';
import { isRole, roles, type Role } from '../core/people/roles.ts';
import type { ApiKey } from '../store/api-key-store.ts';
import { createPeopleStore, type Person } from '../store/people-store.ts';
import type { Reviewer } from '../review/case-service.ts';
import type { AppRuntime } from './app-deps.ts';
import type { AppEnv } from './app-env.ts';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,199}$/;

/** The id and roles named by the request's headers; 400 `reviewer_required` / `invalid_reviewer` otherwise. */
function namedReviewer(c: Context<AppEnv>): { id: string; claimed: Role[] | undefined } {
  const id = c.req.header('x-lifeguard-reviewer')?.trim();
  if (id === undefined || id === '') throw invalidInput('reviewer_required', 'name the reviewer this call acts for in the X-Lifeguard-Reviewer header');
  if (!idPattern.test(id) || id === 'system' || id.startsWith('api:')) throw invalidInput('invalid_reviewer', 'X-Lifeguard-Reviewer must be a reviewer id (letters, digits, . _ @ : -; at most 200)');
  const raw = c.req.header('x-lifeguard-reviewer-roles');
  if (raw === undefined || raw.trim() === '') return { id, claimed: undefined };
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((r) => !isRole(r));
  if (bad !== undefined) throw invalidInput('invalid_reviewer', `unknown role '${bad}' (roles: ${roles.join(', ')})`);
  return { id, claimed: [...new Set(list)] as Role[] };
}

/** Resolves the reviewer for this call; 403 `reviewer_disabled` / `unknown_reviewer` when refused (audited). */
export async function reviewerOf(c: Context<AppEnv>, deps: AppRuntime, key: ApiKey | undefined): Promise<Reviewer> {
  const { id, claimed } = namedReviewer(c);
  const via = `api:${key?.id ?? 'unknown'}`;
  const people = createPeopleStore(deps.database, deps.now);
  const person: Person | undefined = (await people.get(id)) ?? (id.includes('@') ? await people.byEmail(id) : undefined);
  const refuse = async (code: 'reviewer_disabled' | 'unknown_reviewer', message: string) => {
    await deps.services.audit?.append({ actor: person?.id ?? id, action: 'reviewer_refused', detail: { code, via, route: c.req.method + ' ' + c.req.path } });
    return refused(code, message);
  };
  if (person === undefined) {
    if (deps.config.apiReviewers === 'people') throw await refuse('unknown_reviewer', `reviewer '${id}' is not a person in the people store (LIFEGUARD_API_REVIEWERS=people)`);
    return { id, roles: claimed ?? ['reviewer'], via };
  }
  if (person.disabled) throw await refuse('reviewer_disabled', `reviewer '${id}' is disabled`);
  // Stored roles win: the header may narrow them (act with fewer roles), never add one.
  const held = claimed === undefined ? [...person.roles] : claimed.filter((r) => person.roles.includes(r));
  return { id: person.id, roles: held, via };
}
