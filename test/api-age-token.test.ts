/**
 * POST /v1/age/token/nonce and POST /v1/age/token over HTTP (app.request), with issuers, holders and devices
 * whose keys are made in the test: a verified token changes the account's age decision; forged, untrusted,
 * expired, misdirected and replayed presentations get clear 4xx codes; the token text is in no table and no
 * log line. SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { mdocIssuer, p256, presentMdoc, presentSdJwt, sdJwtIssuer } from '../src/age-tokens/test-credentials.ts';
import { createLogger } from '../src/server/logger.ts';
import type { TestApp } from '../src/server/test-app.ts';
import type { Database } from '../src/store/database.ts';
import { testDatabases } from './support/databases.ts';
import { createTestApp } from '../src/server/test-app.ts';

const AUD = 'https://platform.test/age';
const RESPONSE_URI = 'https://platform.test/age/response';

/** Every value of every row of every table, as one string per table. */
async function allRows(database: Database, pgSchema: string | undefined): Promise<Map<string, string>> {
  const names =
    database.kind === 'postgres'
      ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${pgSchema}`.execute(database.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(database.db)).rows.map((r) => r.name);
  const out = new Map<string, string>();
  for (const n of names) {
    const rows = (await sql`select * from ${sql.table(n)}`.execute(database.db)).rows;
    out.set(n, JSON.stringify(rows, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : typeof v === 'bigint' ? String(v) : v)));
  }
  return out;
}

for (const target of testDatabases()) {
  describe(`${target.name}: age tokens over the API`, { timeout: 120_000 }, () => {
    let t: TestApp;
    let token: string;
    let database: Database;
    let pgSchema: string | undefined;
    let closeDb: () => Promise<void>;
    const logLines: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'lg-age-token-'));
    const sdIssuer = sdJwtIssuer('https://issuer.test');
    const holder = p256();
    let mdIssuer: Awaited<ReturnType<typeof mdocIssuer>>;
    const presented: string[] = [];

    before(async () => {
      mdIssuer = await mdocIssuer('Test AV');
      const policyFile = join(dir, 'policy.json');
      writeFileSync(
        policyFile,
        JSON.stringify({
          ageTokens: {
            audience: AUD,
            responseUri: RESPONSE_URI,
            issuers: [
              { id: sdIssuer.id, format: 'sd-jwt-vc', keys: [sdIssuer.publicJwk] },
              { id: 'test-av', format: 'mdoc', certificates: [mdIssuer.rootPem] },
            ],
          },
        }),
      );
      const opened = await target.open();
      database = opened.database;
      pgSchema = opened.pgSchema;
      closeDb = opened.cleanup;
      const logger = createLogger({ write: (s: string) => (logLines.push(s), true) }, 'debug');
      t = await createTestApp(database, { env: { LIFEGUARD_POLICY_FILE: policyFile }, logger });
      token = await t.token('age:verify');
    });
    after(async () => {
      await t.close();
      await closeDb();
      rmSync(dir, { recursive: true, force: true });
    });

    async function nonceFor(accountId: string): Promise<string> {
      const r = await t.call('POST', '/v1/age/token/nonce', { token, json: { accountId } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.audience, AUD);
      assert.equal(r.body.responseUri, RESPONSE_URI);
      assert.ok(r.body.expiresAt > Date.now() && r.body.expiresAt <= Date.now() + 300_000);
      return r.body.nonce as string;
    }
    async function sdToken(claims: Record<string, unknown>, disclose: Record<string, unknown>, nonce: string, o: { aud?: string; signWith?: Parameters<typeof sdIssuer.issue>[0]['signWith']; exp?: number; iat?: number } = {}) {
      const cred = await sdIssuer.issue({ holder: holder.publicJwk, claims, ...(o.signWith ? { signWith: o.signWith } : {}), ...(o.exp !== undefined ? { exp: o.exp, iat: o.iat } : {}) });
      const p = await presentSdJwt(cred, holder.privateJwk, { disclose, nonce, aud: o.aud ?? AUD });
      presented.push(p);
      return p;
    }
    const verify = (json: Record<string, unknown>) => t.call('POST', '/v1/age/token', { token, json });

    test('401 without a key, 403 with another scope, for both routes', async () => {
      for (const [path, json] of [
        ['/v1/age/token/nonce', { accountId: 'a' }],
        ['/v1/age/token', { accountId: 'a', format: 'sd-jwt-vc', token: 'x', nonce: 'y' }],
      ] as const) {
        assert.equal((await t.call('POST', path, { json })).status, 401, path);
        for (const scope of ['age', 'age:estimate', 'events'] as const) {
          const other = await t.token(scope);
          const r = await t.call('POST', path, { token: other, json });
          assert.equal(r.status, 403, `${path} with ${scope}`);
        }
      }
    });

    test('challenge age: an estimate of 21 asks for a check; a verified age_over_18 settles it (SD-JWT VC)', async () => {
      const ageKey = await t.token('age', 'events');
      const est = await t.call('POST', '/v1/age/signals', { token: ageKey, json: { signals: [{ id: 'est-1', account: { id: 'acct-sd' }, method: 'estimation', age: 21, confidence: 0.9, provider: 'vendor-x' }] } });
      assert.equal(est.status, 202, JSON.stringify(est.body));
      await t.drain();
      const beforeToken = await t.call('GET', '/v1/accounts/acct-sd/age', { token: ageKey });
      assert.equal(beforeToken.body.tier, 'unknown');
      assert.equal(beforeToken.body.needsCheck, true, 'under the challenge age 25 an estimate cannot prove adulthood');
      assert.ok(beforeToken.body.checkMethods.includes('digital_id'));

      const nonce = await nonceFor('acct-sd');
      const p = await sdToken({ age_over_18: true, age_over_21: true, birthdate: '2000-02-02' }, { age_over_18: true }, nonce);
      const r = await verify({ accountId: 'acct-sd', format: 'sd-jwt-vc', token: p, nonce });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.issuer, 'https://issuer.test');
      assert.deepEqual(r.body.claims, [{ threshold: 18, over: true }]);
      assert.equal(r.body.atLeast, 18);
      assert.equal(r.body.below, null);
      assert.equal(r.body.signal.method, 'digital_id');
      assert.equal(r.body.decision.tier, 'adult');
      assert.equal(r.body.decision.basis, 'digital_id');
      assert.equal(r.body.decision.needsCheck, false);

      await t.drain();
      const afterToken = await t.call('GET', '/v1/accounts/acct-sd/age', { token: ageKey });
      assert.equal(afterToken.body.tier, 'adult');
      assert.equal(afterToken.body.needsCheck, false);

      // Replay: the same presentation with the same nonce.
      const again = await verify({ accountId: 'acct-sd', format: 'sd-jwt-vc', token: p, nonce });
      assert.equal(again.status, 409, JSON.stringify(again.body));
      assert.equal(again.body.error.code, 'age_token_nonce_used');
      // The same presentation with a fresh nonce: the holder signed the old one.
      const fresh = await nonceFor('acct-sd');
      const replayed = await verify({ accountId: 'acct-sd', format: 'sd-jwt-vc', token: p, nonce: fresh });
      assert.equal(replayed.status, 422);
      assert.equal(replayed.body.error.code, 'age_token_holder_binding_invalid');
    });

    test('mdoc: age_over_13 true and age_over_16 false place the account in 13-15', async () => {
      const nonce = await nonceFor('acct-md');
      const device = p256();
      const issued = await mdIssuer.issue({ elements: { age_over_13: true, age_over_16: false, age_over_18: false }, deviceKey: device.publicJwk });
      const p = await presentMdoc(issued, device.privateJwk, { elements: ['age_over_13', 'age_over_16'], mdocGeneratedNonce: 'w-1', clientId: AUD, responseUri: RESPONSE_URI, nonce });
      presented.push(p);
      const missing = await verify({ accountId: 'acct-md', format: 'mdoc', token: p, nonce });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.code, 'mdoc_nonce_required');
      const r = await verify({ accountId: 'acct-md', format: 'mdoc', token: p, nonce, mdocGeneratedNonce: 'w-1' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.issuer, 'test-av');
      assert.equal(r.body.atLeast, 13);
      assert.equal(r.body.below, 16);
      assert.equal(r.body.decision.tier, '13-15');
      assert.equal(r.body.decision.needsReview, false);
      // A stolen response presented for another account, with that account's nonce.
      const other = await nonceFor('acct-md-2');
      const stolen = await verify({ accountId: 'acct-md-2', format: 'mdoc', token: p, nonce: other, mdocGeneratedNonce: 'w-1' });
      assert.equal(stolen.body.error.code, 'age_token_holder_binding_invalid');
    });

    test('refusals: forged, untrusted, expired, wrong audience, no age claim, unknown nonce, another account\'s nonce', async () => {
      const cases: [string, (nonce: string) => Promise<string>, number, string][] = [
        ['forged', (n) => sdToken({ age_over_18: true }, { age_over_18: true }, n, { signWith: p256().privateJwk }), 422, 'age_token_signature_invalid'],
        ['expired', (n) => sdToken({ age_over_18: true }, { age_over_18: true }, n, { iat: Date.now() - 7_200_000, exp: Date.now() - 3_600_000 }), 422, 'age_token_expired'],
        ['wrong audience', (n) => sdToken({ age_over_18: true }, { age_over_18: true }, n, { aud: 'https://elsewhere.test' }), 422, 'age_token_wrong_audience'],
        ['no age claim', (n) => sdToken({ age_over_18: true, nationality: 'NL' }, { nationality: true }, n), 422, 'age_token_no_age_claim'],
        [
          'untrusted issuer',
          async (n) => {
            const stranger = sdJwtIssuer('https://stranger.test');
            return presentSdJwt(await stranger.issue({ holder: holder.publicJwk, claims: { age_over_18: true } }), holder.privateJwk, { disclose: { age_over_18: true }, nonce: n, aud: AUD });
          },
          422,
          'age_token_issuer_untrusted',
        ],
      ];
      for (const [name, make, status, code] of cases) {
        const nonce = await nonceFor('acct-bad');
        const r = await verify({ accountId: 'acct-bad', format: 'sd-jwt-vc', token: await make(nonce), nonce });
        assert.equal(r.status, status, `${name}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, code, name);
      }
      const p = await sdToken({ age_over_18: true }, { age_over_18: true }, 'never-issued');
      const unknown = await verify({ accountId: 'acct-bad', format: 'sd-jwt-vc', token: p, nonce: 'never-issued' });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.error.code, 'age_token_nonce_unknown');
      const theirs = await nonceFor('acct-other');
      const cross = await verify({ accountId: 'acct-bad', format: 'sd-jwt-vc', token: await sdToken({ age_over_18: true }, { age_over_18: true }, theirs), nonce: theirs });
      assert.equal(cross.body.error.code, 'age_token_nonce_unknown');
      const bad = await verify({ accountId: 'acct-bad', format: 'jwt', token: 'x', nonce: 'y' });
      assert.equal(bad.status, 400);
      await t.drain();
      assert.equal((await t.call('GET', '/v1/accounts/acct-bad/age', { token: await t.token('events') })).status, 404, 'no refused token recorded a signal');
    });

    test('the token is in no table and no log line; the record keeps issuer, claims, format and time', async () => {
      assert.ok(presented.length >= 5);
      const tables = await allRows(database, pgSchema);
      assert.ok(tables.has('age_token_nonces') && tables.has('events'));
      const logs = logLines.join('\n');
      assert.ok(logLines.some((l) => l.includes('"path":"/v1/age/token"') && l.includes('"status":200')), 'the requests were logged (so the log is worth searching)');
      for (const p of presented) {
        // The issuer signature and the last 40 characters (the key-binding or device signature) of each token.
        const pieces = [p.split('~')[0]!.split('.')[2] ?? p.slice(0, 60), p.replace(/~$/, '').slice(-40)];
        for (const piece of pieces) {
          for (const [name, text] of tables) assert.ok(!text.includes(piece), `token text found in table ${name}`);
          assert.ok(!logs.includes(piece), 'token text found in the log');
        }
      }
      const recorded = await database.db.selectFrom('age_token_nonces').selectAll().where('signal_id', 'is not', null).execute();
      assert.deepEqual(recorded.map((r) => [r.account_id, r.format, r.issuer, JSON.parse(r.claims!)]).sort(), [
        ['acct-md', 'mdoc', 'test-av', [{ threshold: 13, over: true }, { threshold: 16, over: false }]],
        ['acct-sd', 'sd-jwt-vc', 'https://issuer.test', [{ threshold: 18, over: true }]],
      ]);
      assert.ok(recorded.every((r) => Number(r.used_at) > 0));
      const events = (await database.db.selectFrom('events').selectAll().execute()).map((e) => JSON.stringify(e)).filter((e) => e.includes('age-token-'));
      assert.equal(events.length, 2);
      assert.ok(events.some((e) => e.includes('sd-jwt-vc:https://issuer.test')) && events.some((e) => e.includes('mdoc:test-av')));
    });
  });
}
