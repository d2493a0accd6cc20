import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation, detectSignals } from './index.ts';
import { quotations, REPORTED_FACTOR } from './reported-speech.ts';

// The lexicons and rules alone (the short-chat model switched off): what reported speech changes.
const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
const flagged = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly }).flagged;

test('quotations: straight, curly, German and French marks; an unclosed mark is not a quotation', () => {
  assert.deepEqual(quotations('he said "pay or else" ok'), [[8, 21]]);
  assert.deepEqual(quotations('„zahl oder sonst“ und «paye»'), [[0, 17], [22, 28]]);
  assert.deepEqual(quotations('a "b'), []);
});

test('a warning that quotes a threat is not a threat; the quoted signals stay, damped', () => {
  for (const text of [
    'PSA: if someone dms you "i have your pics, pay or i send them to your followers" its a scam. dont pay, report',
    'wenn euch jemand schreibt "zahl oder ich schick die bilder an deine follower" ist das betrug, nicht zahlen',
    'als iemand je dm\'t "betaal of ik stuur je foto naar je volgers" is dat oplichting, niet betalen',
    'si qqn vous écrit « paye ou j\'envoie tes photos à tes abonnés » c\'est une arnaque',
    'si alguien les escribe "paga o mando tus fotos a tus seguidores" es una estafa, no paguen',
  ]) {
    assert.equal(flagged(['a', text], ['b', 'thanks for the warning']), false, text);
  }
  // The words that announce a warning, and a marker that starts with an accented letter ("écrit").
  for (const text of [
    'let op, er gaat een bericht rond: "betaal of ik stuur je fotos naar je school"',
    'ma cousine a reçu « paie ou j\'envoie tes photos à ton collège »',
    'quelqu\'un m\'a écrit « paie ou j\'envoie tes photos à ton collège »',
  ]) {
    assert.equal(flagged(['a', text], ['b', 'bloque et signale']), false, text);
  }
  const s = detectSignals('he dmd me "send 50 or i post your pics to your whole school" and i blocked him');
  const sx = s.filter((x) => x.category === 'sextortion');
  assert.ok(sx.length > 0 && sx.every((x) => x.weight <= 0.95 * REPORTED_FACTOR + 1e-9));
  // A forwarded warning that is one quotation from start to end.
  assert.equal(flagged(['a', 'saw this on the news'], ['a', '"they pose as girls, get a photo, then say pay or i send it to your family"'], ['b', 'ok mum']), false);
});

test('not reported speech: the threat itself, a threat with quotes but nothing reported, instructions in quotes', () => {
  assert.equal(flagged(['a', 'pay 50 or i send your pics to your whole school'], ['b', 'please no']), true);
  assert.equal(flagged(['a', 'i have the "private" video. pay 50 or it goes to your whole school'], ['b', 'no']), true);
  const s = detectSignals('if your mom asks just say "im at a friends house" and dont tell anyone about us');
  assert.ok(s.some((x) => x.category === 'secrecy' && x.weight >= 0.5));
});

test('a threat told as someone else\'s, without quotation marks, is reported; a first-person threat never is', () => {
  assert.equal(flagged(['a', 'saw a video about scammers'], ['a', 'they say if u dont pay theyll send the pics to ur followers'], ['b', 'thats why i never send anything']), false);
  assert.equal(flagged(['a', 'my friend said its fine. pay 50 or i send your pics to your whole school'], ['b', 'no']), true);
  assert.equal(flagged(['a', 'they say you have 1 hour. pay or the video goes to all your followers'], ['b', 'please']), true, 'no third-person subject in the threat itself');
});

test('a warning about what someone might do ("if anyone asks …, tell me") is damped; the same conditional without advice is not', () => {
  for (const text of [
    'if anyone ever asks you for a photo or to keep a secret, tell me. you wont be in trouble',
    'if someone messages you saying they have your pics and want money, its a scam, dont pay',
    'wenn dich jemand nach fotos fragt oder sagt du sollst es geheim halten, sag es mir',
    'als iemand om foto\'s vraagt of zegt dat je het geheim moet houden, zeg het tegen mij',
    'si quelqu\'un te demande une photo ou de garder un secret, dis-moi',
    'si alguien te pide una foto o que guardes un secreto, dímelo',
  ]) assert.equal(flagged(['a', text], ['b', 'ok']), false, text);
  // Nobody else as the subject, or no advice: the words are the writer's own.
  assert.equal(flagged(['a', 'if anyone asks just say we are friends. dont tell anyone and send me a pic'], ['b', 'ok']), true);
  assert.equal(flagged(['a', 'if you tell me your age ill send a gift card for a pic. keep it between us'], ['b', 'ok']), true);
});

