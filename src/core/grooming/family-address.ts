/**
 * Who is family in a chat, from how people address each other: "ok dad", "mom can u come", "thanks nana",
 * "grandpa here", "love nana xx", "soy la abuela". A parent's or grandparent's caring words (where are you, is
 * mum home, a lift, a gift, a photo of your new uniform, "don't tell mum about the money") weigh less
 * (lexicon-score.ts). All words are as the normaliser leaves them.
 */

import { someWordIn, WordTable } from './word-ids.ts';

/** Parent and grandparent forms of address in the shipped languages (after normalisation). */
const kin = new Set([
  'mom', 'dad', 'mama', 'papa', 'mami', 'papi', 'maman', 'mamie', 'papy', 'papie', 'mam', 'pap', 'pa', 'ma', 'vati', 'mutti', 'oma', 'opa',
  'grandma', 'grandpa', 'granny', 'grandad', 'granddad', 'gran', 'gramps', 'nan', 'nana', 'nanna', 'abuela', 'abuelo', 'abuelita', 'abuelito',
  'madre', 'padre', 'mum', 'omi', 'opi', 'nonna', 'nonno',
  // Pet and regional forms: Spanish "abue", "mamita"; Dutch and Flemish "mammie", "pappie", "moeke", "vake"; Frisian
  // "pake" and "beppe" (grandfather, grandmother); "grampa", "gramma", "mamma", "pappa".
  'abue', 'mamita', 'papito', 'mammie', 'pappie', 'mamsie', 'papsie', 'moeke', 'vake', 'pake', 'beppe', 'grampa', 'gramma', 'granpa', 'mamma', 'pappa', 'mamy',
]);
const KIN_BY_ID = new WordTable((w: string) => kin.has(w));

/**
 * Kin words that are also other words: possessives ("ma mère"; "pa" in Dutch speech is rare at the start) and
 * French "nan" (no: "nan merci t'es trop gentil"), a grandmother in British English. Only at the end of a
 * message ("thanks nan") are they a parent or grandparent addressed.
 */
const ambiguous = new Set(['ma', 'pa', 'nan']);

/** Words that come right before a kin word said to someone ("ok nana", "thanks grandpa", "love you mum"). */
const beforeVocative = new Set([
  'ok', 'okay', 'oki', 'okey', 'k', 'thanks', 'thank', 'thx', 'ty', 'hi', 'hey', 'hello', 'hiya', 'bye', 'yes', 'yeah', 'yep', 'no', 'nah', 'sure',
  'sorry', 'night', 'morning', 'you', 'merci', 'danke', 'dankje', 'bedankt', 'gracias', 'hola', 'hallo', 'salut', 'coucou', 'oui', 'ja', 'nee', 'nein',
  'si', 'vale', 'oke', 'doei', 'tschuss', 'ciao',
  // Interjections and laughter opening an answer ("ay papá", "haha pake", "aww nana"), and "please" ("stp maman").
  'ay', 'ah', 'oh', 'aw', 'aww', 'haha', 'hahaha', 'lol', 'jaja', 'jajaja', 'hihi', 'hehe', 'mdr', 'ptdr', 'please', 'pls', 'plz', 'porfa', 'stp', 'svp', 'bitte',
]);

/** Interjections and laughter that open an answer to the person addressed next ("haha pake", "ay papá", "aww nana"). */
const interjections = new Set(['ay', 'ah', 'oh', 'aw', 'aww', 'haha', 'hahaha', 'lol', 'jaja', 'jajaja', 'hihi', 'hehe', 'mdr', 'ptdr', 'ok', 'okay', 'oke', 'ja', 'yes', 'oui', 'si', 'nee', 'no', 'nein', 'thanks', 'merci', 'danke', 'dankje', 'gracias']);

/** Words after a kin word that make it the subject of a sentence, not the person addressed ("mum says no"). */
const afterNamed = new Set([
  'here', 'hier', 'says', 'said', 'is', 'was', 'will', 'wont', 'would', 'wouldnt', 'checks', 'checked', 'thinks', 'knows', 'knew', 'doesnt', 'does', 'didnt',
  'has', 'had', 'gets', 'got', 'took', 'takes', 'makes', 'made', 'lets', 'wants', 'needs', 'works', 'went', 'goes', 'sleeps', 'left', 'cant',
  'sagt', 'ist', 'hat', 'will', 'zegt', 'is', 'heeft', 'wil', 'dit', 'est', 'a', 'veut', 'dice', 'es', 'tiene', 'quiere',
]);
/** Words before a kin word at the end of a message that make it named, not addressed ("a message from mum"). */
const beforeNamed = new Set([
  'from', 'to', 'with', 'love', 'miss', 'hate', 'see', 'call', 'text', 'help', 'my', 'your', 'ur', 'at', 'tell', 'told', 'ask', 'asked', 'than', 'and', 'or', 'the', 'his', 'her', 'our', 'their',
  'about', 'for', 'like', 'la', 'el', 'le', 'die', 'der', 'het', 'een', 'ein', 'eine', 'una', 'un', 'mein', 'meine', 'dein', 'deine', 'mijn', 'je', 'jouw', 'mon', 'ma', 'ta', 'mi', 'tu', 'su', 'van', 'von', 'de', 'met', 'mit', 'avec', 'con',
]);

/** Laughter and kisses that may close a message after the person addressed. */
const trailing = new Set(['lol', 'lool', 'haha', 'hahaha', 'hehe', 'xd', 'x', 'xx', 'xxx', 'lmao', 'jaja', 'jajaja', 'mdr', 'ptdr', 'hihi', 'love', 'luv']);

