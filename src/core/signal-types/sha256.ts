/** SHA-256 of a file's bytes: exact match. */
import { normalizeHex } from './hex-type.ts';
import { defineSignalType } from './signal-type.ts';

const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const sha256 = defineSignalType<'sha256'>({
  name: 'sha256',
  description: 'SHA-256 of the file bytes',
  valueFormat: '64 hex digits',
  contentKind: 'media',
  indexKind: 'exact',
  matchKind: 'exact',
  defaultThreshold: 0,
  hexLength: 64,
  maxLength: 64,
  normalize: (v: string) => normalizeHex('sha256', 64, v),
  matches: (listed: string, query: string) => listed === query,
  examples: {
    valid: [[empty.toUpperCase(), empty]],
    invalid: [empty.slice(1), `${empty}00`, 'not a hash'],
    matching: [[empty, empty]],
    notMatching: [[empty, `${empty.slice(0, 63)}4`]],
  },
});
