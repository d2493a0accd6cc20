/**
 * Reveal grants: the right of one person to fetch one sealed media item of one case until a deadline. The
 * console's media URL carries the grant id (256 random bits); the database keeps only its SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from './database.ts';

export interface RevealGrant {
  personId: string;
  caseId: string;
  contentId: string;
  expiresAt: number;
  /** When the media was first fetched with this grant (null: not yet). */
  usedAt: number | null;
}

export interface RevealGrantStore {
  create(g: Omit<RevealGrant, 'usedAt'>): Promise<string>;
  /** The live grant for `id` and `personId`; undefined when unknown, someone else's or expired. */
  get(id: string, personId: string): Promise<RevealGrant | undefined>;
  /** Marks the first use; true only for the call that marked it. */
  markUsed(id: string): Promise<boolean>;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export function createRevealGrantStore(database: Database, now: () => number = Date.now): RevealGrantStore {
  const { db } = database;
  return {
    async create(g) {
      const id = randomBytes(32).toString('base64url');
      await db.deleteFrom('reveal_grants').where('expires_at', '<', now() - 3_600_000).execute();
      await db.insertInto('reveal_grants').values({ id_hash: sha(id), person_id: g.personId, case_id: g.caseId, content_id: g.contentId, expires_at: g.expiresAt, used_at: null }).execute();
      return id;
    },
    async get(id, personId) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
      const r = await db.selectFrom('reveal_grants').selectAll().where('id_hash', '=', sha(id)).executeTakeFirst();
      if (r === undefined || r.person_id !== personId || Number(r.expires_at) <= now()) return undefined;
      return { personId: r.person_id, caseId: r.case_id, contentId: r.content_id, expiresAt: Number(r.expires_at), usedAt: r.used_at === null ? null : Number(r.used_at) };
    },
    async markUsed(id) {
      const res = await db.updateTable('reveal_grants').set({ used_at: now() }).where('id_hash', '=', sha(id)).where('used_at', 'is', null).executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}
