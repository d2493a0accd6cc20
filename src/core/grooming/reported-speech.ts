/**
 * Reported speech: a warning that quotes what coercers write ("if someone dms you \"pay or i send it to your
 * followers\" it's a scam, don't pay, report it"). The words inside the quotation marks are not the writer's
 * own: their signals stay as evidence but weigh REPORTED_FACTOR as much. A quote counts as reported when the
 * message, outside its quotes, names a scam, gives the usual advice (report, block, don't pay), or says who
 * wrote it ("he said", "they dm"), or when the whole message is one quotation (a forwarded warning).
 * Instructions in quotes ("if your mum asks say \"at jess's\"") are not reported speech and stay as they are.
 */
import { wordAt, wordsInSpan, type NormalisedText } from './normalise.ts';
import type { Signal } from './types.ts';

/** What is left of a signal inside a reported quotation. */
export const REPORTED_FACTOR = 0.3;

const OPEN_CLOSE: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '»': '«', '‘': '’' };

/** A regular expression of whole words: letters and digits (accented ones too) may not touch the match. */
const wordsRe = (alternatives: readonly string[], flags = 'iu') => new RegExp(String.raw`(?<![\p{L}\p{N}_])(${alternatives.join('|')})(?![\p{L}\p{N}_])`, flags);

/**
 * Words around a quotation that make it reported speech, in English, German, Dutch, French and Spanish:
 * scams and their names, warnings, the advice given against them, the words that announce a warning ("let op",
 * "attention"), and verbs of someone else's writing. Bounded by letters (wordsRe), not \b: \b is ASCII-only, so a
 * marker starting with an accented letter ("écrit", "reçu") would never match.
 */
const MARKERS = wordsRe([
  String.raw`scam\w*|sextortion\w*|sextorsi\w*|extort\w*|blackmail\w*|psa|warn\w*|sends|sent|heads up|careful|watch out|beware|creeps?|creepy|report(ed)?|block(ed)?|hacked|don'?t pay|never pay|do not pay|tell an adult|says|said|saying|dms|dm'?d|messaged|writes|wrote|texted|threaten(s|ed)?|pretends?|received|got this|got (a|an|this|that) (message|msg|text|dm|email|mail)|(message|msg|text|dm|email|mail) i got|look at this|going (a)?round|be careful|from a stranger|(its|it's) them|not me|(the )?script|(it|he|she|they|then) goes|(msgs?|messages?|texts?|dms?|emails?) like`,
  String.raw`betrug\w*|betr[uü]ger\w*|abzocke\w*|erpress\w*|warn\w*|schickt|schickte|achtung|vorsicht|melden|blocken|nicht (be)?zahlen|niemals (be)?zahlen|sagt|sagte|schreibt|schrieb|geschrieben|droht|drohen|drohte|bekommen|gekriegt|erhalten|geht (gerade |grad )?(rum|herum)|masche|betrugsmasche|aufpassen|passt auf|von einem fremden|meint|meinte|meinten|hei(ss|ß)t es`,
  String.raw`oplicht\w*|afpers\w*|waarschuw\w*|nep[- ]?\w*|stuurt|stuurde|sturen ze|pas op|let op|melden|blokken|blokkeer|niet betalen|nooit betalen|zegt|zei|schrijft|schreef|dreigt|dreigen|dreigde|gekregen|kreeg|ontvangen|gaat rond|opgelet|(bericht|berichtje) rond|nepbericht|kettingbericht|van een vreemde|circuleert|circuleren`,
  String.raw`arnaque\w*|escroc\w*|chantage|attention|envoie(nt)?|signale[rz]?|bloque[rz]?|payez pas|ne pas payer|paye pas|dit|disent|[ée]crit|menace(nt)?|re[çc]us?|qui circule|m[ée]fiez[- ]vous|faites gaffe|fais gaffe|tourne en ce moment|d'un inconnu|circule`,
  String.raw`estafa\w*|extorsi\w*|manda(n)?|env[ií]a(n)?|denuncia[rn]?|denuncien|bloquea[rn]?|bloqueen|no pag(ar|uen|ues)|dice|dicen|escribe|escriben|escribi[óo]|amenaza[n]?|cuidado|aviso|recib\w*|me lleg\w*|ojo|est[áa] circulando|anda circulando|circula|un desconocido|una desconocida`,
]);

