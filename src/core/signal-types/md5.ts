/** MD5 of a file's bytes: exact match. */
import { normalizeHex } from './hex-type.ts';
import { defineSignalType } from './signal-type.ts';

export const md5 = defineSignalType<'md5'>({
  name: 'md5',
  description: 'MD5 of the file bytes',
  valueFormat: '32 hex digits',
  contentKind: 'media',
  indexKind: 'exact',
  matchKind: 'exact',
  defaultThreshold: 0,
  hexLength: 32,
  maxLength: 32,
  normalize: (v: string) => normalizeHex('md5', 32, v),
  matches: (listed: string, query: string) => listed === query,
  examples: {
    valid: [[' D41D8CD98F00B204E9800998ECF8427E ', 'd41d8cd98f00b204e9800998ecf8427e']],
    invalid: ['d41d8cd98f00b204e9800998ecf8427', 'g41d8cd98f00b204e9800998ecf8427e', ''],
    matching: [['d41d8cd98f00b204e9800998ecf8427e', 'd41d8cd98f00b204e9800998ecf8427e']],
    notMatching: [['d41d8cd98f00b204e9800998ecf8427e', 'd41d8cd98f00b204e9800998ecf8427f']],
  },
});
