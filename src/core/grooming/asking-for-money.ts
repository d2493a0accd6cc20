/**
 * "Asking for money", "fragt nach geld", "vraagt om geld", "demande de l'argent", "pide dinero": someone asking for
 * money (a hacked account or a scam, told as a warning) is not an offer of money for pictures. A gifts signal that
 * starts right after such a verb ("… asking [for money]") weighs ASKING_FACTOR as much.
 */
import { dampBeside } from './damp-where.ts';

export const ASKING_FACTOR = 0.3;

const ASKING = new Set(['asking', 'ask', 'asks', 'asked', 'begging', 'beg', 'fragt', 'fragen', 'bittet', 'vraagt', 'vragen', 'vroeg', 'demande', 'demandent', 'pide', 'piden', 'pidiendo']);

/** Damps, in place, the gifts signals that are a request for money rather than an offer. */
export const dampAskingForMoney = dampBeside('gifts', ASKING_FACTOR, (words, first) => ASKING.has(words[first - 1] ?? ''));
