/**
 * "Everyone does it": pressure that passes a request off as what all the author's friends, class or sex do ("all
 * the girls in my grade do it", "iedereen laat wat zien", "machen alle", "tout le monde le fait", "todas lo hacen",
 * "its a boys thing"). Alone it is ordinary talk; after a request for pictures, the camera or a dare it is how a
 * fake peer (or a stranger daring a child on a stream) talks the child past a no.
 */
import type { NormalisedText } from './normalise.ts';
import { someWordIn, WordTable } from './word-ids.ts';

const EVERYONE_DOES_IT = new RegExp(
  String.raw`(?<= )(?:` +
    [
      String.raw`(everyone|everybody|all my friends|my friends|all the (girls|boys|kids|guys)( (in|at) (my|our) (grade|class|school|year))?|everyone (at|in) my (school|class|grade|year)) (does|do|did) (it|this|that)`,
      String.raw`(its|it s|thats) (just )?a (girl|girls|boy|boys|guy|guys) thing`,
      String.raw`(alle|jeder) (machen|macht) (das|es)|machen (doch )?alle|das machen alle|(ein|n) (jungs|madchen)ding|alle (madchen|jungs) (aus|in) (meiner|unserer) (klasse|stufe)`,
      String.raw`iedereen doet (het|dat)|iedereen (laat|stuurt) (wat|het)|(een )?(jongens|meiden|meisjes)ding|alle (meiden|jongens|meisjes) (in|uit) (mijn|m n|mn) klas`,
      String.raw`tout le monde (le fait|fait ca|fait pareil)|(toutes les|les) (filles|meufs) le font|(tous les|les) (gars|mecs) le font|un truc de (filles|meufs|gars|mecs)`,
      String.raw`(todos|todas|todo el mundo) lo (hacen|hace)|cosa de (chicas|chicos|tias|tios)`,
    ].join('|') +
    ')(?= )',
);

/** A word every phrase of EVERYONE_DOES_IT holds: a message with none is passed over without the long pattern. */
const EVERYONE_WORDS = new Set('everyone everybody friends girls boys kids guys thing alle jeder jungsding madchending iedereen jongensding meidending meisjesding monde filles meufs gars mecs truc todos todas mundo cosa'.split(' '));
const EVERYONE_WORDS_BY_ID = new WordTable((w: string) => EVERYONE_WORDS.has(w));

/** Whether the message passes something off as what everyone of the author's kind does. */
export const saysEveryoneDoesIt = (nt: NormalisedText): boolean => someWordIn(EVERYONE_WORDS_BY_ID, nt.words, nt.ids) && EVERYONE_DOES_IT.test(nt.text);
