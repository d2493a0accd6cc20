/**
 * The reviewer console in a real browser (Debian's chromium via playwright-core) against the service on
 * 127.0.0.1 with a real OpenID Connect provider beside it: local and OIDC sign-in, the public report form
 * opening a case, claim by keyboard, dismiss, reveal a benign generated image (blurred and greyscale first),
 * assess, add to a bank and see the next upload blocked, a reveal denied for the wrong role, audit entries,
 * CSP on every page and no request to another origin. Saves screenshots of the queue and a case to docs/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestProvider, type TestProvider } from '../../../test/support/oidc-test-provider.ts';
import { noChromium, startConsoleBrowser } from '../../../test/support/console-browser.ts';
import { hashPassword } from '../../crypto/password-hash.ts';
import { renderTestPattern } from '../../matching/test-patterns.ts';
import { createPeopleStore } from '../../store/people-store.ts';
import type { TestApp } from '../test-app.ts';
import { watchPage } from '../../../test/support/watch-page.ts';

const skip = noChromium;
const password = 'correct horse battery staple';
const docs = new URL('../../../docs/', import.meta.url).pathname;

let t: TestApp;
let base: string;
let browser: Browser;
let op: TestProvider;
let apiToken: string;
let image: Buffer;
let contentId: string;
let cleanup: () => Promise<void>;

before(async () => {
  if (skip) return;
  const c = await startConsoleBrowser(async (origin) => {
    op = await startTestProvider(`${origin}/console/oidc/callback`);
    return {
      LIFEGUARD_OIDC_ISSUER: op.issuer,
      LIFEGUARD_OIDC_CLIENT_ID: op.clientId,
      LIFEGUARD_OIDC_CLIENT_SECRET: op.clientSecret,
      LIFEGUARD_OIDC_REDIRECT_URL: `${origin}/console/oidc/callback`,
      LIFEGUARD_OIDC_ALLOW_HTTP: 'true',
      LIFEGUARD_REVEAL_SECONDS: '30',
    };
  });
  ({ t, base, browser } = c);
  cleanup = async () => {
    await c.close();
    await op.close();
  };

  const people = createPeopleStore(c.database);
  const hash = await hashPassword(password);
  await people.add({ email: 'casey@example.org', displayName: 'Casey Child-Safety', roles: ['child_safety_reviewer'], passwordHash: hash });
  await people.add({ email: 'robin@example.org', displayName: 'Robin Reviewer', roles: ['reviewer'], passwordHash: hash });
  await people.add({ email: 'audrey@example.org', displayName: 'Audrey Auditor', roles: ['auditor'], passwordHash: hash });
  await people.add({ email: 'sso.reviewer@example.org', displayName: 'Sam SSO', roles: ['reviewer'] });

  // A bank, and a benign generated picture uploaded as reported (kept sealed), about an account.
  await t.deps.services.banks!.store.createBank('console-test', 'added from the console test');
  apiToken = await t.token('admin');
  image = await renderTestPattern('sunset', 7, 480, 320);
  const up = await t.call('POST', '/v1/content?reported=true&clientId=upload-1', { token: apiToken, body: new Uint8Array(image), headers: { 'content-type': 'image/png' } });
  assert.equal(up.status, 200, JSON.stringify(up.body));
  assert.equal(up.body.decision, 'allow');
  contentId = up.body.id as string;
  // (The reported upload opens its own case.) A conversation the grooming detector flags: the pipeline opens its case.
  const chat = [
    ['acct-adult-7', 'hey, you seem really mature for your age'],
    ['acct-young-3', 'thanks i guess'],
    ['acct-adult-7', 'how old are you? are your parents home?'],
    ['acct-young-3', 'im 12, they are at work'],
    ['acct-adult-7', 'this is our secret, don’t tell anyone we talk'],
  ];
  const evs = chat.map(([author, text], i) => ({ type: 'chat.message', id: `m-${i}`, ts: Date.now() - (5 - i) * 60_000, conversationId: 'conv-benign-1', author: { id: author }, text }));
  assert.equal((await t.call('POST', '/v1/events', { token: apiToken, json: { events: evs } })).status, 202);
  await t.drain();
});
after(() => cleanup?.());

/** A laptop-sized context that records every request, console error and page error. */
async function context(): Promise<{ ctx: BrowserContext; page: Page; requests: string[]; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const { requests, errors } = watchPage(page);
  return { ctx, page, requests, errors };
}

async function signIn(page: Page, email: string): Promise<void> {
  const res = await page.goto(`${base}/console`);
  assert.equal(res?.status(), 200);
  assert.match(page.url(), /\/console\/sign-in\?next=/);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/console\/(queue|audit|people|statistics)/);
}

/** Presses n and waits for the claimed case's page (a different address from the current one). */
async function nextCase(page: Page): Promise<void> {
  const from = page.url();
  await page.keyboard.press('n');
  await page.waitForURL((u) => u.href !== from && /\/console\/cases\/[^/?]+\?done=claimed$/.test(u.href));
}

