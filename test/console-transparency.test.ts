/**
 * The transparency page of the console (SQLite and PostgreSQL) over a generated year of cases: the figures
 * shown are the core's, each chart is an accessible SVG followed by its table, the CSV download equals
 * GET /v1/stats?format=csv, and only people who read statistics (supervisors, auditors, admins) get either.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { reduceCase } from '../src/core/cases/reduce-case.ts';
import type { CaseEvent } from '../src/core/cases/case-event.ts';
import { transparencyStats } from '../src/core/stats/transparency-stats.ts';
import { hashPassword } from '../src/crypto/password-hash.ts';
import { consoleHeaders } from '../src/server/console/console-html.ts';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { createPeopleStore } from '../src/store/people-store.ts';
import { ConsoleClient } from './support/console-client.ts';
import { testDatabases } from './support/databases.ts';
import { generatedYear, generatedYearCounts, seedCases } from './support/generated-year.ts';

const password = 'a long enough password';
const year = 2025;
const page = `/console/statistics/transparency?year=${year}`;
const csv = `/console/statistics/transparency.csv?year=${year}`;

for (const target of testDatabases()) {
  describe(`${target.name}: transparency figures in the console`, () => {
    let t: TestApp;
    let cleanup: () => Promise<void>;
    const cases = generatedYear(year);
    const signedIn = async (who: string) => {
      const b = new ConsoleClient(t.app);
      assert.equal((await b.signIn(`${who}@example.org`, password)).status, 303);
      return b;
    };
    before(async () => {
      const opened = await target.open();
      t = await createTestApp(opened.database, { env: { LIFEGUARD_CONSOLE_SECURE_COOKIES: 'false' } });
      cleanup = async () => {
        await t.close();
        await opened.cleanup();
      };
      const people = createPeopleStore(t.deps.database);
      const hash = await hashPassword(password);
      for (const role of ['auditor', 'supervisor', 'admin', 'reviewer', 'child_safety_reviewer'] as const) await people.add({ email: `${role}@example.org`, roles: [role], passwordHash: hash });
      await seedCases(t.deps.database, t.deps.services.cases!.policy, cases);
    });
    after(() => cleanup());

    test('the page: the core figures, eight labelled SVG charts each with its table, a year form and a CSV link', async () => {
      const b = await signedIn('auditor');
      const res = await b.get(page);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-security-policy'), consoleHeaders['content-security-policy']);
      assert.doesNotMatch(res.text, /\sstyle="|<script>|\son[a-z]+="/, 'no inline style or script');
      let seq = 0;
      const s = transparencyStats(cases.map((evs) => reduceCase(evs.map((e) => ({ ...e, seq: ++seq }) as CaseEvent), t.deps.services.cases!.policy)!), Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
      assert.equal(s.reports, generatedYearCounts.reports);
      const fig = (id: string) => new RegExp(`id="${id}">([^<]*)<`).exec(res.text)?.[1];
      assert.equal(fig('fig-reports'), '54');
      assert.equal(fig('fig-confirmed'), String(s.confirmed));
      assert.equal(fig('fig-actioned'), String(s.actioned));
      assert.equal(fig('fig-sent'), String(s.referralsSent.cases));
      assert.equal(fig('fig-self'), `${Math.round(s.selfGenerated.share! * 100)}%`);
      const row = (label: string) => [...new RegExp(`<th scope="row">${label}</th>((?:<td class="num">[^<]*</td>)+)`).exec(res.text)![1]!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
      for (const [label, key] of [['Hash match \\(known content\\)', 'hash_match'], ['User report', 'user_report'], ['Public report form', 'public_report'], ['Age appeal', 'age_appeal']] as const) {
        assert.deepEqual(row(label), [String(s.bySource[key]!.opened), String(s.bySource[key]!.confirmed)], label);
        assert.equal(s.bySource[key]!.opened, generatedYearCounts.perSource);
      }
      assert.deepEqual(row('March'), [String(generatedYearCounts.perMonth[2]), String(s.byMonth[2]!.confirmed)]);
      assert.deepEqual(row('Category A'), [String(s.byUkCategory.A)]);
      assert.deepEqual(row('11-13 years'), [...['female', 'male', 'both', 'unclear'].map((x) => String(s.byAgeBandAndSex['11-13']![x])), String(s.byAgeBand['11-13'])]);
      assert.deepEqual(row('Sent to NCMEC CyberTipline'), [String(s.referralsSent.byDestination.ncmec_cybertipline)]);
      assert.ok(s.referralsSent.cases > 0 && s.referralsSent.cases < s.referrals, 'some marked cases sent, not all');
      assert.deepEqual(row('Upheld'), [String(s.ageAppeals.upheld)]);
      assert.deepEqual(row('Intake to first action'), [s.timeToActionMs.median, s.timeToActionMs.p90].map((ms) => `${Math.round(ms! / 60_000 / 60)} h 0 min`));
      const svgs = [...res.text.matchAll(/<svg class="chart"[^>]*role="img" aria-labelledby="([\w-]+)-title" aria-describedby="\1-desc"[^>]*><title id="\1-title">[^<]+<\/title><desc id="\1-desc">[^<]+<\/desc>/g)];
      assert.equal(svgs.length, 8, 'every chart is a named, described image');
      assert.equal((res.text.match(/<table class="figures">/g) ?? []).length, 8, 'every chart has its table');
      assert.match(res.text, new RegExp(`<form method="get" action="/console/statistics/transparency"[^>]*>[\\s\\S]*<select id="year" name="year">[\\s\\S]*<option value="${year}" selected>`));
      assert.match(res.text, new RegExp(`<a href="/console/statistics/transparency.csv\\?year=${year}" id="csv-link" download>`));
      assert.match(res.text, /<a href="\/console\/statistics\/transparency" aria-current="page">Transparency<\/a>/);
    });

    test('the CSV download is the API’s CSV, with the session', async () => {
      const b = await signedIn('supervisor');
      const res = await b.get(csv);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="lifeguard-statistics-${year}.csv"`);
      const api = await t.call('GET', `/v1/stats?year=${year}&format=csv`, { token: await t.token('cases:read') });
      assert.equal(res.text, api.body);
      assert.match(res.text, /\nopened_by_source,public_report,9\n/);
      assert.equal((await new ConsoleClient(t.app).get(csv)).status, 303, 'signed out: to the sign-in page');
    });

    test('the year: this year by default, every year since the first case listed, a bad year is a 400 with the error summary', async () => {
      const b = await signedIn('admin');
      const now = new Date().getUTCFullYear();
      const def = await b.get('/console/statistics/transparency');
      assert.equal(def.status, 200);
      assert.match(def.text, new RegExp(`<h1>Transparency figures ${now}</h1>`));
      assert.match(def.text, /id="fig-reports">0</, 'nothing seeded this year');
      const years = [...def.text.matchAll(/<option value="(\d{4})"/g)].map((m) => Number(m[1]));
      assert.deepEqual(years, Array.from({ length: now - year + 1 }, (_, i) => now - i));
      for (const bad of ['abc', '1999', '20255']) {
        const res = await b.get(`/console/statistics/transparency?year=${bad}`);
        assert.equal(res.status, 400, bad);
        assert.match(res.text, /There is a problem[\s\S]*<a href="#year">Choose a year from the list<\/a>/);
        assert.equal((await b.get(`/console/statistics/transparency.csv?year=${bad}`)).status, 400);
      }
    });

    test('reviewers, child-safety reviewers included, get 403 and no link', async () => {
      for (const who of ['reviewer', 'child_safety_reviewer']) {
        const b = await signedIn(who);
        const res = await b.get(page);
        assert.equal(res.status, 403, who);
        assert.match(res.text, /Transparency figures are for supervisors, auditors and admins/);
        assert.doesNotMatch(res.text, /id="fig-reports"/);
        assert.equal((await b.get(csv)).status, 403, `${who}: csv`);
        assert.doesNotMatch((await b.get('/console/queue')).text, /href="\/console\/statistics\/transparency"/);
      }
    });
  });
}
