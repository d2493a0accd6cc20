/**
 * Research data access for training and evaluation of the grooming detector: CSV reading, the data path
 * (LIFEGUARD_GROOMING_DATA or the shared dev split), a seeded RNG and stratified folds. The data's text is
 * only ever read here, never written anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { seededRandom } from '../src/core/seeded-random.ts';
import { sharedDataPath } from './shared-data-dir.ts';

export interface Segment {
  id: string;
  text: string;
  label: 0 | 1;
  /** Message boundaries when the data keeps them (the German and Dutch sets); else `text` is one message. */
  messages?: string[];
  /** Language of the data set (en, de, nl). */
  language?: string;
  /**
   * Source conversation: a segment and its translations share it, so they always fall in the same fold
   * (otherwise a model would be tested on the translation of a conversation it was trained on).
   */
  group?: string;
}

export const defaultDataPath = sharedDataPath('data/grooming/pan12-segments-dev.csv');
/** The German and Dutch machine translations of PAN12-derived segments (same conversations line for line). */
export const translatedDataPaths = {
  de: sharedDataPath('data/grooming/pan12-de-dev.jsonl'),
  nl: sharedDataPath('data/grooming/pan12-nl-dev.jsonl'),
} as const;

/** The data file to use, or undefined when it is absent (tests then skip). */
export function groomingDataPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const p = env.LIFEGUARD_GROOMING_DATA || defaultDataPath;
  return existsSync(p) ? p : undefined;
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads `id,text,label` segments (English, flattened). */
export function loadSegments(path: string): Segment[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows.shift()!;
  const [iId, iText, iLabel] = ['id', 'text', 'label'].map((h) => header.indexOf(h));
  if (iId! < 0 || iText! < 0 || iLabel! < 0) throw new Error(`${path}: expected columns id,text,label`);
  return rows.map((r) => ({ id: r[iId!]!, text: r[iText!]!, label: r[iLabel!] === '1' ? 1 : 0, language: 'en', group: `en:${r[iId!]!}` }));
}

/**
 * Reads a translated set: one `{"id","messages":[{"text"}],"label"}` a line. Ids are the language code and
 * the source number ("de0001", "nl0001"), so the group is the number: a conversation and its other
 * translations share it.
 */
export function loadTranslated(path: string, language: string): Segment[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, n) => {
      const o = JSON.parse(l) as { id?: unknown; messages?: unknown; label?: unknown };
      if (typeof o.id !== 'string' || !Array.isArray(o.messages) || (o.label !== 0 && o.label !== 1)) throw new Error(`${path}:${n + 1}: expected {"id","messages":[{"text"}],"label"}`);
      const messages = (o.messages as { text?: unknown }[]).map((m) => (typeof m?.text === 'string' ? m.text : ''));
      return { id: o.id, text: messages.join('\n'), messages, label: o.label, language, group: `pan12-translated:${o.id.replace(/^[a-z]+/, '')}` };
    });
}

/** The translated sets present on this machine (German, Dutch), each by language. */
export function translatedData(): { language: string; path: string }[] {
  return Object.entries(translatedDataPaths)
    .filter(([, p]) => existsSync(p))
    .map(([language, path]) => ({ language, path }));
}

/**
 * Fold of each item with whole groups kept together: groups are stratified by label (a group is positive
 * when any member is) and shuffled with `seed`. With one item per group this equals stratifiedFolds.
 */
export function groupedFolds(groups: readonly string[], labels: readonly number[], k: number, seed: number): number[] {
  const order: string[] = [];
  const label = new Map<string, number>();
  groups.forEach((g, i) => {
    if (!label.has(g)) order.push(g);
    label.set(g, Math.max(label.get(g) ?? 0, labels[i]!));
  });
  const gf = stratifiedFolds(order.map((g) => label.get(g)!), k, seed);
  const foldOf = new Map(order.map((g, i) => [g, gf[i]!]));
  return groups.map((g) => foldOf.get(g)!);
}

/** Fold number (0..k-1) of each item, stratified by label, shuffled with `seed`. */
export function stratifiedFolds(labels: readonly number[], k: number, seed: number): number[] {
  const rnd = seededRandom(seed);
  const folds = new Array<number>(labels.length);
  for (const lab of [...new Set(labels)].sort()) {
    const idx = labels.map((l, i) => (l === lab ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((item, n) => (folds[item] = n % k));
  }
  return folds;
}
