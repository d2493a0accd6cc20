/** Every shipped signal lexicon, English first. Add a language by adding its data file here. */
import type { LexiconData } from '../lexicon.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

export const lexicons: readonly LexiconData[] = [en, de, nl, fr, es];
