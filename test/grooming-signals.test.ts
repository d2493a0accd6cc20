// Signals of the grooming detector: every category in every language, chat-spelling normalisation with
// offsets back to the text as written, age disclosures, and the lexicon registry itself. All examples are our
// own short synthetic phrases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileLexicons } from '../src/core/grooming/lexicon.ts';
import { lexicons } from '../src/core/grooming/lexicons/index.ts';
import { detectSignals, groomingLanguages, signalCategories, type SignalCategory } from '../src/core/grooming/index.ts';
import { evade, evasions } from '../src/core/grooming/evasion.ts';

/** Categories a lexicon finds (the learned model's phrases are not lexicon signals). */
type LexiconCategory = Exclude<SignalCategory, 'learned_phrase'>;
const lexiconCategories = signalCategories.filter((c): c is LexiconCategory => c !== 'learned_phrase');

const examples: Record<string, Record<LexiconCategory, string>> = {
  en: {
    age_probe: 'how old are you?',
    age_disclosure: "i'm 12",
    personal_info: 'what school do you go to?',
    supervision_check: 'are your parents home?',
    secrecy: "don't tell anyone about us",
    platform_move: 'add me on snapchat',
    image_request: 'send me a pic of you',
    body_compliment: "you're so mature for your age",
    trust_building: 'age is just a number',
    sexual_talk: 'are you a virgin?',
    meeting: 'we should meet up, i can pick you up',
    gifts: 'i can buy you robux',
    threat: 'i know where you live',
    stream_pressure: 'do it for 100 likes',
    sextortion: "send more or i'll send them to everyone at your school",
  },
  de: {
    age_probe: 'wie alt bist du?',
    age_disclosure: 'ich bin 13',
    personal_info: 'wo wohnst du?',
    supervision_check: 'sind deine eltern zu hause?',
    secrecy: 'sag es niemandem, das ist unser geheimnis',
    platform_move: 'hast du snapchat?',
    image_request: 'schick mir ein foto von dir',
    body_compliment: 'du bist so reif für dein alter',
    trust_building: 'alter ist nur eine zahl',
    sexual_talk: 'bist du noch jungfrau?',
    meeting: 'ich hol dich ab, komm zu mir',
    gifts: 'ich kauf dir robux',
    threat: 'ich weiß wo du wohnst',
    stream_pressure: 'geh ins bad',
    sextortion: 'sonst schick ich die bilder an alle',
  },
  nl: {
    age_probe: 'hoe oud ben je?',
    age_disclosure: 'ik ben 12',
    personal_info: 'waar woon je?',
    supervision_check: 'zijn je ouders thuis?',
    secrecy: 'vertel het aan niemand, het is ons geheim',
    platform_move: 'heb je snapchat?',
    image_request: 'stuur me een foto van jezelf',
    body_compliment: 'je bent heel volwassen voor je leeftijd',
    trust_building: 'leeftijd is maar een getal',
    sexual_talk: 'ben je nog maagd?',
    meeting: 'zullen we afspreken? ik haal je op',
    gifts: 'ik geef je robux',
    threat: 'ik weet waar je woont',
    stream_pressure: 'ga naar de badkamer',
    sextortion: 'betaal of ik zet je video overal online',
  },
  fr: {
    age_probe: 'tu as quel âge ?',
    age_disclosure: "j'ai 12 ans",
    personal_info: 'tu habites où ?',
    supervision_check: 'tes parents sont à la maison ?',
    secrecy: "ne le dis à personne, c'est notre secret",
    platform_move: 'ajoute-moi sur snapchat',
    image_request: 'envoie-moi une photo de toi',
    body_compliment: 'tu es très mature pour ton âge',
    trust_building: "l'âge n'est qu'un chiffre",
    sexual_talk: "t'es vierge ?",
    meeting: 'viens chez moi, je passe te chercher',
    gifts: 'je te donne des robux',
    threat: 'je sais où tu habites',
    stream_pressure: 'va dans la salle de bain',
    sextortion: 'paie ou je publie tes photos',
  },
  es: {
    age_probe: '¿cuántos años tienes?',
    age_disclosure: 'tengo 13 años',
    personal_info: '¿dónde vives?',
    supervision_check: '¿estás sola en casa?',
    secrecy: 'no le digas a nadie, es nuestro secreto',
    platform_move: '¿tienes snapchat?',
    image_request: 'mándame una foto tuya',
    body_compliment: 'eres muy madura para tu edad',
    trust_building: 'la edad es solo un número',
    sexual_talk: '¿eres virgen?',
    meeting: 'ven a mi casa, paso a buscarte',
    gifts: 'te regalo robux',
    threat: 'sé dónde vives',
    stream_pressure: 've al baño',
    sextortion: 'paga o publico tus fotos',
  },
};

