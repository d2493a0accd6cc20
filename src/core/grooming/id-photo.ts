/**
 * A passport or ID photo for a form: "need a passport photo too, she can email it", "stuur aub een pasfoto via de
 * club app", "ein passbild für den ausweis", "une photo d'identité pour la licence", "una foto de carnet para la
 * ficha". A club, school or coach collects such a photo for a pass or a form, through the parents; it shows a face
 * against a plain wall and is not a picture of the child for the asker. In such a message picture requests weigh
 * ID_PHOTO_FACTOR as much (they stay as evidence).
 */
import { dampWhere } from './damp-where.ts';

/** What is left of a picture request for a passport or ID photo. */
export const ID_PHOTO_FACTOR = 0.3;

/** A passport or ID photo named, over normalised text (lower case, accents folded, apostrophes dropped), in en/de/nl/fr/es. */
const ID_PHOTO = new RegExp(
  String.raw`(?<= )(?:` +
    [
      String.raw`(passport|id|passport style|passport size) (photo|photos|pic|pics|picture|pictures)`,
      String.raw`(pass ?bild|pass ?bilder|pass ?foto|pass ?fotos|pas ?foto|pas ?fotos)`,
      String.raw`(photo|photos|picture|pic)( \S+){0,2} ?(d ?identite|didentite|identity)`,
      String.raw`(foto|fotos) (de |tipo )?carnet`,
    ].join('|') +
    ')(?= )',
);

/**
 * Damps, in place, the picture requests of a message that names a passport or ID photo. `unsplit` is the message
 * before words run together were split, when they were.
 */
export const dampIdPhoto = dampWhere(ID_PHOTO, 'image_request', ID_PHOTO_FACTOR);
