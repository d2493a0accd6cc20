/** `lifeguard chat score`: grooming and coercion risk of conversations given as JSON lines. */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { assessConversation, DEFAULT_THRESHOLD, type ChatMessage, type ConversationAssessment } from '../../core/grooming/index.ts';
import { invalidInput } from '../../core/lifeguard-error.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { errorJson } from '../file-error.ts';
import { numberFlag } from '../number-flag.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';

/** Longest input line accepted (characters); a longer line gets an error and the rest still runs. */
export const MAX_LINE = 1_000_000;

const usage = `usage: lifeguard chat score [--json] [--threshold X] [FILE|-]

Scores conversations for grooming and coercion. Reads JSON lines from FILE (or stdin for - or no FILE),
one conversation per line, either a flattened text or messages:
  {"id":"c1","text":"..."}
  {"id":"c2","messages":[{"author":"a","text":"...","ts":1700000000000,"authorTier":"adult"}, ...]}
authorTier is child, teen, adult or unknown. Lines are processed one at a time as they arrive.
  --threshold X  risk in [0, 1] at which a conversation is flagged (default ${DEFAULT_THRESHOLD})
  --json         one JSON object per input line:
                 {"id","risk","flagged","stage","warningAt","warningRules","rules","signals":[{"category","messageIndex","text"}]}
                 warningRules: the rules that fired the warning; rules: those that hold after the last message
                 a line that cannot be scored: {"id"?,"error":{"code","message"}}
Without --json, one readable line per conversation. Flags are candidates for human review, not findings
of fact. Exit status: 1 when any conversation is flagged, 0 when none is, 3 when any line could not be
scored (this wins over 1), 2 on usage errors.
`;

function parse(args: string[]) {
  return parseFlags({ args, allowPositionals: true, options: { json: { type: 'boolean' }, threshold: { type: 'string' } } });
}

/** Splits a stream into lines without holding more than one line (capped at MAX_LINE) in memory. */
async function* lines(stream: Readable): AsyncGenerator<{ line: string; tooLong: boolean }> {
  let buf = '';
  let tooLong = false;
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      if (!tooLong) buf += chunk.slice(start, nl);
      yield { line: buf, tooLong: tooLong || buf.length > MAX_LINE };
      buf = '';
      tooLong = false;
      start = nl + 1;
    }
    if (!tooLong) {
      buf += chunk.slice(start);
      if (buf.length > MAX_LINE) {
        tooLong = true;
        buf = '';
      }
    }
  }
  if (buf.length > 0 || tooLong) yield { line: buf, tooLong };
}

type Input = { id: string | number; text?: string; messages?: ChatMessage[] };

/** Validates one parsed line; returns the id it could find for the error line. */
function checkInput(v: unknown): Input {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidInput('invalid_input', 'a line must be a JSON object');
  const r = v as Record<string, unknown>;
  if (typeof r.id !== 'string' && typeof r.id !== 'number') throw invalidInput('invalid_input', 'id must be a string or a number');
  const hasText = r.text !== undefined;
  const hasMessages = r.messages !== undefined;
  if (hasText === hasMessages) throw invalidInput('invalid_input', 'give either "text" or "messages"');
  if (hasText && typeof r.text !== 'string') throw invalidInput('invalid_input', 'text must be a string');
  if (hasMessages && !Array.isArray(r.messages)) throw invalidInput('invalid_input', 'messages must be an array');
  return r as Input;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function toJson(id: string | number, a: ConversationAssessment) {
  return {
    id,
    risk: round(a.risk),
    riskNow: round(a.riskNow),
    flagged: a.flagged,
    withdrawn: a.withdrawn,
    stage: a.stage,
    warningAt: a.warningAt,
    warningRules: a.warningRules.map((r) => r.rule),
    rules: a.rules.map((r) => r.rule),
    signals: a.signals.map((s) => ({ category: s.category, messageIndex: s.messageIndex, text: s.text })),
  };
}

function toText(id: string | number, a: ConversationAssessment): string {
  const why = a.warningRules.length > 0 ? `: ${[...new Set(a.warningRules.map((r) => r.rule))].join(', ')}` : '';
  const verdict = a.flagged
    ? ` FLAGGED for review (warning at message ${a.warningAt}${why})`
    : a.withdrawn
      ? ` (warning at message ${a.warningAt}${why} withdrawn by later messages: risk now ${a.riskNow.toFixed(3)})`
      : '';
  const head = `${id}: risk ${a.risk.toFixed(3)}${verdict}, stage ${a.stage}`;
  const sigs = a.signals.map((s) => `  [${s.messageIndex}] ${s.category}: "${s.text}"`);
  return [head, ...sigs].join('\n') + '\n';
}

export const command: Command = {
  summary: 'score conversations for grooming and coercion (JSON lines in)',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args);
    const [sub, file, ...extra] = positionals;
    if (sub !== 'score') throw usageError(sub === undefined ? "missing subcommand: try 'lifeguard chat score'" : `unknown subcommand '${sub}'`);
    if (extra.length > 0) throw usageError('give at most one FILE');
    const threshold = numberFlag('threshold', values.threshold, DEFAULT_THRESHOLD);
    if (threshold < 0 || threshold > 1) throw usageError('--threshold must be in [0, 1]');
    const input = file === undefined || file === '-' ? io.stdin : createReadStream(file);
    let flagged = 0;
    let failed = 0;
    try {
      for await (const { line, tooLong } of lines(input)) {
        if (!tooLong && line.trim() === '') continue;
        let id: string | number | undefined;
        try {
          if (tooLong) throw invalidInput('line_too_long', `a line is limited to ${MAX_LINE} characters`);
          let parsed: unknown;
          try {
            parsed = JSON.parse(line);
          } catch {
            throw invalidInput('invalid_json', 'the line is not valid JSON');
          }
          const raw = (parsed as { id?: unknown } | null)?.id;
          if (typeof raw === 'string' || typeof raw === 'number') id = raw;
          const conv = checkInput(parsed);
          const a = assessConversation(conv.messages ?? conv.text!, { threshold });
          if (a.flagged) flagged++;
          io.stdout.write(values.json ? JSON.stringify(toJson(conv.id, a)) + '\n' : toText(conv.id, a));
        } catch (e) {
          failed++;
          const error = errorJson(e);
          if (values.json) io.stdout.write(JSON.stringify(id === undefined ? { error } : { id, error }) + '\n');
          else io.stderr.write(`${id ?? '(no id)'}: error: ${error.message} [${error.code}]\n`);
        }
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw invalidInput('file_not_found', `cannot read ${file}`);
      throw e;
    }
    return failed > 0 ? exitCodes.failure : flagged > 0 ? exitCodes.findings : exitCodes.ok;
  },
};
