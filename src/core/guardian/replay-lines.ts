/**
 * Recorded event streams (JSON Lines, one platform event per line) for `lifeguard replay` and the scenario
 * suite: parse and validate each line, keep going past bad ones, order by time, run through a guardian.
 */
import type { Effect } from '../effects.ts';
import { eventTime, platformEventSchema, type PlatformEvent } from '../events.ts';
import type { Guardian } from './types.ts';

export interface RecordedEvent {
  /** 1-based line number in the file. */
  line: number;
  event: PlatformEvent;
}

export interface LineError {
  line: number;
  message: string;
}

/** Parses JSON Lines; blank lines and lines starting with `#` or `//` are comments. Bad lines become errors. */
export function parseEventLines(text: string): { events: RecordedEvent[]; errors: LineError[] } {
  const events: RecordedEvent[] = [];
  const errors: LineError[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#') || raw.startsWith('//')) continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      errors.push({ line, message: `not JSON (${(e as Error).message})` });
      continue;
    }
    const r = platformEventSchema.safeParse(value);
    if (r.success) {
      events.push({ line, event: r.data });
      continue;
    }
    const type = typeof value === 'object' && value !== null && 'type' in value ? String((value as { type: unknown }).type) : undefined;
    errors.push({ line, message: `invalid ${type ? `'${type}' ` : ''}event: ${describeIssues(value, r.error.issues)}` });
  }
  return { events, errors };
}

/** The union's issues are noisy; report the branch matching the event's type when there is one. */
function describeIssues(value: unknown, issues: readonly { path: PropertyKey[]; message: string; code?: string; errors?: unknown }[]): string {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  const union = issues.find((i) => i.code === 'invalid_union' && Array.isArray(i.errors));
  if (union) {
    const branches = (union.errors as { path: PropertyKey[]; message: string }[][]).filter(
      (b) => !b.some((i) => i.path.length === 1 && i.path[0] === 'type'),
    );
    if (branches.length === 1) return branches[0]!.map(fmt).join('; ');
    if (typeof type !== 'string') return 'missing or unknown "type"';
    return `unknown type '${type}'`;
  }
  return issues.map(fmt).join('; ');
}

const fmt = (i: { path: PropertyKey[]; message: string }) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(event)'}: ${i.message}`;

/** Stable sort by event time; an event without `ts` keeps the time of the event before it. */
export function inTimeOrder(events: readonly RecordedEvent[]): RecordedEvent[] {
  let last = 0;
  const keyed = events.map((e, i) => {
    last = eventTime(e.event.ts, last);
    return { e, t: last, i };
  });
  keyed.sort((a, b) => a.t - b.t || a.i - b.i);
  return keyed.map((k) => k.e);
}

export interface ReplayDecision {
  line: number;
  event: PlatformEvent;
  effects: Effect[];
}

/** Feeds recorded events to a guardian in time order; one decision per event. */
export function replayEvents(guardian: Guardian, events: readonly RecordedEvent[]): ReplayDecision[] {
  return inTimeOrder(events).map(({ line, event }) => ({ line, event, effects: guardian.handle(event) }));
}
