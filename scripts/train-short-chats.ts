/**
 * `npm run train:short-chats [-- --check] [--quick] [--explain] [--sets a,b] [--l2 x] [--gate g] [--prefixes w]
 * [--plain] [--out path] [--max-fpr f]`: fits the short-chat model (src/core/grooming/short-chat-model.ts) on the project's own
 * synthetic short chats and writes src/core/grooming/model/short-chat-model.ts (or `--out`).
 *
 * Training files: every set of test/fixtures/short-chats except the last two blind rounds (held-out 38–43, scored
 * in session 12).
 * Logistic regression, one weight per feature, L2, a conversation scored by its riskiest author. Every figure is
 * across writers: each set is scored by a model fitted on the others. The threshold is the lowest on a grid at
 * which the whole detector (lexicons, rules and the model; every evasive spelling, or plain spelling only with
 * `--plain`) keeps the mean false-positive rate of the threshold sets at or under MAX_DETECTOR_FPR. `--check` fits
 * and prints without writing; `--quick` prints the model alone (no threshold, nothing written); `--explain` prints
 * each set's worst errors with their heaviest features; `--gate` fixes the rule gate instead of choosing it;
 * `--prefixes w` also fits benign chats' openings as negatives, weighing w per chat.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConversationState } from '../src/core/grooming/conversation-state.ts';
import { DEFAULT_MAX_AUTHORS, DEFAULT_MAX_MESSAGES, DEFAULT_MAX_SIGNALS } from '../src/core/grooming/options.ts';
import type { ShortChatModel } from '../src/core/grooming/short-chat-model.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { evasions, type Evasion } from '../src/core/grooming/evasion.ts';
import { evalShortChats, loadShortChats, shortChatFiles, type ShortChat } from './eval-short-chats.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    /** Training sets by name (default: every one that exists). */
    sets: { type: 'string' },
    /** Model alone only: skip scoring the whole detector (the threshold is then not chosen; nothing is written). */
    quick: { type: 'boolean', default: false },
    l2: { type: 'string' },
    /** Print each set's worst errors (held-out scores) with the features that weighed most. */
    explain: { type: 'boolean', default: false },
    /** Rule gate fixed instead of chosen (a number, or "none"). */
    gate: { type: 'string' },
    /** Weight of the benign chats' opening prefixes as extra negatives (0: none). */
    prefixes: { type: 'string' },
    /** Threshold chosen on plain spelling only (about 14 times less work; evasions change recall by about a point). */
    plain: { type: 'boolean', default: false },
    /** Where the model is written (default: src/core/grooming/model/short-chat-model.ts). */
    out: { type: 'string' },
    /** The false-positive budget of the threshold sets' mean (default MAX_DETECTOR_FPR). */
    'max-fpr': { type: 'string' },
  },
});

// Chosen across writers (model alone, each set scored by a model fitted on the others). With word pairs (session 6),
// 0.01 gave about 1.5 points more recall than 0.03 at the same false-positive rate (0.849 vs 0.835 at 0.022), and 0.1
// less than either (`--quick --l2 x`).
const L2 = values.l2 === undefined ? 0.01 : Number(values.l2);
const EPOCHS = 60;
const RATE = 0.1;
/** Mean false-positive rate of the whole detector over the sets (each scored by a model fitted on the others). */
const MAX_DETECTOR_FPR = values['max-fpr'] === undefined ? 0.03 : Number(values['max-fpr']);
/** Rule gates tried (ShortChatModel.ruleGate; undefined: every rule counts). */
const RULE_GATES: readonly (number | undefined)[] = [undefined, 0.1, 0.2, 0.3, 0.4, 0.5];
// Measured in session 6: a lower gate of their own for the strong rules (0.02–0.2) left the same recall.
type Gates = Pick<ShortChatModel, 'ruleGate'>;
const untrained: ShortChatModel = { version: 'untrained', threshold: 1, bias: 0, weights: {} };

interface Row {
  id: string;
  lang?: string;
  authors: string[][];
  y: number;
  /** How much the row counts in the fit (1; less for a benign chat's opening prefix). */
  w: number;
  /** A benign chat's opening (not a chat of its own): fitted on, never scored. */
  prefix?: boolean;
}

