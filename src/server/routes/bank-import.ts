/**
 * POST /v1/banks/:name/import: stream a hash list (CSV/TSV/plain text with a header) into a bank. The body
 * is spooled to the data directory, then imported as a job: 202 with the job, progress at GET /v1/jobs/:id.
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isLifeguardError } from '../../core/lifeguard-error.ts';
import { signalTypeNames } from '../../core/signal-types.ts';
import { urlHashAlgorithms } from '../../core/url-lists/url-pattern.ts';
import { importHashList } from '../../store/bank-import.ts';
import { completeJob, createJob, failJob, updateJobProgress } from '../../store/job-store.ts';
import { bankParams } from '../bank-schemas.ts';
import { bankOr404 } from '../bank-lookup.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';
import { spoolBody } from '../spool-body.ts';
import { jobView } from './jobs-get.ts';

/** Progress is written at most this often (ms), so a fast import is not slowed by its own bookkeeping. */
const progressEveryMs = 250;

export const bankImport = defineRoute({
  method: 'post',
  path: '/v1/banks/:name/import',
  access: 'banks',
  tag: 'banks',
  summary: 'Import a hash list into a bank as a job (poll GET /v1/jobs/:id).',
  description:
    'The body is the list itself: a header line naming columns (hash, type, external_id, category, quality, source) then one entry per line, ' +
    'comma-, tab- or whitespace-separated. Bad lines are counted and reported with line numbers; they never stop the import. ' +
    'Limit: LIFEGUARD_MAX_IMPORT_BYTES (413 `body_too_large`).',
  params: bankParams,
  query: z.object({
    type: z.enum(signalTypeNames).optional().describe('Signal type for lines without a type column.'),
    source: z.string().min(1).max(256).optional().describe('Source recorded on entries that name none.'),
    fileName: z.string().min(1).max(256).optional().describe('Original file name (.csv / .tsv picks the delimiter).'),
    lines: z.enum(['true', 'false']).optional().describe('`true`: every line is one whole value of `type` (plain URL or keyword lists).'),
    hashed: z.enum(urlHashAlgorithms).optional().describe('A hashed URL list of bare hex digests of this algorithm (implies type=url, lines=true).'),
  }),
  rawBody: { contentTypes: ['text/csv', 'text/tab-separated-values', 'text/plain', 'application/octet-stream'], description: 'The hash list.' },
  responses: { 202: { description: 'Spooled; the import runs as this job.', schema: jobView } },
  async handle({ c, deps, params, query }) {
    const banks = need(deps.services, 'banks');
    const bank = await bankOr404(banks.store, params.name);
    const spool = join(deps.config.dataDir, 'imports', `${bank.name}-${Date.now()}-${Math.random().toString(36).slice(2)}.part`);
    const bytes = await spoolBody(c.req.raw, spool, deps.config.limits.maxImportBytes);
    const job = await createJob(deps.database, { kind: 'bank.import', total: bytes, input: { bank: bank.name, bytes, ...query }, now: deps.now() });
    const log = c.get('log');

    deps.tasks.run(`import ${job.id}`, async () => {
      let last = 0;
      let pending: Promise<void> = Promise.resolve();
      try {
        const summary = await importHashList(banks.store, bank.id, createReadStream(spool, { highWaterMark: 1 << 20 }), {
          ...(query.hashed !== undefined ? { defaultType: 'url', lines: true, valuePrefix: `${query.hashed}:` } : query.type !== undefined ? { defaultType: query.type } : {}),
          ...(query.lines === 'true' && query.type !== undefined ? { lines: true } : {}),
          ...(query.source !== undefined ? { defaultSource: query.source } : {}),
          ...(query.fileName !== undefined ? { fileName: query.fileName } : {}),
          onProgress: (done) => {
            const t = deps.now();
            if (t - last < progressEveryMs) return;
            last = t;
            pending = pending.then(() => updateJobProgress(deps.database, job.id, { done }, t)).catch(() => undefined);
          },
        });
        await pending;
        banks.changed();
        await completeJob(deps.database, job.id, summary, deps.now());
        log.info('bank import finished', { jobId: job.id, bank: bank.name, added: summary.added, errors: summary.errors });
      } catch (e) {
        await pending;
        banks.changed();
        const error = isLifeguardError(e) && e.status < 500 ? { code: e.code, message: e.message } : { code: 'import_failed', message: 'the import failed; see the service log' };
        if (!isLifeguardError(e)) log.error('bank import failed', { jobId: job.id, err: e });
        await failJob(deps.database, job.id, error, deps.now());
      } finally {
        await rm(spool, { force: true });
      }
    });

    const { scope: _scope, input: _input, ...view } = job;
    return c.json(view, 202);
  },
});
