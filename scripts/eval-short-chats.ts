/**
 * `npm run eval:short-chats [-- --json] [--file PATH]`: the detector on our own synthetic short chats
 * (test/fixtures/short-chats/, grooming and sextortion against benign look-alikes, en/de/nl/fr/es), each chat
 * also rewritten by every evasive spelling of src/core/grooming/evasion.ts. Prints precision, recall and
 * false-positive rate per file, per language and per evasion, then one JSON line. `evalShortChats` is exported
 * for `npm run eval:grooming`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assessConversation, type AssessOptions } from '../src/core/grooming/index.ts';
import { evade, evasions, type Evasion } from '../src/core/grooming/evasion.ts';
import type { ChatMessage } from '../src/core/grooming/types.ts';

export interface ShortChat {
  id: string;
  lang: string;
  label: 'grooming' | 'benign';
  kind: string;
  messages: ChatMessage[];
}

export const shortChatFiles = {
  /** Tuned on: the lexicons and rules were adjusted while looking at misses here. */
  tuning: fileURLToPath(new URL('../test/fixtures/short-chats/short-chats.jsonl', import.meta.url)),
  /**
   * Written separately as a held-out set; TUNED ON SINCE SESSION 4 (its misses guided the frames and lexicon
   * classes of that session), so it is development data now and no longer an honest figure. It is still
   * printed. The blind set that replaces it is scored once, at merge.
   */
  heldOut: fileURLToPath(new URL('../test/fixtures/short-chats/held-out.jsonl', import.meta.url)),
  /** Written blind to the detector in session 4; trained on (short-chat model) since session 4. */
  heldOut2: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-2.jsonl', import.meta.url)),
  /** Written blind to the detector in session 4 (second writer); scored blind then, trained and tuned on since session 5. */
  heldOut3: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-3.jsonl', import.meta.url)),
  /** Written blind in session 5 by a writer who never read the detector or the other sets; scored then; trained on since session 6. */
  heldOut4: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-4.jsonl', import.meta.url)),
  /** Written blind in session 5 by a second such writer; scored then; trained on since session 6. */
  heldOut5: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-5.jsonl', import.meta.url)),
  /**
   * Written blind at the end of session 5 by two more writers, after every decision of that session, and scored
   * once with its shipped detector; trained on (and their misses read) since session 6.
   */
  heldOut6: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-6.jsonl', import.meta.url)),
  heldOut7: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-7.jsonl', import.meta.url)),
  /**
   * Written blind at the start of session 6 by four more writers (who never read the detector, the other sets or
   * each other's), kept outside the project until every decision of that session was made, then scored once with
   * its shipped detector; trained on, and their misses read, since session 7.
   */
  heldOut8: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-8.jsonl', import.meta.url)),
  heldOut9: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-9.jsonl', import.meta.url)),
  heldOut10: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-10.jsonl', import.meta.url)),
  heldOut11: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-11.jsonl', import.meta.url)),
  /**
   * Written blind at the start of session 7 by four more writers (who never read the detector, the other sets or
   * each other's), kept outside the project until every decision of that session was made, then scored once with
   * its shipped detector; trained on, and their misses read, since session 8.
   */
  heldOut12: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-12.jsonl', import.meta.url)),
  heldOut13: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-13.jsonl', import.meta.url)),
  heldOut14: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-14.jsonl', import.meta.url)),
  heldOut15: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-15.jsonl', import.meta.url)),
  /**
   * Written blind at the start of session 8 by four more writers (who never read the detector, the other sets or
   * each other's), kept outside the project until every decision of that session was made, then scored once with
   * its shipped detector; trained on since session 9.
   */
  heldOut16: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-16.jsonl', import.meta.url)),
  heldOut17: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-17.jsonl', import.meta.url)),
  heldOut18: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-18.jsonl', import.meta.url)),
  heldOut19: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-19.jsonl', import.meta.url)),
  /**
   * Written blind in the middle of session 8 by four more writers (same brief; several reused their English
   * storylines in the other languages), kept outside the project until that session's last rule changes were
   * made, then scored once with the detector before and after them; trained on since session 9.
   */
  heldOut20: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-20.jsonl', import.meta.url)),
  heldOut21: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-21.jsonl', import.meta.url)),
  heldOut22: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-22.jsonl', import.meta.url)),
  heldOut23: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-23.jsonl', import.meta.url)),
  /**
   * Written blind in session 9 by eight more writers, two to a set (English, French and Spanish by one; German and
   * Dutch by the other, each language from its own storylines), kept outside the project until every decision of
   * that session was made (model, rule gate, threshold), then scored once; trained on, and their false flags read,
   * since session 10.
   */
  heldOut24: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-24.jsonl', import.meta.url)),
  heldOut25: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-25.jsonl', import.meta.url)),
  heldOut26: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-26.jsonl', import.meta.url)),
  heldOut27: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-27.jsonl', import.meta.url)),
  /**
   * Written blind at the start of session 10 by eight more writers, two to a set (English, French and Spanish by
   * one; German and Dutch by the other, each language from its own storylines), kept outside the project until
   * every decision of that session was made (rules, training data, model, threshold), then scored once; trained
   * on, and their German misses read, since session 11.
   */
  heldOut28: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-28.jsonl', import.meta.url)),
  heldOut29: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-29.jsonl', import.meta.url)),
  heldOut30: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-30.jsonl', import.meta.url)),
  heldOut31: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-31.jsonl', import.meta.url)),
  /**
   * Written blind at the start of session 11 by six more writers, two to a set (as held-out 28–31), kept outside
   * the project until every decision of that session was made (dialect fold, training data, model, threshold),
   * then scored once; never trained on. Their withdrawn look-alike warnings were read in session 12 before it
   * decided that a withdrawn warning is no longer a flag, so they are not blind to that decision.
   */
  heldOut32: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-32.jsonl', import.meta.url)),
  heldOut33: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-33.jsonl', import.meta.url)),
  heldOut34: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-34.jsonl', import.meta.url)),
  /**
   * Written blind at the start of session 12 by six more writers, two to a set (as held-out 28–34), kept outside
   * the project until that session's first decision (a warning later messages withdraw is no longer a flag) was
   * made, then scored once; their misses were read for that session's lexicon additions, and they are trained on
   * since its refit.
   */
  heldOut35: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-35.jsonl', import.meta.url)),
  heldOut36: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-36.jsonl', import.meta.url)),
  heldOut37: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-37.jsonl', import.meta.url)),
  /**
   * Written blind in the middle of session 12 by six more writers, two to a set (Flemish asked for in about one
   * Dutch chat in four), kept outside the project until every later decision of that session was made (lexicon
   * additions, the family-answer reading, the refit and its threshold), then scored once; never trained on, but its
   * look-alike flags were read for the session's last decision.
   */
  heldOut38: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-38.jsonl', import.meta.url)),
  heldOut39: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-39.jsonl', import.meta.url)),
  heldOut40: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-40.jsonl', import.meta.url)),
  /**
   * Written blind at the end of session 12 by six more writers, two to a set, kept outside the project until its
   * last decision (in a short chat between named authors the text and lexicon scores do not flag alone, found on
   * held-out 38–40) was made, then scored once; never trained or tuned on.
   */
  heldOut41: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-41.jsonl', import.meta.url)),
  heldOut42: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-42.jsonl', import.meta.url)),
  heldOut43: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-43.jsonl', import.meta.url)),
  /**
   * Written blind at the start of session 13 by six more writers, two to a set (44 leaning on subtle grooming and
   * family look-alikes, 45 on very short chats, 46 on streams and games), scored once on session 12's final
   * detector (0.964 / 0.021 over every evasion); then read: its misses and look-alike flags guided session 13's
   * lexicon additions, the playful-claim banter reading, presents and family birthdays as surprises, and "a girl
   * your age". Development data since; never trained on.
   */
  heldOut44: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-44.jsonl', import.meta.url)),
  heldOut45: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-45.jsonl', import.meta.url)),
  heldOut46: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-46.jsonl', import.meta.url)),
  /**
   * Written blind in the middle of session 13 by six more writers, two to a set (47 leaning on how teens type and
   * English mixed into other languages, 48 on adults in children's lives, 49 on threats and jokes), kept outside
   * the project until the decisions found on held-out 44–46 were made, then scored once (0.958 / 0.024; session 12's
   * detector 0.958 / 0.024); then read: its misses and look-alike flags guided the session's later additions (adult
   * life in work and cards, other people's ages, one's own sending, asking for money, pictures of things, Dutch
   * secrecy, Austrian threats). Development data since; never trained on.
   */
  heldOut47: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-47.jsonl', import.meta.url)),
  heldOut48: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-48.jsonl', import.meta.url)),
  heldOut49: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-49.jsonl', import.meta.url)),
  /**
   * Written blind later in session 13 by six more writers, two to a set (50 a general mix, 51 each grooming chat
   * paired with a look-alike in the same situation, 52 offers and money), kept outside the project until the
   * decisions found on held-out 47–49 were made, then scored once (0.981 / 0.029; session 12's detector 0.979 /
   * 0.033); then read: its misses and look-alike flags guided the session's last additions (deleting an
   * embarrassing post as banter, a reply whose age stands apart, Spanish and French threats and checks).
   * Development data since; never trained on.
   */
  heldOut50: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-50.jsonl', import.meta.url)),
  heldOut51: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-51.jsonl', import.meta.url)),
  heldOut52: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-52.jsonl', import.meta.url)),
  /**
   * Written blind at the end of session 13 by six more writers, two to a set (53 a general mix, 54 school and
   * clubs, 55 social-media DMs from strangers), kept outside the project until every other decision of the session
   * was made, then scored once (0.973 / 0.0098; session 12's detector 0.973 / 0.0097). One decision followed: the
   * Spanish "cuántos años tiene …" is no longer read as someone else's age (it cost one grooming chat here).
   */
  heldOut53: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-53.jsonl', import.meta.url)),
  heldOut54: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-54.jsonl', import.meta.url)),
  heldOut55: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-55.jsonl', import.meta.url)),
  /**
   * Written blind at the start of session 15 by six more writers, two to a set (56 slow friendly grooming and
   * look-alikes sharing its words, 57 very short chats in slang, 58 streams, games and servers), scored once on
   * session 14's detector (0.927 / 0.019, 0.849 / 0.007, 0.965 / 0.003); then read: their misses guided session 15's
   * lexicon additions (terse-asks-lexicon.test.ts). Never trained on.
   */
  heldOut56: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-56.jsonl', import.meta.url)),
  heldOut57: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-57.jsonl', import.meta.url)),
  heldOut58: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-58.jsonl', import.meta.url)),
  /**
   * Written blind in session 15 by six more writers (59 very short chats, most of two messages; 60 a general mix;
   * 61 strangers writing first, two to four messages), scored once after the lexicon additions (0.718 / 0.008,
   * 0.937 / 0.019, 0.840 / 0.014); then read, and with 56-58 and 62-63 used to choose the short-chat model's hold
   * (CUE_HOLD) and its threshold (0.7). Never trained on.
   */
  heldOut59: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-59.jsonl', import.meta.url)),
  heldOut60: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-60.jsonl', import.meta.url)),
  heldOut61: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-61.jsonl', import.meta.url)),
  /**
   * Written blind in session 15 by four more writers (62 very short chats, 63 strangers writing first), scored once
   * with the lexicon additions and the hold at the old threshold (0.888 / 0.001, 0.919 / 0.008); then used to choose
   * the threshold. Never trained on.
   */
  heldOut62: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-62.jsonl', import.meta.url)),
  heldOut63: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-63.jsonl', import.meta.url)),
  /**
   * Written blind at the end of session 15 by four more writers (64 very short chats with hard look-alikes from
   * friends, siblings, parents and peers; 65 short chats in DMs, games and streams), kept outside the project until
   * every decision of the session was made, then scored once on its final detector (0.926 / 0.040, 0.959 / 0.001;
   * session 14's detector 0.897 / 0.033, 0.932 / 0.001). Never trained or tuned on.
   */
  heldOut64: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-64.jsonl', import.meta.url)),
  heldOut65: fileURLToPath(new URL('../test/fixtures/short-chats/held-out-65.jsonl', import.meta.url)),
};

