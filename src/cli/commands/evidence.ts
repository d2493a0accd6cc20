/**
 * `lifeguard evidence list|hold|legal-hold|release|purge|destroy-request|destroy-confirm`: evidence
 * preservation from the database (works with the service stopped). Every change is a hold event under `--as`.
 */
import { createEvidenceService } from '../../evidence/evidence-service.ts';
import { loadPolicy } from '../../policy/load-policy.ts';
import { createCaseService } from '../../review/create-case-service.ts';
import { createEvidenceHoldStore } from '../../store/evidence-hold-store.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { numberFlag } from '../number-flag.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';
import { cliConfig, databaseFlags, openCliDatabase } from '../open-cli-database.ts';

const usage = `usage: lifeguard evidence list [--json]
       lifeguard evidence hold CASE_ID --as PERSON [--days N]          (at least 365; extends an existing hold)
       lifeguard evidence legal-hold CASE_ID --as PERSON --reason TEXT  (blocks expiry)
       lifeguard evidence release CASE_ID --as PERSON --reason TEXT     (lifts the legal hold)
       lifeguard evidence purge --as PERSON [--dry-run] [--json]        (removes expired media; hashes and audit stay)
       lifeguard evidence destroy-request CASE_ID --as PERSON --ref LE_REFERENCE
       lifeguard evidence destroy-confirm CASE_ID --as OTHER_PERSON
       [--data-dir DIR | --database-url URL]`;

const actions = ['list', 'hold', 'legal-hold', 'release', 'purge', 'destroy-request', 'destroy-confirm'];

export const command: Command = {
  summary: 'preservation holds, legal holds, expiry purge and law-enforcement destruction of kept media',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseFlags({
      args,
      options: {
        as: { type: 'string' },
        days: { type: 'string' },
        reason: { type: 'string' },
        ref: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        ...databaseFlags,
      },
      allowPositionals: true,
      strict: true,
    });
    const [action, caseId, ...rest] = parsed.positionals;
    const v = parsed.values;
    if (action === undefined || !actions.includes(action) || rest.length > 0) throw usageError(usage);
    const needsCase = !['list', 'purge'].includes(action);
    if (needsCase !== (caseId !== undefined)) throw usageError(needsCase ? `${action} needs a case id` : `${action} takes no case id`);
    if (action !== 'list' && !v.as) throw usageError(`${action} needs --as PERSON (recorded with the change)`);
    const config = cliConfig(io, v);
    const policy = await loadPolicy(config.policyFile);
    const database = await openCliDatabase(config);
    try {
      const cases = createCaseService({ database, policy: policy.review });
      const svc = createEvidenceService({
        holds: createEvidenceHoldStore(database),
        contentIdsOf: async (id) => ((await cases.get(id))?.state.evidence ?? []).filter((e) => e.kind === 'content').map((e) => e.id),
      });
      const iso = (ms: number) => new Date(ms).toISOString();
      const show = (x: unknown, text: string) => io.stdout.write(v.json ? `${JSON.stringify(x)}\n` : `${text}\n`);
      switch (action) {
        case 'list':
          for (const { state: s, decision } of await svc.list()) show({ ...s, decision }, `${s.caseId}  until ${iso(s.until)}${s.legalHold ? '  LEGAL HOLD' : ''}${s.purgedAt ? `  purged ${iso(s.purgedAt)}` : ''}  ${decision}`);
          return exitCodes.ok;
        case 'hold': {
          const s = await svc.hold(caseId!, v.as!, numberFlag('days', v.days, 365, true));
          show(s, `${s.caseId} held until ${iso(s.until)}`);
          return exitCodes.ok;
        }
        case 'legal-hold':
        case 'release': {
          const s = await svc.legalHold(caseId!, v.as!, action === 'legal-hold', v.reason ?? '');
          show(s, `${s.caseId}: legal hold ${s.legalHold ? 'on' : 'off'}`);
          return exitCodes.ok;
        }
        case 'purge':
          for (const r of await svc.purge({ actor: v.as!, dryRun: v['dry-run'] === true }))
            show(r, `${r.caseId}  ${r.decision}${r.decision === 'purge' ? (v['dry-run'] ? `  would remove ${r.contentIds.length} item(s)` : `  removed ${r.removed} item(s)`) : ''}`);
          return exitCodes.ok;
        case 'destroy-request': {
          const s = await svc.requestDestruction(caseId!, v.as!, v.ref ?? '');
          show(s, `${s.caseId}: destruction requested (${s.destruction!.requestRef}); a second person must confirm`);
          return exitCodes.ok;
        }
        default: {
          const r = await svc.confirmDestruction(caseId!, v.as!);
          show(r, `${caseId}: ${r.removed} item(s) destroyed`);
          return exitCodes.ok;
        }
      }
    } finally {
      await database.close();
    }
  },
};
