import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLifeguardError } from '../lifeguard-error.ts';
import { formatHashListEntry, hashListExportHeader } from './format-hash-list.ts';
import { HashListParser, type HashListLineResult } from './hash-list-parser.ts';
import { LineSplitter } from './line-splitter.ts';
import { sniffDelimiter, splitFields } from './split-fields.ts';

const enc = new TextEncoder();
const pdqA = 'f'.repeat(32) + '0'.repeat(32);
const md5A = '0123456789abcdef0123456789abcdef';
const sha = 'ab'.repeat(32);

/** Parses a whole text through the splitter and parser. */
function parseAll(text: string | Uint8Array, opts: ConstructorParameters<typeof HashListParser>[0] = {}): HashListLineResult[] {
  const splitter = new LineSplitter(200);
  const parser = new HashListParser(opts);
  const bytes = typeof text === 'string' ? enc.encode(text) : text;
  return [...splitter.push(bytes), ...splitter.end()].map((l) => parser.line(l));
}
const entries = (rs: HashListLineResult[]) => rs.flatMap((r) => (r.kind === 'entry' ? [r.entry] : []));
const errors = (rs: HashListLineResult[]) => rs.flatMap((r) => (r.kind === 'error' ? [[r.error.line, r.error.code]] : []));

test('reads columns by header name, in any order and case, with aliases', () => {
  const rs = parseAll(`Category,HASH,Signal_Type,External-ID,Source,Quality\nA,${pdqA.toUpperCase()},PDQ,x1,iwf,90\nb,${md5A},md5,,,\n`);
  assert.equal(rs[0]!.kind, 'header');
  assert.deepEqual(entries(rs), [
    { signalType: 'pdq', value: pdqA, externalId: 'x1', sources: ['iwf'], category: 'A', quality: 90 },
    { signalType: 'md5', value: md5A, externalId: null, sources: [], category: 'B', quality: null },
  ]);
});

test('reports bad lines with line numbers and codes, and keeps going', () => {
  const text = [
    'type\thash\tid',
    `pdq\t${pdqA}\tok1`,
    `pdq\t${pdqA.slice(0, 60)}zzzz\tbad-hex`,
    `md5\t${md5A}00\twrong-length`,
    `sha1\t${md5A}\tunknown`,
    '',
    '# a comment',
    `\t${sha}\tno-type`,
    `sha256`,
    `sha256\t\tempty`,
    `sha256\t${sha}\tok2`,
  ].join('\n');
  const rs = parseAll(text, { fileName: 'list.tsv' });
  assert.deepEqual(errors(rs), [
    [3, 'bad_hex'],
    [4, 'wrong_length'],
    [5, 'unknown_type'],
    [8, 'missing_type'],
    [9, 'missing_column'],
    [10, 'missing_hash'],
  ]);
  assert.deepEqual(entries(rs).map((e) => e.externalId), ['ok1', 'ok2']);
});

test('a default type fills missing types; the source default applies when a line has none', () => {
  const rs = parseAll(`hash,source\n${md5A},\n${md5A.replace('0', '1')},ncmec|iwf\n`, { defaultType: 'md5', defaultSource: 'cli' });
  assert.deepEqual(entries(rs).map((e) => e.sources), [['cli'], ['ncmec', 'iwf']]);
});

test('a column named after a signal type implies the type', () => {
  const rs = parseAll(`id;md5\nr1;${md5A}\n`);
  assert.deepEqual(entries(rs), [{ signalType: 'md5', value: md5A, externalId: 'r1', sources: [], category: null, quality: null }]);
});

test('a bare list of hashes is read with a default type, not without', () => {
  assert.deepEqual(entries(parseAll(`${md5A}\n${md5A}\n`, { defaultType: 'md5' })).length, 2);
  assert.throws(() => parseAll(`${md5A}\n`), (e) => isLifeguardError(e) && e.code === 'missing_column');
  assert.throws(() => parseAll(`hash\n${md5A}\n`), (e) => isLifeguardError(e) && e.code === 'missing_column' && /type/.test(e.message));
});