/**
 * Patterns over normalised text (normalise.ts: " word word ", lower case, accents folded, apostrophes dropped,
 * chat spellings expanded), so that they hold under evasive spelling ("s c a m", "cr*ep") as the lexicons do.
 */
const normalisedRe = (alternatives: readonly string[]) => new RegExp(String.raw`(?<= )(?:${alternatives.join('|')})(?= )`);

/**
 * Someone else's offer or request told as news ("there's a guy on the server offering free robux for pics",
 * "a message from someone saying they have pics and want money"): a third person and a verb of offering,
 * asking or saying. It makes the words after it reported only in a message that also warns (WARNS) or says the
 * writer received it (RECEIVED).
 */
const THIRD_ACT = normalisedRe([
  String.raw`(someone|someones|somebody|some one|anyone|anybody|a fake|some fake|a guy|some guy|this guy|that guy|a man|some man|this man|a person|an account|accounts|a stranger|strangers|people|a creep|some creep|he|hes|she|shes|they|theyre|it|(the|a|this|that) (message|text|dm|email|mail|post|video|account|profile)|messages|posts|una cuenta|un perfil|un mensaje|un compte|un message|ein account|ein profil|eine nachricht|een account|een profiel|een bericht|jemand|ein typ|einer|iemand|een man|een gast|quelquun|qqn|un mec|un type|alguien|un tipo|un senor|fake accounts|fakeaccounts|fake profile|fake profiles|nepaccounts|nepprofielen|neppe accounts|faux comptes|des faux comptes|cuentas falsas|perfiles falsos)( \S+){0,6}? (is |was |are |were |keeps |kept |has been |have been |ist |est )?(offering|offers|offered|asking|asks|asked|promising|promises|promised|dming|dmd|messaging|messages|sending|sends|saying|says|said|goes|went|was like|wants|wanted|trying to get|bietet|bieten|fragt|fragen|schreibt|wollen|biedt|bieden|vraagt|vragen|zegt|willen|eisen|propose|proposent|demande|demandent|veulent|ofrece|ofrecen|pide|piden|quieren)`,
]);
/** Warnings that make THIRD_ACT reported even with no scam named: a creep, a heads-up, the mods, don't accept. */
const WARNS = normalisedRe([
  String.raw`creeps?|creepy|weird|weirdo|sketchy|sus|gross|ew+|heads up|careful|watch out|beware|banned|mods?|dont accept|do not accept|stay safe|be safe|pervs?|scams?|scammers?|fake|hacked|psa|warning|reported|report|blocked|block|going around|going round`,
  String.raw`betrug|abzocke|warnung|vorsicht|komisch|gruselig|eklig|melden|blocken|nie zahlen|nicht zahlen|oplichting|waarschuwing|pas op|let op|eng|raar|blokkeren|nooit betalen|niet betalen|meld het|nepaccounts|arnaques?|attention|bizarre|chelou|signaler|signalez|ne payez pas|faux comptes|estafas?|cuidado|aviso|raro|denuncia|no pagues|cuentas falsas`,
]);
/** The writer received it: "someone sent me a message saying …", "i got a dm from a guy asking …". */
const RECEIVED = normalisedRe([
  String.raw`(sent|messaged|dmd|texted|wrote|emailed|added) (me|us)|i got (a|an|this|that) (message|text|dm|email|mail|request)|(schrieb|schickte|schreibt) mir|stuurde (me|mij)|ma (ecrit|envoye)|me (escribio|mando)`,
]);
/**
 * A question about what someone else did or asked ("has he asked to move to another app or asked for pics?", "hat
 * er dich nach fotos gefragt?", "heeft hij je om foto's gevraagd?", "il t'a demandé des photos ?", "¿te ha pedido
 * fotos?"): a parent or friend checking on a stranger. The words after it are that person's reported asks.
 */