/** Each author's features after every message (index n: the first n + 1 messages). */
function featuresByPrefix(chat: ShortChat): string[][][] {
  const state = new ConversationState({ threshold: 0.5, maxMessages: DEFAULT_MAX_MESSAGES, maxAuthors: DEFAULT_MAX_AUTHORS, maxSignals: DEFAULT_MAX_SIGNALS, shortChatModel: untrained });
  return chat.messages.map((m) => {
    state.push(m);
    const out = state.cueFeaturesByAuthor().map((a) => a.features);
    return out.length > 0 ? out : [[]];
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function fit(rows: readonly Row[], seed: number): { bias: number; weights: Map<string, number> } {
  const w = new Map<string, number>();
  let bias = 0;
  const rnd = seededRandom(seed);
  const order = rows.map((_, i) => i);
  const zOf = (f: readonly string[]) => f.reduce((z, k) => z + (w.get(k) ?? 0), bias);
  for (let e = 0; e < EPOCHS; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const r = rows[i]!;
      let best = 0;
      for (let a = 1; a < r.authors.length; a++) if (zOf(r.authors[a]!) > zOf(r.authors[best]!)) best = a;
      const g = (sigmoid(zOf(r.authors[best]!)) - r.y) * r.w;
      bias -= RATE * g;
      for (const k of r.authors[best]!) {
        const v = w.get(k) ?? 0;
        w.set(k, v - RATE * (g + L2 * v));
      }
    }
  }
  return { bias, weights: w };
}

const scoreOf = (m: { bias: number; weights: Map<string, number> }, r: Row) =>
  Math.max(...r.authors.map((f) => sigmoid(f.reduce((z, k) => z + (m.weights.get(k) ?? 0), m.bias))));

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/short-chats/${name}`, import.meta.url));
const trainingFiles = {
  tuning: shortChatFiles.tuning,
  heldOut: shortChatFiles.heldOut,
  heldOut2: shortChatFiles.heldOut2,
  /** Two more writers' chats, written for training only (session 4). */
  trainA: fixture('train-a.jsonl'),
  trainB: fixture('train-b.jsonl'),
  /** Blind in session 4 (its figure was reported then); trained on since session 5. */
  heldOut3: shortChatFiles.heldOut3,
  /** Five more writers' chats, written for training only (session 5), each blind to the detector and to the others. */
  trainC: fixture('train-c.jsonl'),
  trainD: fixture('train-d.jsonl'),
  trainE: fixture('train-e.jsonl'),
  trainF: fixture('train-f.jsonl'),
  trainG: fixture('train-g.jsonl'),
  /** Blind in session 5 (their figures were reported then, each scored after that session's decisions); trained on since session 6. */
  heldOut4: shortChatFiles.heldOut4,
  heldOut5: shortChatFiles.heldOut5,
  heldOut6: shortChatFiles.heldOut6,
  heldOut7: shortChatFiles.heldOut7,
  /** Three more writers' chats, written for training only (session 6), blind to the detector and to the others. */
  trainH: fixture('train-h.jsonl'),
  trainI: fixture('train-i.jsonl'),
  trainJ: fixture('train-j.jsonl'),
  /** Blind in session 6 (their figures were reported then, scored after that session's decisions); trained on since session 7. */
  heldOut8: shortChatFiles.heldOut8,
  heldOut9: shortChatFiles.heldOut9,
  heldOut10: shortChatFiles.heldOut10,
  heldOut11: shortChatFiles.heldOut11,
  /**
   * Four more writers' chats, written for training only (session 7), blind to the detector and to the others:
   * stream comments (k), adults whose words sound alarming (l), native German and Dutch with subtle grooming (m),
   * native French and Spanish (n).
   */
  trainK: fixture('train-k.jsonl'),
  trainL: fixture('train-l.jsonl'),
  trainM: fixture('train-m.jsonl'),
  trainN: fixture('train-n.jsonl'),
  /** Blind in session 7 (their figures were reported then, scored after that session's decisions); trained on since session 8. */
  heldOut12: shortChatFiles.heldOut12,
  heldOut13: shortChatFiles.heldOut13,
  heldOut14: shortChatFiles.heldOut14,
  heldOut15: shortChatFiles.heldOut15,
  /**
   * Two more writers' chats, written for training only (session 8), blind to the detector and to the others:
   * two benign look-alikes to each grooming chat, on the kinds flagged most in session 7's blind sets (scam
   * warnings, banter threats, babysitters, coaches, parents, adults dating) (o); the grooming kinds missed most
   * (coordinated viewers, meetings, fake peers, gifts for pictures, deleted chats) with their look-alikes (p).
   */
  trainO: fixture('train-o.jsonl'),
  trainP: fixture('train-p.jsonl'),
  /** Native German, Dutch, French and Spanish only, every kind, hard look-alikes (q); an ordinary day on a platform for 10–16-year-olds (r). */
  trainQ: fixture('train-q.jsonl'),
  trainR: fixture('train-r.jsonl'),
  /** Blind in session 8 (their figures were reported then, scored after that session's decisions); trained on since session 9. */
  heldOut16: shortChatFiles.heldOut16,
  heldOut17: shortChatFiles.heldOut17,
  heldOut18: shortChatFiles.heldOut18,
  heldOut19: shortChatFiles.heldOut19,
  heldOut20: shortChatFiles.heldOut20,
  heldOut21: shortChatFiles.heldOut21,
  heldOut22: shortChatFiles.heldOut22,
  heldOut23: shortChatFiles.heldOut23,
  /**
   * Written for training only (session 9), each writer blind to the detector and to the other sets, every language
   * from its own storylines: the grooming kinds missed most in session 8's blind sets (meeting offers, fake peers,
   * camera requests, love bombing, deleted chats) and the look-alikes flagged most (scam warnings quoting the threat,
   * babysitters and tutors, adults dating, classmates, relatives arranging lifts and calls), in native German and
   * Dutch (s) and in English, French and Spanish (t).
   */
  trainS: fixture('train-s.jsonl'),
  trainT: fixture('train-t.jsonl'),
  /**
   * Pairs that share words and roles (session 9): each grooming chat by someone in a trusted-looking role (a coach, a
   * family friend, a tutor, an older cousin, a neighbour, a photographer) beside a benign chat in the same role with
   * the same words, in English and French (u) and in German and Dutch (v).
   */
  trainU: fixture('train-u.jsonl'),
  trainV: fixture('train-v.jsonl'),
  /**
   * Six more writers (session 9), each blind to the detector and to the other sets, every kind with hard
   * look-alikes, a third of the chats two or three messages long: gaming communities in English (w); Instagram,
   * TikTok and Snapchat in native German (x) and native Dutch and Flemish (y); French and Spanish of several
   * countries (z); children of 7–11 on tablets, in English and German (aa); sextortion and the chats that talk
   * about it, and live streams where several viewers each ask one thing, in English and Dutch (ab).
   */
  trainW: fixture('train-w.jsonl'),
  trainX: fixture('train-x.jsonl'),
  trainY: fixture('train-y.jsonl'),
  trainZ: fixture('train-z.jsonl'),
  trainAA: fixture('train-aa.jsonl'),
  trainAB: fixture('train-ab.jsonl'),
  /**
   * Six more writers (session 10), each blind to the detector and to the other sets, every language from its own
   * storylines: families, with the relatives named or not and adults close to the family who groom, in English and
   * German (ac) and in Dutch and French (ad); threats and teasing between friends and siblings beside real
   * sextortion, in Spanish and English (ae); children, parents and teachers talking about danger beside the real
   * thing, in German and Dutch (af); live streams and group spaces, in English, French and Spanish (ag); a child who
   * refuses and an adult who persists, beside adults who accept a refusal, in all five languages (ah).
   */
  trainAC: fixture('train-ac.jsonl'),
  trainAD: fixture('train-ad.jsonl'),
  trainAE: fixture('train-ae.jsonl'),
  trainAF: fixture('train-af.jsonl'),
  trainAG: fixture('train-ag.jsonl'),
  trainAH: fixture('train-ah.jsonl'),
  /** Blind in session 9 (their figures were reported then, scored after that session's decisions); trained on since session 10. */
  heldOut24: shortChatFiles.heldOut24,
  heldOut25: shortChatFiles.heldOut25,
  heldOut26: shortChatFiles.heldOut26,
  heldOut27: shortChatFiles.heldOut27,
  /** Blind in session 10 (their figures were reported then, scored after that session's decisions); trained on since session 11. */
  heldOut28: shortChatFiles.heldOut28,
  heldOut29: shortChatFiles.heldOut29,
  heldOut30: shortChatFiles.heldOut30,
  heldOut31: shortChatFiles.heldOut31,
  /**
   * Two more writers (session 11), blind to the detector and to the other sets, every kind with its look-alikes, all
   * in dialect as it is typed in chats: Swiss German (ai); Bavarian and Austrian (aj).
   */
  trainAI: fixture('train-ai.jsonl'),
  trainAJ: fixture('train-aj.jsonl'),
  /** Blind in session 11 (held-out 32–34) and session 12 (35–37), each scored once; trained on since session 12. */
  heldOut32: shortChatFiles.heldOut32,
  heldOut33: shortChatFiles.heldOut33,
  heldOut34: shortChatFiles.heldOut34,
  heldOut35: shortChatFiles.heldOut35,
  heldOut36: shortChatFiles.heldOut36,
  heldOut37: shortChatFiles.heldOut37,
};
/**
 * Sets left out of the threshold's false-positive mean (trained on all the same): those whose misses guided the
 * lexicons and rules, and those written to over-represent the hardest look-alikes (train-h, -i, -j: twice the
 * scam warnings, banter threats, family photo requests and stream fans of the usual brief; train-l: mostly adults
 * whose words sound alarming — parents checking phones, coaches, doctors' offices; train-o: two look-alikes of the
 * kinds flagged most to each grooming chat; train-s and -t: the look-alike kinds flagged most in session 8; train-u
 * and -v: look-alikes written as pairs of grooming chats; train-ac to -af: families, banter threats and talk about
 * danger), whose benign mix is not a platform's. Their figures are
 * still printed.
 */
const notForThreshold = new Set<string>([
  trainingFiles.tuning,
  trainingFiles.heldOut,
  trainingFiles.trainH,
  trainingFiles.trainI,
  trainingFiles.trainJ,
  trainingFiles.trainL,
  trainingFiles.trainO,
  // Written around the look-alikes flagged most (s, t) and as look-alike pairs by design (u, v), like train-o.
  trainingFiles.trainS,
  trainingFiles.trainT,
  trainingFiles.trainU,
  trainingFiles.trainV,
  // Written around the hardest look-alikes by design (session 10): families, banter threats, talk about danger.
  trainingFiles.trainAC,
  trainingFiles.trainAD,
  trainingFiles.trainAE,
  trainingFiles.trainAF,
]);
const trainable = Object.keys(trainingFiles) as (keyof typeof trainingFiles)[];
const sets = values.sets === undefined ? trainable : values.sets.split(',');
for (const s of sets) if (!(trainable as readonly string[]).includes(s)) throw new Error(`--sets: ${s} is not one of ${trainable.join(', ')} (held-out-4 is never trained on)`);
const files = trainable.filter((s) => sets.includes(s)).map((s) => trainingFiles[s]).filter((f) => existsSync(f));
// The detector flags on the peak over a chat's openings (it warns as early as it can), so a benign chat's openings
// are ordinary too: with --prefixes w, each benign chat's shorter openings are fitted on as negatives, weighing w
// together. A grooming chat's opening is not labelled (it may not show anything yet), so it is left out.
const PREFIX_WEIGHT = values.prefixes === undefined ? 0 : Number(values.prefixes);
const rows: (Row & { set: number })[] = files.flatMap((f, set) =>
  loadShortChats(f).flatMap((c) => {
    const byPrefix = featuresByPrefix(c);
    const y = c.label === 'grooming' ? 1 : 0;
    const whole = { id: c.id, lang: c.lang, authors: byPrefix[byPrefix.length - 1] ?? [[]], y, w: 1, set };
    if (y === 1 || PREFIX_WEIGHT === 0 || byPrefix.length < 2) return [whole];
    const openings = byPrefix.slice(0, -1).map((authors, n) => ({ id: `${c.id}#${n + 1}`, lang: c.lang, authors, y, w: PREFIX_WEIGHT / (byPrefix.length - 1), set, prefix: true }));
    return [whole, ...openings];
  }),
);

