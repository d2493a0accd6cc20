/**
 * What a viewer's comment asks of the streamer, in stream terms: one harmless-looking thing (age, school,
 * where they live, are they alone, show the room, lock the door, a dare for likes or gifts, ...). Several
 * strangers each asking one of these is the coordinated pattern the guardian adds up per stream. Built from
 * the grooming detector's signals (so every language and spelling it reads counts) plus a few stream-only
 * patterns the chat lexicons do not carry: dares tied to likes or gifts, and threats built on recording the
 * stream ("I recorded you", "do it or I post it"). Those patterns read the grooming normaliser's text, so the
 * spellings it undoes ("d0 it 0r i p0st it", "u", "ur") are undone here too, and spans map back to the original.
 */
import { defaultMatcher } from '../grooming/detector.ts';
import type { NormalisedText } from '../grooming/normalise.ts';
import type { Signal } from '../grooming/types.ts';

/** Kinds of asks, declared once: policy weights, reasons and the read model use these names. */
export const streamAskKinds = ['age', 'school', 'location', 'name', 'alone', 'room', 'door', 'picture', 'contact', 'appearance', 'secret', 'meeting', 'gifts', 'pressure', 'dare'] as const;
export type StreamAskKind = (typeof streamAskKinds)[number];

/** Bit of each kind in an ask mask. */
export const askBit = Object.fromEntries(streamAskKinds.map((k, i) => [k, 1 << i])) as Record<StreamAskKind, number>;

/** The kinds in a mask, in registry order. */
export function askKindsOf(mask: number): StreamAskKind[] {
  return streamAskKinds.filter((k) => (mask & askBit[k]) !== 0);
}

/** What a dare is tied to: likes, follows and the like, or gifts (coins, roses, ...). */
export type DareReward = 'likes' | 'gifts' | 'unspecified';

export interface StreamAsks {
  /** Mask of `StreamAskKind` bits. */
  mask: number;
  /** Set when the comment dares the streamer. */
  dare?: { reward: DareReward; text: string };
  /** A threat built on a recording of the stream, as a `threat` signal (see the weights below). */
  threat?: Signal;
}

const SCHOOL = /school|schule|schul|grade|klasse|klas\b|ecole|école|colegio|escuela|instituto|college|collège/;
const DOOR = /door|t[uü]r\b|deur|porte|puerta/;
const ROOM = /room|bed|bath|toilet|loo\b|shower|zimmer|kamer|badkamer|chambre|habitaci|cuarto|salle de bain|ba[nñ]o/;
const CONTACT = /number|phone|nummer|num[eé]ro|n[uú]mero|handy|telefon/;
const NAME = /name|naam|nom\b|nombre/;
const DARE_WORD = /\bdare\b|\bdares\b|heraus|daag|d[eé]fi|cap ou pas|\breto\b/;

const LIKES = String.raw`(likes?|follows?|followers?|subs?|subscribers?|hearts?|views?|viewers?|shares?|abos?|volgers|abonn[eé]s|seguidores)`;
const GIFTS = String.raw`(gifts?|coins?|roses?|rosen|diamonds?|stars?|gems?|tokens?|robux|v ?bucks|lions?|donuts?|tips?|munten|monedas|pi[eè]ces)`;
const FOR = String.raw`(for|4|f[uü]r|voor|pour|por)`;
const N = String.raw`\d+\s*k?`;
const rewardFor = (unit: string) =>
  new RegExp(
    String.raw`\b${FOR}\s+${N}\s+(more\s+)?${unit}\b|\b(if|when|once|at)\s+(we|i|chat|this|u|you)?\s*(get|gets|hit|hits|reach|reaches|send|sends)?\s*${N}\s+${unit}\b|\b${N}\s+${unit}\s+(and|=|then|n)\s+(you|u)\b`,
  );
const LIKE_DARE = rewardFor(LIKES);
const GIFT_DARE = rewardFor(GIFTS);
/** "I'll send roses if you ...", "gift you 500 coins when you ..." */
const GIFT_IF = new RegExp(String.raw`\b(i'?ll|i will|ill|we'?ll|we will|i can|we can)\s+(send|give|gift|donate|tip)\b[^.!?]{0,40}\b(if|when|once)\s+(you|u)\b|\b${GIFTS}\b[^.!?]{0,30}\b(if|when)\s+(you|u)\b`);

