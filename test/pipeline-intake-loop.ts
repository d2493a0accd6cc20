/**
 * Test helper process for the crash tests: appends events n = start..end-1 in small batches and prints
 * `ack <first> <last>` after each batch was durably accepted. Events are a pure function of n, so a restarted
 * loop can resend the unacknowledged tail (as a retrying client would).
 * usage: node --import tsx test/pipeline-intake-loop.ts <database url> <start> <end> [pg schema]
 */
import type { PlatformEvent } from '../src/core/events.ts';
import { appendEvents } from '../src/pipeline/event-intake.ts';
import { openDatabase } from '../src/store/database.ts';

/** The n-th event of the crash test: comments on 16 streams, every third one a report. */
export function crashEvent(n: number): PlatformEvent {
  const streamId = `cs${n % 16}`;
  if (n % 3 === 0) return { id: `ev-${n}`, type: 'report.filed', streamId, subject: { type: 'stream', id: streamId }, reason: 'other' };
  return { id: `ev-${n}`, type: 'stream.comment', streamId, author: { id: `viewer${n % 7}` }, text: `comment number ${n}`, ts: 1_700_000_000_000 + n };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'));
if (isMain) {
  const [url, startArg, endArg, pgSchema] = process.argv.slice(2);
  const database = await openDatabase({ url: url!, ...(pgSchema ? { pgSchema } : {}) });
  const end = Number(endArg);
  const batch = 20;
  for (let n = Number(startArg); n < end; n += batch) {
    const last = Math.min(n + batch, end) - 1;
    const events = Array.from({ length: last - n + 1 }, (_, i) => crashEvent(n + i));
    await appendEvents(database, 'crash', events);
    process.stdout.write(`ack ${n} ${last}\n`);
    await new Promise((r) => setTimeout(r, 10));
  }
  process.stdout.write('done\n');
  await database.close();
}
