/**
 * An opaque hash a platform licenses from a third party (for example PhotoDNA, whose algorithm cannot ship
 * here): Lifeguard cannot compute it, only store the values a list gives and match values the platform
 * computed, exactly, as strings.
 */
import { invalidInput } from '../lifeguard-error.ts';
import { preview, defineSignalType } from './signal-type.ts';

const printable = /^[\x21-\x7e]+$/;
const maxLength = 4096;

export const opaque = defineSignalType<'opaque'>({
  name: 'opaque',
  description: 'Opaque third-party hash (e.g. licensed PhotoDNA), computed by the platform and matched exactly',
  valueFormat: 'printable ASCII without spaces (hex, base64, or a vendor prefix such as `photodna:`), up to 4096 characters',
  contentKind: 'media',
  indexKind: 'exact',
  matchKind: 'exact',
  defaultThreshold: 0,
  maxLength,
  normalize(value: string): string {
    const v = typeof value === 'string' ? value.trim() : '';
    if (v === '' || v.length > maxLength || !printable.test(v)) {
      throw invalidInput('invalid_hash', `an opaque hash is 1..${maxLength} printable ASCII characters without spaces; got ${preview(String(value))}`);
    }
    return v;
  },
  matches: (listed: string, query: string) => listed === query,
  examples: {
    valid: [[' photodna:AbC+/09== ', 'photodna:AbC+/09==']],
    invalid: ['', 'two words', 'ünicode'],
    matching: [['photodna:AbC+/09==', 'photodna:AbC+/09==']],
    // Case matters: base64 is case-sensitive.
    notMatching: [['photodna:AbC+/09==', 'photodna:abc+/09==']],
  },
});
