/**
 * The `lifeguard` CLI: `lifeguard <command> [args]`. Each command lives in commands/<command>.ts and
 * exports `command: Command`, so adding one touches no shared file.
 */
import { readdir } from 'node:fs/promises';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { exitCodes, type CliIo, type Command } from './command.ts';

const commandsDir = new URL('./commands/', import.meta.url);

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!/^[a-z][a-z-]*$/.test(name)) return undefined;
  try {
    const mod = (await import(new URL(`${name}.ts`, commandsDir).href)) as { command?: Command };
    return mod.command;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(`${name}.ts`)) {
      return undefined;
    }
    throw e;
  }
}

async function listCommands(): Promise<[string, Command][]> {
  const files = (await readdir(commandsDir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const out: [string, Command][] = [];
  for (const f of files) {
    const name = f.slice(0, -3);
    const cmd = await loadCommand(name);
    if (cmd) out.push([name, cmd]);
  }
  return out;
}

async function help(io: CliIo): Promise<void> {
  const lines = ['lifeguard — child-safety engine', '', 'usage: lifeguard <command> [options]', '', 'commands:'];
  for (const [name, cmd] of await listCommands()) lines.push(`  ${name.padEnd(10)} ${cmd.summary}`);
  lines.push('', 'Run `lifeguard <command> --help` for a command\'s options.');
  io.stdout.write(lines.join('\n') + '\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    await help(io);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const cmd = await loadCommand(name);
  if (!cmd) {
    io.stderr.write(`lifeguard: unknown command '${name}'. Run 'lifeguard help'.\n`);
    return exitCodes.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(cmd.usage.trimEnd() + '\n');
    return exitCodes.ok;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (isLifeguardError(e)) {
      io.stderr.write(`lifeguard ${name}: ${e.message} [${e.code}]\n`);
      return e.status === 400 && e.code.startsWith('usage') ? exitCodes.usage : exitCodes.failure;
    }
    io.stderr.write(`lifeguard ${name}: unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
    return exitCodes.failure;
  }
}

/** The real process streams and environment. */
export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: Boolean(process.stderr.isTTY) };
}
