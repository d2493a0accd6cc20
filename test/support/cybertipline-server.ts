/**
 * A local CyberTipline for tests, on 127.0.0.1 (port 0): /submit, /upload, /fileinfo, /finish, /retract with
 * basic auth, XML checked with xmllint against NCMEC's schema, and faults injected on purpose: answers that
 * come too late, 5xx before anything is done, connections cut after the work is done.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateCyberTiplineXml } from './cybertipline-schema.ts';

export type Fault = 'late' | '503' | 'cut';
export interface FakeReport {
  id: string;
  xml: string;
  status: 'open' | 'finished' | 'retracted';
  files: { fileId: string; md5: string; bytes: number; details?: string }[];
}

const respond = (res: ServerResponse, status: number, code: number, description: string, extra = ''): void => {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><reportResponse><responseCode>${code}</responseCode><responseDescription>${description}</responseDescription>${extra}</reportResponse>`);
};

export async function startCyberTiplineServer(opts: { username: string; password: string; lateMs: number }) {
  const reports = new Map<string, FakeReport>();
  const faults: { path: string; fault: Fault; nth?: number }[] = [];
  const calls: string[] = [];
  let nextId = 1000;
  let nextFile = 1;
  const hits = new Map<string, number>();

  async function body(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }
  const formOf = async (req: IncomingMessage, buf: Buffer) =>
    new Request('http://local/x', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: buf }).formData();

  const server = createServer(async (req, res) => {
    const path = req.url ?? '';
    const buf = await body(req);
    calls.push(path);
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (req.headers.authorization !== `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`) return respond(res, 401, 1, 'bad credentials');
    const f = faults.findIndex((x) => x.path === path && (x.nth === undefined || x.nth === n));
    const fault = f >= 0 ? faults.splice(f, 1)[0]!.fault : undefined;
    if (fault === '503') return respond(res, 503, 5000, 'temporarily unavailable');
    // Do the work, then answer (or not) as the fault says.
    let answer: () => void;
    if (path === '/submit') {
      const xml = buf.toString('utf8');
      const v = validateCyberTiplineXml(xml);
      if (!v.ok) return respond(res, 400, 1000, 'report does not match the schema');
      const id = String(nextId++);
      reports.set(id, { id, xml, status: 'open', files: [] });
      answer = () => respond(res, 200, 0, 'Success', `<reportId>${id}</reportId>`);
    } else if (path === '/upload') {
      const form = await formOf(req, buf);
      const r = reports.get(String(form.get('id')));
      const file = form.get('file');
      if (!r || r.status !== 'open' || !(file instanceof Blob)) return respond(res, 400, 2000, 'unknown or closed report');
      const bytes = Buffer.from(await file.arrayBuffer());
      const fileId = `f${nextFile++}`;
      const md5 = createHash('md5').update(bytes).digest('hex');
      r.files.push({ fileId, md5, bytes: bytes.length });
      answer = () => respond(res, 200, 0, 'Success', `<reportId>${r.id}</reportId><fileId>${fileId}</fileId><hash>${md5}</hash>`);
    } else if (path === '/fileinfo') {
      const xml = buf.toString('utf8');
      if (!validateCyberTiplineXml(xml).ok) return respond(res, 400, 1000, 'file details do not match the schema');
      const r = reports.get(/<reportId>(\d+)<\/reportId>/.exec(xml)?.[1] ?? '');
      const file = r?.files.find((x) => x.fileId === /<fileId>([^<]+)<\/fileId>/.exec(xml)?.[1]);
      if (!r || r.status !== 'open' || !file) return respond(res, 400, 2000, 'unknown report or file');
      file.details = xml;
      answer = () => respond(res, 200, 0, 'Success', `<reportId>${r.id}</reportId>`);
    } else if (path === '/finish' || path === '/retract') {
      const r = reports.get(new URLSearchParams(buf.toString('utf8')).get('id') ?? '');
      if (!r) return respond(res, 400, 2000, 'unknown report');
      if (path === '/finish') {
        if (r.status === 'retracted') return respond(res, 400, 2100, 'report was retracted');
        if (r.files.some((x) => x.details === undefined)) return respond(res, 400, 2200, 'a file has no details');
        r.status = 'finished'; // finishing a finished report answers the same again
        answer = () => {
          res.writeHead(200, { 'content-type': 'application/xml' });
          res.end(`<?xml version="1.0" encoding="UTF-8"?><reportDoneResponse><responseCode>0</responseCode><reportId>${r.id}</reportId><files>${r.files.map((x) => `<fileId>${x.fileId}</fileId>`).join('')}</files></reportDoneResponse>`);
        };
      } else {
        if (r.status === 'finished') return respond(res, 400, 2300, 'report already finished');
        r.status = 'retracted';
        answer = () => respond(res, 200, 0, 'Success', `<reportId>${r.id}</reportId>`);
      }
    } else {
      return respond(res, 404, 404, 'no such endpoint');
    }
    if (fault === 'cut') return void req.socket.destroy();
    if (fault === 'late') return void setTimeout(answer, opts.lateMs);
    answer();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    reports,
    calls,
    /** Fails the `nth` call of `path` from now (default: the next one not already failed) with `fault`. */
    fail(path: string, fault: Fault, nth?: number) {
      faults.push({ path, fault, ...(nth !== undefined ? { nth: (hits.get(path) ?? 0) + nth } : {}) });
    },
    /** Faults registered and not yet triggered. */
    pendingFaults: () => faults.length,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
