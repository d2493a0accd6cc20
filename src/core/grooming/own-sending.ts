/**
 * French "envoie" is both the request ("envoie une photo", send a photo) and the speaker's own sending ("je vous
 * envoie une photo quand ils dorment", I'll send you a photo when they're asleep: a babysitter reassuring a
 * parent). With a subject before it (je, il, elle, on, or "vous"/"te" as in "je vous envoie") it is someone's own
 * sending, not a request of the reader: such a picture request weighs OWN_SENDING_FACTOR as much.
 */
import { dampBeside } from './damp-where.ts';

export const OWN_SENDING_FACTOR = 0.3;

const VERBS = new Set(['envoie', 'envoies', 'montre']);
const SUBJECTS = new Set(['je', 'j', 'il', 'elle', 'on', 'vous', 'te', 'lui', 'leur']);

/** Damps, in place, the picture requests that are the speaker's (or a third person's) own sending. */
export const dampOwnSending = dampBeside(
  'image_request',
  OWN_SENDING_FACTOR,
  (words, first, _last, s) => s.language === 'fr' && VERBS.has(words[first]!) && SUBJECTS.has(words[first - 1] ?? ''),
);