const sameOrigin = (requests: string[]) => assert.deepEqual([...new Set(requests.map((u) => new URL(u).origin))], [base], requests.join('\n'));

test('a public report, then claim, dismiss, reveal, assess, bank and block — by keyboard, same origin only', { skip }, async () => {
  // The public report form, no account: a child in danger now (about an account).
  const pub = await context();
  await pub.page.goto(`${base}/report`);
  await pub.page.getByLabel('A child is in danger right now').check();
  await pub.page.getByLabel('A user').check();
  await pub.page.getByLabel('Username, stream name or link').fill('acct-worrying-9');
  await pub.page.getByLabel('What happened? (optional)').fill('They said they would come to the school gate today.');
  await pub.page.getByRole('button', { name: 'Send report' }).click();
  await pub.page.waitForURL(`${base}/report/sent?urgent`);
  assert.ok(await pub.page.getByRole('heading', { name: 'Report sent' }).isVisible());
  sameOrigin(pub.requests);
  assert.deepEqual(pub.errors, []);
  await pub.ctx.close();
  await t.drain();

  const { ctx, page, requests, errors } = await context();
  await signIn(page, 'casey@example.org');
  const queue = await page.goto(`${base}/console/queue`);
  const csp = queue!.headers()['content-security-policy']!;
  assert.match(csp, /default-src 'none'; script-src 'self'; style-src 'self'/);
  assert.equal(queue!.headers()['cache-control'], 'no-store');
  assert.ok(await page.getByText('Keyboard:').isVisible(), 'shortcuts are announced');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate<string>('document.activeElement.textContent'), 'Skip to main content', 'the first Tab stop skips to the content');
  await page.keyboard.press('?');
  assert.ok(await page.getByRole('heading', { name: 'Keyboard shortcuts' }).isVisible(), '? lists the shortcuts');
  await page.keyboard.press('Escape');
  const rows = page.locator('tbody tr');
  assert.equal(await rows.count(), 3, (await rows.allInnerTexts()).join('\n'));
  assert.match(await rows.nth(0).innerText(), /A child in danger now/i, 'the imminent report is first');
  mkdirSync(docs, { recursive: true });
  await page.screenshot({ path: `${docs}console-queue.png` });

  // n: claim the next (most pressing) case — the public report — and dismiss it.
  await nextCase(page);
  assert.ok(await page.getByText('You have claimed this case.').isVisible());
  assert.ok(await page.getByText('They said they would come to the school gate today.').isVisible(), 'the reporter’s words');
  await page.keyboard.press('x');
  assert.equal(await page.evaluate('document.activeElement.id'), 'kind', 'x focuses the action form');
  await page.selectOption('#kind', 'dismiss');
  await page.selectOption('#reason', 'insufficient_evidence');
  await page.getByRole('button', { name: 'Take action' }).click();
  await page.waitForURL(/done=acted/);
  assert.ok(await page.getByText('This case is closed.').isVisible());

  // n again: the flagged conversation — transcript with the detector's spans highlighted.
  await nextCase(page);
  assert.ok(await page.getByRole('heading', { name: /Conversation conv-benign-1/ }).isVisible());
  assert.ok((await page.locator('.transcript mark').count()) >= 2, 'detector spans highlighted');
  assert.match(await page.locator('.transcript').innerText(), /how old are you/);
  await page.screenshot({ path: `${docs}console-case.png`, fullPage: true });

  // n again: the reported upload; no media is sent before a reveal.
  await nextCase(page);
  const caseUrl = page.url().replace(/\?.*$/, '');
  assert.ok(await page.getByRole('heading', { name: 'Media', exact: true }).isVisible());
  assert.equal(await page.locator('img').count(), 0, 'no media is sent before a reveal');

  // r focuses the reveal button; Enter reveals — blurred and greyscale first.
  await page.keyboard.press('r');
  assert.match(await page.evaluate<string>('document.activeElement.textContent'), /Reveal/);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/reveal\//);
  const img = page.locator('img#evidence');
  await img.waitFor();
  await page.waitForFunction('document.querySelector("img#evidence").complete && document.querySelector("img#evidence").naturalWidth > 0');
  const before = await page.evaluate<{ filter: string; w: number }>('({ filter: getComputedStyle(document.querySelector("img#evidence")).filter, w: document.querySelector("img#evidence").naturalWidth })');
  assert.equal(before.w, 480);
  assert.match(before.filter, /blur\(24px\)/);
  assert.match(before.filter, /grayscale\(1\)/);
  await page.screenshot({ path: `${docs}console-reveal.png` });
  await page.keyboard.press('u');
  await page.waitForFunction('!getComputedStyle(document.querySelector("img#evidence")).filter.includes("blur")');
  assert.match(await page.evaluate<string>('getComputedStyle(document.querySelector("img#evidence")).filter'), /grayscale\(1\)/, 'still greyscale');
  const media = requests.find((u) => u.includes('/console/media/'))!;
  const mediaRes = await page.request.get(media);
  assert.equal(mediaRes.headers()['cache-control'], 'no-store');
  await page.getByRole('link', { name: 'Hide and go back to the case' }).click();
  await page.waitForURL(caseUrl);

  // a: assess; x: add to a bank.
  await page.keyboard.press('a');
  assert.equal(await page.evaluate('document.activeElement.id'), 'ukCategory');
  await page.selectOption('#ukCategory', 'not_illegal');
  await page.selectOption('#ageBand', 'unknown');
  await page.getByLabel('Notes').fill('Generated test pattern (benign).');
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await page.waitForURL(/done=assessed/);
  await page.keyboard.press('x');
  await page.selectOption('#kind', 'add_to_bank');
  await page.selectOption('#target', (await page.locator('#target option', { hasText: /^content / }).getAttribute('value'))!);
  await page.selectOption('#bank', 'console-test');
  await page.getByRole('button', { name: 'Take action' }).click();
  await page.waitForURL(/done=acted/);
  assert.ok(await page.getByText(/add to bank on content/).isVisible());

  // The next upload of the same picture is blocked.
  t.deps.services.banks!.changed();
  const again = await t.call('POST', '/v1/content', { token: apiToken, body: new Uint8Array(image), headers: { 'content-type': 'image/png' } });
  assert.equal(again.status, 200);
  assert.equal(again.body.decision, 'block', JSON.stringify(again.body));
  assert.equal(again.body.matches[0].bank, 'console-test');

  sameOrigin(requests);
  assert.deepEqual(errors, []);
  await ctx.close();

  // The wrong role: a reviewer (not child-safety) sees the case but no media, and a forged reveal is refused.
  const other = await context();
  await signIn(other.page, 'robin@example.org');
  const denied = await other.page.goto(caseUrl);
  assert.equal(denied?.status(), 403);
  assert.match(await other.page.locator('#denied-reason').innerText(), /needs the child_safety_reviewer role/);
  assert.equal(await other.page.getByRole('button', { name: /Reveal/ }).count(), 0);
  const csrf = await other.page.locator('input[name=csrf]').first().getAttribute('value');
  const forged = await other.page.request.post(`${caseUrl}/reveal`, { form: { csrf: csrf!, contentId } });
  assert.equal(forged.status(), 403);
  assert.match(await forged.text(), /child-safety reviewers/);
  sameOrigin(other.requests);
  await other.ctx.close();

  // The auditor sees every step in the audit log, and the chain verifies.
  const aud = await context();
  await signIn(aud.page, 'audrey@example.org');
  await aud.page.goto(`${base}/console/audit`);
  const log = await aud.page.locator('table').innerText();
  for (const a of ['sign in', 'case claimed', 'case viewed', 'media revealed', 'case assessed', 'case actioned', 'media reveal denied']) assert.match(log, new RegExp(a), a);
  assert.match(log, /"fullView":true/);
  await aud.page.getByRole('button', { name: 'Verify the whole chain' }).click();
  assert.match(await aud.page.locator('#verify-result').innerText(), /The chain is intact/);
  const forbidden = await aud.page.goto(caseUrl);
  assert.equal(forbidden?.status(), 200, 'auditors may read a case');
  assert.equal(await aud.page.getByRole('button', { name: /Reveal/ }).count(), 0, 'but reveal nothing');
  sameOrigin(aud.requests);
  assert.deepEqual(aud.errors, []);
  await aud.ctx.close();
});

