// The scenario suite: every scenarios/<name>.jsonl runs through the guardian and must produce the effects its
// <name>.expect.json includes and none it excludes. Risk scenarios and look-alikes that must stay quiet.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadBankMatcher } from '../src/cli/commands/replay.ts';
import type { Effect } from '../src/core/effects.ts';
import { createGuardian, parseEventLines, replayEvents, type FrameMatcher } from '../src/core/guardian/index.ts';
import { defaultPolicy } from '../src/core/safety-policy/policy-schema.ts';
import { loadPolicy } from '../src/policy/load-policy.ts';

const dir = fileURLToPath(new URL('../scenarios/', import.meta.url));

interface Expectation {
  kind: string;
  target?: string;
  supportIncludes?: string;
  reasonIncludes?: string;
}
interface ScenarioExpect {
  description: string;
  country?: string;
  /** A policy file, relative to scenarios/ (default: the documented defaults). */
  policy?: string;
  bank?: string;
  include: Expectation[];
  exclude: Expectation[];
}

function matches(e: Effect, x: Expectation): boolean {
  if (x.kind !== 'any' && e.kind !== x.kind) return false;
  if (x.target !== undefined && e.target.id !== x.target) return false;
  if (x.supportIncludes !== undefined && !(e.support?.message.includes(x.supportIncludes) || e.support?.resources.some((r) => r.name.includes(x.supportIncludes!)))) return false;
  if (x.reasonIncludes !== undefined && !e.reasons.some((r) => r.includes(x.reasonIncludes!))) return false;
  return true;
}

const show = (x: Expectation) => JSON.stringify(x);
const names = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length)).sort();

async function run(name: string, expect: ScenarioExpect, twice = false) {
  const policy = expect.policy ? await loadPolicy(join(dir, expect.policy)) : defaultPolicy();
  let frameMatcher: FrameMatcher | undefined;
  if (expect.bank) frameMatcher = (await loadBankMatcher(join(dir, expect.bank))).matcher;
  const guardian = createGuardian({ policy, ...(frameMatcher ? { frameMatcher } : {}), ...(expect.country ? { country: expect.country } : {}) });
  const { events, errors } = parseEventLines(readFileSync(join(dir, `${name}.jsonl`), 'utf8'));
  assert.deepEqual(errors, [], `${name}: every line is a valid event`);
  const effects: Effect[] = [];
  const repeats: Effect[] = [];
  for (const d of replayEvents(guardian, events)) {
    effects.push(...d.effects);
    if (twice) repeats.push(...guardian.handle(d.event));
  }
  return { effects, repeats };
}

test('the suite has at least 25 scenarios, each with expectations, risk and quiet ones', () => {
  assert.ok(names.length >= 25, `${names.length} scenarios`);
  const expects = names.map((n) => JSON.parse(readFileSync(join(dir, `${n}.expect.json`), 'utf8')) as ScenarioExpect);
  assert.ok(expects.filter((e) => e.include.length > 0).length >= 15, 'risk scenarios');
  assert.ok(expects.filter((e) => e.exclude.some((x) => x.kind === 'any')).length >= 8, 'quiet look-alikes');
});

for (const name of names) {
  test(`scenario ${name}`, async () => {
    const expect = JSON.parse(readFileSync(join(dir, `${name}.expect.json`), 'utf8')) as ScenarioExpect;
    const { effects, repeats } = await run(name, expect, true);
    const summary = effects.map((e) => `${e.kind}→${e.target.id}`).join(', ') || '(none)';
    for (const x of expect.include) assert.ok(effects.some((e) => matches(e, x)), `${name}: expected ${show(x)}; got ${summary}`);
    for (const x of expect.exclude) {
      const hit = effects.find((e) => matches(e, x));
      assert.equal(hit, undefined, `${name}: must not produce ${show(x)}; got ${summary}`);
    }
    assert.deepEqual(repeats, [], 'a replayed event never produces a second copy');
    const keys = effects.map((e) => e.dedupeKey);
    assert.equal(new Set(keys).size, keys.length, 'dedupe keys are unique');
    for (const e of effects) {
      assert.ok(e.reasons.length > 0, `${e.kind} has reasons`);
      if (e.kind === 'nudge_user') assert.ok(e.support && e.support.resources.length > 0, 'a nudge carries help resources');
    }
    const again = await run(name, expect);
    assert.deepEqual(again.effects, effects, 'deterministic');
  });
}