// Every figure is across writers: each set (a different writer or session) is scored by a model fitted on the
// others. Folds by chat within one writer's set would be far too optimistic (measured: a 1 % out-of-fold rate
// became 5 % more false positives on a new writer's chats).
const held = new Array<number>(rows.length).fill(0);
/** Model k: fitted on every set but set k. */
const foldModels: ReturnType<typeof fit>[] = [];
for (let k = 0; k < files.length; k++) {
  const m = fit(rows.filter((r) => r.set !== k), 7 + k);
  foldModels.push(m);
  rows.forEach((r, i) => {
    if (r.set === k) held[i] = scoreOf(m, r);
  });
  if (values.explain) explain(m, k);
}

/** The set's false positives above 0.5 and misses below 0.5, each with its heaviest features. */
function explain(m: { bias: number; weights: Map<string, number> }, k: number): void {
  console.log(`== ${files[k]!.split('/').pop()}`);
  for (const r of rows) {
    if (r.set !== k || r.prefix) continue;
    const s = scoreOf(m, r);
    if ((r.y === 0 && s >= 0.5) || (r.y === 1 && s < 0.5)) {
      const best = r.authors.reduce((a, b) => (scoreOf(m, { ...r, authors: [b] }) > scoreOf(m, { ...r, authors: [a] }) ? b : a));
      const top = best.map((f) => [f, m.weights.get(f) ?? 0] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 8);
      console.log(`${r.y ? 'MISS' : 'FP  '} ${s.toFixed(2)} ${r.id}  ${top.map(([f, w]) => `${f}:${w.toFixed(1)}`).join(' ')}`);
    }
  }
}
const perSet = (t: number) =>
  files.map((_, k) => {
    const inSet = rows.map((r, i) => ({ r, s: held[i]! })).filter((x) => x.r.set === k && !x.r.prefix);
    const neg = inSet.filter((x) => x.r.y === 0);
    const pos = inSet.filter((x) => x.r.y === 1);
    return { fpr: neg.filter((x) => x.s >= t).length / Math.max(1, neg.length), recall: pos.filter((x) => x.s >= t).length / Math.max(1, pos.length) };
  });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// The threshold is chosen on the whole detector (lexicons, frames, rules and the model together, every evasive
