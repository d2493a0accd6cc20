/**
 * Adult life told in passing by someone who said they are a young teen: "i'll drive over", "i have my car",
 * "overtime yesterday, i mean homework", "my son… i mean my little brother", "ik werk tot 5", "just got back from work
 * lol i mean school", "ich zahl mit meiner kreditkarte", "estaba en el curro". Fake peers give
 * themselves away like this; a stated age of 15 or under is then not taken as the author's (conversation-state.ts),
 * so their words are no longer damped as a peer's. Read after the age is stated, as fake peers tell it.
 */
import type { NormalisedText } from './normalise.ts';
import { someWordIn, WordTable } from './word-ids.ts';

/** Ages at or under which driving, a car, a spouse, a child or a job's overtime contradict the age stated. */
export const CONTRADICTED_UP_TO = 15;

const ADULT_LIFE = new RegExp(
  String.raw`(?<= )(?:` +
    [
      String.raw`(i can|i could|ill|i will|i) drive (us|you|over|there|round|by|to)`,
      String.raw`my (car|truck|van|wife|husband|son|daughter|kids|boss|mortgage|driving licence|driving license|drivers license)`,
      String.raw`overtime|after work|i work (till|until)|when i was your age|i meant my (brother|sister)`,
      String.raw`mein (auto|sohn|chef)|meine (frau|tochter|kinder)|uberstunden|ich fahr dich`,
      String.raw`mijn (auto|zoon|dochter|vrouw|baas)|ik werk tot|ik rij je`,
      String.raw`mon (fils|mari|patron)|ma (fille|femme|voiture)|je conduis`,
      String.raw`mi (hijo|hija|mujer|marido|coche|jefe)|conduzco`,
      // Work and a card of one's own, not a parent's ("my mum just got back from work" is the parent's).
      String.raw`(?<!(?:mom|dad|mum|mother|father|brother|sister|parents|moms|dads)(?: just)? )(just )?got back from work|(im|i am|i was|was) at work|my (credit card|debit card|job)`,
      String.raw`(meine|meiner|mit meiner) (kreditkarte|firmenkarte|geschaftskarte)|geschaftskarte|firmenkarte|(ich war|war grad|war gerade|komm grad|komme gerade) (auf|bei der|von der) arbeit`,
      String.raw`(mijn|met mijn) (creditcard|bankpas|zakelijke pas)|van mijn werk|op mijn werk|(ik was|was net|kom net) (op|van) (mijn |het )?werk`,
      String.raw`(ma|avec ma) (carte bancaire|carte bleue|carte de credit)|(jetais|j etais|je suis) au (boulot|travail)|mon boulot`,
      String.raw`(mi|con mi) tarjeta de credito|(?<!(?:madre|padre|mama|papa|hermano|hermana) )estaba en el (curro|trabajo)|mi curro`,
    ].join('|') +
    ')(?= )',
);

/** Whether the message tells of adult life. */
export const tellsAdultLife = (nt: NormalisedText): boolean => ADULT_LIFE.test(nt.text);

/** A child's age or a young teen's, as a fake peer gives it ("im 14"), and an adult's. */
const CHILD = String.raw`(?:[5-9]|1[0-5])`;
const ADULT = String.raw`(?:1[89]|[2-9]\d)`;
const NOT = String.raw`(?:not|nicht|niet|geen|pas|no)`;
const UNIT = String.raw`(?: (?:years?|yrs?|yo|jahre|jaar|ans|anos))?`;
/** "im", "bin", "ik ben", "jai", "tengo", optionally "actually": the author saying how old they are. */
const SAY = String.raw`(?:(?:im|i am|ich bin|bin|ik ben|ben|jai|j ai|tengo|je suis) )?(?:(?:actually|really|eigentlich|eigenlijk|en fait|en realidad|realmente|wirklich|echt) )?`;
/**
 * An adult's age set against a child's it denies, either way round: "im not 15 im 24", "bin 23 nicht 15",
 * "ik ben 22 niet 14", "jai pas 15 ans jai 24 ans", "no tengo 14 tengo 25".
 */
const DENIED_CHILD_AGE = new RegExp(
  String.raw`(?<= )(?:` +
    String.raw`${NOT} (?:tengo )?${CHILD}${UNIT} (?:(?:but|sondern|maar|mais|sino|more like|eher) )?${SAY}${ADULT}` +
    '|' +
    String.raw`${SAY}${ADULT}${UNIT} (?:(?:and|und|en|et|y) )?${NOT} ${CHILD}` +
    String.raw`)(?= )`,
);
const DIGIT = /\d/;
const HAS_DIGIT = new WordTable((w: string) => DIGIT.test(w));
/** Words of owning up to a lie: "i lied", "the truth is", "nicht ehrlich", "niet eerlijk", "je t'ai menti", "te menti". */
const OWNING_UP = new RegExp(
  String.raw`(?<= )(?:` +
    [
      String.raw`i lied|lied to you|lied about|not been honest|wasnt honest|was not honest|truth is|the truth|confess|dont be mad|dont be angry`,
      String.raw`gelogen|nicht ehrlich|die wahrheit|sei nicht sauer`,
      String.raw`gelogen|niet eerlijk|de waarheid|niet boos`,
      String.raw`menti|pas ete honnete|pas honnete|la verite|pas fache`,
      String.raw`menti|mentido|no fui sincero|no fui sincera|no he sido sincero|no he sido sincera|la verdad|no te enfades`,
    ].join('|') +
    ')(?= )',
);

/**
 * A confessed age: an adult's age told against a child's the author gave ("i lied, im not 15 im 24, that doesnt
 * change anything right"). The denial alone is an adult's ordinary reply to "you look 15", so it counts only
 * with words of owning up to a lie, or after the author had stated the child's age themselves (`saidChildAge`).
 */
export const confessesAdultAge = (nt: NormalisedText, saidChildAge: boolean): boolean =>
  // Both ages are written in digits: most messages have none, and are passed over without the long pattern (a
  // word's digits read by its id: the text is the words and spaces).
  someWordIn(HAS_DIGIT, nt.words, nt.ids) &&
  DENIED_CHILD_AGE.test(nt.text) && (saidChildAge || OWNING_UP.test(nt.text));
