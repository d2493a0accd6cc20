/**
 * A surprise planned for someone else: "NICHT LENA SAGEN, wir machen ne überraschungsparty für sie", "ich hol mama
 * überraschend vom flughafen ab", "we're planning a surprise for mum", "een verrassingsfeest voor papa". Secrets
 * kept from the person the surprise is for are the family's and friends' ordinary secrets ("and delete the chat
 * in case she takes your phone"). It takes a party or a third person near the word: a surprise for the reader
 * ("i have a surprise for you") or "our little surprise, don't tell your mum" is a groomer's secret and does not count.
 */
import { NO_ID, WordTable } from './word-ids.ts';

/** Words that name a surprise, over normalised words (lower case, accents folded; German also as typed without umlauts, "ueberraschung"), in en/de/nl/fr/es. */
const SURPRISE = /^(surprise|surprises|u(e)?berraschung|u(e)?berraschungen|u(e)?berraschend|u(e)?berraschen|verrassing|verrassen|verras|sorpresa|sorprender)$/;
/**
 * A present, which is a surprise only for someone other than the reader, near that person ("over haar
 * verjaardagscadeau", "the present for grandma"): "a present for you" is not one.
 */
const PRESENT = /^(present|presents|cadeau|cadeaus|cadeautje|cadeautjes|verjaardagscadeau|(geburtstags)?geschenk|(geburtstags)?geschenke|regalo|regalos|cadeaux)$/;
/** A party word glued to it or next to it: "überraschungsparty", "verrassingsfeest", "surprise party", "fête surprise". */
const PARTY = /^(u(e)?berraschungs(party|feier|fest)|verrassings(feest|feestje|party)|surpriseparty)$/;
const PARTY_NEXT = new Set(['party', 'feest', 'feestje', 'fete', 'fiesta', 'feier']);
/** Someone else the surprise is for or about, within a few words. */
const THIRD = new Set([
  'her', 'him', 'mom', 'dad', 'mum', 'mother', 'father', 'grandma', 'grandpa', 'nana', 'teacher', 'parents',
  'sie', 'ihn', 'ihr', 'mama', 'papa', 'mutter', 'vater', 'oma', 'opa', 'eltern', 'lehrer', 'lehrerin',
  'haar', 'hem', 'moeder', 'vader', 'ouders', 'juf', 'meester',
  'elle', 'lui', 'mere', 'pere', 'maman', 'mamie', 'papi', 'parents', 'prof',
  'ella', 'el', 'madre', 'padre', 'abuela', 'abuelo', 'padres', 'profe',
  // Possessives ("for mum's 40th", "zu papas 50ten", "voor papa's verjaardag"), apostrophes dropped.
  'moms', 'mums', 'dads', 'grandmas', 'grandpas', 'mamas', 'papas', 'omas', 'opas',
  // Siblings: "don't tell your sister" keeps her out (the possessive before it), "her present" is for her.
  'sister', 'brother', 'zus', 'zusje', 'broer', 'broertje', 'schwester', 'bruder', 'soeur', 'frere', 'hermana', 'hermano',
]);
/**
 * The reader's parent or sibling turning an age ("je vader wordt 50", "your mum turns 40", "dein papa wird 50"): a
 * family birthday being planned. One look at the joined words ("wird", "wordt" are too common to scan for).
 */
const FAMILY_BIRTHDAY = new RegExp(
  String.raw`(?:^| )(?:your|dein|deine|deiner|deinem|deinen|je|jouw|ton|ta|tes|tu|tus) (?:mom|dad|mum|mother|father|grandma|grandpa|mama|papa|mutter|vater|oma|opa|moeder|vader|mere|pere|maman|madre|padre|abuela|abuelo|sister|brother|zus|broer|schwester|bruder|hermana|hermano) (?:turns|wordt|wird|cumple|fete) \d+(?= |$)`,
);
const NEAR = 4;
const SURPRISE_STEM = /surpris|uberrasch|ueberrasch|verras|sorpres|sorprend|present|cadeau|geschenk|regalo/;
const YOUR = new Set(['your', 'dein', 'deine', 'deiner', 'deinem', 'deinen', 'je', 'jouw', 'ton', 'ta', 'tes', 'tu', 'tus']);
/** "a surprise for your mum", "les 40 ans surprise de ta maman", "sorpresa para tu padre": the reader's parent is its guest. */
const FOR = new Set(['for', 'fur', 'voor', 'pour', 'para', 'de', 'van', 'von']);
/** The verbs of FAMILY_BIRTHDAY. */
const TURNS = new Set(['turns', 'wordt', 'wird', 'cumple', 'fete']);
/** Per word: 1 when it is a verb of FAMILY_BIRTHDAY, 2 when it holds a SURPRISE_STEM (neither pattern spans a space). */
const GATE = new WordTable((w: string) => (TURNS.has(w) ? 1 : 0) | (SURPRISE_STEM.test(w) ? 2 : 0));

/**
 * Whether the words plan a surprise party, or a surprise for or about someone other than the reader. `text` is the
 * same words joined (a normalised text), when the caller has it: most messages name no surprise, and one look at
 * it spares testing every word.
 */
export function plansSurprise(words: readonly string[], text = words.join(' '), ids?: readonly number[]): boolean {
  // The words' gate bits (read by id when the caller has the ids) say which of the two patterns could match `text`.
  let gate = 0;
  for (let k = 0; k < words.length; k++) gate |= GATE.get(ids?.[k] ?? NO_ID, words[k]!);
  if ((gate & 1) !== 0 && FAMILY_BIRTHDAY.test(text)) return true;
  if ((gate & 2) === 0) return false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (PARTY.test(w)) return true;
    if (PRESENT.test(w)) {
      // The present's person right before or after it, not the reader's ("your sister" is the one kept out).
      for (let j = Math.max(0, k - 2); j <= Math.min(words.length - 1, k + 3); j++) if (THIRD.has(words[j]!) && !YOUR.has(words[j - 1] ?? '')) return true;
      continue;
    }
    if (!SURPRISE.test(w)) continue;
    if (PARTY_NEXT.has(words[k + 1] ?? '') || PARTY_NEXT.has(words[k - 1] ?? '')) return true;
    if (FOR.has(words[k + 1] ?? '') && YOUR.has(words[k + 2] ?? '') && THIRD.has(words[k + 3] ?? '')) return true;
    for (let j = Math.max(0, k - NEAR); j <= Math.min(words.length - 1, k + NEAR); j++) {
      // "our little surprise, don't tell your mum": the reader's parent is the one kept out, not a surprise's guest.
      if (THIRD.has(words[j]!) && !YOUR.has(words[j - 1] ?? '')) return true;
    }
  }
  return false;
}
