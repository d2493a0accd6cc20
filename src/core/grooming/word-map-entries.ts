/**
 * The entries of a hand-written word map ("key value… | key value…", also one entry a line), as used by the
 * gloss maps and the German dialect fold: each entry's first word and the words after it. Entries without a
 * value are skipped.
 */
export function wordMapEntries(source: string): [key: string, value: string[]][] {
  const out: [string, string[]][] = [];
  for (const entry of source.split(/[|\n]/)) {
    const parts = entry.trim().split(/\s+/);
    if (parts.length >= 2) out.push([parts[0]!, parts.slice(1)]);
  }
  return out;
}
