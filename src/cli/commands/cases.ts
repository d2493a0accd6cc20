/**
 * `lifeguard cases`: the review queue and the label export, directly from the database (works with the
 * service stopped). `export-labels` writes reviewers' true/false-positive decisions as JSON lines (ids and
 * labels only) for detector evaluation; the export is an audit entry under `--as`.
 */
import { createCaseService } from '../../review/create-case-service.ts';
import { loadPolicy } from '../../policy/load-policy.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { numberFlag } from '../number-flag.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';
import { cliConfig, databaseFlags, openCliDatabase } from '../open-cli-database.ts';

const usage = `usage: lifeguard cases list [--queue ID] [--limit N] [--json]
       lifeguard cases export-labels --as PERSON [--since MS] [--until MS] [--limit N]

list           the review queue, most pressing first, with waiting time against the priority's target.
export-labels  one JSON line per decided case: {caseId, source, label, reason, decidedAt, subjects, evidence,
               ukCategory} (ids and labels only). Audited as an export by PERSON.
Database: --data-dir DIR / --database-url URL (or LIFEGUARD_DATA_DIR / LIFEGUARD_DATABASE_URL).`;

export const command: Command = {
  summary: 'list the review queue; export reviewer decisions as labels',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseFlags({
      args,
      options: {
        queue: { type: 'string' },
        limit: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        as: { type: 'string' },
        json: { type: 'boolean' },
        ...databaseFlags,
      },
      allowPositionals: true,
      strict: true,
    });
    const [action, ...rest] = parsed.positionals;
    const v = parsed.values;
    if ((action !== 'list' && action !== 'export-labels') || rest.length > 0) throw usageError(`expected list or export-labels\n${usage}`);
    if (action === 'export-labels' && !v.as) throw usageError('export-labels needs --as PERSON (recorded in the audit log)');
    const limit = numberFlag('limit', v.limit, action === 'list' ? 50 : 100_000, true);
    const config = cliConfig(io, v);
    const policy = await loadPolicy(config.policyFile);
    const database = await openCliDatabase(config);
    try {
      const cases = createCaseService({ database, policy: policy.review, evidence: policy.evidence });
      if (action === 'list') {
        const page = await cases.listQueue({ limit: Math.min(500, Math.max(1, limit)), ...(v.queue ? { queue: v.queue } : {}) });
        for (const c of page.cases) {
          if (v.json) io.stdout.write(JSON.stringify(c) + '\n');
          else {
            const waited = `${Math.round(c.waitedMs / 60_000)}m/${Math.round(c.targetMs / 60_000)}m${c.overdue ? ' OVERDUE' : ''}`;
            io.stdout.write(`${c.id.padEnd(10)} ${c.priority.padEnd(16)} ${c.status.padEnd(12)} ${waited.padEnd(18)} ${c.subjects.map((s) => `${s.type}:${s.id}`).join(',')}\n`);
          }
        }
        if (page.cases.length === 0 && !v.json) io.stdout.write('no cases waiting\n');
        return exitCodes.ok;
      }
      const rows = await cases.exportLabels(
        { id: v.as!, roles: ['supervisor'], via: 'cli' },
        { limit, ...(v.since !== undefined ? { since: numberFlag('since', v.since, 0, true) } : {}), ...(v.until !== undefined ? { until: numberFlag('until', v.until, 0, true) } : {}) },
      );
      for (const r of rows) io.stdout.write(JSON.stringify(r) + '\n');
      return exitCodes.ok;
    } finally {
      await database.close();
    }
  },
};
