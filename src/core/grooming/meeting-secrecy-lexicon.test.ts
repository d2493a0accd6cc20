// Meetings offered to someone young (near their school, a lift home, "come out after the stream") and what keeps
// them hidden (come alone, a cover story for a parent, deleting the chat): each phrase is a signal, and a meeting
// with one of them is a rule. Look-alikes: a parent's pick-up, classmates meeting, a teacher relaying a message.
// Short synthetic phrases written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation, detectSignals, type SignalCategory } from './index.ts';

const has = (text: string, category: SignalCategory) => detectSignals(text).some((s) => s.category === category);

test('a meeting near the school or a lift home is a meeting in five languages', () => {
  for (const text of ['ill be near ur school at 3', 'i can give u a lift home', 'bin morgen bei deiner schule', 'ik breng je wel thuis', 'je serai devant ton collège', 'estoy cerca de tu insti']) assert.ok(has(text, 'meeting'), text);
});

test('come alone, a cover story for a parent and deleting the chat are secrecy', () => {
  for (const text of ['come alone', 'dont bring ur friend this time', 'just tell ur mum ur getting the bus', 'komm aber alleine', 'zeg tegen je moeder dat je bij een vriendin eet', 'dis à ta mère que tu prends le bus', 'ven sola', 'did u clear the dms', 'und lösch heute abend den chat', 'heb je alles gewist?']) assert.ok(has(text, 'secrecy'), text);
});

test('a meeting kept hidden flags; a parent or classmates arranging one do not', () => {
  assert.ok(assessConversation([{ author: 'a', text: 'what time does training finish' }, { author: 'b', text: 'half 6' }, { author: 'a', text: 'i can give u a lift home. just tell ur mum ur getting the bus' }]).flagged);
  assert.equal(assessConversation([{ author: 'mum', text: 'ill pick you up at 6 by the gym' }, { author: 'k', text: 'ok thanks mum' }]).flagged, false);
  assert.equal(assessConversation([{ author: 'a', text: 'meet at the bus stop after school?' }, { author: 'b', text: 'yes bring ur maths book' }]).flagged, false);
  assert.equal(has('y dile a tu mamá que el lunes le mando el recibo', 'secrecy'), false);
});