test('OpenID Connect sign-in maps a verified email to an existing person; an unknown one is refused', { skip }, async () => {
  const { ctx, page } = await context();
  await page.goto(`${base}/console/sign-in`);
  await page.getByRole('link', { name: /organisation’s account/ }).click();
  await page.waitForURL(new RegExp(`^${op.issuer}/interaction/`));
  await page.locator('input[name=login]').fill('sso.reviewer');
  await page.locator('input[name=password]').fill('anything');
  await page.locator('button[type=submit]').click();
  await page.locator('button[type=submit]', { hasText: 'Continue' }).click();
  await page.waitForURL(`${base}/console/queue`);
  assert.ok(await page.getByText('Sam SSO').isVisible());
  await ctx.close();

  const stranger = await context();
  await stranger.page.goto(`${base}/console/oidc/start`);
  await stranger.page.locator('input[name=login]').fill('not.a.person');
  await stranger.page.locator('input[name=password]').fill('anything');
  await stranger.page.locator('button[type=submit]').click();
  await stranger.page.locator('button[type=submit]', { hasText: 'Continue' }).click();
  await stranger.page.waitForURL(`${base}/console/oidc/callback**`);
  assert.ok(await stranger.page.getByRole('heading', { name: 'No console account' }).isVisible());
  await stranger.ctx.close();
  const people = await createPeopleStore(t.deps.database).list();
  assert.ok(people.find((p) => p.email === 'sso.reviewer@example.org')?.oidc, 'the identity is linked');
  assert.equal(people.some((p) => p.email === 'not.a.person@example.org'), false, 'no auto-provisioning');
});
