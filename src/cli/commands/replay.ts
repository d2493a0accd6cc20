/**
 * `lifeguard replay FILE.jsonl`: replays a recorded stream of platform events through the live-stream
 * guardian and prints its decisions in time order — the demo and the evaluation tool.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Effect } from '../../core/effects.ts';
import type { PlatformEvent } from '../../core/events.ts';
import { createGuardian, parseEventLines, replayEvents, type FrameMatcher, type KnownMatch, type LineError, type RecordedEvent } from '../../core/guardian/index.ts';
import { HashListParser } from '../../core/hash-list/hash-list-parser.ts';
import { LineSplitter } from '../../core/hash-list/line-splitter.ts';
import { PdqIndex } from '../../core/index/index.ts';
import { PDQ_MATCH_THRESHOLD } from '../../core/pdq/index.ts';
import { hashImage } from '../../media/hash-image.ts';
import { loadPolicy } from '../../policy/load-policy.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';

const usage = `usage: lifeguard replay FILE.jsonl [--json] [--policy FILE] [--bank FILE.csv] [--country CC] [--strict]

Replays recorded platform events (one JSON event per line, schema in docs/event-schema.md; '-' reads stdin;
lines starting with # are comments) through the live-stream guardian and prints every event and the
effects it asks for, in time order.

  --json          one JSON object per effect: {"line","eventId","eventType","at","effect"}
  --policy FILE   policy file (default: policy/default-policy.json)
  --bank FILE     hash list of known content (columns hash,id,category; PDQ) to match stream frames against;
                  frames recorded as image bytes (imageBase64) are hashed first, undecodable ones are
                  reported as malformed lines; entries whose source is video:<id>:<frames> (as
                  \`bank export\` writes them) are frames of a banked video and accumulate per stream
                  (policy matching.video)
  --country CC    country for help resources when an account has none (e.g. GB, US)
  --strict        exit 3 when any line is malformed (default: report it and go on)

Exit codes: 0 no effects, 1 effects asked for, 2 usage, 3 failure.
`;

/** Reads a hash list (any format the bank importer takes; type defaults to PDQ) into a frame matcher. */
export async function loadBankMatcher(path: string, warn: (line: string) => void = () => {}): Promise<{ matcher: FrameMatcher; size: number }> {
  const bytes = await readFile(path);
  const parser = new HashListParser({ defaultType: 'pdq', fileName: path });
  const splitter = new LineSplitter();
  const index = new PdqIndex();
  const rows: { id: string; category?: string; sources?: string[] }[] = [];
  const bank = basename(path);
  for (const raw of [...splitter.push(bytes), ...splitter.end()]) {
    const r = parser.line(raw);
    if (r.kind === 'error') warn(`${path}: line ${r.error.line}: ${r.error.message}`);
    if (r.kind !== 'entry' || r.entry.signalType !== 'pdq') continue;
    const row: { id: string; category?: string; sources?: string[] } = { id: r.entry.externalId ?? `line-${r.line}` };
    if (r.entry.category) row.category = r.entry.category;
    if (r.entry.sources && r.entry.sources.length > 0) row.sources = [...r.entry.sources];
    index.add(rows.length, r.entry.value);
    rows.push(row);
  }
  const matcher: FrameMatcher = (hex) =>
    index.query(hex, PDQ_MATCH_THRESHOLD).map((m): KnownMatch => {
      const row = rows[m.id]!;
      const known: KnownMatch = { id: row.id, distance: m.distance, bank };
      if (row.category !== undefined) known.category = row.category;
      if (row.sources !== undefined) known.sources = row.sources;
      return known;
    });
  return { matcher, size: rows.length };
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function clock(ts: PlatformEvent['ts']): string {
  if (ts === undefined) return '            ';
  const t = typeof ts === 'number' ? ts : Date.parse(ts);
  return new Date(t).toISOString().slice(11, 23);
}

const quote = (s: string, n = 70) => `“${s.length > n ? s.slice(0, n - 1) + '…' : s}”`;

/** One line describing an event, for the readable output. */
export function describeEvent(e: PlatformEvent): string {
  switch (e.type) {
    case 'stream.started':
      return `${e.streamId} started by ${e.streamer.id} (${e.streamer.ageTier ?? e.streamer.tier ?? 'age unknown'}), audience ${e.audience}`;
    case 'stream.ended':
      return `${e.streamId} ended`;
    case 'stream.viewer_joined':
      return `${e.streamId} ${e.viewer.id} joined (${e.connection}, ${e.viewer.ageTier ?? e.viewer.tier ?? 'age unknown'})`;
    case 'stream.viewer_left':
      return `${e.streamId} ${e.viewerId} left`;
    case 'stream.comment':
      return `${e.streamId} ${e.author.id}: ${quote(e.text)}`;
    case 'stream.gift':
      return `${e.streamId} ${e.from.id} sent ${e.amount}${e.currency ? ' ' + e.currency : ''}${e.message ? ' ' + quote(e.message) : ''}`;
    case 'stream.frame':
      return `${e.streamId} frame${e.pdq ? ' pdq ' + e.pdq.slice(0, 16) + '…' : ' (image)'}`;
    case 'report.filed':
      return `${e.reporter?.id ?? 'anonymous'} reported ${e.subject.type} ${e.subject.id} (${e.reason})`;
    case 'age.signal':
      return `${e.account.id}: ${e.method}${e.age !== undefined ? ' age ' + e.age : ''}${e.atLeast !== undefined ? ' at least ' + e.atLeast : ''}${e.below !== undefined ? ' under ' + e.below : ''}${e.dateOfBirth ? ' born ' + e.dateOfBirth : ''}`;
    case 'age.appeal':
      return `${e.account.id} appeals the age decision${e.claimedAge !== undefined ? ' (says ' + e.claimedAge + ')' : ''}`;
    case 'chat.message':
      return `${e.conversationId} ${e.author.id}: ${quote(e.text)}`;
    case 'account.profile':
      return `${e.account.id} profile${e.displayName !== undefined ? ' ' + quote(e.displayName, 40) : ''}${e.bio !== undefined ? ' bio ' + quote(e.bio) : ''}${e.links?.length ? ` (${e.links.length} links)` : ''}`;
  }
}

/** The readable lines of one effect. */
export function describeEffect(f: Effect): string[] {
  const scope = f.scope ? ` in ${f.scope.type} ${f.scope.id}` : '';
  const lines = [`  → ${f.kind} ${f.target.type} ${f.target.id}${scope} [${f.severity}]`];
  for (const r of f.reasons) lines.push(`      ${r}`);
  if (f.support) {
    lines.push(`      says: “${f.support.message}”`);
    lines.push(`      help: ${f.support.resources.map((r) => `${r.name} ${r.contact}`).join('; ')}`);
  }
  return lines;
}

export const command: Command = {
  summary: 'replay recorded stream events through the live-stream guardian',
  usage,
  async run(args, io) {
    const parsed = parseFlags({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        policy: { type: 'string' },
        bank: { type: 'string' },
        country: { type: 'string' },
        strict: { type: 'boolean', default: false },
      },
    });
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw usageError('give exactly one FILE.jsonl (or - for stdin)');
    if (values.country !== undefined && !/^[A-Za-z]{2}$/.test(values.country)) throw usageError('--country takes a two-letter code such as GB or US');
    const policy = await loadPolicy(values.policy);
    const warn = (line: string) => void io.stderr.write(`warning: ${line}\n`);
    const bank = values.bank !== undefined ? await loadBankMatcher(values.bank, warn) : undefined;
    const text = await readInput(positionals[0]!, io);
    const lines = parseEventLines(text);
    const { events, errors } = await hashFrameImages(lines.events, lines.errors);
    for (const e of errors) io.stderr.write(`line ${e.line}: ${e.message}\n`);
    const guardian = createGuardian({
      policy,
      ...(bank ? { frameMatcher: bank.matcher } : {}),
      ...(values.country !== undefined ? { country: values.country.toUpperCase() } : {}),
    });
    const counts = new Map<string, number>();
    let total = 0;
    for (const d of replayEvents(guardian, events)) {
      for (const f of d.effects) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
      total += d.effects.length;
      if (values.json) {
        for (const f of d.effects) {
          io.stdout.write(JSON.stringify({ line: d.line, eventId: d.event.id, eventType: d.event.type, at: d.event.ts ?? null, effect: f }) + '\n');
        }
        continue;
      }
      const out = [`${clock(d.event.ts)}  ${d.event.type.padEnd(20)} ${describeEvent(d.event)}`];
      for (const f of d.effects) out.push(...describeEffect(f));
      io.stdout.write(out.join('\n') + '\n');
    }
    if (!values.json) {
      const kinds = [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
      io.stdout.write(`\n${events.length} events, ${total} effects${kinds ? ` (${kinds})` : ''}, ${errors.length} malformed line${errors.length === 1 ? '' : 's'}\n`);
    }
    if (errors.length > 0 && (values.strict || events.length === 0)) return exitCodes.failure;
    return total > 0 ? exitCodes.findings : exitCodes.ok;
  },
};

/**
 * Frames recorded as image bytes get their PDQ hash here (the guardian matches hashes, and the core decodes
 * no images); a frame whose bytes cannot be decoded becomes a line error and is left out.
 */
async function hashFrameImages(events: RecordedEvent[], errors: LineError[]): Promise<{ events: RecordedEvent[]; errors: LineError[] }> {
  const out: RecordedEvent[] = [];
  const errs = [...errors];
  for (const r of events) {
    const e = r.event;
    if (e.type !== 'stream.frame' || e.imageBase64 === undefined || e.pdq !== undefined) {
      out.push(r);
      continue;
    }
    try {
      const h = await hashImage(Buffer.from(e.imageBase64, 'base64'));
      const { imageBase64: _bytes, ...rest } = e;
      out.push({ line: r.line, event: { ...rest, pdq: h.pdq, quality: h.quality } });
    } catch (err) {
      errs.push({ line: r.line, message: `frame ${e.id}: ${(err as Error).message}` });
    }
  }
  errs.sort((a, b) => a.line - b.line);
  return { events: out, errors: errs };
}