const ASKED_ABOUT = normalisedRe([
  String.raw`(has|have|did|does|do) (he|she|they|someone|somebody|anyone|anybody|that guy|this guy|that person|the guy) (ever |already |also )?(ask|asked|want|wanted|try|tried|send|sent|offer|offered|say|said|mention|mentioned|talk|talked|tell|told|dm|dmd|message|messaged)`,
  String.raw`(hat|haben) (er|sie|jemand|der typ|die person) (dich|dir|euch) (schon |auch |mal |jemals )?(\S+ ){0,4}(gefragt|verlangt|angeboten|geschickt|geschrieben|gesagt|gebeten)`,
  String.raw`(heeft|hebben) (hij|ze|zij|iemand|die gast|die man) (je|jou|jullie) (al |ook |ooit |wel )?(\S+ ){0,4}(gevraagd|aangeboden|gestuurd|gezegd|beloofd)`,
  String.raw`(il|elle|ils|elles|quelquun|qqn|le mec|ce mec|ce type) (ta|tont|te|vous) (deja |aussi |jamais )?(demande|propose|envoye|dit|promis|ecrit)`,
  String.raw`(el|ella|ellos|alguien|ese tipo|el tipo)? ?te (ha|han) (pedido|ofrecido|dicho|mandado|prometido|escrito)`,
]);

/** An age asked of someone else ("how old is he", "il a quel âge", "wie alt ist er"): not an age probe of the reader. */
const THIRD_AGE = normalisedRe([
  String.raw`how old (is|was|s) (he|she|that guy|this guy|the guy|that person|your friend)|how old (he|she) (is|was|really is)`,
  String.raw`wie alt (ist|war) (er|der|der typ|die person)|wie alt (er|der typ) (ist|war)`,
  String.raw`hoe oud (is|was) (hij|die|die gast|die man)|hoe oud (hij|die gast) (is|was)`,
  String.raw`(il|elle|le mec|ce mec|ce type) a quel age|quel age (il|elle) a|quel age a t (il|elle)`,
  String.raw`cuantos anos tiene (el|ella|ese|ese tipo|el tipo)|que edad tiene (el|ella|ese|ese tipo)`,
]);

/** Negations that make a demand after them advice ("never send money", "don't pay"). */
const NEGATIONS = new Set(['never', 'dont', 'nie', 'niemals', 'nooit', 'jamais', 'nunca']);