// spelling), each set scored with the model fitted on the other sets: the lowest grid threshold at which the mean
// of the sets' false-positive rates stays at or under MAX_DETECTOR_FPR. The rules' own false flags count
// against the budget, so the model gets what is left of it.
const grid = Array.from({ length: 21 }, (_, i) => 0.5 + i * 0.0225);
if (values.quick) {
  for (const t of [0.5, 0.6, 0.7, 0.8, 0.9]) {
    const xs = perSet(t).filter((_, k) => !notForThreshold.has(files[k]!));
    console.log(`model alone at ${t}: threshold sets mean recall ${mean(xs.map((x) => x.recall)).toFixed(3)} mean FPR ${mean(xs.map((x) => x.fpr)).toFixed(3)}  (${xs.map((x) => `${x.recall.toFixed(2)}/${x.fpr.toFixed(2)}`).join(' ')})`);
  }
  // Per language, every set pooled (each chat scored by the model fitted on the other sets): whether glossing
  // carries the model across languages.
  for (const t of [0.5, 0.7]) {
    const by = new Map<string, { tp: number; fn: number; fp: number; tn: number }>();
    rows.forEach((r, i) => {
      if (r.prefix) return;
      const c = by.get(r.lang ?? '?') ?? { tp: 0, fn: 0, fp: 0, tn: 0 };
      const hit = held[i]! >= t;
      if (r.y === 1) c[hit ? 'tp' : 'fn']++;
      else c[hit ? 'fp' : 'tn']++;
      by.set(r.lang ?? '?', c);
    });
    const cells = [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([l, c]) => `${l} ${(c.tp / Math.max(1, c.tp + c.fn)).toFixed(3)}/${(c.fp / Math.max(1, c.fp + c.tn)).toFixed(3)}`);
    console.log(`model alone at ${t}, per language (recall/FPR, every set pooled): ${cells.join('  ')}`);
  }
  process.exit(0);
}
/**
 * Per set, per chat variant: the highest grid index at which the detector (its rules gated at `gate`, see
 * ShortChatModel.ruleGate) still flags it (-1: never; grid.length: flagged without the model).
 */