test('every language has a lexicon', () => {
  assert.deepEqual(groomingLanguages().sort(), Object.keys(examples).sort());
});

for (const [lang, byCategory] of Object.entries(examples)) {
  test(`${lang}: every signal category is found, with its language and the span as written`, () => {
    for (const category of lexiconCategories) {
      const text = byCategory[category];
      const found = detectSignals(text, { languages: [lang] }).filter((s) => s.category === category);
      assert.ok(found.length > 0, `${lang}/${category}: no signal in "${text}"`);
      for (const s of found) {
        assert.equal(s.language, lang);
        assert.equal(text.slice(s.start, s.end), s.text);
        assert.ok(s.weight > 0 && s.weight <= 1);
      }
    }
  });
}

test('a language filter keeps other lexicons out', () => {
  assert.ok(detectSignals('wie alt bist du', { languages: ['de'] }).some((s) => s.category === 'age_probe'));
  assert.equal(detectSignals('wie alt bist du', { languages: ['en'] }).length, 0);
});

test('messageIndex and author are copied onto signals', () => {
  const [s] = detectSignals('how old are you', { messageIndex: 4, author: 'u1' });
  assert.equal(s?.messageIndex, 4);
  assert.equal(s?.author, 'u1');
});

test('normalisation: case, repeated letters, leetspeak, abbreviations and emoji, with offsets to the original', () => {
  const cases: [string, SignalCategory, string][] = [
    ['HOW OLD R U??', 'age_probe', 'HOW OLD R U'],
    ['r u hooome aloneeee', 'supervision_check', 'r u hooome aloneeee'],
    ['k33p it a s3cr3t', 'secrecy', 'k33p it a s3cr3t'],
    ['s3nd me a p1c plz', 'image_request', 's3nd me a p1c'],
    ['ok so wbu... asl?', 'age_probe', 'asl'],
    ['ur parents home rn?', 'supervision_check', 'ur parents home'],
    ['pls dm me on snap', 'platform_move', 'dm me on snap'],
    ['hey 🤫', 'secrecy', '🤫'],
    ['send me a 📸', 'image_request', 'send me a 📸'],
    ['Are   your\tparents   home', 'supervision_check', 'Are   your\tparents   home'],
    ['I’m thirteen', 'age_disclosure', 'I’m thirteen'],
  ];
  for (const [text, category, span] of cases) {
    const s = detectSignals(text).find((x) => x.category === category);
    assert.ok(s, `${category} in "${text}"`);
    assert.equal(s.text, span, `span in "${text}"`);
    assert.equal(text.slice(s.start, s.end), span);
  }
});

test('offsets point into the original text after emoji and accents before the match', () => {
  const text = '😀😀 café… then: how old are you';
  const s = detectSignals(text).find((x) => x.category === 'age_probe')!;
  assert.equal(text.slice(s.start, s.end), 'how old are you');
  assert.equal(s.start, text.indexOf('how'));
});

test('age disclosures carry the stated age', () => {
  const cases: [string, number][] = [
    ["i'm 12", 12],
    ['im 12 yo', 12],
    ['12 years old', 12],
    ['13yo', 13],
    ['14 f', 14],
    ['im in 7th grade', 12],
    ['ich bin 13 jahre alt', 13],
    ['ik ben 11', 11],
    ["j'ai 12 ans", 12],
    ['tengo 14 años', 14],
    ['i am fifteen', 15],
  ];
  for (const [text, age] of cases) {
    const s = detectSignals(text).find((x) => x.category === 'age_disclosure');
    assert.equal(s?.disclosedAge, age, text);
  }
});

test('numbers that are not ages are not age disclosures', () => {
  for (const text of ["i'm 5 min away", 'im 2 streets from you', 'i am 10 minutes late', 'it costs 12 dollars']) {
    assert.equal(detectSignals(text).filter((s) => s.category === 'age_disclosure').length, 0, text);
  }
});