/** Someone else said it: "they say", "he said", "scammers threaten", "sie sagen", "ze zeggen", "ils disent", "dicen". */
const SAID = /\b(they|he|she|people|scammers|someone|somebody|sie|er|ze|hij|mensen|iemand|ils|elles|on|ellos|alguien|la gente)\s+(say|says|said|tell|told|threaten|threatens|threatened|will say|sagen|sagt|sagte|drohen|droht|zeggen|zegt|zei|dreigen|dreigt|disent|dit|menacent|menace|dicen|dice|amenazan|amenaza)\b/i;
/** Someone unnamed said it, a few words between ("someone on snap says", "iemand op insta zegt", "un tío por insta me dice"). */
const SAID_FAR = /\b(someone|somebody|some guy|a guy|jemand|einer|iemand|een gast|quelqu'?un|alguien|un t[ií]o|un tipo)(\s+\S+){1,3}\s+(says|said|sagt|sagte|meint|meinte|zegt|zei|dit|dice|dijo)\b/i;
/** A third-person subject making the threat ("theyll send", "he will post"), and no first person in it. */
const THIRD = /\b(they|theyll|theyd|he|hell|hed|she|shell|sie|er|ze|hij|ie|zij|ils|elles|ellos|ellas|threatens|droht|drohen|dreigt|dreigen|menace|menacent|amenaza|amenazan)\b/i;
/**
 * A message that tells of a scam ("there's a scam going round where …", "gerade läuft so eine masche, wo …", "een
 * oplichterstruc: iemand stuurt …", "c'est une arnaque", "es una estafa"): its third-person threats are told, as
 * after a verb of saying. Not when the scam is denied ("this is no scam", "kein betrug", "geen oplichting").
 */
const SCAM_TALE = /(?<![\p{L}\p{N}_])(scam\w*|sextortion|blackmail\w*|masche|betrugsmasche|betrug\w*|abzocke|erpress\w*|oplicht\w*|afpers\w*|arnaque\w*|escroquer\w*|chantage|estafa\w*|extorsi\w*)/iu;
const DENIED = /\b(not|no|isnt|nicht|kein|keine|geen|pas|ni|nada de)\s+(a\s+|an\s+|ein\s+|eine\s+|een\s+|une?\s+|una?\s+)?$/i;
function scamTale(text: string): boolean {
  const m = SCAM_TALE.exec(text);
  return m !== null && !DENIED.test(text.slice(Math.max(0, m.index - 12), m.index));
}
const FIRST = /\b(i|ill|im|ich|ik|je|j|yo|me|mir|mij)\b/i;
/** Dutch "je" is "you", not French "je": the first person of a Dutch threat. */
const FIRST_NL = /\b(ik|me|mij|we|wij)\b/i;

/**
 * A warning about what others might do: "if anyone (ever) asks for photos", "wenn dich jemand …", "als iemand …",
 * "si quelqu'un …", "si alguien …" — a conditional with somebody else as the subject.
 */
const IF_SOMEONE = /\b(if|wenn|falls|als|si)\s+(dich\s+|je\s+|te\s+|t\s+)?(any\s?one|any\s?body|some\s?one|some\s?body|a stranger|strangers|people|jemand|irgendwer|irgendjemand|ein fremder|fremde|iemand|er iemand|een vreemde|vreemden|quelqu'?un|qqn|un inconnu|des inconnus|alguien|un desconocido|desconocidos)\b/i;
/** The advice that makes such a conditional a warning: it's a scam, don't pay, tell me, tell an adult, you won't be in trouble. */
const ADVICE = /\b(scams?|don'?t pay|do not pay|never pay|report (it|them|him|her)|tell me|tell us|tell (mum|mom|dad|a teacher|an adult|someone)|come to me|you (won'?t|will not) be in trouble|(its|it's|is) (always |all )?fake|sag (es )?mir|sag bescheid|erz[äa]hl|zegt? (het|t)|vertel het|meld het|kom naar mij|(altijd |echt )?nep|(krijgt|krijg) (echt )?geen straf|(ist|sind) (immer )?fake|(kriegst|bekommst) keinen [äa]rger|c'est (toujours )?(faux|fake|une arnaque)|(es|son) (siempre )?(falso|mentira)|betrug|abzocke|nicht zahlen|oplichting|niet betalen|arnaque|payez pas|estafa|no pagues|dis[- ]moi|dis-le|pr[ée]viens|d[ií]melo|av[ií]same|cu[ée]ntame)\b/i;

/** [start, end) of each quotation in `text` (the marks included), for the quote pairs above. */
export function quotations(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") {
      // A straight single quote is also an apostrophe ("don't", "i'd"): it opens a quotation only before a word
      // and after a space, and closes one only after a word and before a space, punctuation or the end.
      const j = opensSingle(text, i) ? closingSingle(text, i + 1) : -1;
      if (j >= 0) {
        out.push([i, j + 1]);
        i = j;
      }
      continue;
    }
    const close = OPEN_CLOSE[text[i]!];
    if (close === undefined) continue;
    const j = text.indexOf(close, i + 1);
    if (j < 0) break;
    out.push([i, j + 1]);
    i = j;
  }
  return out;
}

