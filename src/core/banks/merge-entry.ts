/**
 * What happens when the same (bank, type, value) is added twice: the first non-empty external id, category
 * and quality are kept (a later list never overwrites curated metadata), sources are united, and the
 * low-quality flag follows the kept quality.
 */
import { PDQ_MIN_QUALITY } from '../pdq/index.ts';

/** The metadata of an entry that merging touches. */
export interface EntryMetadata {
  externalId: string | null;
  sources: string[];
  category: string | null;
  quality: number | null;
}

/** True when a hash of this type and quality must be stored flagged and not matched. */
export const isLowQuality = (signalType: string, quality: number | null | undefined): boolean =>
  signalType === 'pdq' && quality !== null && quality !== undefined && quality < PDQ_MIN_QUALITY;

/** Merges `incoming` into `existing`; `changed` is false when nothing would be written. */
export function mergeEntryMetadata(existing: EntryMetadata, incoming: EntryMetadata): { merged: EntryMetadata; changed: boolean } {
  const sources = [...existing.sources];
  for (const s of incoming.sources) if (!sources.includes(s)) sources.push(s);
  const merged: EntryMetadata = {
    externalId: existing.externalId ?? incoming.externalId,
    sources,
    category: existing.category ?? incoming.category,
    quality: existing.quality ?? incoming.quality,
  };
  const changed =
    merged.externalId !== existing.externalId ||
    merged.category !== existing.category ||
    merged.quality !== existing.quality ||
    sources.length !== existing.sources.length;
  return { merged, changed };
}
