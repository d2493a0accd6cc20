/**
 * A request made of a group: a coach, teacher or club asking the whole team or class for a photo ("team gc:
 * everyone send me a pic of your player card", "stuur allemaal een foto van je spelerspas", "schickt mir alle
 * ein foto vom ausweis", "envoyez-moi tous une photo", "mandad todos una foto"). Grooming asks one child; a
 * request made of everyone at once is made in front of everyone. In such a message picture and camera requests
 * weigh GROUP_FACTOR as much (they stay as evidence).
 */
import type { NormalisedText } from './normalise.ts';
import type { Signal } from './types.ts';

/** What is left of a picture request made of a whole group. */
export const GROUP_FACTOR = 0.3;

/** A group addressed right before or after a request verb, over normalised text, in en/de/nl/fr/es. */
const GROUP_ASK = new RegExp(
  String.raw`(?<= )(?:` +
    [
      String.raw`(everyone|everybody|all of you|you all|yall|guys|team|squad|class) (please |pls |plz )?(send|post|upload|bring|share|drop|turn|put|email)`,
      String.raw`(iedereen|allemaal|jullie|jongens|team) (even |ff |graag )?(stuur|sturen|stuurt|post|posten|neem|nemen|zet|zetten|deel|delen)`,
      String.raw`(stuur|sturen|stuurt|neem|nemen|zet|zetten|deel|delen) (me |mij |ons )?(allemaal|alle ?maal|jullie)`,
      String.raw`(alle|ihr alle|leute|jungs|team) (bitte |mal )?(schick|schickt|schicken|lad|ladet|bring|bringt|teil|teilt|macht)`,
      String.raw`(schickt|ladet|bringt|teilt|macht) (mir |uns )?(bitte )?alle(?! (bilder|fotos|videos|pics))`,
      String.raw`(tout le monde|vous tous|les gars|lequipe|equipe) (svp |stp )?(envoie|envoyez|postez|apportez|mettez|partagez|allumez)`,
      String.raw`(envoyez|postez|apportez|partagez|allumez)( moi| nous)? (tous|toutes|svp)`,
      String.raw`(todos|todas|chicos|chicas|equipo) (porfa |por favor )?(mandad|enviad|manden|envien|traed|traigan|suban|subid|compartan|poned|pongan|manda|mandame|envia|enviame|sube)`,
      String.raw`(mandad|enviad|manden|envien|subid|suban|traed|traigan)( me| nos)? (todos|todas)`,
    ].join('|') +
    ')(?= )',
);

const damped = new Set<Signal['category']>(['image_request']);

/** Damps, in place, the picture requests of a message that asks a whole group. */
export function dampGroupAddress(nt: NormalisedText, signals: Signal[]): void {
  let any = false;
  for (const s of signals) any ||= damped.has(s.category);
  if (!any || !GROUP_ASK.test(nt.text)) return;
  for (const s of signals) if (damped.has(s.category)) s.weight *= GROUP_FACTOR;
}