test('someone else\'s offer or words told in a warning, without quotation marks, are reported; the same offer made is not', () => {
  for (const text of [
    'careful, some guy in the game chat is offering free vbucks for pics, total weirdo',
    'there is a scam going round, it said pay or i send it to your school',
    'someone sent me a message saying they have a pic of me and want money',
    'c.a.r.e.f.u.l, some guy in the game chat is offering free vbucks for pics, total weirdo',
  ]) assert.equal(flagged(['a', text], ['b', 'thanks']), false, text);
  assert.equal(flagged(['a', 'ill give you free vbucks for pics'], ['b', 'ok']), true);
  // A third person's words with no warning and nothing received are not reported ("she said you can come").
  const s = detectSignals('she said you can come over, ill pick you up after school');
  assert.ok(s.some((x) => x.category === 'meeting' && x.weight >= 0.35));
});

test('a demand after a negation is advice: "never send money"', () => {
  const advice = detectSignals('never send money to someone you met online').filter((x) => x.category === 'sextortion');
  const demand = detectSignals('send money to me tonight').filter((x) => x.category === 'sextortion');
  assert.ok(advice.length > 0 && demand.length > 0);
  assert.ok(advice.every((x) => x.weight < demand[0]!.weight));
});

test('single straight quotes mark a quotation; apostrophes inside words do not', () => {
  assert.deepEqual(quotations("then they go 'pay or i post it'. block them"), [[13, 31]]);
  assert.deepEqual(quotations("don't tell ur mum i'd say"), []);
  assert.equal(flagged(['a', "thats the trick, they get a pic then go 'pay or i send it to ur followers'. block + report"]), false);
});

test('a scam told of, without quotation marks, in five languages: its third-person threat is told; a denied scam is not', () => {
  for (const text of [
    "heads up, there's a scam where a 'girl' adds you, gets you on video, then says they'll send it to your followers unless you pay",
    'achtung, gerade läuft so eine masche: ein fake profil will einen videocall und droht dann, es an deine follower zu schicken, wenn du nicht zahlst',
    'er is een oplichterstruc waarbij ze zeggen dat ze het naar je volgers sturen als je niet betaalt',
  ]) assert.equal(flagged(['a', text], ['b', 'ok thanks']), false, text);
  // Stems: "oplichterstruc", "afgeperst", "nep-account", and who sent it ("stuurde me").
  assert.equal(flagged(['a', 'iemand stuurde me "ik heb je opgenomen, 50 euro of ik stuur het naar je volgers"']), false);
  assert.equal(flagged(['a', 'spelers zijn afgeperst door een nep-account: "betaal of we sturen het naar je ouders"']), false);
  // The threat itself still flags, and so does one that denies being a scam.
  assert.equal(flagged(['a', "this is no scam. pay or i send it to your followers"]), true);
  assert.equal(flagged(['a', 'pay 50 or ill send your pics to your followers']), true);
});

test('a warning judged fake, or that says "tell me", weighs its conditional less', () => {
  const image = (t: string) => Math.max(0, ...detectSignals(t).filter((s) => s.category === 'image_request').map((s) => s.weight));
  assert.ok(image('als iemand je gratis robux belooft voor een foto is dat altijd nep') < 0.5);
  assert.ok(image('if anyone offers you robux for a pic its always fake') < 0.5);
  assert.ok(image('robux for a pic?') >= 0.5);
});

test('a question about what someone else asked, or their age, while checking on them, is reported', () => {
  const w = (t: string, c: string) => Math.max(0, ...detectSignals(t).filter((s) => s.category === c).map((s) => s.weight));
  assert.ok(w('has he asked to move to another app or asked for pics?', 'image_request') < 0.5);
  assert.ok(w("il a quel âge ? il t'a demandé des photos ?", 'age_probe') < 0.5);
  // Asked of the reader, or a stranger asking a parent about their son, it stays.
  assert.ok(w('how old are you? send me a pic', 'image_request') >= 0.7);
  assert.ok(w('how old are you? send me a pic', 'age_probe') >= 0.7);
  assert.ok(w('uw zoon heeft een mooi gezicht voor onze campagne. hoe oud is hij?', 'age_probe') >= 0.7);
});