function flipsFor(gate: Gates, chosen: readonly Evasion[]) {
  return files.map((f, k) => {
    const m = foldModels[k]!;
    const weights = Object.fromEntries(m.weights);
    const at = (t: number): ShortChatModel => ({ version: `fold-${k}`, threshold: t, ...gate, bias: m.bias, weights });
    const chats = loadShortChats(f);
    const out: { y: number; lang: string; flip: number }[] = [];
    const models = new Map<number, ShortChatModel>();
    const flagged = (chat: ShortChat, g: number) => {
      if (!models.has(g)) models.set(g, at(g >= grid.length ? 2 : grid[g]!));
      return evalShortChats({ name: f, chats: [chat] }, chosen, { shortChatModel: models.get(g)! }).flaggedByVariant;
    };
    for (const chat0 of chats) {
      // One chat's variants at one grid index are assessed once (every variant's bisection shares them).
      const seen = new Map<number, boolean[]>();
      const flaggedAt = (g: number) => {
        let f = seen.get(g);
        if (f === undefined) seen.set(g, (f = flagged(chat0, g)));
        return f;
      };
      const chat = chat0;
      // Flagged without the model: flags at every threshold. Otherwise bisect (flagging falls as the threshold rises).
      const off = flaggedAt(grid.length);
      const low = flaggedAt(0);
      off.forEach((always, v) => {
        let flip = -1;
        if (always) flip = grid.length;
        else if (low[v]) {
          let lo = 0;
          let hi = grid.length - 1;
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (flaggedAt(mid)[v]) lo = mid;
            else hi = mid - 1;
          }
          flip = lo;
        }
        out.push({ y: chat.label === 'grooming' ? 1 : 0, lang: chat.lang, flip });
      });
    }
    return out;
  });
}
type Flips = ReturnType<typeof flipsFor>;
const detectorAt = (flips: Flips, g: number) =>
  flips.map((xs) => {
    const neg = xs.filter((x) => x.y === 0);
    const pos = xs.filter((x) => x.y === 1);
    return { fpr: neg.filter((x) => x.flip >= g).length / Math.max(1, neg.length), recall: pos.filter((x) => x.flip >= g).length / Math.max(1, pos.length) };
  });
