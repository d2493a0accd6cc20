/**
 * Age probes that are not about the reader. "Your age" naming a kind of person: "an account pretending to be a girl
 * your age", "una chica de tu edad", "une fille de ton âge", "een meisje van jouw leeftijd" (a warning about a fake
 * peer, or talk of classmates, describes someone by the reader's age). And the age of a third party: "how old is her
 * sister", "hoe oud is haar zus", "wie alt ist ihr bruder", "Emma a quel âge" (a
 * babysitter asking about the children, a parent about a sleepover). Such an age probe weighs PEERS_AGE_FACTOR as
 * much (it stays as evidence). "How old are you?" in the same message is untouched.
 */
import { dampBeside } from './damp-where.ts';

/** What is left of an age probe that describes a person by the reader's age. */
export const PEERS_AGE_FACTOR = 0.3;

/** People described by an age, in en/de/nl/fr/es (normalised: lower case, accents folded). */
const PEOPLE = new Set([
  'girl', 'girls', 'boy', 'boys', 'kid', 'kids', 'guy', 'guys', 'people', 'someone', 'somebody', 'teens', 'children', 'child', 'student', 'students', 'person',
  'madchen', 'junge', 'jungen', 'kinder', 'kind', 'leute', 'jemand', 'jugendliche', 'jugendlichen', 'schuler', 'schulerin',
  'meisje', 'meisjes', 'meiden', 'jongen', 'jongens', 'kinderen', 'mensen', 'iemand', 'jongeren',
  'fille', 'filles', 'garcon', 'garcons', 'enfant', 'enfants', 'gens', 'quelquun', 'jeunes', 'ado', 'ados',
  'chica', 'chicas', 'chico', 'chicos', 'nina', 'ninas', 'nino', 'ninos', 'gente', 'alguien', 'chavales', 'chaval',
]);
/** Between the person and "your age": "of", "de", "van", "in deinem" (the possessive itself is part of the probe). */
const LINKS = new Set(['of', 'de', 'van', 'in', 'von']);

/**
 * A third person's verb right after "how old", "hoe oud", "wie alt": someone else's age. Not Spanish "tiene" or
 * "cumple": "¿cuántos años tiene usted?" is the polite "you", and "cuántos años tiene la artista jaja" teases the
 * reader (read on session 13's last blind round).
 */
const THIRD_VERB = new Set(['is', 'was', 'ist', 'war', 'wird', 'wordt']);
/**
 * Whose age, after that verb: a third party's ("her sister", "zijn broer", "ihr bruder", "der neue in der klasse"). Not a pronoun alone ("hoe
 * oud is hij?" asked of a parent about their son is a modelling lure's question), not the reader's family ("your
 * sister"), and not "how old is you" (chat for "are you").
 */
const THIRD_PARTY = new Set(['her', 'his', 'their', 'the', 'haar', 'zijn', 'hun', 'de', 'het', 'ihr', 'ihre', 'ihrer', 'ihren', 'sein', 'seine', 'seiner', 'seinen', 'der', 'die', 'das', 'den', 'dem']);
/** A word between the verb and whose age it is: "wie alt ist eigentlich der neue", "hoe oud is nu haar zus". */
const FILLER = new Set(['eigentlich', 'eigenlijk', 'actually', 'now', 'nu', 'jetzt', 'nochmal', 'again', 'denn', 'dan', 'then']);
/** French "Emma a quel âge": "a" (has) before "quel âge", unless it is "tu a" / "t a" (chat for "tu as"). */
const HAS = 'a';
const YOU_FR = new Set(['tu', 't']);

/** A person described by the reader's age: "girl your age", "chica de tu edad" (the possessive starts the probe). */
function describesPerson(words: readonly string[], first: number): boolean {
  let before = first - 1;
  if (before >= 0 && LINKS.has(words[before]!)) before--;
  return before >= 0 && PEOPLE.has(words[before]!);
}

/** A third party's age: "hoe oud is (nu) haar zus", "Emma a quel âge". */
function thirdPartyAge(words: readonly string[], first: number, last: number): boolean {
  let whose = last + 2;
  if (FILLER.has(words[whose] ?? '')) whose++;
  if (THIRD_VERB.has(words[last + 1] ?? '') && THIRD_PARTY.has(words[whose] ?? '')) return true;
  return words[first - 1] === HAS && !YOU_FR.has(words[first - 2] ?? '') && words[first] === 'quel';
}

/** Damps, in place, the age probes about a person other than the reader (see the file comment). */
export const dampPeersAge = dampBeside('age_probe', PEERS_AGE_FACTOR, (words, first, last) => describesPerson(words, first) || thirdPartyAge(words, first, last));
