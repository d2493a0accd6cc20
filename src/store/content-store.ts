/**
 * Content records of the HTTP API: hashes, decision and matches of every upload, plus the sealed
 * (encrypted) media of uploads that matched or were reported. Media of anything else is never written.
 */
import type { Selectable } from 'kysely';
import { withWriteTransaction } from '../queue/write-transaction.ts';
import { appendAudit } from './audit-log.ts';
import type { Database } from './database.ts';
import type { ContentItemsTable } from './tables/auth-tables.ts';

export interface ContentRecord {
  id: string;
  keyId: string;
  clientId: string | null;
  mediaType: string;
  byteLength: number;
  width: number | null;
  height: number | null;
  md5: string;
  sha256: string;
  pdq: string | null;
  pdqQuality: number | null;
  decision: string;
  reasons: string[];
  matches: unknown[];
  reported: boolean;
  retained: boolean;
  createdAt: number;
}

export interface ContentStore {
  /**
   * Stores a record, and its sealed media in the same transaction when given; kept media starts its chain of
   * custody there: an `evidence_kept` audit entry (who: the API key; what: its hashes; when) in that transaction.
   */
  insert(record: ContentRecord, sealedMedia?: Buffer): Promise<void>;
  get(id: string): Promise<ContentRecord | undefined>;
  /** The sealed media of a record, when it was retained. */
  getSealedMedia(id: string): Promise<Buffer | undefined>;
}

type Row = Selectable<ContentItemsTable>;

const toRecord = (r: Row): ContentRecord => ({
  id: r.id,
  keyId: r.key_id,
  clientId: r.client_id,
  mediaType: r.media_type,
  byteLength: Number(r.byte_length),
  width: r.width,
  height: r.height,
  md5: r.md5,
  sha256: r.sha256,
  pdq: r.pdq,
  pdqQuality: r.pdq_quality,
  decision: r.decision,
  reasons: JSON.parse(r.reasons) as string[],
  matches: JSON.parse(r.matches) as unknown[],
  reported: Number(r.reported) === 1,
  retained: Number(r.retained) === 1,
  createdAt: Number(r.created_at),
});

/** The content store on `database`. */
export function createContentStore(database: Database): ContentStore {
  const { db } = database;
  return {
    async insert(rec, sealedMedia) {
      await withWriteTransaction(database, async (tx) => {
        await tx
          .insertInto('content_items')
          .values({
            id: rec.id,
            key_id: rec.keyId,
            client_id: rec.clientId,
            media_type: rec.mediaType,
            byte_length: rec.byteLength,
            width: rec.width,
            height: rec.height,
            md5: rec.md5,
            sha256: rec.sha256,
            pdq: rec.pdq,
            pdq_quality: rec.pdqQuality,
            decision: rec.decision,
            reasons: JSON.stringify(rec.reasons),
            matches: JSON.stringify(rec.matches),
            reported: rec.reported ? 1 : 0,
            retained: sealedMedia !== undefined ? 1 : 0,
            created_at: rec.createdAt,
          })
          .execute();
        if (sealedMedia !== undefined) {
          await tx.insertInto('content_media').values({ content_id: rec.id, ciphertext: sealedMedia, created_at: rec.createdAt }).execute();
          await appendAudit(tx, database.kind, {
            actor: `api:${rec.keyId}`,
            at: rec.createdAt,
            action: 'evidence_kept',
            subject: { type: 'content', id: rec.id },
            detail: { sha256: rec.sha256, md5: rec.md5, pdq: rec.pdq, mediaType: rec.mediaType, byteLength: rec.byteLength, reported: rec.reported, decision: rec.decision, ...(rec.clientId !== null ? { clientId: rec.clientId } : {}) },
          }, () => rec.createdAt);
        }
      });
    },
    async get(id) {
      const row = await db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },
    async getSealedMedia(id) {
      const row = await db.selectFrom('content_media').select('ciphertext').where('content_id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : Buffer.from(row.ciphertext);
    },
  };
}
