/**
 * A small language detector for short chat lines in the languages the grooming detector glosses: English,
 * German, Dutch, French and Spanish, else "other". Character-trigram detectors need a sentence or more; chat
 * lines are often three words, so this scores the frequent function words of each language (pronouns,
 * articles, auxiliaries, question words, chat particles) plus a few spelling cues, on normalised words
 * (lowercase, accents folded). A word shared by several languages votes for each with a share of one.
 * A conversation keeps a running tally, so "ja" or "ok" is read in the language of the chat around it.
 */
import { WordTable } from './word-ids.ts';

export const glossLanguages = ['en', 'de', 'nl', 'fr', 'es'] as const;
export type GlossLanguage = (typeof glossLanguages)[number];
export type DetectedLanguage = GlossLanguage | 'other';

const stopwords: Record<GlossLanguage, string> = {
  en: `the a an and you your yours i me my im is are was were am be been do does did dont didnt not what when where who why how
    this that it its to of in on for with have has had will would can cant could should just like so but if or yes yeah no
    there here they them their we our he she his her him hello hi hey thanks thank about from want wanna gonna really know
    think u ur r wat lol ok okay well too very much some any one get got go going see im youre thats whats sure off up out now`,
  de: `ich du er sie es wir ihr mich mir dich dir sich uns euch mein meine meiner dein deine deinen deinem sein seine ihre
    der die das den dem des ein eine einen einem einer und oder aber nicht kein keine keinen ist bist sind bin war waren habe hast
    hat haben hatte wird werden wurde kann kannst konnen muss musst will willst mochte mochtest was wer wie wo wann warum wieso
    woher wohin ja nein doch noch schon auch nur mal gerne gern sehr mit von zu zum zur bei nach fur uber auf aus dass wenn weil
    hallo danke bitte gut heute morgen jetzt hier da dann denn also ok nee ne nix nichts alles etwas viel wirklich vielleicht
    bisschen klar genau echt geht gehts machst mache macht weiss weisst sag sagen schon`,
  nl: `ik jij je u hij zij ze wij we jullie mij me mijn jouw jou zijn haar ons onze hun hen het een de en of maar niet geen is ben
    bent was waren heb hebt heeft hebben had kan kun kunt wil wilt moet moest zal zou wat wie hoe waar wanneer waarom ja nee wel
    ook nog al maar toch even eens met van voor naar bij op uit over dat die dit deze als omdat hoi hallo doei dank bedankt graag
    goed vandaag morgen nu hier daar dan echt misschien beetje niks niets iets alles veel leuk lekker oke hoor hè gewoon weet
    zeg doe doet gaat gaan kom komt wel nou jouw jezelf mezelf`,
  fr: `je tu il elle on nous vous ils elles me te se moi toi lui leur mon ma mes ton ta tes son sa ses notre votre le la les un
    une des du au aux et ou mais ne pas plus rien jamais est es suis sont etait ai as avons avez ont fait faire peux peut veux
    veut dois quoi qui quand comment pourquoi combien oui non si tres bien merci salut bonjour bonsoir avec pour dans sur chez
    par ce cet cette ces ca cela c est qu que quel quelle alors aussi encore deja toujours ici la beaucoup vraiment
    mdr ptdr stp svp tkt bcp jsp slt cc coucou`,
  es: `yo tu el ella usted nosotros vosotros ellos ellas me te se mi mis tu tus su sus nuestro la las los lo un una unos unas y o
    pero no ni es eres soy son estas estoy esta estan fue era he has ha hemos han hay tengo tienes tiene puedo puedes quiero
    quieres que quien cuando como donde por porque cual cuanto cuantos si muy bien gracias hola buenos buenas con para en sobre
    del al este esta esto eso ese esa ya tambien todavia aqui alli mucho mucha nada algo todo todos vale jaja jajaja xq pq q
    tb tmb bueno claro verdad`,
};

/** Votes per word: each language the word belongs to gets 1 / (number of such languages). */
const votes = new Map<string, Float32Array>();
for (const [i, lang] of glossLanguages.entries()) {
  for (const w of stopwords[lang].split(/\s+/)) {
    if (!w) continue;
    let v = votes.get(w);
    if (!v) votes.set(w, (v = new Float32Array(glossLanguages.length)));
    v[i] = 1;
  }
}
for (const v of votes.values()) {
  const n = v.reduce((s, x) => s + x, 0);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! / n;
}