/**
 * A message that addresses a parent or grandparent. A short one starts or ends with the kin word ("ok dad", "mum,
 * 10 min"), or the kin word follows a greeting, a thanks, an answer or its number ("ok nana 1 sec", "thanks
 * grandpa!!", "15 pap"); a longer one opens with an interjection and the kin word ("haha pake, that is …").
 */
export function addressesFamily(all: readonly string[]): boolean {
  // Laughter and kisses after the address ("12 grandad lol", "ja oma haha xx") do not move it from the end.
  let end = all.length;
  while (end > 1 && trailing.has(all[end - 1]!)) end--;
  const words = end === all.length ? all : all.slice(0, end);
  const n = words.length;
  if (n === 0) return false;
  // A longer answer that opens with an interjection and the kin word ("haha pake, that is the front camera …").
  if (n > 8) return n > 2 && kin.has(words[1]!) && !ambiguous.has(words[1]!) && interjections.has(words[0]!) && !afterNamed.has(words[2]!);
  // Not about a parent: "mum says no" (the parent does something), "i got a message from mum" (a parent named).
  if (kin.has(words[n - 1]!) && (n === 1 || !beforeNamed.has(words[n - 2]!))) return true;
  // "ma" and "pa" open French and Dutch sentences as "my" ("ma mère dit non"): only at the end are they a parent.
  if (kin.has(words[0]!) && !ambiguous.has(words[0]!) && n > 1 && !afterNamed.has(words[1]!)) return true;
  for (let k = 1; k < n - 1; k++) {
    const w = words[k]!;
    // After an answer's number ("15 pap sinds 2 weken", "12 grandad lol") the kin word is the person answered.
    const before = words[k - 1]!;
    if (kin.has(w) && !ambiguous.has(w) && (beforeVocative.has(before) || /^\d+$/.test(before)) && !afterNamed.has(words[k + 1]!)) return true;
  }
  return false;
}

/**
 * A message that opens by calling someone a parent ("papa darf ich samstag auf die party", "mom can u come"):
 * the kin word followed by a request or the speaker, not by a verb about the parent ("mom is home").
 */
const afterAddress = new Set(['can', 'could', 'pls', 'please', 'plz', 'stp', 'svp', 'porfa', 'alsjeblieft', 'aub', 'i', 'im', 'my', 'where', 'when', 'what', 'are', 'did', 'do', 'darf', 'kannst', 'kann', 'bitte', 'ich', 'mein', 'meine', 'wo', 'wann', 'kun', 'mag', 'ik', 'mijn', 'waar', 'wanneer', 'je', 'jai', 'mon', 'peux', 'puedo', 'puedes', 'yo', 'mi', 'donde']);
export const opensWithKin = (words: readonly string[]): boolean => words.length > 1 && words.length <= 16 && kin.has(words[0]!) && afterAddress.has(words[1]!);

/** Possessives and articles that may stand between the introduction and the kin word ("this is your nan", "soy la abuela"). */
const determiners = new Set(['your', 'ur', 'la', 'el', 'je', 'deine', 'dein', 'ta', 'ton', 'tu']);
/** Words that open a message before "its grandma" ("hi its grandma", "hello love its nana"). */
const openers = new Set(['hi', 'hey', 'hello', 'hiya', 'love', 'darling', 'sweetheart', 'honey', 'hola', 'carino', 'hallo', 'salut', 'coucou', 'bonjour']);
const afterIntro = new Set(['here', 'x', 'xx', 'xxx', 'love', 'darling', 'sweetheart', 'honey', 'how', 'can', 'could', 'just', 'i', 'im', 'hope', 'are', 'did', 'do', 'on', 'again']);
const subjects = new Set(['i', 'we', 'you', 'they', 'she', 'he', 'u']);

/**
 * The writer says they are a parent or grandparent: "grandpa here", "oma hier", "its grandma" (opening the
 * message), "this is your nan", "love nana xx" (a signature), "hier ist oma", "met opa", "c'est mamie", "soy la
 * abuela". A child's "its mum who checks" or "i love mum" is not an introduction.
 */
export function identifiesAsFamily(words: readonly string[], ids?: readonly number[]): boolean {
  // With the words' ids, a message without a kin word is passed over by array reads, not set lookups.
  if (ids !== undefined && !someWordIn(KIN_BY_ID, words, ids)) return false;
  for (let k = 0; k < words.length; k++) {
    if (!kin.has(words[k]!)) continue;
    const next = words[k + 1];
    if (next === 'here' || next === 'hier' || next === 'ici' || next === 'aqui') return true;
    const j = k > 0 && determiners.has(words[k - 1]!) ? k - 2 : k - 1;
    const intro = words[j];
    if (intro === undefined) continue;
    // "hier ist oma" but not "ist deine mama weg"; "met opa" answering the phone, not "met je mama".
    if (intro === 'ist' && words[j - 1] === 'hier') return true;
    if ((intro === 'met' || intro === 'soy') && j === 0) return true;
    if (intro === 'soy' && j > 0 && openers.has(words[j - 1]!)) return true;
    const opening = (i: number) => i === 0 || (i > 0 && openers.has(words[i - 1]!) && (i === 1 || openers.has(words[0]!)));
    // "its grandma, how are you" opens a message; "its mum who checks" answers a question about someone else.
    if ((intro === 'its' || intro === 'cest') && opening(j) && (next === undefined || afterIntro.has(next))) return true;
    if (intro === 'is' && words[j - 1] === 'this' && opening(j - 1)) return true;
    // A signature: "love nana xx", "lots of love, grandma" — the kin word ends the message or only kisses follow.
    if (intro === 'love' && (j === 0 || !subjects.has(words[j - 1]!)) && (next === undefined || /^x+o*x*$/.test(next))) return true;
  }
  return false;
}
