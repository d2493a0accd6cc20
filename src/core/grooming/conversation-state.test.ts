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