/** Spelling cues of content words (folded): weaker than a function word. */
const suffixCues: [RegExp, GlossLanguage, number][] = [
  [/(?:ung|heit|keit|lich|isch|chen|sch\w*)$/, 'de', 0.5],
  [/^(?:ge\w+t|ver\w+|be\w+en)$/, 'de', 0.2],
  [/(?:ij|ijk|tje|tjes|oe\w*|aa\w*|uu\w*)$/, 'nl', 0.4],
  [/(?:eau|eaux|aux|oux|ette|ment|ais|ait|ez)$/, 'fr', 0.4],
  [/(?:cion|ciones|ado|ada|ando|iendo|amos|ito|ita)$/, 'es', 0.4],
  [/(?:ing|ed|ly|ght|tion)$/, 'en', 0.3],
];

const L = glossLanguages.length;

/** `votes` by word id (word-ids.ts; null: the word votes for no language). */
const votesById = new WordTable((w: string) => votes.get(w) ?? null);

/**
 * Adds the language votes of `words` into `into` (length 5, in `glossLanguages` order); returns the total.
 * Spelling cues are read only when the function words leave the message unclear (fewer than two votes).
 */
export function languageVotes(words: readonly string[], into: Float32Array, ids?: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    const v = ids === undefined ? votes.get(words[i]!) : votesById.get(ids[i]!, words[i]!);
    if (!v) continue;
    for (let k = 0; k < L; k++) into[k]! += v[k]!;
    total += 1;
  }
  if (total >= 2) return total;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length < 5 || (ids === undefined ? votes.has(w) : votesById.get(ids[i]!, w) !== null)) continue;
    for (const [re, lang, weight] of suffixCues) {
      if (re.test(w)) {
        into[glossLanguages.indexOf(lang)]! += weight;
        total += weight;
        break;
      }
    }
  }
  return total;
}

/** The leading language of a vote table, or undefined when the lead is too small to trust. */
export function leadingLanguage(v: Float32Array, minVotes: number): GlossLanguage | undefined {
  let best = 0;
  let second = -1;
  for (let k = 1; k < L; k++) {
    if (v[k]! > v[best]!) best = k;
  }
  for (let k = 0; k < L; k++) if (k !== best && (second < 0 || v[k]! > v[second]!)) second = k;
  const top = v[best]!;
  if (top < minVotes || top < 1.5 * v[second]! + 0.25) return undefined;
  return glossLanguages[best];
}

/** Language of one text's normalised words: en/de/nl/fr/es, or "other" when nothing decides it. */
export function detectLanguage(words: readonly string[]): { language: DetectedLanguage; votes: Record<GlossLanguage, number> } {
  const v = new Float32Array(L);
  languageVotes(words, v);
  const lead = leadingLanguage(v, 1);
  return { language: lead ?? 'other', votes: Object.fromEntries(glossLanguages.map((l, k) => [l, Math.round(v[k]! * 100) / 100])) as Record<GlossLanguage, number> };
}

/**
 * Language of a conversation, message by message: a message's own words decide when they are clear (at
 * least two function-word votes and a clear lead), else the conversation's running tally does; before
 * anything is known, English (the model's own language: no glossing).
 */
/** Votes of the message being read (push is synchronous, so every tally can share it). */
const scratch = new Float32Array(L);

export class LanguageTally {
  private readonly total = new Float32Array(L);
  /** The last language that clearly led the conversation: kept while the lead is contested. */
  private settled: GlossLanguage = 'en';
  /** Whether `settled` has read the tally since the last message (the language is asked for several times per message). */
  private fresh = false;

  /** Counts a message (its words, and their ids when known) and returns the language to read it in. */
  push(words: readonly string[], ids?: readonly number[]): GlossLanguage {
    const s = scratch;
    s.fill(0);
    languageVotes(words, s, ids);
    for (let k = 0; k < L; k++) this.total[k]! += s[k]!;
    this.fresh = false;
    return leadingLanguage(s, 2) ?? this.current();
  }

  /** The conversation's language so far (English until something else leads; unchanged while contested). */
  current(): GlossLanguage {
    if (!this.fresh) {
      const lead = leadingLanguage(this.total, 2);
      if (lead) this.settled = lead;
      this.fresh = true;
    }
    return this.settled;
  }

  /** Starts over, as a new tally (reusing its memory). */
  reset(): void {
    this.total.fill(0);
    this.settled = 'en';
    this.fresh = false;
  }
}
