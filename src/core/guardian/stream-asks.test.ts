import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from '../grooming/index.ts';
import { askKindsOf, streamAsksIn } from './stream-asks.ts';

const asks = (text: string, withGift = false) => streamAsksIn(text, detectSignals(text), withGift);
const kinds = (text: string, withGift = false) => askKindsOf(asks(text, withGift).mask);

test('each harmless-looking ask is named for what it asks', () => {
  assert.deepEqual(kinds('how old are you?'), ['age']);
  assert.deepEqual(kinds('what school do you go to'), ['school']);
  assert.deepEqual(kinds('where do you live'), ['location']);
  assert.deepEqual(kinds('are you alone rn?'), ['alone']);
  // Showing the room is also a camera request (the grooming lexicon's image_request).
  assert.deepEqual(kinds('show us your room'), ['room', 'picture']);
  assert.deepEqual(kinds('lock your door first'), ['door']);
  assert.deepEqual(kinds('nice stream, gg'), []);
});

test('a dare tied to likes or gifts is its own signal, with its reward', () => {
  assert.equal(asks('do a dance for 100 likes').dare?.reward, 'likes');
  assert.equal(asks('if we get 500 likes you have to sing').dare?.reward, 'likes');
  assert.equal(asks('500 coins if you take your socks off').dare?.reward, 'gifts');
  assert.equal(asks("i'll send roses when you show your room").dare?.reward, 'gifts');
  assert.equal(asks('i dare you to go to the kitchen').dare?.reward, 'unspecified');
  assert.ok(kinds('do a dance for 100 likes').includes('dare'));
  // A gift's message that presses the streamer is a dare for gifts; a kind message is not.
  assert.equal(asks('now show us your room', true).dare?.reward, 'gifts');
  assert.equal(asks('happy birthday!', true).dare, undefined);
  // Numbers alone are not dares.
  assert.equal(asks('i have 100 likes on my video lol').dare, undefined);
  assert.equal(asks('level 100 boss for real').dare, undefined);
});

test('threats built on recording the stream: a demand with exposure is imminent, a bare claim weaker', () => {
  const sextortion = asks('do it or i post it').threat!;
  assert.equal(sextortion.category, 'threat');
  assert.ok(sextortion.weight >= 0.9);
  assert.equal(sextortion.text, 'or i post');
  assert.ok(asks('i recorded you').threat!.weight >= 0.8);
  assert.ok(asks('everyone at your school will see the video').threat!.weight >= 0.9);
  assert.ok(asks('i screen recorded your whole stream').threat!.weight < 0.8, 'fans say it too: pressure, not imminent');
  // Look-alikes: no threat.
  for (const text of ['i clipped that play, so good', 'or i could just watch', 'post it on the discord server later', 'did you see the video i made']) {
    assert.equal(asks(text).threat, undefined, text);
  }
});

test('spellings the grooming normaliser undoes are undone for stream patterns too', () => {
  assert.ok(asks('d0 it 0r i p0st it').threat!.weight >= 0.9);
  assert.ok(asks('I R3C0RD3D U').threat!.weight >= 0.8);
  assert.equal(asks('ill send roses if u dance').dare?.reward, 'gifts');
  const t = asks('ok. d0 it 0r i p0st it').threat!;
  assert.equal(t.text, '0r i p0st', 'the span as written');
});

test('the span of a threat is kept as written for reviewers', () => {
  const text = 'Do It Or I Post It';
  const t = asks(text).threat!;
  assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(t.text, 'Or I Post');
});