const LETTER = /[\p{L}\p{N}]/u;
const opensSingle = (text: string, i: number) => (i === 0 || /[\s(:]/.test(text[i - 1]!)) && i + 1 < text.length && LETTER.test(text[i + 1]!);
function closingSingle(text: string, from: number): number {
  for (let j = text.indexOf("'", from); j >= 0; j = text.indexOf("'", j + 1)) {
    if (j > from && !/\s/.test(text[j - 1]!) && (j + 1 === text.length || !LETTER.test(text[j + 1]!))) return j;
  }
  return -1;
}

/**
 * Damps, in place, the signals that lie (mostly) inside a reported quotation of `text`, threats told without
 * quotation marks as someone else's ("they say if u dont pay theyll send the pics to ur followers"), warnings
 * about what others might do or are doing, and demands after a negation. Each signal is damped once.
 */
export function dampReportedSpeech(text: string, signals: Signal[], nt?: NormalisedText, unsplit?: NormalisedText): void {
  if (signals.length === 0) return;
  const reported = new Set<Signal>();
  toldThreats(text, signals, reported);
  warnings(text, signals, reported);
  if (nt !== undefined) {
    // Also over the words as written when some were split apart: a split can cut a verb ("demande" → "de man de")
    // or a subject ("nepaccounts").
    for (const words of unsplit !== undefined && unsplit !== nt ? [nt, unsplit] : [nt]) {
      toldActs(words, signals, reported);
      askedAbout(words, signals, reported);
      ageOfAnother(words, signals, reported);
    }
    negated(nt, signals, reported, text);
  }
  quoted(text, signals, reported, nt);
  saidWithColon(text, signals, reported);
  for (const s of reported) s.weight *= REPORTED_FACTOR;
}

/** Signals (mostly) inside a quotation that the words around it mark as reported. */
function quoted(text: string, signals: Signal[], reported: Set<Signal>, nt?: NormalisedText): void {
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
  if (!whole && !MARKERS.test(outside) && !(nt !== undefined && MARKERS.test(wordsOutside(nt, quotes)))) return;
  for (const s of signals) {
    if (s.category === 'age_disclosure') continue;
    // A pattern may reach a word past the closing mark ("or i leak them\". its"): most of it inside counts.
    if (quotes.some(([a, b]) => 2 * (Math.min(b, s.end) - Math.max(a, s.start)) > s.end - s.start)) reported.add(s);
  }
}

/**
 * Someone else's words after a verb of saying and a colon, with no quotation marks ("someone told my friend: i have
 * your pic, pay or i post it"; "er schrieb: …"; "iemand zei tegen hem: …"; "il a dit : …"; "me dijo: …"): up to the
 * end of the sentence they are that person's, not the writer's. Not after a first-person subject ("i said: …").
 */
const SAID_COLON = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:(\p{L}+)\s+)?(said|says|told|wrote|writes|texted|zei|zegt|schreef|schrijft|stuurde|sagte|sagt|meinte|schrieb|schreibt|dit|disait|[ée]crit|dijo|dice|escribi[óo]|escribe)(?![\p{L}\p{N}_])[^:.!?\n"“„«]{0,30}:`,
  'giu',
);
const FIRST_SUBJECT = new Set(['i', 'ich', 'ik', 'je', 'j', 'yo', 'we', 'wir', 'wij', 'nous']);
function saidWithColon(text: string, signals: Signal[], reported: Set<Signal>): void {
  SAID_COLON.lastIndex = 0;
  for (let m = SAID_COLON.exec(text); m !== null; m = SAID_COLON.exec(text)) {
    if (m[1] !== undefined && FIRST_SUBJECT.has(m[1].toLowerCase())) continue;
    const from = m.index + m[0].length;
    const stop = text.slice(from).search(/[.!?\n]/);
    const to = stop < 0 ? text.length : from + stop;
    for (const s of signals) if (s.category !== 'age_disclosure' && s.start >= from && s.end <= to + 1) reported.add(s);
  }
}