test('everyday messages produce no signals', () => {
  for (const text of ['good morning! how was the test?', 'the match starts at 8', 'can you pass me the notes', 'lol same', 'constructor toString __proto__']) {
    assert.deepEqual(detectSignals(text), [], text);
  }
});

test('the lexicons compile, and every category has patterns in every language', () => {
  const m = compileLexicons(lexicons);
  assert.ok(m.rules.length > 300);
  for (const lx of lexicons) for (const c of lexiconCategories) assert.ok((lx.patterns[c]?.length ?? 0) > 0, `${lx.language}/${c}`);
});

test('a malformed pattern or a conflicting abbreviation is rejected at compile time', () => {
  assert.throws(() => compileLexicons([{ language: 'xx', patterns: { secrecy: [[0.5, 'keep (it']] } }]), /unclosed|expected/);
  assert.throws(() => compileLexicons([{ language: 'xx', patterns: { secrecy: [[1.5, 'secret']] } }]), /weight/);
  assert.throws(
    () => compileLexicons([{ language: 'a', abbreviations: { zz: 'one' }, patterns: {} }, { language: 'b', abbreviations: { zz: 'two' }, patterns: {} }]),
    /abbreviation/,
  );
});

test('detectSignals rejects non-string text', () => {
  assert.throws(() => detectSignals(42 as unknown as string), { code: 'invalid_message' });
});

// --- Evasive spelling (issue 8): every evasion of a lexicon phrase still matches, and its span is the text as written.

const evasionPhrases: [string, SignalCategory][] = [
  ['send me a pic', 'image_request'],
  ['add me on snapchat', 'platform_move'],
  ['are your parents home', 'supervision_check'],
  ['dont tell anyone', 'secrecy'],
  ['turn your camera on', 'image_request'],
  ['or i send it to everyone at your school', 'sextortion'],
  ['schick mir ein foto', 'image_request'],
  ['zijn je ouders thuis', 'supervision_check'],
];

test('property: every generated evasion of a lexicon phrase still matches, with its span as written', () => {
  for (const [phrase, category] of evasionPhrases) {
    for (const evasion of evasions) {
      for (let seed = 1; seed <= 12; seed++) {
        const text = `hm ${evade(phrase, evasion, seed)} zz`;
        const s = detectSignals(text, { author: 'a' }).find((x) => x.category === category);
        assert.ok(s, `${category} in ${JSON.stringify(text)} (${evasion}, seed ${seed})`);
        assert.equal(text.slice(s.start, s.end), s.text);
        // The span covers the disguised phrase and nothing of the words around it.
        assert.ok(s.start >= 3 && s.end <= text.length - 3, `span ${JSON.stringify(s.text)} in ${JSON.stringify(text)}`);
      }
    }
  }
});

test('evasive spelling: invisible characters, look-alike letters, joiners, spaced letters, asterisks, words run together', () => {
  const cases: [string, SignalCategory, string][] = [
    ['add me on s n a p', 'platform_move', 'add me on s n a p'],
    ['add me on s.n.a.p', 'platform_move', 'add me on s.n.a.p'],
    ['add me on s-n-a-p', 'platform_move', 'add me on s-n-a-p'],
    ['send p*cs', 'image_request', 'send p*cs'],
    ['lets talk about s*x', 'sexual_talk', 's*x'],
    ['dont\u200b tell any\u00adone', 'secrecy', 'dont\u200b tell any\u00adone'],
    ['\u0455end me \u0430 \u0440ic', 'image_request', '\u0455end me \u0430 \u0440ic'],
    ['ｓｅｎｄ ｍｅ ａ ｐｉｃ', 'image_request', 'ｓｅｎｄ ｍｅ ａ ｐｉｃ'],
    ['𝐬𝐞𝐧𝐝 me a pic', 'image_request', '𝐬𝐞𝐧𝐝 me a pic'],
    ['ok sendmeapic', 'image_request', 'sendmeapic'],
    ['ok addmeonsnap', 'platform_move', 'addmeonsnap'],
    ['4r3 y0ur p4r3n75 h0m3', 'supervision_check', '4r3 y0ur p4r3n75 h0m3'],
    ['\u202eare your parents home\u202c', 'supervision_check', 'are your parents home'],
    ['schick mir e i n s e l f i e', 'image_request', 'schick mir e i n s e l f i e'],
    ['i can give you 1000robux', 'gifts', 'i can give you 1000robux'],
    ['everyone at your school will seeeee your video', 'sextortion', 'everyone at your school will seeeee your video'],
  ];
  for (const [text, category, span] of cases) {
    const s = detectSignals(text).find((x) => x.category === category);
    assert.ok(s, `${category} in ${JSON.stringify(text)}`);
    assert.equal(s.text, span, `span in ${JSON.stringify(text)}`);
    assert.equal(text.slice(s.start, s.end), span);
  }
});

