/**
 * A picture of a thing, asked with a plain request phrase: "schick mir ein foto von deinen schuhen, ich brauch die
 * größe", "stuur een foto van je huiswerk", "envoie une photo de ton devoir", "mándame una foto de tus deberes".
 * The frames already read "a pic of your dog" as a thing's picture (frames.ts, `things`); the German, Dutch,
 * French and Spanish request phrases of the lexicons fire on "ein foto" alone, so in a message whose picture is
 * of one of those things, picture requests weigh THING_PHOTO_FACTOR as much (they stay as evidence).
 */
import { dampWhere } from './damp-where.ts';
import { de } from './lexicons/de.ts';
import { en } from './lexicons/en.ts';
import { es } from './lexicons/es.ts';
import { fr } from './lexicons/fr.ts';
import { nl } from './lexicons/nl.ts';

/** What is left of a picture request for a picture of a thing. */
export const THING_PHOTO_FACTOR = 0.3;

const things = [...new Set([en, de, nl, fr, es].flatMap((l) => l.frames?.things ?? []))].sort((a, b) => b.length - a.length);
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PICTURE = String.raw`(foto|fotos|bild|bilder|pic|pics|photo|photos|selfie|video|filmpje|fotootje|fotito)`;
const OF = String.raw`(von|vom|of|van|de|du|des|del)`;
const WHOSE = String.raw`(deinem|deinen|deiner|deine|dein|dem|der|den|die|das|your|the|je|jouw|het|ton|ta|tes|le|la|les|l|tu|tus|el|los|las|mis|mijn|meinem|meinen|meiner|my)`;

/** A picture of one of the things, over normalised text: "foto von deinen schuhen", "pic of the homework". */
const THING_PHOTO = new RegExp(String.raw`(?<= )${PICTURE} ${OF} (${WHOSE} )?(${things.map(escape).join('|')})(?= )`);

/** Damps, in place, the picture requests of a message whose picture is of a thing. */
export const dampThingPhoto = dampWhere(THING_PHOTO, 'image_request', THING_PHOTO_FACTOR);
