/**
 * How detectors plug into the pipeline. A processor is stateless itself: the pipeline keeps one state per
 * (processor, stream key), feeds it the key's events in order, and can rebuild it at any time by replaying the
 * key's event log (or restoring a snapshot), so a detector never needs storage of its own.
 */
import type { Effect } from '../core/effects.ts';
import type { PlatformEvent } from '../core/events.ts';
import type { StreamKey } from '../queue/partition.ts';

export interface ProcessorContext {
  /** Tenant or API key id the event was sent under ('' when none). */
  scope: string;
  /** Position of the event in the log. */
  seq: number;
  key: StreamKey;
  /** Event time, epoch ms: the event's `ts`, else when it was received. The same on every replay. */
  now: number;
  receivedAt: number;
  /** True while state is being rebuilt from the log: returned effects are ignored (they were committed before). */
  replay: boolean;
  /**
   * Records an age an account stated about itself; the worker stores it in the transaction that commits the
   * event's effects (table `derived_age_entries`), where the age read model finds it. Absent on replay.
   */
  recordAge?: (entry: DerivedAge) => void;
}

/** An age found in an event's text (the grooming detector's `age_disclosure`), for the age read model. */
export interface DerivedAge {
  accountId: string;
  /** Deterministic, so reprocessing stores nothing new: `<event id>#age`. */
  id: string;
  /** A weak method (strength 1): it can move an account to a younger tier or ask for a check, never prove adulthood. */
  method: 'chat_disclosure';
  age: number;
  /** Event time (epoch ms). */
  at: number;
}

/** Risk of a conversation or stream as the read models return it: a candidate for review, not a verdict. */
export interface RiskSummary {
  risk: number;
  flagged: boolean;
  stage?: string;
  signals: { category: string; count: number }[];
  /** A live stream that ended: the summary is its last state (epoch ms of the end in `endedAt`). */
  ended?: boolean;
  endedAt?: number;
  detail?: Record<string, unknown>;
}

/** A detector as the pipeline runs it. Must be deterministic given the same events in the same order. */
export interface EventProcessor<S = unknown> {
  readonly name: string;
  accepts(event: PlatformEvent): boolean;
  /** State for a key before its first event. */
  init(key: StreamKey): S;
  /** Updates `state` with one event and returns the effects it asks for (each with a stable dedupeKey). */
  handle(state: S, event: PlatformEvent, ctx: ProcessorContext): Effect[];
  /** Risk summary of a key for the read models. */
  summarize?(state: S, key: StreamKey): RiskSummary | undefined;
  /** JSON-ready copy of the state; with `restore`, lets another worker resume without replaying the log. */
  snapshot?(state: S): unknown;
  restore?(data: unknown, key: StreamKey): S;
}

/** Merges the summaries of several processors of one key: highest risk wins the stage; signals add up. */
export function mergeSummaries(parts: { name: string; summary: RiskSummary }[]): RiskSummary | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!.summary;
  const top = parts.reduce((a, b) => (b.summary.risk > a.summary.risk ? b : a));
  const counts = new Map<string, number>();
  for (const p of parts) for (const s of p.summary.signals) counts.set(s.category, (counts.get(s.category) ?? 0) + s.count);
  const detail: Record<string, unknown> = {};
  for (const p of parts) detail[p.name] = p.summary.detail ?? { risk: p.summary.risk, flagged: p.summary.flagged };
  return {
    risk: top.summary.risk,
    flagged: parts.some((p) => p.summary.flagged),
    ...(top.summary.stage !== undefined ? { stage: top.summary.stage } : {}),
    signals: [...counts].map(([category, count]) => ({ category, count })),
    ...(parts.some((p) => p.summary.ended) ? { ended: true, endedAt: Math.max(...parts.map((p) => p.summary.endedAt ?? 0)) } : {}),
    detail,
  };
}