test('ordinary words are not split or joined into signals: t-shirt, 10.30, r u a, finish, worksheet, together', () => {
  for (const text of ['nice t-shirt', 'the bus leaves at 10.30', 'r u a fan of this band', 'did everyone finish chapter 4', 'send me a picture of your worksheet', 'we did it together', 'i have a carpet']) {
    const found = detectSignals(text).filter((s) => s.category !== 'image_request' || !text.includes('worksheet'));
    assert.deepEqual(found.map((s) => s.category), [], text);
  }
});

test("today's vocabulary: platform slang, picture words, camera requests, lures, game currency, vanish mode", () => {
  const cases: [string, SignalCategory][] = [
    ['hmu on tele', 'platform_move'],
    ['whats your tg', 'platform_move'],
    ['add me on disc', 'platform_move'],
    ["what's your @", 'platform_move'],
    ['snd a piccy', 'image_request'],
    ['got pix?', 'image_request'],
    ['turn ur cam on', 'image_request'],
    ['move the cam down a bit', 'image_request'],
    ['show me your room', 'image_request'],
    ['age is just a number', 'trust_building'],
    ['so mature for your age', 'body_compliment'],
    ['i work for a model agency', 'gifts'],
    ['we need test shots', 'gifts'],
    ['ill give you 1000 robux for it', 'gifts'],
    ['turn on vanish mode', 'secrecy'],
    ['mach deine kamera an', 'image_request'],
    ['zet je cam aan', 'image_request'],
    ['willst du gratis vbucks', 'gifts'],
  ];
  for (const [text, category] of cases) assert.ok(detectSignals(text).some((s) => s.category === category), `${category} in "${text}"`);
});

test('sextortion is its own category: recordings, threats to share, payment demands, hacked accounts', () => {
  const cases: [string, number][] = [
    ['i recorded your stream', 0.6],
    ['i have your pics', 0.6],
    ['do what i say or i send it to your school', 0.95],
    ['pay 100 in gift cards or your family sees them', 0.95],
    ['if you block me i upload your pics', 0.95],
    ['i will leak your pics', 0.95],
    ['i hacked your account', 0.7],
    ['ich schicke es an alle in deiner klasse', 0.95],
    ['betaal of ik zet je video overal online', 0.95],
  ];
  for (const [text, min] of cases) {
    const s = detectSignals(text).filter((x) => x.category === 'sextortion');
    assert.ok(s.length > 0 && Math.max(...s.map((x) => x.weight)) >= min, `sextortion ≥ ${min} in "${text}"`);
  }
  for (const text of ['i screenshotted that lol', "i'll leak the spoiler if you don't watch it", 'i have your hoodie', 'i recorded the match']) {
    assert.ok(!detectSignals(text).some((x) => x.category === 'sextortion' && x.weight >= 0.8), `no strong sextortion in "${text}"`);
  }
});

test("who is who: an age inside someone's sentence is about the person addressed, not the author", () => {
  const about = detectSignals('nice figure for a 13 yr old', { author: 'a' }).find((s) => s.category === 'age_disclosure');
  assert.ok(about);
  assert.equal(about.disclosedAge, undefined, 'not the author’s own age');
  assert.equal(about.impliesMinor, true, 'presumes the person addressed is a minor');
  for (const text of ["i'm 13", 'im in year 8', '13 yo here', '14 f']) {
    const own = detectSignals(text, { author: 'b' }).find((s) => s.category === 'age_disclosure');
    assert.ok(own?.disclosedAge !== undefined && own.disclosedAge < 18, `own age in "${text}"`);
  }
});
