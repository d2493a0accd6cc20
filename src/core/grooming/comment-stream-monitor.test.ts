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
