/** docs/signal-types.md, generated from the registry (see scripts/signal-types-doc.ts). */
import { signalTypeModules, signalTypesTable } from './index.ts';

/** The Markdown page describing every registered signal type. */
export function signalTypesDoc(): string {
  const sections = signalTypeModules.map((t) => {
    const ex = t.examples.valid.map(([w, n]) => `| \`${w.trim() === '' ? JSON.stringify(w) : w}\` | \`${n}\` |`).join('\n');
    return [
      `## \`${t.name}\``,
      '',
      `${t.description}.`,
      '',
      `- value: ${t.valueFormat}`,
      `- matched by: ${t.matchKind === 'distance' ? `distance ≤ ${t.defaultThreshold} (${t.indexKind} index)` : `exact (${t.indexKind} index)`}`,
      `- taken from: ${t.contentKind === 'media' ? 'media (images, frames, files) — hashes Lifeguard or the platform computes' : 'text (chat messages, stream comments, search queries, posted links)'}`,
      '',
      '| written | stored as |',
      '|---|---|',
      ex,
    ].join('\n');
  });
  return [
    '# Signal types',
    '',
    '<!-- Generated from src/core/signal-types/ by `node --import tsx scripts/signal-types-doc.ts`; do not edit. -->',
    '',
    'A signal type is one module in `src/core/signal-types/` (validate/normalise, compare, index kind, examples).',
    'Banks, list import, the API schemas, the CLI help and this page are generated from the registry, so adding',
    'a type is one module, its line in `index.ts`, and its examples (which the registry contract test runs).',
    '',
    signalTypesTable(),
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
}
