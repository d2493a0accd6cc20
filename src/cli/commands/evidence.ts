/**
 * `lifeguard evidence list|hold|legal-hold|release|purge|destroy-request|destroy-confirm|custody`: evidence
 * preservation from the database (works with the service stopped). Every change is a hold event under `--as`
 * with its entry in the audit log; destruction needs two different people of the people store, each a
 * supervisor; `custody` prints an item's chain of custody verified against the audit hash chain.
 */
import { checkDestructionRole } from '../../core/evidence/preservation.ts';
import { forbidden } from '../../core/lifeguard-error.ts';
import { contentIdsOfCase, createEvidenceService, type EvidenceActor } from '../../evidence/evidence-service.ts';
import { readCustody } from '../../evidence/read-custody.ts';
import { createAuditLog } from '../../store/audit-log.ts';
import { createContentStore } from '../../store/content-store.ts';
import { createPeopleStore } from '../../store/people-store.ts';
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
       lifeguard evidence destroy-confirm CASE_ID --as OTHER_PERSON      (two different supervisors of the people store)
       lifeguard evidence custody CONTENT_ID --as PERSON [--json]         (chain of custody, verified against the audit log)
       [--data-dir DIR | --database-url URL]`;

const actions = ['list', 'hold', 'legal-hold', 'release', 'purge', 'destroy-request', 'destroy-confirm', 'custody'];

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
    if (needsCase !== (caseId !== undefined)) throw usageError(needsCase ? `${action} needs a ${action === 'custody' ? 'content' : 'case'} id` : `${action} takes no case id`);
    if (action !== 'list' && !v.as) throw usageError(`${action} needs --as PERSON (recorded with the change)`);
    const config = cliConfig(io, v);
    const policy = await loadPolicy(config.policyFile);
    const database = await openCliDatabase(config);
    try {
      const cases = createCaseService({ database, policy: policy.review, evidence: policy.evidence });
      const audit = createAuditLog(database);
      const svc = createEvidenceService({ holds: createEvidenceHoldStore(database), contentIdsOf: contentIdsOfCase(cases), audit });
      /** A destruction is taken part in by a person of the people store, enabled, a supervisor. */
      const person = async (id: string): Promise<EvidenceActor> => {
        const people = createPeopleStore(database);
        const p = (await people.get(id)) ?? (id.includes('@') ? await people.byEmail(id) : undefined);
        if (!p || p.disabled) throw forbidden(`'${id}' is not an enabled person in the people store (lifeguard people add)`);
        checkDestructionRole(p.roles);
        return { id: p.id, roles: p.roles, via: 'cli' };
      };
      const iso = (ms: number) => new Date(ms).toISOString();
      const show = (x: unknown, text: string) => io.stdout.write(v.json ? `${JSON.stringify(x)}\n` : `${text}\n`);
      switch (action) {
        case 'list':
          for (const { state: s, decision } of await svc.list()) show({ ...s, decision }, `${s.caseId}  until ${iso(s.until)}${s.legalHold ? '  LEGAL HOLD' : ''}${s.purgedAt ? `  purged ${iso(s.purgedAt)}` : ''}  ${decision}`);
          return exitCodes.ok;
        case 'hold': {
          const s = await svc.hold(caseId!, v.as!, numberFlag('days', v.days, policy.evidence.retentionDays, true));
          show(s, `${s.caseId} held until ${iso(s.until)}`);
          return exitCodes.ok;
        }
        case 'legal-hold':
        case 'release': {
          const s = await svc.legalHold(caseId!, v.as!, action === 'legal-hold', v.reason ?? '');
          show(s, `${s.caseId}: legal hold ${s.legalHold ? 'on' : 'off'}`);
          return exitCodes.ok;
        }
        case 'purge': {
          // Each case is printed as soon as it is committed (one transaction per case).
          const done = await svc.purge({
            actor: v.as!,
            dryRun: v['dry-run'] === true,
            onCase: (r) => show(r, `${r.caseId}  ${r.decision}${r.decision === 'purge' ? (v['dry-run'] ? `  would remove ${r.contentIds.length} item(s)` : `  removed ${r.removed} item(s)`) : ''}${r.error ? `  (${r.error}; left as it was)` : ''}`),
          });
          return done.some((r) => r.decision === 'failed') ? exitCodes.failure : exitCodes.ok;
        }
        case 'destroy-request': {
          const s = await svc.requestDestruction(caseId!, await person(v.as!), v.ref ?? '');
          show(s, `${s.caseId}: destruction requested (${s.destruction!.requestRef}); a second person must confirm`);
          return exitCodes.ok;
        }
        case 'custody': {
          const r = await readCustody({ database, audit, content: createContentStore(database), cases }, caseId!, { id: v.as!, via: 'cli' });
          if (v.json) {
            io.stdout.write(`${JSON.stringify(r)}\n`);
          } else {
            io.stdout.write(`${r.contentId}  ${r.item.mediaType}, ${r.item.byteLength} bytes, kept ${iso(r.item.keptAt)}; media ${r.item.mediaKept ? 'kept (sealed)' : 'removed'}\n`);
            io.stdout.write(`  sha256 ${r.item.sha256}\n  md5    ${r.item.md5}\n${r.item.pdq ? `  pdq    ${r.item.pdq}\n` : ''}  cases  ${r.cases.join(', ') || '(none)'}\n`);
            for (const l of r.links) io.stdout.write(`  #${l.seq}  ${iso(l.at)}  ${l.actor}  ${l.action}${l.subject ? `  ${l.subject.type}:${l.subject.id}` : ''}${l.intact ? '' : '  HASH MISMATCH'}\n`);
            io.stdout.write(r.verified ? `chain verified (${r.chain.checked} audit entries)\n` : `NOT VERIFIED: ${r.chain.broken?.message ?? 'a link does not match its hash'}\n`);
          }
          return r.verified ? exitCodes.ok : exitCodes.findings;
        }
        default: {
          const r = await svc.confirmDestruction(caseId!, await person(v.as!));
          show(r, `${caseId}: ${r.removed} item(s) destroyed`);
          return exitCodes.ok;
        }
      }
    } finally {
      await database.close();
    }
  },
};