export function loadShortChats(path: string): ShortChat[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ShortChat);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  fpr: number;
}

export interface ShortChatFigures {
  file: string;
  chats: number;
  variants: number;
  overall: Counts;
  /** Plain spelling only (evasion `none`). */
  plain: Counts;
  byLanguage: Record<string, Counts>;
  byEvasion: Record<string, Counts>;
  /** Ids (with evasion) of missed grooming chats and flagged benign chats, for reading. */
  missed: string[];
  falseFlags: string[];
  /** Whether each chat × evasion variant was flagged, chat by chat, evasion by evasion. */
  flaggedByVariant: boolean[];
}

const empty = () => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function finish(c: { tp: number; fp: number; fn: number; tn: number }): Counts {
  return { ...c, precision: c.tp / (c.tp + c.fp), recall: c.tp / (c.tp + c.fn), fpr: c.fp / (c.fp + c.tn) };
}

/** Stable seed of a chat and message, so every run rewrites them the same way. */
function seedOf(id: string, message: number, evasion: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h ^ Math.imul(message + 1, 0x9e3779b1) ^ Math.imul(evasion + 1, 0x85ebca6b)) >>> 0;
}

/** Assesses every chat of `path` (or the chats given) under every evasion; `chosen` limits the evasions. */
export function evalShortChats(path: string | { name: string; chats: readonly ShortChat[] }, chosen: readonly Evasion[] = evasions, opts: AssessOptions = {}): ShortChatFigures {
  const chats = typeof path === 'string' ? loadShortChats(path) : path.chats;
  const all = empty();
  const byLanguage: Record<string, ReturnType<typeof empty>> = {};
  const byEvasion: Record<string, ReturnType<typeof empty>> = {};
  const missed: string[] = [];
  const falseFlags: string[] = [];
  const flaggedByVariant: boolean[] = [];
  for (const chat of chats) {
    chosen.forEach((evasion) => {
      const e = evasions.indexOf(evasion);
      const messages = chat.messages.map((m, i) => ({ ...m, text: evade(m.text, evasion, seedOf(chat.id, i, e)) }));
      const flagged = assessConversation(messages, opts).flagged;
      flaggedByVariant.push(flagged);
      const positive = chat.label === 'grooming';
      const key = positive ? (flagged ? 'tp' : 'fn') : flagged ? 'fp' : 'tn';
      for (const c of [all, (byLanguage[chat.lang] ??= empty()), (byEvasion[evasion] ??= empty())]) c[key]++;
      if (key === 'fn') missed.push(`${chat.id}/${evasion}`);
      if (key === 'fp') falseFlags.push(`${chat.id}/${evasion}`);
    });
  }
  const fin = (r: Record<string, ReturnType<typeof empty>>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, finish(v)]));
  return {
    file: typeof path === 'string' ? path : path.name,
    chats: chats.length,
    variants: chats.length * chosen.length,
    overall: finish(all),
    plain: finish(byEvasion.none ?? empty()),
    byLanguage: fin(byLanguage),
    byEvasion: fin(byEvasion),
    missed,
    falseFlags,
    flaggedByVariant,
  };
}

