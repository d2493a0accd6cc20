/** Runs the `lifeguard` CLI in-process through main(argv, io), with captured output and given stdin. */
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** stdout's non-empty trimmed text split into lines ([] when there was no output). */
  lines: string[];
  /** The stdout lines that are JSON objects, parsed. */
  rows: Record<string, any>[];
}

export interface RunCliOptions {
  /** The environment the CLI sees (nothing of process.env leaks in). */
  env?: Record<string, string>;
  /** What stdin yields: one chunk per string (none for ''). */
  stdin?: string | string[];
}

/** Runs `lifeguard <argv…>` and returns its exit code and output. */
export async function runCli(argv: string[], { env = {}, stdin = '' }: RunCliOptions = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const chunks = (typeof stdin === 'string' ? [stdin] : stdin).filter((c) => c !== '').map((c) => Buffer.from(c));
  const code = await main(argv, { stdin: Readable.from(chunks), stdout, stderr, env, isTTY: false });
  const lines = out.trim() === '' ? [] : out.trim().split('\n');
  return {
    code,
    out,
    err,
    lines,
    get rows() {
      return out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, any>);
    },
  };
}
