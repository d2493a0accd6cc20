/**
 * Everything the case page shows beside the case's own events, read from the rest of Lifeguard as plain
 * data: the chat transcript with the detector's signal spans (re-found by the same pure detector) and the
 * conversation's risk; the live stream's timeline with viewers and interventions; content records with their
 * matched hashes (bank, distance, source); the reporters' words; the age record of each account.
 */
import type { AgeDecision } from '../../core/age/decide-age.ts';
import type { BankMatch } from '../../core/banks/types.ts';
import type { CaseDetail } from '../../review/case-service.ts';
import { detectSignals } from '../../core/grooming/index.ts';
import { getConversationRisk, getStreamRisk, type SubjectRisk } from '../../pipeline/risk-read-model.ts';
import { listEffects } from '../../store/effect-store.ts';
import type { ContentRecord } from '../../store/content-store.ts';
import type { AppRuntime } from '../app-deps.ts';

export interface Span {
  start: number;
  end: number;
  category: string;
}

export interface TranscriptLine {
  at: number | null;
  author: string;
  text: string;
  spans: Span[];
}

export interface Transcript {
  conversationId: string;
  risk: SubjectRisk | null;
  lines: TranscriptLine[];
  truncated: boolean;
}

export interface StreamLine {
  at: number | null;
  kind: string;
  text: string;
  spans: Span[];
}

export interface StreamTimeline {
  streamId: string;
  risk: SubjectRisk | null;
  lines: StreamLine[];
  viewers: { id: string; joined: number | null; left: number | null }[];
  interventions: { at: number; kind: string; target: string; reasons: string[] }[];
}

export interface MediaItem {
  contentId: string;
  evidenceKey: string;
  record: ContentRecord | undefined;
  matches: BankMatch[];
}

export interface ReportWords {
  id: string;
  reason: string;
  text: string | null;
  at: number | null;
  reporter: string | null;
}

export interface CaseEvidenceView {
  transcripts: Transcript[];
  streams: StreamTimeline[];
  media: MediaItem[];
  reports: ReportWords[];
  ages: { accountId: string; decision: AgeDecision | undefined }[];
}

const maxLines = 300;

const tsOf = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : null);

function spansOf(text: string): Span[] {
  return detectSignals(text)
    .map((s) => ({ start: s.start, end: s.end, category: s.category }))
    .filter((s) => s.end > s.start && s.end <= text.length)
    .sort((a, b) => a.start - b.start);
}

type Body = Record<string, any>;

async function eventsOfKey(rt: AppRuntime, key: string): Promise<{ bodies: Body[]; truncated: boolean }> {
  const rows = await rt.database.db.selectFrom('events').select(['body']).where('stream_key', '=', key).orderBy('seq').limit(maxLines + 1).execute();
  return { bodies: rows.slice(0, maxLines).map((r) => JSON.parse(String(r.body)) as Body), truncated: rows.length > maxLines };
}

