/**
 * `lifeguard media rotate-key`: re-seal every kept item under a new media key without writing clear media
 * anywhere; an interrupted run (even kill -9) is resumed by running it again. Run with the service stopped.
 */
import { rotateMediaKey } from '../../crypto/rotate-media-key.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { numberFlag } from '../number-flag.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';
import { cliConfig, databaseFlags, openCliDatabase } from '../open-cli-database.ts';

const usage = `usage: lifeguard media rotate-key [--batch N] [--keep-old] [--json] [--data-dir DIR | --database-url URL]

rotate-key  writes a new key to <data dir>/media.key.next, re-seals every kept item with it (in memory, one
            row at a time), then makes it <data dir>/media.key. Run again after an interruption to resume.
            --keep-old keeps the retired key as media.key.previous-<time>; otherwise it is removed.
            Stop the service first: it keeps sealing with the key it loaded.`;

export const command: Command = {
  summary: 're-seal kept media under a new key (resumable)',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseFlags({
      args,
      options: {
        batch: { type: 'string' },
        'keep-old': { type: 'boolean' },
        json: { type: 'boolean' },
        ...databaseFlags,
      },
      allowPositionals: true,
      strict: true,
    });
    const [action, ...rest] = parsed.positionals;
    const v = parsed.values;
    if (action !== 'rotate-key' || rest.length > 0) throw usageError(`expected rotate-key\n${usage}`);
    const batch = numberFlag('batch', v.batch, 100, true);
    if (batch < 1 || batch > 10_000) throw usageError('--batch must be between 1 and 10000');
    const config = cliConfig(io, v);
    if (config.mediaKey !== undefined) {
      io.stderr.write('the media key is configured (LIFEGUARD_MEDIA_KEY); rotate-key manages the data directory key file only\n');
      return exitCodes.usage;
    }
    const database = await openCliDatabase(config);
    try {
      const r = await rotateMediaKey(database, {
        dataDir: config.dataDir,
        batch,
        keepOld: v['keep-old'] === true,
        onProgress: (p) => io.stdout.write(v.json ? `${JSON.stringify({ progress: p })}\n` : `pass ${p.pass}: ${p.scanned} scanned, ${p.resealed} re-sealed, ${p.alreadyNew} already on the new key\n`),
      });
      io.stdout.write(v.json ? `${JSON.stringify({ done: r })}\n` : `media key rotated: ${r.resealed} item(s) re-sealed, ${r.alreadyNew} already on the new key${r.previousKeyPath ? `; old key kept at ${r.previousKeyPath}` : ''}\n`);
      return exitCodes.ok;
    } finally {
      await database.close();
    }
  },
};
