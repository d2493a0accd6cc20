/**
 * Durable jobs for long operations (hash-list imports): created before the work starts, progress updated as
 * it goes, final result or error recorded, readable by id. A job left `running` by a process that died is
 * marked failed (`interrupted`) by `failInterruptedJobs` at start-up, so pollers never wait forever.
 */
import { randomUUID } from 'node:crypto';
import { invalidInput, notFound } from '../core/lifeguard-error.ts';
import type { Database } from './database.ts';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface Job {
  id: string;
  scope: string;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number | null };
  input: unknown;
  result: unknown;
  error: { code: string; message: string } | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

type Row = {
  id: string;
  scope: string;
  kind: string;
  status: string;
  done: number | string;
  total: number | string | null;
  input: string | null;
  result: string | null;
  error: string | null;
  created_at: number | string;
  updated_at: number | string;
  finished_at: number | string | null;
};

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

function toJob(r: Row): Job {
  return {
    id: r.id,
    scope: r.scope,
    kind: r.kind,
    status: r.status as JobStatus,
    progress: { done: Number(r.done), total: r.total === null ? null : Number(r.total) },
    input: parse(r.input),
    result: parse(r.result),
    error: parse(r.error) as Job['error'],
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
  };
}

/** Creates a job (status `running` unless `queued: true`) and returns it. */
export async function createJob(
  database: Database,
  opts: { kind: string; scope?: string | null; total?: number | null; input?: unknown; queued?: boolean; now?: number },
): Promise<Job> {
  if (!/^[a-z][a-z0-9_.-]{0,62}$/.test(opts.kind)) throw invalidInput('invalid_job_kind', `invalid job kind: ${opts.kind}`);
  const now = opts.now ?? Date.now();
  const row = {
    id: `job_${randomUUID().replace(/-/g, '')}`,
    scope: opts.scope ?? '',
    kind: opts.kind,
    status: opts.queued ? 'queued' : 'running',
    done: 0,
    total: opts.total ?? null,
    input: opts.input === undefined ? null : JSON.stringify(opts.input),
    result: null,
    error: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  await database.db.insertInto('jobs').values(row).execute();
  return toJob(row);
}

/** The job with this id, or null when unknown. */
export async function getJob(database: Database, id: string): Promise<Job | null> {
  const row = await database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : null;
}

/** Records progress (and marks a queued job running); throws `job_not_found` for an unknown or finished job. */
export async function updateJobProgress(database: Database, id: string, progress: { done: number; total?: number | null }, now = Date.now()): Promise<void> {
  const set: { done: number; updated_at: number; status: string; total?: number | null } = { done: progress.done, updated_at: now, status: 'running' };
  if (progress.total !== undefined) set.total = progress.total;
  const r = await database.db.updateTable('jobs').set(set).where('id', '=', id).where('status', 'in', ['queued', 'running']).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('job_not_found', `no running job ${id}`);
}

/** Marks a job succeeded with its result. */
export async function completeJob(database: Database, id: string, result: unknown, now = Date.now()): Promise<void> {
  await finish(database, id, { status: 'succeeded', result: JSON.stringify(result ?? null), error: null }, now);
}

/** Marks a job failed with a stable error code and message. */
export async function failJob(database: Database, id: string, error: { code: string; message: string }, now = Date.now()): Promise<void> {
  await finish(database, id, { status: 'failed', result: null, error: JSON.stringify({ code: error.code, message: error.message }) }, now);
}

async function finish(database: Database, id: string, set: { status: string; result: string | null; error: string | null }, now: number): Promise<void> {
  const r = await database.db
    .updateTable('jobs')
    .set({ ...set, updated_at: now, finished_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('job_not_found', `no running job ${id}`);
}

/**
 * Marks jobs still `running` as failed with code `interrupted` (call once at start-up of a single-process
 * deployment; with several processes pass `olderThanMs` so live jobs of other processes are left alone).
 */
export async function failInterruptedJobs(database: Database, opts: { olderThanMs?: number; now?: number } = {}): Promise<number> {
  const now = opts.now ?? Date.now();
  const error = JSON.stringify({ code: 'interrupted', message: 'the process running this job stopped before it finished' });
  const r = await database.db
    .updateTable('jobs')
    .set({ status: 'failed', error, updated_at: now, finished_at: now })
    .where('status', '=', 'running')
    .where('updated_at', '<=', now - (opts.olderThanMs ?? 0))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
