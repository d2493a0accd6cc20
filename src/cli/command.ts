/** What every CLI command module exports. Exit codes: 0 ok, 1 findings/match, 2 usage, 3 failure. */
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Environment, read only here at the edge and passed down as typed config. */
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  isTTY: boolean;
}

export interface Command {
  /** One line for `lifeguard help`. */
  summary: string;
  /** Full usage text. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export const exitCodes = { ok: 0, findings: 1, usage: 2, failure: 3 } as const;