/**
 * Threats in a message that says someone else makes them (a verb of saying, or a scam told of), with a
 * third-person subject or verb of threatening just before and no first person.
 */
function toldThreats(text: string, signals: Signal[], reported: Set<Signal>): void {
  if (!SAID.test(text) && !SAID_FAR.test(text) && !scamTale(text)) return;
  const told: Signal[] = [];
  for (const s of signals) {
    if (s.category !== 'sextortion' && s.category !== 'threat') continue;
    // The subject may stand just before the span ("theyll send …" matched from "send").
    const around = text.slice(Math.max(0, s.start - 12), s.end);
    if (THIRD.test(around) && !(s.language === 'nl' ? FIRST_NL : FIRST).test(s.text)) told.push(s);
  }
  // Whatever lies inside a told threat ("send the pics" in it) is told too.
  for (const s of signals) {
    if (told.some((t) => s.start >= t.start && s.end <= t.end)) reported.add(s);
  }
}

/**
 * A warning to someone about what others might do ("if anyone asks for photos or to keep a secret, tell me, you
 * won't be in trouble"; "if someone says they have your pics and wants money, it's a scam, don't pay"): the signals
 * from the conditional on are reported. It needs the advice as well as the conditional, so "if anyone asks, say
 * we're friends" (an instruction to keep a secret) stays as it is.
 */
function warnings(text: string, signals: Signal[], reported: Set<Signal>): void {
  const m = IF_SOMEONE.exec(text);
  if (m === null || !ADVICE.test(text)) return;
  for (const s of signals) if (s.category !== 'age_disclosure' && s.start >= m.index) reported.add(s);
}

/** The normalised words of `nt` outside the quotations (the markers as read under evasive spelling). */
function wordsOutside(nt: NormalisedText, quotes: [number, number][]): string {
  let out = ' ';
  for (let k = 0; k < nt.words.length; k++) if (!quotes.some(([a, b]) => nt.origStarts[k]! >= a && nt.origStarts[k]! < b)) out += nt.words[k] + ' ';
  return out;
}

/**
 * A warning that tells what someone else offers, asks or says, without quotation marks ("heads up, a guy on the
 * server is offering free robux for pics, total creep"; "theres a scam going round, it said pay or i send it to
 * ur school"; "someone sent me a message saying they have a pic of me"): the signals after the telling verb are
 * reported. It needs a warning word (WARNS) or the writer as the one who received it (RECEIVED), so "she said you
 * can come, ill pick you up" stays as it is.
 */
function toldActs(nt: NormalisedText, signals: Signal[], reported: Set<Signal>): void {
  const m = THIRD_ACT.exec(nt.text);
  if (m === null || !(WARNS.test(nt.text) || RECEIVED.test(nt.text))) return;
  // The act as written: from its subject's first character to its verb's last (a span may begin at the subject
  // itself: "it said pay or i send it" read as one frame).
  const from = nt.origStarts[wordAt(nt, m.index)]!;
  const verbEnd = nt.origEnds[wordAt(nt, m.index + m[0].length - 1)]!;
  for (const s of signals) if (s.category !== 'age_disclosure' && s.start >= from && s.end > verbEnd) reported.add(s);
}

/** Age probes inside a question about someone else's age (THIRD_AGE) in a message that checks on them or warns. */
function ageOfAnother(nt: NormalisedText, signals: Signal[], reported: Set<Signal>): void {
  // Only while checking on that person ("il a quel âge ? il t'a demandé des photos ?") or warning about them: a
  // stranger asking a parent "how old is he?" of their son is still probing the child's age.
  if (!ASKED_ABOUT.test(nt.text) && !WARNS.test(nt.text)) return;
  const re = new RegExp(THIRD_AGE.source, 'g');
  for (let m = re.exec(nt.text); m !== null; m = re.exec(nt.text)) {
    const from = nt.origStarts[wordAt(nt, m.index)]!;
    const to = nt.origEnds[wordAt(nt, m.index + m[0].length - 1)]!;
    for (const s of signals) if (s.category === 'age_probe' && s.start < to && s.end > from) reported.add(s);
  }
}

