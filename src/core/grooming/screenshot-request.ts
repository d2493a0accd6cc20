/**
 * A screenshot asked for: "schick screenshot als beweis dass du die coins hast", "stuur een screenshot van je
 * score", "send a screenshot of the trade". A screenshot shows a screen (a score, an inventory, a payment, a
 * chat), not the person who takes it, so a picture request whose picture word is a screenshot weighs
 * SCREENSHOT_FACTOR as much (it stays as evidence). A screenshot held as a threat is sextortion's material
 * and is read there, not here.
 */
import { wordsInSpan, type NormalisedText } from './normalise.ts';
import type { Signal } from './types.ts';

/** What is left of a request for a screenshot. */
export const SCREENSHOT_FACTOR = 0.3;

const SCREENSHOT = /^(screenshot|screenshots|screeny|screenie|screenies|screen|screens|capture|captura|capturas|schermafbeelding|bildschirmfoto)$/;
/** Picture words that are of a person; with one of these in the span the request stands. */
const OF_PERSON = /^(pic|pics|selfie|selfies|photo|photos|foto|fotos|bild|bilder|video|videos|vid|vids|nudes)$/;

/** Damps, in place, picture requests whose span names a screenshot and no other picture. */
export function dampScreenshotRequests(nt: NormalisedText, signals: Signal[]): void {
  for (const s of signals) {
    if (s.category !== 'image_request') continue;
    const span = wordsInSpan(nt, s.start, s.end);
    if (span === null) continue;
    let screen = false;
    let person = false;
    for (let k = span[0]; k <= span[1]; k++) {
      const w = nt.words[k]!;
      screen ||= SCREENSHOT.test(w);
      person ||= OF_PERSON.test(w);
    }
    if (screen && !person) s.weight *= SCREENSHOT_FACTOR;
  }
}