const thresholdSetsOf = <T,>(xs: T[]) => xs.filter((_, k) => !notForThreshold.has(files[k]!));
/** The lowest grid index at which the threshold sets' mean false-positive rate is within the budget. */
const pickFor = (flips: Flips) => {
  for (let g = 0; g < grid.length; g++) if (mean(thresholdSetsOf(detectorAt(flips, g)).map((x) => x.fpr)) <= MAX_DETECTOR_FPR) return g;
  return grid.length - 1;
};
// The rule gate is chosen on plain spelling (evasive spellings change these figures by about a point, measured on
// held-out 4–7), as the gate whose threshold leaves the most recall; the threshold then on every evasion.
let gate: Gates = {};
let bestRecall = -1;
const tryGates = (g: Gates) => {
  const fl = flipsFor(g, ['none']);
  const p = pickFor(fl);
  const r = mean(thresholdSetsOf(detectorAt(fl, p)).map((x) => x.recall));
  console.log(`rule gates ${JSON.stringify(g)}: plain spelling, threshold ${grid[p]!.toFixed(4)}, threshold sets mean recall ${r.toFixed(3)}`);
  if (r > bestRecall + 1e-9) {
    bestRecall = r;
    gate = g;
  }
};
if (values.gate === undefined) for (const g of RULE_GATES) tryGates(g === undefined ? {} : { ruleGate: g });
else gate = values.gate === 'none' ? {} : { ruleGate: Number(values.gate) };
const flips = flipsFor(gate, values.plain ? ['none'] : evasions);
const pick = pickFor(flips);
// The whole trade-off, so a budget's cost in recall can be read off (threshold sets, across writers).
console.log(`whole detector by threshold (threshold sets, recall/FPR): ${grid.map((t, g) => { const xs = thresholdSetsOf(detectorAt(flips, g)); return `${t.toFixed(3)} ${mean(xs.map((x) => x.recall)).toFixed(3)}/${mean(xs.map((x) => x.fpr)).toFixed(3)}`; }).join('  ')}`);
const threshold = grid[pick]!;
const final = fit(rows, 7);
const weights = Object.fromEntries([...final.weights].filter(([, v]) => Math.abs(v) >= 0.005).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, Math.round(v * 1e4) / 1e4]));
const model: ShortChatModel = { version: `short-chats-${rows.filter((r) => !r.prefix).length}`, threshold: Math.round(threshold * 1e4) / 1e4, ...gate, bias: Math.round(final.bias * 1e4) / 1e4, weights };
console.log(`chats ${rows.filter((r) => !r.prefix).length} (${files.length} files; ${rows.filter((r) => r.prefix).length} benign openings at weight ${PREFIX_WEIGHT}), features ${Object.keys(weights).length}, L2 ${L2}, threshold ${model.threshold}, rule gates ${JSON.stringify(gate)}`);
const modelAt = perSet(threshold);
console.log(`model alone, each set scored by a model fitted on the others: mean recall ${mean(modelAt.map((x) => x.recall)).toFixed(3)}, mean FPR ${mean(modelAt.map((x) => x.fpr)).toFixed(3)}`);
const at = detectorAt(flips, pick);
const untuned = at.filter((_, k) => !notForThreshold.has(files[k]!));
console.log(`whole detector, ${values.plain ? 'plain spelling' : 'every evasion'}, each set with the model fitted on the others: mean recall ${mean(at.map((x) => x.recall)).toFixed(3)}, mean FPR ${mean(at.map((x) => x.fpr)).toFixed(3)}; threshold sets: ${mean(untuned.map((x) => x.recall)).toFixed(3)} / ${mean(untuned.map((x) => x.fpr)).toFixed(3)}`);
for (const [k, f] of files.entries()) console.log(`  ${f.split('/').pop()}: recall ${at[k]!.recall.toFixed(3)} FPR ${at[k]!.fpr.toFixed(3)} (model alone ${modelAt[k]!.recall.toFixed(3)} / ${modelAt[k]!.fpr.toFixed(3)})`);
for (let g = 0; g < grid.length; g += 2) {
  const xs = detectorAt(flips, g);
  const ux = xs.filter((_, k) => !notForThreshold.has(files[k]!));
  console.log(`  at ${grid[g]!.toFixed(3)}: threshold sets mean recall ${mean(ux.map((x) => x.recall)).toFixed(3)} mean FPR ${mean(ux.map((x) => x.fpr)).toFixed(3)}  (${xs.map((x) => `${x.recall.toFixed(2)}/${x.fpr.toFixed(2)}`).join(' ')})`);
}
if (!values.check) {
  const out = values.out ?? fileURLToPath(new URL('../src/core/grooming/model/short-chat-model.ts', import.meta.url));
  const body = `/**\n * Fitted by \`npm run train:short-chats\` on ${rows.filter((r) => !r.prefix).length} synthetic short chats of test/fixtures/short-chats (never on\n * research data). Features: see short-chat-model.ts.\n */\nimport type { ShortChatModel } from '../short-chat-model.ts';\n\nexport const shortChatModel: ShortChatModel = ${JSON.stringify(model, null, 1)};\n`;
  writeFileSync(out, body);
  console.log(`wrote ${out}`);
}

