// Exchanges against local servers on 127.0.0.1 (port 0) that serve each format, page it, fail on purpose
// (5xx, timeouts, a connection cut mid-page, malformed records, rate limits) and change between fetches.
// After every successful fetch the local copy must equal the server's. SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createMediaCipher } from '../crypto/media-cipher.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { createBankStore, type BankStore } from '../store/bank-store.ts';
import { createExchangeStore, type ExchangeStore } from '../store/exchange-store.ts';
import { exchangeSource } from './exchange-sync.ts';
import { createExchangeWorker, sealCredentials, type ExchangeWorker } from './exchange-worker.ts';

const hex = (n: number) => randomBytes(n).toString('hex');

interface Served {
  id: string;
  type: 'pdq' | 'md5' | 'url';
  value: string;
}

type Fault = 'none' | '500' | 'timeout' | 'cut' | 'rate_limit';

/** A local HTTP server; `handle` answers, `fault` (per path match) breaks answers on purpose. */
async function localServer(handle: (req: IncomingMessage, url: URL, res: ServerResponse) => void) {
  const faults: { match: (u: URL) => boolean; fault: Fault; times: number }[] = [];
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const f = faults.find((x) => x.times > 0 && x.match(url));
    if (f) {
      f.times--;
      if (f.fault === '500') return void res.writeHead(503).end('unavailable');
      if (f.fault === 'timeout') return; // never answers
      if (f.fault === 'rate_limit') return void res.writeHead(400, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"error":{"code":4,"message":"Application request limit reached"}}');
      if (f.fault === 'cut') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
        res.write('{"data": [{"id": "1", "indica');
        setTimeout(() => res.socket?.destroy(), 5);
        return;
      }
    }
    handle(req, url, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    fail(match: (u: URL) => boolean, fault: Fault, times = 1_000) {
      faults.push({ match, fault, times });
    },
    heal() {
      faults.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function localCopy(store: BankStore, bankId: number, name: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of store.exportEntries(bankId)) if (e.sources.includes(exchangeSource(name))) out.push(`${e.externalId}|${e.signalType}|${e.value}`);
  return out.sort();
}
const serverCopy = (list: Iterable<Served>) => [...list].map((e) => `${e.id}|${e.type}|${e.value}`).sort();

const cipher = createMediaCipher(randomBytes(32));

for (const target of testDatabases()) {
  const withSetup = (name: string, fn: (s: { store: BankStore; exchanges: ExchangeStore; worker: ExchangeWorker; errors: unknown[] }) => Promise<void>) =>
    test(`${target.name}: ${name}`, async () => {
      const { database, cleanup } = await target.open();
      const store = createBankStore(database);
      const exchanges = createExchangeStore(database);
      const errors: unknown[] = [];
      const worker = createExchangeWorker({ bankStore: store, exchanges, cipher, onError: (_n, e) => errors.push(e) });
      try {
        await fn({ store, exchanges, worker, errors });
      } finally {
        await worker.stop();
        await cleanup();
      }
    });

  withSetup('http_list (JSON, paged): copies the list, follows changes, survives 5xx, timeouts, cut connections and bad records', async ({ store, exchanges, worker }) => {
    const list = new Map<string, Served>();
    const put = (e: Served) => list.set(e.id, e);
    for (let i = 0; i < 5; i++) put({ id: `h${i}`, type: 'md5', value: hex(16) });
    put({ id: 'p1', type: 'pdq', value: hex(32) });
    put({ id: 'u1', type: 'url', value: 'listed.example/page' });
    let extra: unknown[] = [];
    const srv = await localServer((req, url, res) => {
      if (req.headers.authorization !== 'Bearer s3cret') return void res.writeHead(401).end();
      const all = [...[...list.values()].map((e) => ({ type: e.type, value: e.value, id: e.id })), ...extra];
      const page = Number(url.searchParams.get('page') ?? 0);
      const size = 3;
      const body = { entries: all.slice(page * size, page * size + size), ...(page * size + size < all.length ? { next: `/list.json?page=${page + 1}` } : {}) };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    try {
      const bank = await store.createBank('hotline-x');
      await exchanges.create(
        { name: 'hotline-x', kind: 'http_list', bankId: bank.id, settings: { url: `${srv.base}/list.json`, format: 'json', timeoutMs: 300 }, sealedCredentials: sealCredentials(cipher, 'hotline-x', { bearerToken: 's3cret' }), intervalSeconds: 3600 },
        new Date(),
      );
      let x = await worker.runNow('hotline-x');
      assert.equal(x.status, 'ok', x.lastError ?? '');
      assert.deepEqual(await localCopy(store, bank.id, 'hotline-x'), serverCopy(list.values()));
      assert.deepEqual([x.counts.added, x.counts.removed, x.counts.total], [7, 0, 7]);

      // Changes between fetches: one added, one deleted, one changed value.
      put({ id: 'h9', type: 'md5', value: hex(16) });
      list.delete('h0');
      put({ id: 'h1', type: 'md5', value: hex(16) });
      x = await worker.runNow('hotline-x');
      assert.equal(x.status, 'ok');
      assert.deepEqual(await localCopy(store, bank.id, 'hotline-x'), serverCopy(list.values()));
      assert.deepEqual([x.counts.added, x.counts.removed], [2, 2]);
      const good = await localCopy(store, bank.id, 'hotline-x');

      // Failures: the local copy stays the last good one, and matching goes on with it.
      const probe = list.get('h2')!;
      list.delete('h3'); // a change the failed fetches must not half-apply
      for (const fault of ['500', 'timeout', 'cut'] as const) {
        srv.fail((u) => u.searchParams.get('page') === '1', fault);
        x = await worker.runNow('hotline-x');
        assert.equal(x.status, 'failed', fault);
        assert.match(x.lastError ?? '', fault === '500' ? /exchange_http_error: .*503/ : fault === 'timeout' ? /exchange_timeout/ : /exchange_unreachable/);
        assert.doesNotMatch(x.lastError ?? '', /s3cret/, 'no credentials in errors');
        assert.ok(x.nextRunAt && Date.parse(x.nextRunAt) > Date.now(), 'a retry is scheduled');
        assert.deepEqual(await localCopy(store, bank.id, 'hotline-x'), good, `${fault}: nothing half-applied`);
        assert.equal((await store.lookup('md5', [probe.value])).length, 1, 'matching goes on');
        srv.heal();
      }
      assert.equal((await exchanges.require('hotline-x')).consecutiveFailures, 3);

      // A transient 5xx is retried within the fetch; a malformed record is counted and skipped.
      srv.fail((u) => u.searchParams.get('page') === '2', '500', 1);
      extra = [{ type: 'md5', value: 'not-a-hash', id: 'bad1' }, { nonsense: true }];
      x = await worker.runNow('hotline-x');
      assert.equal(x.status, 'ok', x.lastError ?? '');
      assert.equal(x.counts.invalid, 2);
      assert.equal(x.consecutiveFailures, 0);
      assert.deepEqual(await localCopy(store, bank.id, 'hotline-x'), serverCopy(list.values()));

      // Wrong credentials: a 401 fails at once (no retries) and changes nothing.
      const before = srv.requests.length;
      await exchanges.remove('hotline-x');
      await exchanges.create({ name: 'hotline-x', kind: 'http_list', bankId: bank.id, settings: { url: `${srv.base}/list.json`, format: 'json' }, sealedCredentials: sealCredentials(cipher, 'hotline-x', { bearerToken: 'wrong' }), intervalSeconds: 60 }, new Date());
      x = await worker.runNow('hotline-x');
      assert.equal(x.status, 'failed');
      assert.equal(srv.requests.length - before, 1, 'a 4xx is not retried');
      assert.deepEqual(await localCopy(store, bank.id, 'hotline-x'), serverCopy(list.values()));
    } finally {
      await srv.close();
    }
  });

  withSetup('threatexchange: threat_updates pages, resumes after a cut mid-fetch, applies deletions, retries rate limits, sends opinions back', async ({ store, exchanges, worker }) => {
    // The privacy group's indicators, each with an update time; deletions stay as should_delete events.
    interface Ind { id: string; type: 'HASH_PDQ' | 'HASH_MD5'; indicator: string; last_updated: number; should_delete?: boolean }
    const group = new Map<string, Ind>();
    let clock = 1_700_000_000;
    const set = (i: Omit<Ind, 'last_updated'>) => group.set(i.id, { ...i, last_updated: ++clock });
    for (let i = 0; i < 7; i++) set({ id: String(1000 + i), type: i % 2 ? 'HASH_MD5' : 'HASH_PDQ', indicator: i % 2 ? hex(16) : hex(32) });
    const reactions: string[] = [];
    const srv = await localServer((req, url, res) => {
      if (url.searchParams.get('access_token') !== '123|secret') return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":190,"message":"Invalid OAuth access token"}}');
      // An indicator's descriptors (GET /<indicator>?fields=descriptors), and reactions on one (POST /<descriptor>).
      const one = /^\/v18\.0\/(\w+)$/.exec(url.pathname);
      if (one && req.method === 'GET' && url.searchParams.get('fields') === 'descriptors') {
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: one[1], descriptors: { data: [{ id: `d${one[1]}a` }, { id: `d${one[1]}b` }] } }));
      }
      if (one && req.method === 'POST') {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          reactions.push(`${one[1]}:${new URLSearchParams(body).get('reactions')}`);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
        });
        return;
      }
      const m = /^\/v18\.0\/(\w+)\/threat_updates$/.exec(url.pathname);
      if (!m) return void res.writeHead(404).end();
      const since = Number(url.searchParams.get('start_time') ?? 0);
      const limit = Number(url.searchParams.get('limit'));
      const after = Number(url.searchParams.get('after') ?? 0);
      const rows = [...group.values()].filter((r) => r.last_updated >= since).sort((a, b) => a.last_updated - b.last_updated);
      const page = rows.slice(after, after + limit);
      const more = after + limit < rows.length;
      const next = new URL(url.toString());
      next.searchParams.set('after', String(after + limit));
      const body = { data: page, paging: { cursors: { before: String(after), after: String(after + limit) }, ...(more ? { next: `${srv.base}${next.pathname}${next.search}` } : {}) } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    const live = () => [...group.values()].filter((i) => !i.should_delete).map((i) => ({ id: i.id, type: i.type === 'HASH_PDQ' ? 'pdq' : 'md5', value: i.indicator }) as Served);
    try {
      const bank = await store.createBank('te');
      await exchanges.create(
        { name: 'te', kind: 'threatexchange', bankId: bank.id, settings: { privacyGroup: '42', baseUrl: srv.base, pageSize: 3, timeoutMs: 500, backoffMs: 10 }, sealedCredentials: sealCredentials(cipher, 'te', { accessToken: '123|secret' }), intervalSeconds: 600 },
        new Date(),
      );
      // A rate limit (Graph error 4) is retried; the connection is cut on the third page every time.
      srv.fail((u) => !u.searchParams.has('after'), 'rate_limit', 1);
      srv.fail((u) => u.searchParams.get('after') === '6', 'cut');
      let x = await worker.runNow('te');
      assert.equal(x.status, 'failed');
      assert.match(x.lastError ?? '', /exchange_unreachable/);
      assert.equal((await localCopy(store, bank.id, 'te')).length, 6, 'the two pages that arrived are kept');
      assert.deepEqual(JSON.parse(x.checkpoint!), { since: 0, after: '6' }, 'the checkpoint points after them');
      srv.heal();
      const resumedFrom = srv.requests.length;
      x = await worker.runNow('te');
      assert.equal(x.status, 'ok', x.lastError ?? '');
      assert.match(srv.requests[resumedFrom]!, /after=6/, 'resumed from the checkpoint, not from the start');
      assert.deepEqual(await localCopy(store, bank.id, 'te'), serverCopy(live()));

      // Changes: one deleted (a should_delete event), one added, one changed.
      const gone = group.get('1001')!;
      group.set('1001', { ...gone, should_delete: true, last_updated: ++clock });
      set({ id: '2000', type: 'HASH_MD5', indicator: hex(16) });
      set({ id: '1002', type: 'HASH_PDQ', indicator: hex(32) });
      assert.deepEqual(JSON.parse((await exchanges.require('te')).checkpoint!), { since: 1_700_000_007 }, 'the newest update seen');
      const third = srv.requests.length;
      x = await worker.runNow('te');
      assert.equal(x.status, 'ok', x.lastError ?? '');
      assert.deepEqual(await localCopy(store, bank.id, 'te'), serverCopy(live()));
      assert.equal((await store.lookup('md5', [gone.indicator])).length, 0, 'a deleted indicator no longer matches');
      assert.match(srv.requests[third]!, /start_time=1700000007/, 'incremental: asks only for updates since the last one seen');
      assert.equal(srv.requests.length - third, 2, 'the three changes and the last indicator seen (start_time is inclusive): two pages of 3');

      // Opinions: a false positive disables the hash for us (kept, not deleted), goes back as a reaction, and
      // a later fetch of the same unchanged indicator does not re-enable it.
      const md5Entry = (await store.lookup('md5', [group.get('2000')!.indicator]))[0]!;
      await store.recordOpinion(md5Entry.id, 'false_positive', { by: 'reviewer-1', exchange: 'te' });
      assert.equal(await worker.reportOpinions(), 1);
      assert.deepEqual(reactions, ['d2000a:NON_MALICIOUS', 'd2000b:NON_MALICIOUS'], 'a NON_MALICIOUS reaction on each of the indicator\'s descriptors');
      set({ id: '2000', type: 'HASH_MD5', indicator: group.get('2000')!.indicator }); // touched upstream, same value
      x = await worker.runNow('te');
      assert.equal(x.status, 'ok');
      assert.equal((await store.lookup('md5', [md5Entry.value])).length, 0, 'still disabled for us');
      assert.equal((await store.lookup('md5', [md5Entry.value], { includeDisabled: true })).length, 1, 'but kept');
      assert.equal((await store.lookup('md5', [md5Entry.value], { sources: ['exchange:te'], includeDisabled: true })).length, 1, 'filterable by source');
      assert.equal(await worker.reportOpinions(), 0, 'each opinion is sent once');
    } finally {
      await srv.close();
    }
  });

  withSetup('the worker runs due exchanges on schedule, one failing exchange does not stop the others, and credentials are stored sealed', async ({ store, exchanges, worker, errors }) => {
    const srv = await localServer((_req, url, res) => {
      if (url.pathname === '/ok.csv') return void res.writeHead(200, { 'content-type': 'text/csv' }).end(`type,hash,id\nmd5,${'a'.repeat(32)},x1\nurl,bad.example/p,x2\n`);
      res.writeHead(500).end();
    });
    try {
      const bank = await store.createBank('sched');
      await exchanges.create({ name: 'a-broken', kind: 'http_list', bankId: bank.id, settings: { url: `${srv.base}/broken`, format: 'json' }, sealedCredentials: null, intervalSeconds: 60 }, new Date());
      await exchanges.create({ name: 'b-csv', kind: 'http_list', bankId: bank.id, settings: { url: `${srv.base}/ok.csv`, format: 'csv' }, sealedCredentials: sealCredentials(cipher, 'b-csv', { bearerToken: 'tok-123' }), intervalSeconds: 60 }, new Date());
      const raw = await exchanges.sealedCredentials('b-csv');
      assert.ok(raw && !Buffer.from(raw, 'base64').toString('latin1').includes('tok-123'), 'credentials are sealed at rest');
      await worker.drain();
      const [a, b] = await exchanges.list();
      assert.equal(a!.status, 'failed');
      assert.equal(b!.status, 'ok');
      assert.deepEqual(await localCopy(store, bank.id, 'b-csv'), ['x1|md5|' + 'a'.repeat(32), 'x2|url|bad.example/p']);
      assert.ok(errors.length >= 1);
      assert.equal((await exchanges.due(new Date())).length, 0, 'nothing due right after a run');
      assert.equal((await exchanges.due(new Date(Date.now() + 61_000))).length, 2, 'both due again after their interval');
    } finally {
      await srv.close();
    }
  });

  withSetup('ncmec: XML entries with paging, deletions, a malformed record and a cut mid-fetch; the local copy ends equal', async ({ store, exchanges, worker }) => {
    interface Rec { id: string; kind: 'image' | 'video'; ts: string; md5: string; pdna?: string; deleted?: boolean }
    const recs = new Map<string, Rec>();
    // Timestamps as NCMEC gives them: when the record changed (never in the future), strictly increasing here.
    let last = 0;
    const stamp = () => new Date((last = Math.max(Date.now(), last + 1))).toISOString();
    const put = (r: Omit<Rec, 'ts'>) => recs.set(r.id, { ...r, ts: stamp() });
    // Stamps made in one millisecond run a few ms ahead of the clock: wait until they are in the past, so a
    // fetch bounded by "now" sees them (as it would at NCMEC, whose timestamps are never in the future).
    const settle = async () => {
      while (Date.now() <= last) await new Promise((r) => setTimeout(r, 1));
    };
    for (let i = 0; i < 5; i++) put({ id: `img${i}`, kind: i % 2 ? 'video' : 'image', md5: hex(16), ...(i === 0 ? { pdna: `${hex(20)}+/=` } : {}) });
    await settle();
    const xmlOf = (r: Rec) =>
      r.deleted
        ? `<deleted${r.kind === 'image' ? 'Image' : 'Video'}><member id="1">M</member><id>${r.id}</id><timestamp>${r.ts}</timestamp></deleted${r.kind === 'image' ? 'Image' : 'Video'}>`
        : `<${r.kind}><member id="1">M</member><timestamp>${r.ts}</timestamp><id>${r.id}</id><classification>A1</classification><fingerprints><md5>${r.md5}</md5><sha1>${hex(20)}</sha1>${r.pdna ? `<pdna>${r.pdna}</pdna>` : ''}</fingerprints></${r.kind}>`;
    const srv = await localServer((req, url, res) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('npo-user:pw').toString('base64')}`) return void res.writeHead(401).end();
      const from = url.searchParams.get('from')!;
      const to = url.searchParams.get('to')!;
      const start = Number(url.searchParams.get('start') ?? 0);
      const rows = [...recs.values()].filter((r) => r.ts > from && r.ts <= to).sort((a, b) => a.ts.localeCompare(b.ts));
      const page = rows.slice(start, start + 2);
      const next = start + 2 < rows.length ? `/v2/entries?${new URLSearchParams({ from, to, start: String(start + 2) }).toString().replace(/&/g, '&amp;')}` : undefined;
      const malformed = start === 0 ? '<image><timestamp>2026-01-01T00:00:00Z</timestamp><fingerprints><md5>00</md5></fingerprints></image>' : '';
      res.writeHead(200, { 'content-type': 'application/xml' }).end(
        `<?xml version="1.0" encoding="UTF-8"?><queryResult xmlns="https://hashsharing.ncmec.org/hashsharing/v2"><images>${page.map(xmlOf).join('')}${malformed}</images>${next ? `<paging><next>${next}</next></paging>` : ''}</queryResult>`,
      );
    });
    const live = () =>
      [...recs.values()].filter((r) => !r.deleted).flatMap((r) => [`${r.id}:md5|md5|${r.md5}`, ...(r.pdna ? [`${r.id}:opaque|opaque|pdna:${r.pdna}`] : [])]).sort();
    try {
      const bank = await store.createBank('ncmec');
      await exchanges.create(
        { name: 'ncmec', kind: 'ncmec', bankId: bank.id, settings: { baseUrl: srv.base, startAt: '2025-12-31T00:00:00.000Z', timeoutMs: 500, backoffMs: 10 }, sealedCredentials: sealCredentials(cipher, 'ncmec', { username: 'npo-user', password: 'pw' }), intervalSeconds: 600 },
        new Date(),
      );
      srv.fail((u) => u.searchParams.get('start') === '4', 'cut');
      let x = await worker.runNow('ncmec');
      assert.equal(x.status, 'failed');
      assert.equal((await localCopy(store, bank.id, 'ncmec')).length, 5, 'two pages (4 entries, one with PhotoDNA) kept');
      srv.heal();
      x = await worker.runNow('ncmec');
      assert.equal(x.status, 'ok', x.lastError ?? '');
      assert.equal(x.counts.invalid, 0, 'the resumed fetch did not start over');
      assert.deepEqual(await localCopy(store, bank.id, 'ncmec'), live());

      await new Promise((r) => setTimeout(r, 5)); // changes made after the last fetch's upper bound
      recs.set('img2', { ...recs.get('img2')!, deleted: true, ts: stamp() });
      put({ id: 'img9', kind: 'image', md5: hex(16) });
      await settle();
      const pdna = recs.get('img0')!.pdna!;
      x = await worker.runNow('ncmec');
      assert.equal(x.status, 'ok', x.lastError ?? '');
      assert.equal(x.counts.invalid, 1, 'the malformed record (no id) is counted, not applied');
      assert.deepEqual(await localCopy(store, bank.id, 'ncmec'), live());
      assert.equal((await store.lookup('opaque', [`pdna:${pdna}`])).length, 1, 'PhotoDNA values match as opaque hashes');
    } finally {
      await srv.close();
    }
  });

  withSetup('stopncii: FetchHashes pages with a token, withdrawn hashes removed, a 5xx mid-fetch resumed, feedback sent', async ({ store, exchanges, worker }) => {
    const recs = new Map<string, { signalType: 'ImagePDQ' | 'VideoMD5'; hashValue: string; hashStatus: string; lastModtimestamp: number }>();
    let ts = 1_700_000_000;
    const put = (signalType: 'ImagePDQ' | 'VideoMD5', hashValue: string, hashStatus = 'Active') => recs.set(`${signalType}:${hashValue}`, { signalType, hashValue, hashStatus, lastModtimestamp: ++ts });
    for (let i = 0; i < 5; i++) put(i % 2 ? 'VideoMD5' : 'ImagePDQ', i % 2 ? hex(16) : hex(32));
    const feedback: unknown[] = [];
    const srv = await localServer((req, url, res) => {
      if (req.headers['ocp-apim-subscription-key'] !== 'sub') return void res.writeHead(401).end();
      if (url.pathname === '/v1/SubmitFeedback') {
        if (req.headers['x-functions-key'] !== 'fb-key') return void res.writeHead(401).end();
        let b = '';
        req.on('data', (d) => (b += d)).on('end', () => {
          feedback.push(JSON.parse(b));
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
        return;
      }
      if (req.headers['x-functions-key'] !== 'fetch-key') return void res.writeHead(401).end();
      const since = Number(url.searchParams.get('startTimestamp'));
      const size = Number(url.searchParams.get('pageSize'));
      const start = Number(url.searchParams.get('nextPageToken') ?? 0);
      const rows = [...recs.values()].filter((r) => r.lastModtimestamp > since).sort((a, b) => a.lastModtimestamp - b.lastModtimestamp);
      const page = rows.slice(start, start + size);
      const more = start + size < rows.length;
      const extra = start === 0 ? [{ signalType: 'VideoTMK', hashValue: 'x', hashStatus: 'Active', lastModtimestamp: 1 }] : [];
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ count: page.length, hashRecords: [...page, ...extra], hasMoreRecords: more, nextPageToken: more ? String(start + size) : null, nextSetTimestamp: rows.at(-1)?.lastModtimestamp ?? since }),
      );
    });
    const live = () => [...recs.values()].filter((r) => r.hashStatus === 'Active').map((r) => `${r.signalType}:${r.hashValue}|${r.signalType === 'ImagePDQ' ? 'pdq' : 'md5'}|${r.hashValue}`).sort();
    try {
      const bank = await store.createBank('stopncii');
      await exchanges.create(
        { name: 'stopncii', kind: 'stopncii', bankId: bank.id, settings: { baseUrl: `${srv.base}/v1`, pageSize: 2, timeoutMs: 500, backoffMs: 5 }, sealedCredentials: sealCredentials(cipher, 'stopncii', { subscriptionKey: 'sub', fetchFunctionKey: 'fetch-key', feedbackFunctionKey: 'fb-key' }), intervalSeconds: 600 },
        new Date(),
      );
      srv.fail((u) => u.searchParams.get('nextPageToken') === '4', '500');
      let x = await worker.runNow('stopncii');
      assert.equal(x.status, 'failed');
      assert.equal((await localCopy(store, bank.id, 'stopncii')).length, 4);
      srv.heal();
      x = await worker.runNow('stopncii');
      assert.equal(x.status, 'ok', x.lastError ?? '');
      assert.deepEqual(await localCopy(store, bank.id, 'stopncii'), live());
      const [first] = [...recs.values()];
      recs.set(`${first!.signalType}:${first!.hashValue}`, { ...first!, hashStatus: 'Withdrawn', lastModtimestamp: ++ts });
      put('ImagePDQ', hex(32));
      x = await worker.runNow('stopncii');
      assert.equal(x.status, 'ok', x.lastError ?? '');
      assert.equal(x.counts.invalid, 1, 'an unsupported record type is counted');
      assert.deepEqual(await localCopy(store, bank.id, 'stopncii'), live());
      const md5 = [...recs.values()].find((r) => r.signalType === 'VideoMD5')!;
      const [e] = await store.lookup('md5', [md5.hashValue]);
      await store.recordOpinion(e!.id, 'false_positive', { exchange: 'stopncii' });
      assert.equal(await worker.reportOpinions(), 1);
      assert.deepEqual(feedback, [{ count: 1, hashFeedbacks: [{ hashValue: md5.hashValue, feedbackValue: 'NotBlocked', tags: [] }] }]);
    } finally {
      await srv.close();
    }
  });
}
