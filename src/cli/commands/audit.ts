/**
 * `lifeguard audit`: re-walk the hash-chained audit log (`verify`) or print it (`list`), directly from the
 * database (works with the service stopped). `verify` exits 1 and names the first broken link when an entry
 * was edited, deleted or reordered.
 */
import { isAuditAction } from '../../core/audit/audit-entry.ts';
import { createAuditLog } from '../../store/audit-log.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { numberFlag } from '../number-flag.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';
import { cliConfig, databaseFlags, openCliDatabase } from '../open-cli-database.ts';

const usage = `usage: lifeguard audit verify [--json] [--data-dir DIR | --database-url URL]
       lifeguard audit list [--after SEQ] [--limit N] [--actor ID] [--action ACTION] [--json]

verify  re-walks the audit log's hash chain (each entry holds the previous entry's SHA-256) and reports the
        first broken link: exit 0 when intact, 1 when an entry was edited, deleted or reordered.
list    prints entries in order (one JSON object a line with --json).`;

export const command: Command = {
  summary: 'verify or list the hash-chained audit log',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseFlags({
      args,
      options: {
        json: { type: 'boolean' },
        after: { type: 'string' },
        limit: { type: 'string' },
        actor: { type: 'string' },
        action: { type: 'string' },
        ...databaseFlags,
      },
      allowPositionals: true,
      strict: true,
    });
    const [action, ...rest] = parsed.positionals;
    const v = parsed.values;
    if ((action !== 'verify' && action !== 'list') || rest.length > 0) throw usageError(`expected verify or list\n${usage}`);
    if (v.action !== undefined && !isAuditAction(v.action)) throw usageError(`unknown audit action '${v.action}'`);
    const config = cliConfig(io, v);
    const database = await openCliDatabase(config);
    try {
      const audit = createAuditLog(database);
      if (action === 'verify') {
        const r = await audit.verify();
        if (v.json) io.stdout.write(JSON.stringify(r) + '\n');
        else if (r.ok) io.stdout.write(`audit log intact: ${r.checked} entries, every link verified\n`);
        else io.stdout.write(`audit log BROKEN at entry ${r.broken!.seq} (${r.broken!.reason}): ${r.broken!.message}\n`);
        return r.ok ? exitCodes.ok : exitCodes.findings;
      }
      let after = numberFlag('after', v.after, 0, true);
      let left = numberFlag('limit', v.limit, Number.POSITIVE_INFINITY, true);
      if (left < 1 || after < 0) throw usageError('--limit must be at least 1 and --after at least 0');
      while (left > 0) {
        const page = await audit.list({ after, limit: Math.min(1000, left), ...(v.actor ? { actor: v.actor } : {}), ...(v.action ? { action: v.action as never } : {}) });
        if (page.entries.length === 0) break;
        for (const e of page.entries) {
          if (v.json) io.stdout.write(JSON.stringify(e) + '\n');
          else io.stdout.write(`${e.seq}  ${new Date(e.at).toISOString()}  ${e.actor}  ${e.action}${e.subject ? `  ${e.subject.type}:${e.subject.id}` : ''}  ${JSON.stringify(e.detail)}\n`);
        }
        left -= page.entries.length;
        after = page.cursor;
      }
      return exitCodes.ok;
    } finally {
      await database.close();
    }
  },
};
