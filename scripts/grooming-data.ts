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
}

export const defaultDataPath = sharedDataPath('data/grooming/pan12-segments-dev.csv');

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

/** Reads `id,text,label` segments. */
export function loadSegments(path: string): Segment[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows.shift()!;
  const [iId, iText, iLabel] = ['id', 'text', 'label'].map((h) => header.indexOf(h));
  if (iId! < 0 || iText! < 0 || iLabel! < 0) throw new Error(`${path}: expected columns id,text,label`);
  return rows.map((r) => ({ id: r[iId!]!, text: r[iText!]!, label: r[iLabel!] === '1' ? 1 : 0 }));
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
