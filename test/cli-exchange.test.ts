// `lifeguard exchange list|status|fetch` against exchanges stored in SQLite and PostgreSQL, with a local list
// server on 127.0.0.1 that first works, then fails: status, counts and errors as the worker recorded them.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createBankStore } from '../src/store/bank-store.ts';
import { createExchangeStore } from '../src/store/exchange-store.ts';
import { testDatabases } from './support/databases.ts';
import { runCli } from './support/run-cli.ts';

for (const target of testDatabases()) {
  test(`${target.name}: exchange list, status and fetch show status, last success, error and counts`, async () => {
    const { database, url, pgSchema, cleanup } = await target.open();
    const md5 = randomBytes(16).toString('hex');
    let broken = false;
    const server = createServer((req, res) => {
      if (broken) return void res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ entries: [{ type: 'md5', value: md5, id: 'a1' }, { type: 'md5', value: 'not-a-hash', id: 'a2' }] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const bank = await createBankStore(database).createBank('hotline');
      await createExchangeStore(database).create({ name: 'hotline', kind: 'http_list', bankId: bank.id, settings: { url: `${base}/list.json`, format: 'json', timeoutMs: 500 }, sealedCredentials: null, intervalSeconds: 3600 }, new Date());
      const env: Record<string, string> = { LIFEGUARD_DATABASE_URL: url, ...(pgSchema ? { LIFEGUARD_PG_SCHEMA: pgSchema } : {}) };
      const cli = (...argv: string[]) => runCli(argv, { env });

      let r = await cli('exchange', 'list');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^NAME\s+KIND\s+BANK\s+STATUS/m);
      assert.match(r.out, /hotline\s+http_list\s+hotline\s+idle\s+never/);

      r = await cli('exchange', 'fetch', 'hotline', '--json');
      assert.equal(r.code, 0, r.err);
      assert.equal(r.rows[0]!.status, 'ok');
      assert.deepEqual([r.rows[0]!.counts.added, r.rows[0]!.counts.invalid, r.rows[0]!.counts.total], [1, 1, 1]);
      assert.ok(r.rows[0]!.lastSuccessAt);
      assert.equal((await createBankStore(database).lookup('md5', [md5])).length, 1, 'fetched into the bank');

      broken = true;
      r = await cli('exchange', 'fetch', 'hotline');
      assert.equal(r.code, 3, 'a failed fetch exits 3');
      assert.match(r.err, /fetch of hotline failed: exchange_http_error/);
      assert.match(r.out, /status:\s+failed \(1 failures in a row\)/);
      assert.equal((await createBankStore(database).lookup('md5', [md5])).length, 1, 'the last good copy keeps matching');

      r = await cli('exchange', 'status', 'hotline', '--json');
      assert.equal(r.code, 0);
      assert.equal(r.rows[0]!.status, 'failed');
      assert.match(r.rows[0]!.lastError, /503/);
      assert.ok(r.rows[0]!.lastSuccessAt, 'the last success is still shown');

      r = await cli('exchange', 'list');
      assert.match(r.out, /hotline\s+http_list\s+hotline\s+failed\s+\d{4}-\d\d-\d\dT\S+\s+fetched 1, \+1 −0, invalid 1, total 1\s+exchange_http_error/);

      assert.equal((await cli('exchange', 'status', 'nope')).code, 3, 'an unknown exchange is an error');
      assert.match((await cli('exchange', 'status', 'nope')).err, /exchange_not_found/);
      assert.equal((await cli('exchange', 'fetch')).code, 2, 'fetch needs a NAME');
      assert.equal((await cli('exchange', 'pull', 'hotline')).code, 2);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await cleanup();
    }
  });
}