const f3 = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
const line = (name: string, c: Counts) =>
  `  ${name.padEnd(13)} ${f3(c.precision)}  ${f3(c.recall)}  ${f3(c.fpr)}  ${String(c.tp).padStart(5)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)} ${String(c.tn).padStart(5)}`;

/** Readable table of one file's figures. */
export function formatShortChats(name: string, f: ShortChatFigures): string {
  const out = [`short chats — ${name}: ${f.chats} chats × evasions = ${f.variants} variants (${f.file})`, '                prec   recall  FPR      tp   fp   fn    tn'];
  out.push(line('overall', f.overall));
  for (const [k, v] of Object.entries(f.byLanguage)) out.push(line(`lang ${k}`, v));
  for (const [k, v] of Object.entries(f.byEvasion)) out.push(line(k, v));
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, file: { type: 'string' }, verbose: { type: 'boolean' } } });
  const files: Record<string, string> = values.file ? { file: values.file } : shortChatFiles;
  const results: Record<string, ShortChatFigures> = {};
  for (const [name, path] of Object.entries(files)) {
    const f = evalShortChats(path);
    results[name] = f;
    if (!values.json) {
      console.log(formatShortChats(name === 'heldOut' ? 'heldOut v1 (tuned on since session 4)' : name, f));
      if (values.verbose) console.log(`  missed: ${f.missed.join(' ')}\n  false flags: ${f.falseFlags.join(' ')}`);
      console.log('');
    }
  }
  console.log(JSON.stringify({ eval: 'short-chats', results: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { ...v, missed: v.missed.length, falseFlags: v.falseFlags.length, flaggedByVariant: undefined }])) }));
}
