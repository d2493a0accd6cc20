/** Bank routes and streamed hash-list imports as jobs, through the real bank store, importer and matcher. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { testDatabases } from './support/databases.ts';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

for (const target of testDatabases()) {
  describe(`${target.name}: banks API`, () => {
    let t: TestApp;
    let token: string;
    let cleanup: () => Promise<void>;
    before(async () => {
      const opened = await target.open();
      t = await createTestApp(opened.database, { env: { LIFEGUARD_MAX_IMPORT_BYTES: '200000' } });
      cleanup = async () => {
        await t.close();
        await opened.cleanup();
      };
      token = await t.token('banks');
    });
    after(() => cleanup());

    test('create, list, get, delete; names are validated and unique', async () => {
      const created = await t.call('POST', '/v1/banks', { token, json: { name: 'hotline-a', description: 'from a hotline' } });
      assert.equal(created.status, 201);
      assert.equal(created.body.name, 'hotline-a');
      const dup = await t.call('POST', '/v1/banks', { token, json: { name: 'hotline-a' } });
      assert.deepEqual([dup.status, dup.body.error.code], [409, 'bank_exists']);
      const bad = await t.call('POST', '/v1/banks', { token, json: { name: '../etc' } });
      assert.deepEqual([bad.status, bad.body.error.code], [400, 'invalid_bank_name']);
      await t.call('POST', '/v1/banks', { token, json: { name: 'temp' } });
      const list = await t.call('GET', '/v1/banks', { token });
      assert.deepEqual(list.body.items.map((b: { name: string }) => b.name).sort(), ['hotline-a', 'temp']);
      assert.equal(list.body.totals.banks, 2);
      const got = await t.call('GET', '/v1/banks/hotline-a', { token });
      assert.deepEqual([got.status, got.body.stats.entries], [200, 0]);
      assert.equal((await t.call('DELETE', '/v1/banks/temp', { token })).status, 200);
      for (const [method, path] of [['GET', '/v1/banks/temp'], ['DELETE', '/v1/banks/temp'], ['POST', '/v1/banks/temp/entries'], ['POST', '/v1/banks/temp/import']] as const) {
        const res = await t.call(method, path, { token, ...(method === 'POST' ? { json: { entries: [{ type: 'md5', value: md5('x') }] } } : {}) });
        assert.deepEqual([res.status, res.body.error.code], [404, 'not_found'], `${method} ${path}`);
      }
    });

    test('add and remove entries; bad hashes name the entry', async () => {
      const add = await t.call('POST', '/v1/banks/hotline-a/entries', {
        token,
        json: { entries: [{ type: 'md5', value: md5('a'), externalId: 'ext-1', category: 'A' }, { type: 'md5', value: md5('a') }, { type: 'sha256', value: 'b'.repeat(64) }] },
      });
      assert.equal(add.status, 200);
      assert.deepEqual(add.body, { added: 2, merged: 1, flagged: 0 });
      const bad = await t.call('POST', '/v1/banks/hotline-a/entries', { token, json: { entries: [{ type: 'md5', value: md5('c') }, { type: 'md5', value: 'abc' }] } });
      assert.deepEqual([bad.status, bad.body.error.code, bad.body.error.detail.index], [400, 'invalid_hash', 1]);
      const wrongType = await t.call('POST', '/v1/banks/hotline-a/entries', { token, json: { entries: [{ type: 'sha1', value: md5('c') }] } });
      assert.deepEqual([wrongType.status, wrongType.body.error.code], [400, 'invalid_body']);
      const stats = (await t.call('GET', '/v1/banks/hotline-a', { token })).body.stats;
      assert.deepEqual([stats.entries, stats.byType.md5, stats.byType.sha256], [2, 1, 1]);

      const content = await t.token('content');
      const hit = await t.call('POST', '/v1/content/match-hash', { token: content, json: { type: 'md5', value: md5('a') } });
      assert.equal(hit.body.decision, 'block');
      const entryId = hit.body.matches[0].entryId;
      assert.equal((await t.call('DELETE', `/v1/banks/hotline-a/entries/${entryId}`, { token })).status, 200);
      assert.equal((await t.call('DELETE', `/v1/banks/hotline-a/entries/${entryId}`, { token })).body.error.code, 'not_found');
      assert.equal((await t.call('DELETE', '/v1/banks/hotline-a/entries/not-a-number', { token })).body.error.code, 'invalid_params');
      const miss = await t.call('POST', '/v1/content/match-hash', { token: content, json: { type: 'md5', value: md5('a') } });
      assert.equal(miss.body.decision, 'allow', 'a removed entry no longer matches');
    });

    test('a streamed hash list imports as a job with progress, counting bad lines', async () => {
      await t.call('POST', '/v1/banks', { token, json: { name: 'imported' } });
      const lines = ['hash,type,category'];
      for (let i = 0; i < 2000; i++) lines.push(`${md5(`item ${i}`)},md5,B`);
      lines.push('zzzz,md5,B', `${md5('x')},sha999,B`);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const text = Buffer.from(lines.join('\n') + '\n');
          for (let i = 0; i < text.length; i += 8192) controller.enqueue(text.subarray(i, i + 8192));
          controller.close();
        },
      });
      const res = await t.app.request('/v1/banks/imported/import?source=test-list', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body,
        duplex: 'half',
      } as RequestInit);
      assert.equal(res.status, 202);
      const job = (await res.json()) as { id: string; status: string; progress: { total: number } };
      assert.match(job.id, /^job_/);
      assert.ok(job.progress.total > 60_000, 'total is the spooled size');
      await t.deps.tasks!.drain();
      const done = await t.call('GET', `/v1/jobs/${job.id}`, { token });
      assert.equal(done.body.status, 'succeeded', JSON.stringify(done.body));
      assert.equal(done.body.result.added, 2000);
      assert.equal(done.body.result.errors, 2);
      assert.deepEqual(done.body.result.firstErrors.map((e: { line: number }) => e.line), [2002, 2003]);
      const content = await t.token('content');
      const hit = await t.call('POST', '/v1/content/match-hash', { token: content, json: { type: 'md5', value: md5('item 1999'), banks: ['imported'] } });
      assert.equal(hit.body.decision, 'block');
      assert.deepEqual(hit.body.matches[0].sources, ['test-list']);
    });

    test('import limits and failures are reported, never hidden', async () => {
      const big = await t.call('POST', '/v1/banks/imported/import', { token, body: 'hash\n' + `${md5('q')}\n`.repeat(7000), headers: { 'content-type': 'text/plain' } });
      assert.deepEqual([big.status, big.body.error.code], [413, 'body_too_large']);
      const empty = await t.call('POST', '/v1/banks/imported/import', { token, body: '', headers: { 'content-type': 'text/plain' } });
      assert.deepEqual([empty.status, empty.body.error.code], [400, 'empty_body']);
      const noHeader = await t.call('POST', '/v1/banks/imported/import', { token, body: 'just words\nmore words\n', headers: { 'content-type': 'text/plain' } });
      assert.equal(noHeader.status, 202);
      await t.deps.tasks!.drain();
      const failed = await t.call('GET', `/v1/jobs/${noHeader.body.id}`, { token });
      assert.equal(failed.body.status, 'failed');
      assert.equal(typeof failed.body.error.code, 'string');
      assert.equal((await t.call('GET', '/v1/jobs/job_unknown', { token })).body.error.code, 'not_found');
    });
  });
}
