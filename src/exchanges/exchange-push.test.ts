// Exchange push against local servers on 127.0.0.1: hashes of cases a reviewer confirmed are shared (the
// ThreatExchange descriptor format; the generic JSON POST with an idempotency key), each hash once — also when
// an answer is lost and the round is retried — never the exchange's own entries, never a dismissed case's.
// SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { defaultPolicy } from '../core/safety-policy/policy-schema.ts';
import { createMediaCipher } from '../crypto/media-cipher.ts';
import type { Reviewer } from '../review/case-service.ts';
import { createCaseService } from '../review/create-case-service.ts';
import { createBankStore } from '../store/bank-store.ts';
import { createContentStore } from '../store/content-store.ts';
import { createExchangePushStore } from '../store/exchange-push-store.ts';
import { createExchangeStore } from '../store/exchange-store.ts';
import { createExchangeWorker, sealCredentials } from './exchange-worker.ts';

const hex = (n: number) => randomBytes(n).toString('hex');
const cipher = createMediaCipher(randomBytes(32));
const alice: Reviewer = { id: 'alice', roles: ['reviewer', 'child_safety_reviewer'], via: 'test' };

async function serve(handle: (req: IncomingMessage, url: URL, body: string, res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handle(req, new URL(req.url!, 'http://127.0.0.1'), body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

for (const target of testDatabases()) {
  test(`${target.name}: confirmed hashes go to ThreatExchange as descriptors once, a lost answer is checked before any resend`, async () => {
    const { database, cleanup } = await target.open();
    // The group's descriptors as the server holds them; POST creates one, GET ?text=&owner= searches ours.
    const descriptors: { id: string; type: string; indicator: string; owner: string; form: Record<string, string> }[] = [];
    let loseAnswerFor: string | undefined;
    const posts: string[] = [];
    const srv = await serve((req, url, body, res) => {
      const json = (v: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(v));
      if (url.pathname === '/v18.0/threat_descriptors' && req.method === 'POST') {
        const form = Object.fromEntries(new URLSearchParams(body));
        if (form.access_token !== '123|secret') return void res.writeHead(400).end('{"error":{"code":190}}');
        posts.push(form.indicator!);
        const d = { id: `td${descriptors.length + 1}`, type: form.type!, indicator: form.indicator!, owner: '123', form };
        descriptors.push(d);
        if (form.indicator === loseAnswerFor) {
          loseAnswerFor = undefined;
          return void res.socket?.destroy(); // created, but the answer never arrives
        }
        return json({ success: true, id: d.id });
      }
      if (url.pathname === '/v18.0/threat_descriptors' && req.method === 'GET') {
        const found = descriptors.filter((d) => d.indicator === url.searchParams.get('text') && d.owner === url.searchParams.get('owner') && d.type === url.searchParams.get('type'));
        return json({ data: found.map((d) => ({ id: d.id, raw_indicator: d.indicator, owner: { id: d.owner } })) });
      }
      res.writeHead(404).end();
    });
    try {
      const bankStore = createBankStore(database);
      const exchanges = createExchangeStore(database);
      const pushes = createExchangePushStore(database);
      const worker = createExchangeWorker({ bankStore, exchanges, pushes, cipher, pushKeyPrefix: 'test' });
      const bank = await bankStore.createBank('te');
      const own = await bankStore.createBank('ours');
      await exchanges.create(
        { name: 'te', kind: 'threatexchange', bankId: bank.id, settings: { privacyGroup: '42', baseUrl: srv.base, timeoutMs: 1000, push: { shareLevel: 'AMBER' } }, sealedCredentials: sealCredentials(cipher, 'te', { accessToken: '123|secret' }), intervalSeconds: 600 },
        new Date(),
      );
      // Two matched entries: one the exchange sent us (goes back as an opinion, never as a share), one ours.
      const fromTe = hex(32);
      const ours = hex(16);
      await bankStore.addEntries(bank.id, [{ signalType: 'pdq', value: fromTe, sources: ['exchange:te'], externalId: '777' }]);
      await bankStore.addEntries(own.id, [{ signalType: 'md5', value: ours, sources: ['manual'] }]);
      const [teEntry] = await bankStore.lookup('pdq', [fromTe]);
      const [ourEntry] = await bankStore.lookup('md5', [ours]);
      // An upload: its MD5, SHA-256 and PDQ are new content hashes.
      const upload = { md5: hex(16), sha256: hex(32), pdq: hex(32) };
      await createContentStore(database).insert({ id: 'cnt_1', keyId: 'k', clientId: null, mediaType: 'image/png', byteLength: 10, width: 64, height: 64, ...upload, pdqQuality: 90, decision: 'block', reasons: [], matches: [], reported: false, retained: true, createdAt: Date.now() });

      let t = 1_000_000;
      const cases = createCaseService({ database, policy: defaultPolicy().review, now: () => t++ });
      const c = await cases.intake({
        source: 'known_content',
        severity: 'high',
        subjects: [{ type: 'content', id: 'cnt_1' }, { type: 'hash', id: `sha256:${upload.sha256}` }, { type: 'hash', id: `entry:${teEntry!.id}` }, { type: 'hash', id: `entry:${ourEntry!.id}` }],
        evidence: [{ kind: 'content', id: 'cnt_1', summary: 'upload' }],
        reasons: ['match'],
      });
      const other = await cases.intake({ source: 'known_content', severity: 'high', subjects: [{ type: 'hash', id: `md5:${'e'.repeat(32)}` }], evidence: [{ kind: 'bank_match', id: '1', summary: 'm' }], reasons: ['match'] });

      // Nothing is confirmed yet: nothing goes out.
      let rounds = await worker.pushConfirmed();
      assert.equal(rounds.te?.queued, 0);
      assert.equal(posts.length, 0);

      await cases.claim(c.caseId, alice);
      await cases.assess(c.caseId, alice, { ukCategory: 'B' });
      const acted = await cases.act(c.caseId, alice, { kind: 'mark_for_referral' });
      assert.equal(acted.case.state.label, 'true_positive');
      await cases.claim(other.caseId, alice);
      await cases.act(other.caseId, alice, { kind: 'dismiss', reason: 'not_violating' });

      // Round 1: the answer to the second share is lost; the round stops there.
      loseAnswerFor = upload.md5;
      rounds = await worker.pushConfirmed();
      assert.equal(rounds.te?.queued, 3, 'our MD5 entry, the upload MD5 and PDQ (SHA-256 is not a type this exchange takes here)');
      assert.match(rounds.te?.stoppedBy ?? '', /exchange_(unreachable|timeout)/);
      assert.deepEqual(await pushes.counts('te'), { sent: 1, sending: 1, pending: 1 });

      // Round 2: the lost one is found on the exchange and not sent again; the last one is sent.
      rounds = await worker.pushConfirmed();
      assert.deepEqual({ sent: rounds.te?.sent, confirmedShared: rounds.te?.confirmedShared }, { sent: 1, confirmedShared: 1 });
      assert.deepEqual(await pushes.counts('te'), { sent: 3 });
      assert.deepEqual(posts.sort(), [ours, upload.md5, upload.pdq].sort(), 'each hash posted exactly once');
      assert.ok(!posts.includes(fromTe), "the exchange's own entry is not shared back");
      assert.ok(!posts.includes('e'.repeat(32)), 'a dismissed case shares nothing');

      // The descriptor format: type, privacy group, status, share level, the reviewer's category as a tag.
      const pdq = descriptors.find((d) => d.indicator === upload.pdq)!;
      assert.deepEqual(
        { type: pdq.form.type, privacy_type: pdq.form.privacy_type, privacy_members: pdq.form.privacy_members, status: pdq.form.status, share_level: pdq.form.share_level, tags: pdq.form.tags },
        { type: 'HASH_PDQ', privacy_type: 'HAS_PRIVACY_GROUP', privacy_members: '42', status: 'MALICIOUS', share_level: 'AMBER', tags: 'uk_category_b' },
      );
      const journal = await pushes.list('te');
      assert.ok(journal.every((j) => j.remoteId !== null && j.caseId === c.caseId), 'each share keeps the exchange id and its case');

      // Round 3: nothing new, nothing sent.
      rounds = await worker.pushConfirmed();
      assert.deepEqual({ queued: rounds.te?.queued, sent: rounds.te?.sent }, { queued: 0, sent: 0 });
      assert.equal(posts.length, 3);
      await worker.stop();
    } finally {
      await srv.close();
      await cleanup();
    }
  });

  test(`${target.name}: the generic exchange shares by JSON POST with one idempotency key per hash across retries`, async () => {
    const { database, cleanup } = await target.open();
    const received = new Map<string, { type: string; value: string }>();
    const keysSeen: string[] = [];
    let fail = 1;
    const srv = await serve((req, url, body, res) => {
      if (url.pathname === '/list.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"entries":[]}');
      if (url.pathname !== '/share' || req.method !== 'POST' || req.headers.authorization !== 'Bearer tok') return void res.writeHead(404).end();
      const key = String(req.headers['idempotency-key']);
      keysSeen.push(key);
      // The server stores the share, then (once) answers 503: the client cannot tell it was stored.
      if (!received.has(key)) received.set(key, JSON.parse(body) as { type: string; value: string });
      if (fail-- > 0) return void res.writeHead(503).end();
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `s-${key.slice(-4)}` }));
    });
    try {
      const bankStore = createBankStore(database);
      const exchanges = createExchangeStore(database);
      const pushes = createExchangePushStore(database);
      const worker = createExchangeWorker({ bankStore, exchanges, pushes, cipher, pushKeyPrefix: 'inst1' });
      const bank = await bankStore.createBank('hotline');
      await exchanges.create(
        { name: 'hotline', kind: 'http_list', bankId: bank.id, settings: { url: `${srv.base}/list.json`, format: 'json', pushUrl: `${srv.base}/share`, timeoutMs: 1000 }, sealedCredentials: sealCredentials(cipher, 'hotline', { bearerToken: 'tok' }), intervalSeconds: 600 },
        new Date(),
      );
      const cases = createCaseService({ database, policy: defaultPolicy().review, now: () => 1_000_000 });
      const sha = hex(32);
      const c = await cases.intake({ source: 'manual', severity: 'high', subjects: [{ type: 'hash', id: `sha256:${sha}` }], evidence: [{ kind: 'report', id: 'r1', summary: 's' }], reasons: ['x'] });
      await cases.claim(c.caseId, alice);
      await cases.act(c.caseId, alice, { kind: 'mark_for_referral' });

      let rounds = await worker.pushConfirmed();
      assert.match(rounds.hotline?.stoppedBy ?? '', /503/);
      assert.deepEqual(await pushes.counts('hotline'), { sending: 1 });
      rounds = await worker.pushConfirmed();
      assert.equal(rounds.hotline?.sent, 1);
      assert.equal(keysSeen.length, 2);
      assert.equal(keysSeen[0], keysSeen[1], 'the retry carries the same idempotency key');
      assert.match(keysSeen[0]!, /^inst1:hotline:\d+$/);
      assert.deepEqual([...received.values()], [{ type: 'sha256', value: sha, category: null }], 'stored once on the server');
      assert.deepEqual(await pushes.counts('hotline'), { sent: 1 });
      await worker.stop();
    } finally {
      await srv.close();
      await cleanup();
    }
  });
}
