/** How a command that works file by file reports a file that failed, so the other files still run. */
import { isLifeguardError } from '../core/lifeguard-error.ts';
import type { CliIo } from './command.ts';

/** The error of a failed file as {code, message}. */
export function errorJson(e: unknown): { code: string; message: string } {
  return isLifeguardError(e) ? { code: e.code, message: e.message } : { code: 'internal_error', message: (e as Error)?.message ?? String(e) };
}

/** Writes a failed file's error: a {"file","error"} line on stdout with --json, else a line on stderr. */
export function writeFileError(io: CliIo, file: string, e: unknown, json: boolean | undefined): void {
  const error = errorJson(e);
  if (json) io.stdout.write(JSON.stringify({ file, error }) + '\n');
  else io.stderr.write(`${file}: error: ${error.message} [${error.code}]\n`);
}
