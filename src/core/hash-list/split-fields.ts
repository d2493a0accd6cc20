/** Splits one CSV/TSV line into fields (RFC 4180 quoting within the line; a field may not span lines). */
import { invalidInput } from '../lifeguard-error.ts';

export type HashListDelimiter = ',' | '\t' | ';';

/** Splits `line` on `delimiter`; throws `unterminated_quote` when a quoted field does not close. */
export function splitFields(line: string, delimiter: HashListDelimiter): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) throw invalidInput('unterminated_quote', 'a quoted field does not end on this line');
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Text between the closing quote and the delimiter is kept, as spreadsheets do.
      const next = line.indexOf(delimiter, i);
      fields.push(value + (next === -1 ? line.slice(i) : line.slice(i, next)));
      if (next === -1) return fields;
      i = next + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      if (next === -1) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, next));
      i = next + 1;
    }
  }
}

/** The delimiter for a file: by extension (.tsv/.tab, .csv), else the most frequent of tab, comma, semicolon in its first line. */
export function sniffDelimiter(firstLine: string, fileName?: string): HashListDelimiter {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'tsv' || ext === 'tab') return '\t';
  if (ext === 'csv') return ',';
  const count = (d: string) => firstLine.split(d).length - 1;
  const candidates: [HashListDelimiter, number][] = [
    ['\t', count('\t')],
    [',', count(',')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}