test('binary garbage, NUL bytes, invalid UTF-8 and over-long lines are line errors', () => {
  const head = enc.encode(`type,hash\nmd5,${md5A}\n`);
  const garbage = new Uint8Array([0x6d, 0x64, 0x35, 0x2c, 0x00, 0x01, 0x61, 0x0a]); // "md5," NUL SOH "a"
  const badUtf8 = new Uint8Array([0xc3, 0x28, 0x0a]);
  const long = enc.encode('md5,' + 'a'.repeat(500) + '\n');
  const tail = enc.encode(`md5,${md5A.replace('a', 'b')}`); // no final newline
  const all = new Uint8Array([...head, ...garbage, ...badUtf8, ...long, ...tail]);
  const rs = parseAll(all);
  assert.deepEqual(errors(rs), [
    [3, 'binary_data'],
    [4, 'binary_data'],
    [5, 'line_too_long'],
  ]);
  assert.equal(entries(rs).length, 2);
});

test('quality must be an integer 0..100 and only PDQ keeps it', () => {
  const rs = parseAll(`type,hash,quality\npdq,${pdqA},101\npdq,${pdqA},abc\nmd5,${md5A},20\npdq,${pdqA},\n`);
  assert.deepEqual(errors(rs), [
    [2, 'bad_quality'],
    [3, 'bad_quality'],
  ]);
  assert.deepEqual(entries(rs).map((e) => e.quality), [null, null]);
});

test('quoted CSV fields, over-long metadata and unterminated quotes', () => {
  const rs = parseAll(`type,hash,id\nmd5,${md5A},"a, ""quoted"" id"\nmd5,${md5A},"open\nmd5,${md5A},${'x'.repeat(150)}\n`, {});
  assert.deepEqual(entries(rs).map((e) => e.externalId), ['a, "quoted" id', 'x'.repeat(150)]);
  assert.deepEqual(errors(rs), [[3, 'unterminated_quote']]);
});

test('the splitter keeps lines across chunk boundaries and strips CR', () => {
  const s = new LineSplitter(10);
  const out = [...s.push(enc.encode('ab')), ...s.push(enc.encode('c\r\nde')), ...s.push(enc.encode('f\n0123456789ABCDEF\nxy')), ...s.end()];
  assert.deepEqual(
    out.map((l) => [l.number, new TextDecoder().decode(l.bytes), l.tooLong]),
    [
      [1, 'abc', false],
      [2, 'def', false],
      [3, '', true],
      [4, 'xy', false],
    ],
  );
});

test('delimiters are taken from the extension or sniffed', () => {
  assert.equal(sniffDelimiter('a,b\tc\td', 'x.csv'), ',');
  assert.equal(sniffDelimiter('a,b', 'x.TSV'), '\t');
  assert.equal(sniffDelimiter('a\tb\tc,d'), '\t');
  assert.equal(sniffDelimiter('a;b;c'), ';');
  assert.equal(sniffDelimiter('hash'), ',');
  assert.deepEqual(splitFields('a,"b,c",d', ','), ['a', 'b,c', 'd']);
});

test('exported rows read back to the same entries', () => {
  const entry = {
    id: 1, bankId: 1, bankName: 'b', signalType: 'pdq' as const, value: pdqA, externalId: 'id, with "comma"', sources: ['a', 'b'],
    category: 'A', quality: 77, flaggedLowQuality: false, addedAt: '', language: null, disabled: false,
  };
  for (const d of [',', '\t'] as const) {
    const rs = parseAll(`${hashListExportHeader(d)}\n${formatHashListEntry(entry, d)}\n`, { delimiter: d });
    const [e] = entries(rs);
    assert.deepEqual(e, { signalType: 'pdq', value: pdqA, externalId: entry.externalId, sources: ['a', 'b'], category: 'A', quality: 77 });
  }
});
