/**
 * SQLite WAL checkpoints off the request path. By default SQLite checkpoints inside the commit that pushes
 * the WAL past 1,000 pages: at thousands of events per second that is about once a second, and that one
 * commit then copies megabytes into the database file and fsyncs it while every request waits. Here a worker
 * thread with its own connection runs PASSIVE checkpoints on a timer: they never block readers or writers,
 * and once one has copied everything the next writer starts the WAL file again from the beginning. The main
 * connection keeps a far larger automatic threshold as a safety valve in case the thread falls behind.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages the WAL may grow to before the main connection checkpoints on its own (≈ 256 MB of 4 KiB pages). */
export const fallbackCheckpointPages = 65_536;

const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.driver);
const db = new Sqlite(workerData.path);
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = FULL');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { parentPort.postMessage({ error: String(e && e.message || e) }); }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/** Starts checkpointing the SQLite file at `path` every `intervalMs` from a worker thread. */
export function startWalCheckpointer(path: string, intervalMs = 200, onError?: (message: string) => void): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(threadSource, { eval: true, workerData: { path, driver, intervalMs } });
  worker.on('message', (m: { error?: string }) => {
    if (m.error) onError?.(m.error);
  });
  worker.on('error', (e) => onError?.(e.message));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.ref(); // keep the process alive until the thread has closed its connection
      worker.postMessage('stop');
      await exited;
    },
  };
}
