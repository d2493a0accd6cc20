/**
 * French "envoie" is both the request ("envoie une photo", send a photo) and the speaker's own sending ("je vous
 * envoie une photo quand ils dorment", I'll send you a photo when they're asleep: a babysitter reassuring a
 * parent). With a subject before it (je, il, elle, on, or "vous"/"te" as in "je vous envoie") it is someone's own
 * sending, not a request of the reader: such a picture request weighs OWN_SENDING_FACTOR as much.
 */
import { wordsInSpan, type NormalisedText } from './normalise.ts';
import type { Signal } from './types.ts';

export const OWN_SENDING_FACTOR = 0.3;

const VERBS = new Set(['envoie', 'envoies', 'montre']);
const SUBJECTS = new Set(['je', 'j', 'il', 'elle', 'on', 'vous', 'te', 'lui', 'leur']);

/** Damps, in place, the picture requests that are the speaker's (or a third person's) own sending. */
export function dampOwnSending(nt: NormalisedText, signals: Signal[]): void {
  for (const s of signals) {
    if (s.category !== 'image_request' || s.language !== 'fr') continue;
    const span = wordsInSpan(nt, s.start, s.end);
    if (span === null || !VERBS.has(nt.words[span[0]]!)) continue;
    if (SUBJECTS.has(nt.words[span[0] - 1] ?? '')) s.weight *= OWN_SENDING_FACTOR;
  }
}
