/**
 * The referral page in a real browser (Debian's chromium via playwright-core) against the service on
 * 127.0.0.1 and a local CyberTipline (127.0.0.1): a child-safety reviewer holding the claim of a confirmed
 * case (a benign generated picture) opens the draft from the case page by keyboard, reads the escaped XML,
 * ticks the confirmation and sends; the case page shows the report id. Strict CSP, no other origin, no
 * console errors. Saves docs/console-referral.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser } from 'playwright-core';
import { cyberTiplineSkip } from '../../../test/support/cybertipline-schema.ts';
import { startCyberTiplineServer } from '../../../test/support/cybertipline-server.ts';
import { noChromium, startConsoleBrowser } from '../../../test/support/console-browser.ts';
import { hashPassword } from '../../crypto/password-hash.ts';
import { renderTestPattern } from '../../matching/test-patterns.ts';
import { createPeopleStore } from '../../store/people-store.ts';
import type { TestApp } from '../test-app.ts';
import { watchPage } from '../../../test/support/watch-page.ts';

const skip = noChromium || cyberTiplineSkip;
const password = 'correct horse battery staple';
const docs = new URL('../../../docs/', import.meta.url).pathname;
const creds = { username: 'esp', password: 'secret' };

let t: TestApp;
let base: string;
let browser: Browser;
let tipline: Awaited<ReturnType<typeof startCyberTiplineServer>>;
let caseId: string;
let cleanup: (() => Promise<void>) | undefined;

before(async () => {
  if (skip) return;
  tipline = await startCyberTiplineServer({ ...creds, lateMs: 2000 });
  const c = await startConsoleBrowser({
    LIFEGUARD_CYBERTIPLINE_URL: tipline.url,
    LIFEGUARD_CYBERTIPLINE_USERNAME: creds.username,
    LIFEGUARD_CYBERTIPLINE_PASSWORD: creds.password,
    LIFEGUARD_REFERRAL_PLATFORM: 'Example Live',
    LIFEGUARD_REFERRAL_EMAIL: 'safety@example.org',
  });
  ({ t, base, browser } = c);
  cleanup = async () => {
    await c.close();
    await tipline.close();
  };
  const casey = await createPeopleStore(c.database).add({ email: 'casey@example.org', displayName: 'Casey Child-Safety', roles: ['child_safety_reviewer'], passwordHash: await hashPassword(password) });
  const image = await renderTestPattern('hills', 3, 320, 240);
  const up = await t.call('POST', '/v1/content?reported=true', { token: await t.token('content'), body: new Uint8Array(image), headers: { 'content-type': 'image/png' } });
  assert.equal(up.status, 200, JSON.stringify(up.body));
  caseId = up.body.caseId as string;
  // Claimed, assessed and confirmed by Casey (the console forms for these are tested in console.browser.test.ts).
  const svc = t.deps.services.cases!;
  const me = { id: casey.id, roles: ['child_safety_reviewer' as const], via: 'console' };
  await svc.claim(caseId, me);
  await svc.assess(caseId, me, { ukCategory: 'C', ncmecClassification: 'B2' });
  await svc.act(caseId, me, { kind: 'mark_for_referral' });
});
after(() => cleanup?.());

test('review the draft and send it, by keyboard; the case shows the report id', { skip }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const { requests, errors } = watchPage(page);

  await page.goto(`${base}/console/cases/${caseId}`);
  await page.getByLabel('Email address').fill('casey@example.org');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/console/cases/${caseId}$`));

  const link = page.getByRole('link', { name: 'Review the CyberTipline referral' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/console/cases/${caseId}/referral$`));
  const res = await page.reload();
  assert.match(res?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
  const xml = await page.locator('#report-xml').innerText();
  assert.match(xml, /^<\?xml /, 'the XML is shown as text');
  assert.match(xml, /<reportingPerson>|<reporter>/);
  assert.equal(await page.locator('#report-xml report, #report-xml reporter').count(), 0, 'no XML element became markup');
  await page.screenshot({ path: `${docs}console-referral.png` });

  await page.getByLabel('I have read the report and it is correct').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.getByLabel('I have read the report and it is correct').isChecked(), true);
  await page.getByRole('button', { name: 'Send to the CyberTipline' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?done=referred$/);
  const [report] = [...tipline.reports.values()];
  assert.equal(report?.status, 'finished');
  assert.match(await page.locator('#referral').innerText(), new RegExp(`report ${report!.id}`));

  assert.deepEqual(requests.filter((u) => !u.startsWith(base)), [], 'nothing from another origin');
  assert.deepEqual(errors, []);
  await ctx.close();
});
