/**
 * Validation of a POST /v1/events batch with messages that name the failing event: its index, id and type,
 * checked against the one schema of that type (a union error would only say "invalid input").
 */
import { z } from 'zod';
import { eventTypes, platformEventSchema, type PlatformEvent } from '../core/events.ts';
import { invalidInput, tooLarge } from '../core/lifeguard-error.ts';

const schemaByType = new Map<string, z.ZodType>(
  platformEventSchema.options.map((o) => [(o as unknown as { shape: { type: { value: string } } }).shape.type.value, o as z.ZodType]),
);

/** The documented body: `{ events: PlatformEvent[] }`. */
export const eventBatchBody = z.object({
  events: z.array(platformEventSchema).min(1).describe('Platform events, each with a client-chosen `id`; replays of an id are idempotent.'),
});

/** Validates a batch of at most `maxEvents` events; 400 `invalid_event` / 413 `batch_too_large` otherwise. */
export function parseEventBatch(value: unknown, maxEvents: number): { events: PlatformEvent[] } {
  if (value === null || typeof value !== 'object' || !Array.isArray((value as { events?: unknown }).events)) {
    throw invalidInput('invalid_body', 'invalid body: expected {"events": [...]}');
  }
  const raw = (value as { events: unknown[] }).events;
  if (raw.length === 0) throw invalidInput('invalid_body', 'invalid body: events must not be empty');
  if (raw.length > maxEvents) throw tooLarge('batch_too_large', `a batch holds at most ${maxEvents} events (got ${raw.length}); split it`, { maxEvents, count: raw.length });
  const events: PlatformEvent[] = [];
  raw.forEach((e, index) => {
    const obj = e !== null && typeof e === 'object' ? (e as Record<string, unknown>) : undefined;
    const id = typeof obj?.id === 'string' ? obj.id : undefined;
    const type = obj?.type;
    const schema = typeof type === 'string' ? schemaByType.get(type) : undefined;
    if (schema === undefined) {
      throw invalidInput('invalid_event', `event ${index}${id ? ` (${id})` : ''}: unknown or missing type ${JSON.stringify(type)}; types: ${eventTypes.join(', ')}`, { index, ...(id ? { id } : {}) });
    }
    const r = schema.safeParse(e);
    if (!r.success) {
      const issues = r.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      const first = issues[0]!;
      throw invalidInput('invalid_event', `event ${index}${id ? ` (${id})` : ''} of type ${type as string}: ${first.path || '(root)'}: ${first.message}`, {
        index,
        ...(id ? { id } : {}),
        issues,
      });
    }
    const event = r.data as PlatformEvent;
    if (event.type === 'stream.frame' && event.contentId !== undefined) {
      throw invalidInput('invalid_event', `event ${index} (${event.id}) of type stream.frame: contentId is set by Lifeguard when a frame sent as image bytes matches known content; do not send it`, {
        index,
        id: event.id,
      });
    }
    events.push(event);
  });
  return { events };
}
