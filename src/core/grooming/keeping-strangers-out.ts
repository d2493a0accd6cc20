/**
 * A parent keeping strangers out: "lock the door and don't let anyone in", "tür abschließen und niemanden
 * reinlassen", "deur op slot en niemand binnenlaten", "ferme à clé et n'ouvre à personne", "cierra con llave y no
 * le abras a nadie". A locked door reads as a check of who can walk in; with the order to let nobody in or open to
 * no one it is a child home alone being told to stay safe. In such a message the supervision checks weigh
 * KEEPING_OUT_FACTOR as much (they stay as evidence). "so nobody walks in on us" is not such an order and stays.
 */
import { dampWhere } from './damp-where.ts';

/** What is left of a supervision check in a message that tells the child to let nobody in. */
export const KEEPING_OUT_FACTOR = 0.3;

/** Letting nobody in or opening to no one, over normalised text (lower case, accents folded, apostrophes dropped), in en/de/nl/fr/es. */
const KEEPING_OUT = new RegExp(
  String.raw`(?<= )(?:` +
    [
      String.raw`(let|letting) (no one|nobody|noone) in`,
      String.raw`(dont|do not|never) (let (anyone|anybody|strangers) in|open the door|answer the door)`,
      String.raw`(niemanden|niemand|keinen) (rein|herein|ins haus) ?(lassen|lasst|lass)`,
      String.raw`(niemandem|keinem) (die tur )?(aufmachen|offnen)`,
      String.raw`(nicht|nich|net) (die tur )?(aufmachen|offnen)`,
      String.raw`niemand (binnen|erin|naar binnen) ?(laten|laat)`,
      String.raw`laat niemand (binnen|erin)`,
      String.raw`(doe|maak) (de deur )?niet open`,
      String.raw`niet open ?doen`,
      String.raw`(n)?ouvre (a personne|la porte a personne|pas la porte)`,
      String.raw`(ne )?laisse (entrer )?personne( entrer)?`,
      String.raw`no (le |les )?abras (la puerta( a nadie)?|a nadie)`,
      String.raw`no dejes (entrar|pasar) a nadie`,
    ].join('|') +
    ')(?= )',
);

/**
 * Damps, in place, the supervision checks of a message that tells the child to let nobody in. `unsplit` is the
 * message before words run together were split, when they were.
 */
export const dampKeepingStrangersOut = dampWhere(KEEPING_OUT, 'supervision_check', KEEPING_OUT_FACTOR);