/** "I recorded you", "I've got a video of you", "screenshotted you": a claim to hold the person on a recording. */
const RECORDED_YOU = /\b(i|we)\s*(have|'ve|ve|got|just)?\s*(screen\s*)?(recorded|screenshotted|screenshot|filmed)\s+(you|u)\b|\b(i|we)\s*(have|'ve|ve|got)\s+(got\s+)?(a\s+|the\s+)?(recording|video|vid|clip|screenshots?|screen\s*recording)\s+(of\s+)?(you|u)\b/;
/** "I recorded your stream / all of it": weaker, fans say it too. */
const RECORDED_STREAM = /\b(i|we)\s*(have|'ve|ve|got|just)?\s*(screen\s*)?(recorded|screenshotted|filmed)\s+(your|ur|all of (it|this)|everything|the whole stream|this stream)\b/;
/** "do it or I post it", "do what I say or everyone sees", "...or I send it to your school". */
const EXPOSE = /\bor\s+(else\s+)?(i|we|i'?ll|ill|we'?ll)\s*(will\s+|am going to\s+|'m going to\s+|m gonna\s+|gonna\s+)?(post|share|send|leak|upload|spread|show|put|release|expose)\b|\b(everyone|every1|your (school|friends|followers|family|parents|mum|mom|dad|class))\s+(will|gonna|is going to|are going to)\s+see\s+(it|this|them|the (video|vid|clip|recording|pics?))\b|\b(i'?ll|i will|ill|we'?ll)\s+(post|leak|upload|share|send)\s+(it|this|them|the (video|vid|clip|recording))\s+(to|on|everywhere|online)\b/;

/** Words without which none of the stream-only patterns can match, checked on the raw text before normalising. */
const GATE = /\d|dare|heraus|daag|d[eé]fi|reto|\bif\b|\bwhen\b|\bonce\b|record|screen|film|\bvid|clip|post|leak|upload|\bsee\b|\bor (else )?(i|we)\b/i;
/** Text a normaliser may read differently from how it looks: non-ASCII letters, spaced or dotted letters. */
const DISGUISED = /[^\x00-\x7f]|(?:^|[\s.*_-])\w[\s.*_-]+\w[\s.*_-]+\w(?:$|[\s.*_-])/;

/** The span of the original text that produced normalised `[start, end)`. */
function originalSpan(nt: NormalisedText, text: string, start: number, end: number): { text: string; start: number; end: number } {
  let first = -1;
  let last = -1;
  for (let i = 0; i < nt.words.length; i++) {
    const ws = nt.wordStarts[i]!;
    const we = ws + nt.words[i]!.length;
    if (we > start && ws < end) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { text: text.slice(0, 0), start: 0, end: 0 };
  const a = nt.origStarts[first]!;
  const b = nt.origEnds[last]!;
  return { text: text.slice(a, b), start: a, end: b };
}

/** Maps one detector signal to the ask it makes, if any. */
function askOf(sig: Signal): StreamAskKind | undefined {
  const span = sig.text.toLowerCase();
  switch (sig.category) {
    case 'age_probe':
      return 'age';
    case 'personal_info':
      return SCHOOL.test(span) ? 'school' : CONTACT.test(span) ? 'contact' : NAME.test(span) ? 'name' : 'location';
    case 'supervision_check':
      return DOOR.test(span) ? 'door' : ROOM.test(span) ? 'room' : 'alone';
    case 'stream_pressure':
      return ROOM.test(span) ? 'room' : DARE_WORD.test(span) ? 'dare' : 'pressure';
    case 'image_request':
      return 'picture';
    case 'platform_move':
      return 'contact';
    case 'body_compliment':
      return 'appearance';
    case 'secrecy':
      return 'secret';
    case 'meeting':
      return 'meeting';
    case 'gifts':
      return 'gifts';
    default:
      return undefined;
  }
}

/**
 * The asks in one comment (or a gift's message: `withGift` makes any pressing ask in it a dare for gifts).
 * Cheap for the common comment: the regular expressions run only on text with a digit or a dare/threat word.
 */
export function streamAsksIn(text: string, signals: readonly Signal[], withGift = false): StreamAsks {
  let mask = 0;
  for (const sig of signals) {
    const k = askOf(sig);
    if (k !== undefined) mask |= askBit[k];
  }
  const out: StreamAsks = { mask };
  // Most comments carry nothing a stream-only pattern needs: no number, no dare, no recording or exposure word.
  if (mask === 0 && !withGift && !GATE.test(text) && !DISGUISED.test(text)) return out;
  const nt = defaultMatcher().normaliser.normalise(text);
  const t = nt.text;
  let reward: DareReward | undefined;
  if (/\d/.test(t)) {
    if (GIFT_DARE.test(t)) reward = 'gifts';
    else if (LIKE_DARE.test(t)) reward = 'likes';
  }
  if (reward === undefined && GIFT_IF.test(t)) reward = 'gifts';
  const pressing = mask & (askBit.room | askBit.door | askBit.alone | askBit.picture | askBit.pressure | askBit.dare | askBit.appearance);
  if (reward === undefined && withGift && pressing !== 0) reward = 'gifts';
  if (reward === undefined && (mask & askBit.dare) !== 0) reward = 'unspecified';
  if (reward !== undefined) {
    out.mask |= askBit.dare;
    out.dare = { reward, text: text.length > 120 ? `${text.slice(0, 117)}...` : text };
  }
  if (/record|screen|film|\bvid|clip|\bsee\b|post|leak|upload|send|share|spread|show|put|release|expose/.test(t)) {
    const expose = EXPOSE.exec(t);
    const you = expose ? null : RECORDED_YOU.exec(t);
    const stream = expose || you ? null : RECORDED_STREAM.exec(t);
    const m = expose ?? you ?? stream;
    if (m) {
      // The span as written, for the reviewer.
      const span = originalSpan(nt, text, m.index, m.index + m[0].length);
      out.threat = {
        category: 'threat',
        messageIndex: 0,
        text: span.text,
        start: span.start,
        end: span.end,
        // A demand with exposure is the sextortion threat; "I recorded you" is its opening; "I recorded your
        // stream" alone is weaker (fans say it too) and counts as pressure, not imminent risk.
        weight: expose ? 0.95 : you ? 0.85 : 0.6,
        language: 'en',
      };
    }
  }
  return out;
}