test('a scam told with a verb of saying that the lexicon lacked, or a kind of message, is reported', () => {
  for (const text of [
    'careful, a fake account writes to kids and then it goes "pay 100 or i send the pic to your class"',
    'mein cousin hat so nachrichten bekommen, erst nett und dann heisst es "zahl 50 oder ich schick das foto an deine klasse"',
    'einer aus dem chat meinte "zahl 50 oder ich schick das foto an deine klasse", hab ihn blockiert',
    'er circuleert een bericht: "betaal 50 of ik stuur je foto naar je klas"',
    'my sister got texts like "send 100 or i post the pic to your school"',
  ]) {
    assert.equal(flagged(['a', text], ['b', 'thanks, will tell the kids']), false, text);
  }
  // The same demand as the writer's own stays a threat.
  assert.equal(flagged(['a', 'pay 100 or i send the pic to your class']), true);
});

test('someone else\'s words after a colon are theirs; "i said:" is the writer\'s own', () => {
  for (const text of [
    'someone told my friend: i have your pic, pay 50 or i post it online. is that real?',
    'iemand zei tegen mijn neef: ik heb je foto, betaal 50 of ik zet hem online. klopt dat?',
    'un type a dit à mon pote : paie 50 ou je publie ta photo. c\'est vrai ?',
  ]) {
    assert.equal(flagged(['a', text], ['b', 'its a scam, dont pay and report it']), false, text);
  }
  assert.equal(flagged(['a', 'i said: pay 50 or i post your pic online']), true);
});

test('an unnamed someone who says it a few words on, and a warning against anyone offering, are reported', () => {
  assert.equal(flagged(['a', 'iemand op insta zegt dat ie fotos heeft en dat ik 50 euro moet sturen anders zet ie ze online'], ['b', 'niet reageren, blokkeren']), false);
  assert.equal(flagged(['mod', 'ignore anyone offering free coins for a pic, thats a scam'], ['v', 'ok']), false);
  assert.equal(flagged(['a', 'free coins for a pic, dm me']), true);
});

test('a warning typed in fullwidth letters is read as written: its quotation and its markers hold', () => {
  const wide = (t: string) => [...t].map((c) => (c === ' ' ? '\u3000' : c.charCodeAt(0) > 32 && c.charCodeAt(0) < 127 ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
  const warning = 'PSA: if someone dms you "i have your pics, pay or i send them to your followers" its a scam. dont pay, report';
  assert.equal(flagged(['a', wide(warning)], ['b', 'thanks for the warning']), false);
  // The same threat in fullwidth, said as one's own, still flags.
  assert.equal(flagged(['a', wide('i have your pics, pay or i send them to your followers')], ['b', 'what']), true);
});

test('a deletion forbidden ("don\'t delete your history") is no secrecy; "delete it", "don\'t forget to delete it" are', () => {
  const secrecy = (t: string) => Math.max(0, ...detectSignals(t).filter((s) => s.category === 'secrecy').map((s) => s.weight));
  for (const t of ['und nicht einfach den verlauf löschen, papa und ich gucken eh', "don't delete our chat, i want to read it again"]) assert.ok(secrecy(t) < 0.5, t);
  for (const t of ['delete our chat', 'dont forget to delete the chat', 'lösch den chat nicht vergessen', 'borra el chat, no quiero que lo vea tu madre']) assert.ok(secrecy(t) >= 0.8, t);
  // "dont tell anyone" after the deletion is another secrecy, not a negated deletion.
  assert.ok(secrecy('delete our chat and dont tell anyone') >= 0.8);
});

test('a negation in the clause before does not forbid the deletion: "brauchst du nicht. und lösch den chat"', () => {
  const secrecy = (t: string) => Math.max(0, ...detectSignals(t).filter((s) => s.category === 'secrecy').map((s) => s.weight));
  assert.ok(secrecy('brauchst du nicht. und lösch den chat bevor du losgehst') >= 0.8);
  assert.ok(secrecy('no. delete the chat now') >= 0.8);
});

test('a class warned of fake accounts in Dutch ("meld het bij mij of je ouders"): the advice is no threat, even when a split cuts the subject', () => {
  // "nepaccounts" splits into pieces for the patterns; the warning is read over the words as written too.
  const warning = 'let op allemaal: nepaccounts vragen om fotos en willen daarna geld. nooit betalen en meld het bij mij of je ouders, je krijgt geen straf';
  const threat = Math.max(0, ...detectSignals(warning).filter((s) => s.category === 'sextortion' || s.category === 'threat').map((s) => s.weight));
  assert.ok(threat < 0.5, `${threat}`);
  assert.equal(assessConversation([{ author: 'juf', text: warning }, { author: 'kind', text: 'oke juf' }]).flagged, false);
  // Said as one's own, the same words still threaten.
  assert.equal(assessConversation([{ author: 'x', text: 'stuur meer fotos of je ouders krijgen ze' }, { author: 'y', text: 'nee' }]).flagged, true);
});
