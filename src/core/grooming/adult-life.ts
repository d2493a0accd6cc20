/**
 * Adult life told in passing by someone who said they are a young teen: "i'll drive over", "i have my car",
 * "overtime yesterday, i mean homework", "my son… i mean my little brother", "ik werk tot 5". Fake peers give
 * themselves away like this; a stated age of 15 or under is then not taken as the author's (conversation-state.ts),
 * so their words are no longer damped as a peer's. Read after the age is stated, as fake peers tell it.
 */
import type { NormalisedText } from './normalise.ts';

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
    ].join('|') +
    ')(?= )',
);

/** Whether the message tells of adult life. */
export const tellsAdultLife = (nt: NormalisedText): boolean => ADULT_LIFE.test(nt.text);
