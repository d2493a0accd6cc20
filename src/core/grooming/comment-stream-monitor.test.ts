import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { createCommentStreamMonitor } from './comment-stream-monitor.ts';
import type { ChatMessage } from './types.ts';

const file = fileURLToPath(new URL('../../../test/fixtures/short-chats/short-chats.jsonl', import.meta.url));
const chats = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { messages: ChatMessage[] }).messages);

test('a forgotten viewer\'s state, reused for the next viewer, scores that viewer as a new state would', () => {
  // Each viewer says all they say at once, so a monitor that tracks three viewers (and forgets, and reuses,
  // all the time) and one that tracks them all must see each viewer alike.
  const churning = createCommentStreamMonitor({ streamerTier: 'teen', maxViewers: 3 });
  const roomy = createCommentStreamMonitor({ streamerTier: 'teen', maxViewers: 100_000 });
  let viewers = 0;
  // Every fourth chat: all kinds and languages.
  for (const chat of chats.filter((_, i) => i % 4 === 0)) {
    for (const side of ['a', 'b']) {
      const id = `viewer-${viewers++}`;
      for (const m of chat.filter((x) => (x.author ?? 'a') === side)) {
        const x = churning.push({ ...m, author: id });
        const y = roomy.push({ ...m, author: id });
        assert.deepEqual(x.viewer, y.viewer, id);
      }
      assert.deepEqual(churning.viewer(id), roomy.viewer(id), id);
    }
  }
  assert.ok(churning.current().trackedViewers <= 3);
  assert.ok(viewers > 300);
});

test('a churning stream keeps a quiet new viewer as their one comment: read again, they score as if they had their own state', () => {
  const churning = createCommentStreamMonitor({ streamerTier: 'teen', maxViewers: 6 });
  const roomy = createCommentStreamMonitor({ streamerTier: 'teen', maxViewers: 100_000 });
  const both = (author: string, text: string, authorTier?: 'adult') => {
    const m: ChatMessage = { author, text, ...(authorTier ? { authorTier } : {}) };
    const x = churning.push(m);
    const y = roomy.push(m);
    assert.deepEqual(x, y, `${author}: ${text}`);
  };
  // One-off viewers saying ordinary things, more than are tracked: the stream starts forgetting.
  for (let i = 0; i < 12; i++) both(`passer-${i}`, ['nice build', 'what game is this', 'gg', 'hello from spain'][i % 4]!);
  // Then a few viewers (all still tracked): first comments quiet or not, a viewer twice in a row, viewers who
  // come back after others, a platform tier on a comment, and an empty comment.
  const script: [string, string, 'adult'?][] = [
    ['ann', 'lol that jump'],
    ['ann', 'how old are you'],
    ['ben', 'what map is this'],
    ['cat', 'add me on snap'],
    ['ben', 'you play so well'],
    ['dan', ''],
    ['ann', 'do you stream every day'],
    ['dan', 'are your parents home', 'adult'],
    ['eve', 'good luck'],
    ['cat', 'gg'],
    ['eve', 'good luck'],
  ];
  for (const [author, text, tier] of script) both(author, text, tier);
  for (const id of ['ann', 'ben', 'cat', 'dan', 'eve']) assert.deepEqual(churning.viewer(id), roomy.viewer(id), id);
  // Asked about first, then commenting again.
  both('fay', 'nice stream');
  assert.deepEqual(churning.viewer('fay'), roomy.viewer('fay'));
  both('fay', 'where do you live');
  assert.deepEqual(churning.viewer('fay'), roomy.viewer('fay'));
  assert.equal(churning.viewer('passer-0'), undefined, 'forgotten');
  assert.ok(churning.current().trackedViewers <= 6);
});
