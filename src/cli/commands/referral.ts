/**
 * `lifeguard referral draft|export`: the referral of a confirmed case, from the database (works with the
 * service stopped). `draft` prints the document a destination would receive; `export` writes a package
 * (manifest.json and media re-sealed under a fresh package key) and the package key to a separate file.
 * Both are audit entries under `--as`.
 */
import { writeFileSync } from 'node:fs';
import { buildReferralExport } from '../../core/referral/referral-export.ts';
import { referralDestination, referralDestinationIds } from '../../core/referral/referral-destinations.ts';
import { createMediaCipher } from '../../crypto/media-cipher.ts';
import { loadOrCreateMediaKey } from '../../crypto/media-key-file.ts';
import { loadPolicy } from '../../policy/load-policy.ts';
import { gatherReferralInput } from '../../referral/gather-referral-input.ts';
import { writeExportPackage } from '../../referral/write-export-package.ts';
import { createEvidenceService } from '../../evidence/evidence-service.ts';
import { createEvidenceHoldStore } from '../../store/evidence-hold-store.ts';
import { createCaseService } from '../../review/create-case-service.ts';
import { createAuditLog } from '../../store/audit-log.ts';
import { createContentStore } from '../../store/content-store.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';
import { cliConfig, databaseFlags, openCliDatabase } from '../open-cli-database.ts';

const usage = `usage: lifeguard referral draft CASE_ID --as PERSON --platform NAME --email ADDRESS [--destination ID]
       lifeguard referral export CASE_ID --as PERSON --platform NAME --email ADDRESS --out DIR --key-out FILE [--destination ID]
       [--data-dir DIR | --database-url URL]

destinations: ${referralDestinationIds.join(', ')} (default ncmec_cybertipline for draft, uk_nca for export)
draft   prints the document the destination would receive (nothing is sent).
export  writes DIR/manifest.json and DIR/media/<content id>.sealed, media re-sealed under a new package key
        written to FILE (mode 0600): send it to the authority separately.`;

export const command: Command = {
  summary: 'draft or export the referral of a confirmed case',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseFlags({
      args,
      options: {
        as: { type: 'string' },
        platform: { type: 'string' },
        email: { type: 'string' },
        destination: { type: 'string' },
        out: { type: 'string' },
        'key-out': { type: 'string' },
        ...databaseFlags,
      },
      allowPositionals: true,
      strict: true,
    });
    const [action, caseId, ...rest] = parsed.positionals;
    const v = parsed.values;
    if ((action !== 'draft' && action !== 'export') || caseId === undefined || rest.length > 0) throw usageError(`expected draft or export and a case id\n${usage}`);
    if (!v.as || !v.platform || !v.email) throw usageError('--as, --platform and --email are required');
    const dest = referralDestination(v.destination ?? (action === 'draft' ? 'ncmec_cybertipline' : 'uk_nca'));
    if (!dest) throw usageError(`unknown destination (${referralDestinationIds.join(', ')})`);
    if (action === 'export' && (dest.media === 'upload' || !v.out || !v['key-out'])) throw usageError('export needs --out and --key-out, and a destination that takes a package (uk_nca, hotline_hashes)');
    const config = cliConfig(io, v);
    const policy = await loadPolicy(config.policyFile);
    const database = await openCliDatabase(config);
    try {
      const audit = createAuditLog(database);
      const content = createContentStore(database);
      const cases = createCaseService({ database, policy: policy.review, evidence: policy.evidence });
      const input = await gatherReferralInput({ cases, audit, content }, caseId, { reporter: { platform: v.platform, email: v.email } });
      if (action === 'draft') {
        const doc = dest.build(input, Date.now());
        await audit.append({ actor: v.as, action: 'case_viewed', subject: { type: 'case', id: caseId }, detail: { referralDraft: dest.id, via: 'cli' } });
        io.stdout.write(doc.body);
        return exitCodes.ok;
      }
      const manifest = buildReferralExport(input, dest.id, { now: Date.now(), sealedMedia: dest.media === 'sealed' });
      const cipher = createMediaCipher(loadOrCreateMediaKey(config.mediaKey, config.dataDir).key);
      const pkg = await writeExportPackage({ dir: v.out!, manifest, cipher, sealedOf: (id) => content.getSealedMedia(id) });
      writeFileSync(v['key-out']!, `${pkg.packageKey}\n`, { mode: 0o600, flag: 'wx' });
      // Reported material is preserved: a case referred without a hold gets the default one.
      const holds = createEvidenceHoldStore(database);
      if ((await holds.events(caseId)).length === 0) {
        await createEvidenceService({ holds, contentIdsOf: async () => input.files.map((f) => f.contentId) }).hold(caseId, v.as, policy.evidence.retentionDays);
      }
      // Chain of custody: each file that left in the package (sealed, or as hashes only), with its hashes.
      for (const f of input.files) {
        const sealed = pkg.files.includes(`media/${f.contentId}.sealed`);
        await audit.append({ actor: v.as, action: 'evidence_exported', subject: { type: 'content', id: f.contentId }, detail: { caseId, destination: dest.id, sha256: f.sha256, md5: f.md5, sealedMedia: sealed, via: 'cli' } });
      }
      await audit.append({ actor: v.as, action: 'case_viewed', subject: { type: 'case', id: caseId }, detail: { referralExport: dest.id, files: pkg.files.length, via: 'cli' } });
      io.stdout.write(`referral package for ${caseId} (${dest.name}): ${v.out} with ${pkg.files.length} sealed file(s); package key in ${v['key-out']}\n`);
      return exitCodes.ok;
    } finally {
      await database.close();
    }
  },
};