/** Loads what the case page needs about `detail`'s subjects and evidence. */
export async function loadCaseEvidence(rt: AppRuntime, detail: CaseDetail): Promise<CaseEvidenceView> {
  const s = detail.state;
  const of = (type: string) => s.subjects.filter((x) => x.type === type).map((x) => x.id);
  const conversations = [...new Set(of('conversation'))].slice(0, 5);
  const streams = [...new Set(of('stream'))].slice(0, 5);
  const accounts = new Set(of('account'));

  const transcripts = await Promise.all(
    conversations.map(async (id): Promise<Transcript> => {
      const { bodies, truncated } = await eventsOfKey(rt, `c:${id}`);
      const lines = bodies.filter((b) => b.type === 'chat.message').map((b) => ({ at: tsOf(b.ts), author: String(b.author?.id ?? '?'), text: String(b.text ?? ''), spans: spansOf(String(b.text ?? '')) }));
      return { conversationId: id, risk: await getConversationRisk(rt.database, id, null), lines, truncated };
    }),
  );

  const timelines = await Promise.all(
    streams.map(async (id): Promise<StreamTimeline> => {
      const { bodies } = await eventsOfKey(rt, `s:${id}`);
      const viewers = new Map<string, { id: string; joined: number | null; left: number | null }>();
      const lines: StreamLine[] = [];
      for (const b of bodies) {
        const at = tsOf(b.ts);
        switch (b.type) {
          case 'stream.started':
            if (b.streamer?.id) accounts.add(String(b.streamer.id));
            lines.push({ at, kind: 'started', text: `Stream started by ${b.streamer?.id ?? '?'} (${b.audience ?? 'public'})${b.title ? `: ${b.title}` : ''}`, spans: [] });
            break;
          case 'stream.ended':
            lines.push({ at, kind: 'ended', text: 'Stream ended', spans: [] });
            break;
          case 'stream.viewer_joined':
            viewers.set(b.viewer.id, { id: b.viewer.id, joined: at, left: null });
            lines.push({ at, kind: 'viewer', text: `${b.viewer.id} joined (${b.connection ?? 'none'})`, spans: [] });
            break;
          case 'stream.viewer_left': {
            const v = viewers.get(b.viewerId);
            if (v) v.left = at;
            lines.push({ at, kind: 'viewer', text: `${b.viewerId} left`, spans: [] });
            break;
          }
          case 'stream.comment': {
            const prefix = `${b.author?.id ?? '?'}: `;
            const text = String(b.text ?? '');
            lines.push({ at, kind: 'comment', text: prefix + text, spans: spansOf(text).map((x) => ({ ...x, start: x.start + prefix.length, end: x.end + prefix.length })) });
            break;
          }
          case 'stream.gift':
            lines.push({ at, kind: 'gift', text: `${b.from?.id ?? '?'} sent a gift of ${b.amount}${b.currency ? ` ${b.currency}` : ''}`, spans: [] });
            break;
          case 'stream.frame':
            lines.push({ at, kind: 'frame', text: b.contentId ? `Frame kept as ${b.contentId} (matched known content)` : 'Frame checked', spans: [] });
            break;
          case 'report.filed':
            lines.push({ at, kind: 'report', text: `Report: ${b.reason}`, spans: [] });
            break;
        }
      }
      const effects = await listEffects(rt.database, { target: { type: 'stream', id }, limit: 200 });
      const interventions = effects.effects.map((e) => ({ at: e.createdAt, kind: e.effect.kind, target: `${e.effect.target.type} ${e.effect.target.id}`, reasons: e.effect.reasons.slice(0, 3) }));
      return { streamId: id, risk: await getStreamRisk(rt.database, id, null), lines: lines.filter((l) => l.kind !== 'frame' || l.text.includes('kept')), viewers: [...viewers.values()], interventions };
    }),
  );

  const contentIds = [...new Map(s.evidence.filter((e) => e.kind === 'content').map((e) => [e.id, e.key])).entries()].slice(0, 20);
  const media = await Promise.all(
    contentIds.map(async ([contentId, evidenceKey]): Promise<MediaItem> => {
      const record = await rt.content.get(contentId);
      return { contentId, evidenceKey, record, matches: (record?.matches ?? []) as BankMatch[] };
    }),
  );

  const reportIds = s.evidence.filter((e) => e.kind === 'report' || e.kind === 'event').map((e) => e.id);
  const reportRows = reportIds.length === 0 ? [] : await rt.database.db.selectFrom('events').select(['body']).where('type', '=', 'report.filed').where('id', 'in', reportIds.slice(0, 100)).execute();
  const reports = reportRows.map((r) => {
    const b = JSON.parse(String(r.body)) as Body;
    return { id: String(b.id), reason: String(b.reason), text: typeof b.text === 'string' ? b.text : null, at: tsOf(b.ts), reporter: b.reporter?.id ?? null };
  });

  const ageDecision = rt.services.safety?.ageDecision;
  const ages = await Promise.all([...accounts].slice(0, 10).map(async (accountId) => ({ accountId, decision: ageDecision ? await ageDecision(accountId) : undefined })));
  return { transcripts, streams: timelines, media, reports, ages };
}
