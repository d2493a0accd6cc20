import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation } from './index.ts';

const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly });

test('the author who answers "papa darf ich …" is that parent: a parent\'s pick-up and check weigh less', () => {
  const asked = chat(['a', 'papa darf ich samstag auf die party'], ['b', 'sind eltern da? ich hol dich um 11 ab']);
  assert.equal(asked.flagged, false);
  // The same words from someone nobody called a parent still fire the rule.
  const stranger = chat(['a', 'hey was machst du samstag'], ['b', 'sind eltern da? ich hol dich um 11 ab']);
  assert.equal(stranger.flagged, true);
  // "mom is home" mentions a parent; it does not address the next author as one.
  const mention = chat(['a', 'mom is home tonight'], ['b', 'are your parents home? ill pick you up at 11, come alone']);
  assert.equal(mention.flagged, true);
});

test('three strangers each asking one harmless-looking thing flag the chat; two do not; one person asking three is not coordination', () => {
  const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })));
  const three = chat(['a', 'how old are you'], ['c', 'what school do you go to'], ['d', 'are your parents home'], ['b', 'why']);
  assert.ok(three.flagged);
  assert.ok(three.rules.some((r) => r.rule === 'coordinated_asks'));
  assert.equal(chat(['a', 'how old are you'], ['c', 'what school do you go to'], ['b', 'why']).flagged, false);
  // One person asking all three is judged on its own (the short-chat model may flag it), not as coordination.
  assert.ok(!chat(['a', 'how old are you'], ['a', 'what school do you go to'], ['a', 'are your parents home'], ['b', 'why']).rules.some((r) => r.rule === 'coordinated_asks'));
});