/** Signals after a question about what someone else did or asked (ASKED_ABOUT). */
function askedAbout(nt: NormalisedText, signals: Signal[], reported: Set<Signal>): void {
  const m = ASKED_ABOUT.exec(nt.text);
  if (m === null) return;
  const from = nt.origStarts[wordAt(nt, m.index)]!;
  for (const s of signals) if (s.category !== 'age_disclosure' && s.start >= from) reported.add(s);
}

/** Demands, offers and picture requests right after a negation ("never send money", "don't pay") are advice. */
const negatable = new Set<Signal['category']>(['sextortion', 'threat', 'gifts', 'image_request']);
/** Deleting, in the shipped languages: a deletion forbidden ("don't delete your history") is the opposite of hiding. */
const DELETE = /^(delete|deleting|clear|wipe|erase|losch|losche|loschen|loscht|verwijder|verwijderen|wis|wissen|supprime|supprimer|supprimes|efface|effacer|effaces|borra|borres|borrar|elimina|elimines)$/;
/** Negations before a deletion: "don't delete", "nicht einfach den verlauf löschen", "ne supprime pas", "no borres". */
const DELETE_NEGATIONS = new Set(['dont', 'never', 'nicht', 'nie', 'niet', 'nooit', 'pas', 'jamais', 'no', 'nunca']);
const FORGET = /^(forget|forgetting|vergessen|vergiss|vergeet|vergeten|oublie|oublier|oublies|olvides|olvidar|olvidés)$/;
/** Negations that follow the verb: "lösch das nicht", "verwijder het niet", "supprime pas". */
const AFTER_NEGATIONS = new Set(['nicht', 'niet', 'pas']);
function negated(nt: NormalisedText, signals: Signal[], reported: Set<Signal>, text: string): void {
  for (const s of signals) {
    if (s.category === 'secrecy') {
      if (negatedDeletion(nt, s, text)) reported.add(s);
      continue;
    }
    if (!negatable.has(s.category)) continue;
    const k = nt.origStarts.indexOf(s.start);
    if (k <= 0) continue;
    const w = nt.words[k - 1]!;
    if (NEGATIONS.has(w) || (w === 'not' && nt.words[k - 2] === 'do')) reported.add(s);
  }
}

/** Words that join a new clause: a negation before one belongs to the clause before ("brauchst du nicht. und lösch …"). */
const JOINS = new Set(['and', 'but', 'und', 'aber', 'en', 'maar', 'et', 'mais', 'y', 'pero']);

/**
 * A secrecy signal that is a deletion with a negation in its own clause: within three words before it (no
 * sentence end or "and" between) or right after it.
 */
function negatedDeletion(nt: NormalisedText, s: Signal, text: string): boolean {
  // The signal opens on a word (as every lexicon and frame match does).
  const span = wordsInSpan(nt, s.start, s.end);
  if (span === null || nt.origStarts[span[0]] !== s.start) return false;
  const [first, last] = span;
  let deletes = false;
  for (let k = first; k <= last; k++) deletes ||= DELETE.test(nt.words[k]!);
  if (!deletes) return false;
  // "don't forget to delete it", "lösch den chat, nicht vergessen": a reminder, not a prohibition.
  for (let k = Math.max(0, first - 4); k <= Math.min(nt.words.length - 1, last + 3); k++) if (FORGET.test(nt.words[k]!)) return false;
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    const w = nt.words[k]!;
    if (JOINS.has(w) || /[.!?;]/.test(text.slice(nt.origEnds[k]!, nt.origStarts[k + 1]!))) break;
    if (DELETE_NEGATIONS.has(w) || (w === 'not' && nt.words[k - 1] === 'do')) return true;
  }
  for (let k = last + 1; k <= Math.min(nt.words.length - 1, last + 2); k++) if (AFTER_NEGATIONS.has(nt.words[k]!)) return true;
  return false;
}
