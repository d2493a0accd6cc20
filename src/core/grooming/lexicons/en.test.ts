// The English lexicon on subtle phrasing: secrecy without "secret", indirect supervision checks, picture asks
// without "send", private places, meetings offered in passing; and look-alikes that are not what they seem.
// Our own short sober phrases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals, type SignalCategory } from '../index.ts';

const weight = (text: string, c: SignalCategory) => Math.max(0, ...detectSignals(text).filter((s) => s.category === c).map((s) => s.weight));
const finds = (c: SignalCategory, min: number, ...texts: string[]) => {
  for (const t of texts) assert.ok(weight(t, c) >= min, `${c} in "${t}": ${weight(t, c)}`);
};
const misses = (c: SignalCategory, max: number, ...texts: string[]) => {
  for (const t of texts) assert.ok(weight(t, c) <= max, `${c} in "${t}": ${weight(t, c)}`);
};

test('secrecy without the word: who it is for, not mentioning it, a place a parent does not know, a cover story', () => {
  finds('secrecy', 0.75, "don't say who it's for", 'i could pop over at 9. then dont mention it', 'make a new snapchat your mum doesnt know about', "tell her you're staying at a friend's", 'dont mention im older');
  finds('secrecy', 0.6, 'a group just for the two of us', 'text quietly so no one hears');
  // "don't mention it" answering thanks is not secrecy.
  misses('secrecy', 0, 'thanks so much! dont mention it');
});

test('a parent named bare is the speaker\'s own: a sibling\'s secret weighs little; "your" parent stays strong', () => {
  misses('secrecy', 0.3, "don't tell dad i broke the lamp", 'mum doesnt need to know');
  finds('secrecy', 0.85, "don't tell your dad about me", 'dont tell ur mum');
});

test('supervision checks said indirectly', () => {
  finds('supervision_check', 0.8, 'who looks at your phone?', 'is someone reading over your shoulder', 'what time does your dad leave for work', 'message me when your mum is asleep', 'wait till hes gone');
  // A babysitter writing about the children asleep.
  misses('supervision_check', 0, "i'll text you when they're asleep");
});

test('picture asks without "send"; pictures of things are not asks', () => {
  finds('image_request', 0.7, 'got any other selfies?', 'one from your bedroom', 'nice, but normal ones of you', 'full length pics please', 'dm me a pic');
  misses('image_request', 0, 'got any more pics of the puppy');
});

test('a private place and meetings offered in passing', () => {
  finds('platform_move', 0.6, 'i made a server just for the two of us', 'lets start a new discord your dad cant see');
  finds('meeting', 0.6, 'i could swing by after school', "i'll be in your town on friday", 'we should grab a milkshake', 'i can drive you');
});

test('exclusivity, isolation and maturity said softly', () => {
  finds('trust_building', 0.85, "other people wouldn't understand us", 'your family doesnt get you like i do', 'skip your friends tonight and call me');
  finds('body_compliment', 0.85, 'you talk like youre 17');
  finds('age_probe', 0.6, 'you said youre 13 right', 'wait your only 12?');
  misses('age_probe', 0, 'your only 5 mins away');
});

test('not gifts: feedback, a lift, a picture, paying a friend back', () => {
  misses('gifts', 0, "i'll give you feedback on your serve", "i'll give you a lift home", "i'll send you a pic of the menu", "i'll pay you back friday");
  finds('gifts', 0.75, "i'll give you 300 robux", "i'll pay for your bus ticket");
});

test('"i know where you live" bare is below the strong rule; with proof it is a threat on its own', () => {
  assert.ok(weight('i know where you live', 'threat') < 0.9);
  assert.ok(weight('i know where you live. the red door near the park', 'threat') >= 0.9);
});
