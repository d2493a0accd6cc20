/**
 * Issue 12 end to end through the HTTP app: URL and keyword lists added to a bank are checked by
 * POST /v1/checks/url and /v1/checks/search, and chat messages and stream comments carrying a listed URL
 * (also disguised) or term are held with a case opened on the list entry; an account profile carrying one opens a
 * case about the account. SQLite and PostgreSQL.
 * The listed terms and sites are made up and harmless.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../src/server/test-app.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

for (const target of testDatabases()) {
  describe(`${target.name}: URL and keyword lists`, () => {
    let t: TestApp;
    let events: string;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ t, cleanup } = await openTestApp(target));
      events = await t.token('events');
      const banks = await t.token('banks');
      for (const name of ['hotline-urls', 'hotline-keywords']) assert.equal((await t.call('POST', '/v1/banks', { token: banks, json: { name } })).status, 201);
      const urls = await t.call('POST', '/v1/banks/hotline-urls/entries', {
        token: banks,
        json: {
          entries: [
            { type: 'url', value: 'https://www.listed.example/gallery/1', externalId: 'u1', sources: ['hotline'] },
            { type: 'url', value: 'files.example/private/*', externalId: 'u2', sources: ['exchange:other'] },
            { type: 'url', value: '*.whole-site.example', externalId: 'u3', sources: ['hotline'] },
            // A hashed entry: the SHA-1 of the canonical form, so the list does not show the page.
            { type: 'url', value: `sha1:${sha1('hidden.example/p')}`, externalId: 'u4', sources: ['hotline'] },
          ],
        },
      });
      assert.equal(urls.status, 200, JSON.stringify(urls.body));
      assert.equal(urls.body.added, 4);
      const kw = await t.call('POST', '/v1/banks/hotline-keywords/entries', {
        token: banks,
        json: { entries: [{ type: 'keyword', value: 'Purple Lantern Club', language: 'en', externalId: 'k1', sources: ['hotline'] }] },
      });
      assert.equal(kw.status, 200, JSON.stringify(kw.body));
      const bad = await t.call('POST', '/v1/banks/hotline-urls/entries', { token: banks, json: { entries: [{ type: 'url', value: 'ftp://nope' }] } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid_value');
    });
    after(() => cleanup());

    const checkUrl = async (json: Record<string, unknown>) => {
      const r = await t.call('POST', '/v1/checks/url', { token: events, json });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body as { allow: boolean; code: string; matches: { bank: string; externalId: string; obfuscated?: boolean; sources: string[] }[]; unresolvable: string[] };
    };

    test('link previews: listed pages, prefixes, domains and hashed entries are denied; others allowed; shorteners flagged', async () => {
      for (const [url, ext] of [
        ['http://listed.example/gallery/1/', 'u1'],
        ['https://FILES.example/private/a/b.html', 'u2'],
        ['cdn.whole-site.example/x?y=1', 'u3'],
        ['https://www.hidden.example/p', 'u4'],
        ['hxxp://listed[.]example/gallery/1', 'u1'],
      ]) {
        const r = await checkUrl({ url });
        assert.equal(r.allow, false, url);
        assert.equal(r.code, 'url_listed');
        assert.deepEqual(r.matches.map((m) => m.externalId), [ext], url);
        assert.equal(r.matches[0]!.bank, 'hotline-urls');
      }
      const ok = await checkUrl({ url: 'https://listed.example/gallery/2' });
      assert.deepEqual([ok.allow, ok.code, ok.matches.length], [true, 'allowed', 0]);
      const short = await checkUrl({ url: 'https://bit.ly/abc123' });
      assert.deepEqual([short.allow, short.code, short.unresolvable], [true, 'url_unresolvable', ['https://bit.ly/abc123']]);
      // Filters: by source and by bank.
      assert.equal((await checkUrl({ url: 'files.example/private/x', sources: ['hotline'] })).allow, true);
      assert.equal((await checkUrl({ url: 'files.example/private/x', sources: ['exchange:other'] })).allow, false);
      assert.equal((await checkUrl({ url: 'files.example/private/x', banks: ['hotline-keywords'] })).allow, true);
      const unknown = await t.call('POST', '/v1/checks/url', { token: events, json: { url: 'a.example', banks: ['no-such-bank'] } });
      assert.equal(unknown.status, 404);
    });

    test('search box: a listed term is denied with deterrence and help; other queries pass', async () => {
      const denied = await t.call('POST', '/v1/checks/search', { token: events, json: { query: 'where is the purple l4ntern club', country: 'GB' } });
      assert.equal(denied.status, 200, JSON.stringify(denied.body));
      assert.equal(denied.body.allow, false);
      assert.equal(denied.body.code, 'search_term_listed');
      assert.equal(denied.body.matches[0].externalId, 'k1');
      assert.equal(denied.body.matches[0].language, 'en');
      assert.match(denied.body.deterrence.message, /illegal/);
      assert.match(denied.body.deterrence.resources[0].contact, /0808/);
      const allowed = await t.call('POST', '/v1/checks/search', { token: events, json: { query: 'purple lanterns for a garden club' } });
      assert.deepEqual([allowed.body.allow, allowed.body.code], [true, 'allowed']);
    });

    test('chat messages and comments with a listed URL or term are held and open a case with the entry as evidence', async () => {
      const author = { id: 'acct-9' };
      const batch = {
        events: [
          { id: 'l-m1', type: 'chat.message', conversationId: 'c-1', messageId: 'm-1', author, text: 'look at listed . example/gallery/1 now' },
          { id: 'l-m2', type: 'chat.message', conversationId: 'c-1', messageId: 'm-2', author, text: 'see you at football practice' },
          { id: 'l-s', type: 'stream.started', streamId: 's-1', streamer: { id: 'streamer-1' }, audience: 'public' },
          { id: 'l-c1', type: 'stream.comment', streamId: 's-1', commentId: 'cm-1', author, text: 'join the PURPLE lantern club' },
        ],
      };
      assert.equal((await t.call('POST', '/v1/events', { token: events, json: batch })).status, 202);
      await t.drain();
      const fx = (await t.call('GET', '/v1/effects?limit=1000', { token: events })).body.items as {
        eventId: string;
        effect: { kind: string; target: { type: string; id: string }; scope?: { type: string; id: string }; evidence: { kind: string; id: string; summary: string }[] };
      }[];
      const of = (id: string) => fx.filter((e) => e.eventId === id && (e.effect.kind === 'hold_message' || e.effect.kind === 'open_case'));
      const m1 = of('l-m1');
      assert.deepEqual(m1.map((e) => e.effect.kind).sort(), ['hold_message', 'open_case']);
      assert.deepEqual(m1[0]!.effect.target, { type: 'message', id: 'm-1' });
      assert.deepEqual(m1[0]!.effect.scope, { type: 'conversation', id: 'c-1' });
      assert.equal(m1[0]!.effect.evidence[0]!.kind, 'bank_match');
      assert.match(m1[0]!.effect.evidence[0]!.summary, /disguised/);
      assert.equal(of('l-m2').length, 0, 'an ordinary message is not held');
      const c1 = of('l-c1');
      assert.deepEqual(c1.map((e) => e.effect.kind).sort(), ['hold_message', 'open_case']);
      assert.deepEqual(c1[0]!.effect.target, { type: 'comment', id: 'cm-1' });
      assert.match(c1[0]!.effect.evidence[0]!.summary, /purple lantern club/);
    });

    test('an account profile with a listed link opens a case about the account, with the list entry as evidence', async () => {
      const batch = {
        events: [
          { id: 'l-p1', type: 'account.profile', account: { id: 'acct-profile-1' }, displayName: 'Garden club', bio: 'photos of my allotment', links: ['https://www.listed.example/gallery/1'] },
          { id: 'l-p2', type: 'account.profile', account: { id: 'acct-profile-2' }, displayName: 'Garden club', bio: 'photos of my allotment', links: ['https://example.org/allotment'] },
        ],
      };
      assert.equal((await t.call('POST', '/v1/events', { token: events, json: batch })).status, 202);
      await t.drain();
      const fx = (await t.call('GET', '/v1/effects?limit=1000', { token: events })).body.items as { eventId: string; effect: { kind: string; target: { type: string; id: string }; evidence: { kind: string; id: string }[] } }[];
      const p1 = fx.filter((e) => e.eventId === 'l-p1');
      assert.deepEqual(p1.map((e) => [e.effect.kind, e.effect.target]), [['open_case', { type: 'account', id: 'acct-profile-1' }]]);
      assert.equal(p1[0]!.effect.evidence[0]!.kind, 'bank_match');
      assert.equal(fx.filter((e) => e.eventId === 'l-p2').length, 0, 'a clean profile asks for nothing');
    });
  });
}
