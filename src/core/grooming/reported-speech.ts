/**
 * Reported speech: a warning that quotes what coercers write ("if someone dms you \"pay or i send it to your
 * followers\" it's a scam, don't pay, report it"). The words inside the quotation marks are not the writer's
 * own: their signals stay as evidence but weigh REPORTED_FACTOR as much. A quote counts as reported when the
 * message, outside its quotes, names a scam, gives the usual advice (report, block, don't pay), or says who
 * wrote it ("he said", "they dm"), or when the whole message is one quotation (a forwarded warning).
 * Instructions in quotes ("if your mum asks say \"at jess's\"") are not reported speech and stay as they are.
 */
import type { Signal } from './types.ts';

/** What is left of a signal inside a reported quotation. */
export const REPORTED_FACTOR = 0.3;

const OPEN_CLOSE: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '»': '«', '‘': '’' };

/**
 * Words around a quotation that make it reported speech, in English, German, Dutch, French and Spanish:
 * scams and their names, the advice given against them, the words that announce a warning ("let op", "attention"),
 * and verbs of someone else's writing. Bounded by letters, not \b: \b is ASCII-only, so a marker starting with an
 * accented letter ("écrit", "reçu") never matched.
 */
const MARKERS = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${[
    String.raw`scams?|scammers?|sextortion\w*|sextorsi\w*|psa|warning|report(ed)?|block(ed)?|don'?t pay|never pay|do not pay|tell an adult|says|said|dms|dm'?d|messaged|writes|wrote|texted|threaten(s|ed)?|pretends?|received|got this|heads up|watch out|be careful|going around`,
    String.raw`betrug|betr[uü]ger|abzocke|warnung|achtung|melden|blocken|nicht (be)?zahlen|niemals (be)?zahlen|sagt|sagte|schreibt|schrieb|droht|drohen|drohte|bekommen|gekriegt|erhalten|vorsicht|aufpassen|passt auf|geht (gerade |grad )?(rum|herum)|masche|betrugsmasche`,
    String.raw`oplichting|oplichters?|waarschuwing|pas op|melden|blokken|blokkeer|niet betalen|nooit betalen|zegt|zei|schrijft|schreef|dreigt|dreigen|dreigde|gekregen|ontvangen|let op|opgelet|gaat rond|(bericht|berichtje) rond|nepbericht|kettingbericht`,
    String.raw`arnaques?|escrocs?|signale[rz]?|bloque[rz]?|payez pas|ne pas payer|paye pas|dit|disent|[ée]crit|menace(nt)?|re[çc]us?|attention|m[ée]fiez[- ]vous|faites gaffe|fais gaffe|tourne en ce moment`,
    String.raw`estafas?|estafadores?|denuncia[rn]?|denuncien|bloquea[rn]?|bloqueen|no pag(ar|uen|ues)|dice|dicen|escribe|escriben|amenaza[n]?|cuidado|aviso|recib\w*|me lleg\w*|ojo|est[áa] circulando|anda circulando`,
  ].join('|')})(?![\\p{L}\\p{N}_])`,
  'iu',
);

/** Someone else said it: "they say", "he said", "scammers threaten", "sie sagen", "ze zeggen", "ils disent", "dicen". */
const SAID = /\b(they|he|she|people|scammers|someone|somebody|sie|er|ze|hij|mensen|iemand|ils|elles|on|ellos|alguien|la gente)\s+(say|says|said|tell|told|threaten|threatens|threatened|will say|sagen|sagt|sagte|drohen|droht|zeggen|zegt|zei|dreigen|dreigt|disent|dit|menacent|menace|dicen|dice|amenazan|amenaza)\b/i;
/** A third-person subject making the threat ("theyll send", "he will post"), and no first person in it. */
const THIRD = /\b(they|theyll|theyd|he|hell|hed|she|shell|sie|er|ze|hij|zij|ils|elles|ellos|ellas)\b/i;
const FIRST = /\b(i|ill|im|ich|ik|je|j|yo|me|mir|mij)\b/i;

/**
 * A warning about what others might do: "if anyone (ever) asks for photos", "wenn dich jemand …", "als iemand …",
 * "si quelqu'un …", "si alguien …" — a conditional with somebody else as the subject.
 */
const IF_SOMEONE = /\b(if|wenn|falls|als|si)\s+(dich\s+|je\s+|te\s+|t\s+)?(any\s?one|any\s?body|some\s?one|some\s?body|a stranger|strangers|people|jemand|irgendwer|irgendjemand|ein fremder|fremde|iemand|er iemand|een vreemde|vreemden|quelqu'?un|qqn|un inconnu|des inconnus|alguien|un desconocido|desconocidos)\b/i;
/** The advice that makes such a conditional a warning: it's a scam, don't pay, tell me, tell an adult, you won't be in trouble. */
const ADVICE = /\b(scams?|don'?t pay|do not pay|never pay|report (it|them|him|her)|tell me|tell us|tell (mum|mom|dad|a teacher|an adult|someone)|come to me|you (won'?t|will not) be in trouble|sag (es )?mir|sag bescheid|erz[äa]hl|zeg het|vertel het|meld het|kom naar mij|betrug|abzocke|nicht zahlen|oplichting|niet betalen|arnaque|payez pas|estafa|no pagues|dis[- ]moi|dis-le|pr[ée]viens|d[ií]melo|av[ií]same|cu[ée]ntame)\b/i;

/** [start, end) of each quotation in `text` (the marks included), for the quote pairs above. */
export function quotations(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const close = OPEN_CLOSE[text[i]!];
    if (close === undefined) continue;
    const j = text.indexOf(close, i + 1);
    if (j < 0) break;
    out.push([i, j + 1]);
    i = j;
  }
  return out;
}

/**
 * Damps, in place, the signals that lie (mostly) inside a reported quotation of `text`, and threats told
 * without quotation marks as someone else's ("they say if u dont pay theyll send the pics to ur followers").
 */
export function dampReportedSpeech(text: string, signals: Signal[]): void {
  if (signals.length === 0) return;
  dampToldThreats(text, signals);
  dampWarnings(text, signals);
  const quotes = quotations(text);
  if (quotes.length === 0) return;
  let outside = '';
  let last = 0;
  for (const [a, b] of quotes) {
    outside += text.slice(last, a) + ' ';
    last = b;
  }
  outside += text.slice(last);
  const whole = quotes.length === 1 && outside.trim().length <= 2;
  if (!whole && !MARKERS.test(outside)) return;
  for (const s of signals) {
    if (s.category === 'age_disclosure') continue;
    // A pattern may reach a word past the closing mark ("or i leak them\". its"): most of it inside counts.
    if (quotes.some(([a, b]) => 2 * (Math.min(b, s.end) - Math.max(a, s.start)) > s.end - s.start)) s.weight *= REPORTED_FACTOR;
  }
}

/** Threats in a message that says someone else makes them, with a third-person subject and no first person. */
function dampToldThreats(text: string, signals: Signal[]): void {
  if (!SAID.test(text)) return;
  const told: Signal[] = [];
  for (const s of signals) {
    if (s.category !== 'sextortion' && s.category !== 'threat') continue;
    // The subject may stand just before the span ("theyll send …" matched from "send").
    const around = text.slice(Math.max(0, s.start - 12), s.end);
    if (THIRD.test(around) && !FIRST.test(s.text)) told.push(s);
  }
  // Whatever lies inside a told threat ("send the pics" in it) is told too.
  for (const s of signals) {
    if (told.some((t) => s.start >= t.start && s.end <= t.end)) s.weight *= REPORTED_FACTOR;
  }
}

/**
 * A warning to someone about what others might do ("if anyone asks for photos or to keep a secret, tell me, you
 * won't be in trouble"; "if someone says they have your pics and wants money, it's a scam, don't pay"): the signals
 * from the conditional on weigh REPORTED_FACTOR as much. It needs the advice as well as the conditional, so "if
 * anyone asks, say we're friends" (an instruction to keep a secret) stays as it is.
 */
function dampWarnings(text: string, signals: Signal[]): void {
  const m = IF_SOMEONE.exec(text);
  if (m === null || !ADVICE.test(text)) return;
  for (const s of signals) if (s.category !== 'age_disclosure' && s.start >= m.index && s.weight > 0) s.weight *= REPORTED_FACTOR;
}
