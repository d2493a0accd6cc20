/**
 * Read models of the API: the latest risk of a conversation or a live stream, as committed by the workers.
 * A candidate for review, not a verdict. Null for an id the pipeline has not seen.
 */
import type { Database } from '../store/database.ts';
import { conversationKey, streamKey } from '../queue/partition.ts';
import { getKeyState, type KeyState } from '../store/state-store.ts';
import type { RiskSummary } from './event-processor.ts';

export interface SubjectRisk {
  id: string;
  scope: string;
  risk: number;
  flagged: boolean;
  stage: string | null;
  signals: { category: string; count: number }[];
  /** Events of this conversation/stream processed so far. */
  eventCount: number;
  lastEventSeq: number;
  updatedAt: number;
  /** Streams only: the stream ended; risk, flags, signals and detail are its last state (peak in detail). */
  ended?: boolean;
  endedAt?: number;
  detail?: Record<string, unknown>;
}

/**
 * Latest risk of a conversation, or null when unknown. `scope` is the tenantOrKeyId given to appendEvents;
 * omitted, the most recently updated conversation with this id in any scope is returned.
 */
export async function getConversationRisk(database: Database, conversationId: string, scope?: string | null): Promise<SubjectRisk | null> {
  return toRisk(await getKeyState(database, conversationKey(conversationId).key, scope));
}

/** Latest risk of a live stream, or null when unknown (scope as in getConversationRisk). */
export async function getStreamRisk(database: Database, streamId: string, scope?: string | null): Promise<SubjectRisk | null> {
  return toRisk(await getKeyState(database, streamKey(streamId).key, scope));
}

function toRisk(state: KeyState | null): SubjectRisk | null {
  if (!state) return null;
  const s = state.summary as RiskSummary | null;
  return {
    id: state.subjectId,
    scope: state.scope,
    risk: s?.risk ?? 0,
    flagged: s?.flagged ?? false,
    stage: s?.stage ?? null,
    signals: s?.signals ?? [],
    eventCount: state.eventCount,
    lastEventSeq: state.lastSeq,
    updatedAt: state.updatedAt,
    ...(s?.ended ? { ended: true, ...(s.endedAt !== undefined ? { endedAt: s.endedAt } : {}) } : {}),
    ...(s?.detail !== undefined ? { detail: s.detail } : {}),
  };
}
