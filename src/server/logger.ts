/** A tiny structured logger: one JSON object per line, with a level filter. Never given secrets or bodies. */
import type { Writable } from 'node:stream';

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Record<string, unknown>): Logger;
}

/** A JSON-lines logger writing to `out` at `level` and above. */
export function createLogger(out: Pick<Writable, 'write'>, level: LogLevel = 'info', base: Record<string, unknown> = {}, now: () => number = Date.now): Logger {
  const min = logLevels.indexOf(level);
  const write = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: Record<string, unknown>) => {
    if (logLevels.indexOf(lvl) < min) return;
    out.write(JSON.stringify({ time: new Date(now()).toISOString(), level: lvl, msg, ...base, ...fields }, errorReplacer) + '\n');
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => createLogger(out, level, { ...base, ...fields }, now),
  };
}

/** Errors serialise as name, message and stack (they have no enumerable fields otherwise). */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = createLogger({ write: () => true }, 'silent');
