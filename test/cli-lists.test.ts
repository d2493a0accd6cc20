// `lifeguard bank import` of URL and keyword lists: plain lines, hashed URL lists, CSV with a url column.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openBankContext, bankLocation } from '../src/matching/bank-context.ts';
import { runCli } from './support/run-cli.ts';

test('plain-line URL and keyword lists, a hashed URL list and a CSV list import with clear errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-cli-lists-'));
  try {
    const data = join(dir, 'data');
    const cli = (...argv: string[]) => runCli(argv, { env: { LIFEGUARD_DATA_DIR: data } });
    writeFileSync(join(dir, 'urls.txt'), '# a hotline URL list\nhttps://www.listed.example/a,b/page\nfiles.example/dir/*\n*.whole.example\nftp://not-web.example/x\n');
    let r = await cli('bank', 'import', 'urls', join(dir, 'urls.txt'), '--type', 'url', '--lines', '--create', '--json');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual([r.rows[0]!.added, r.rows[0]!.errors], [3, 1]);
    assert.match(r.err, /urls\.txt:5: invalid_value/);

    const sha1 = createHash('sha1').update('hidden.example/p').digest('hex');
    writeFileSync(join(dir, 'hashed.txt'), `${sha1.toUpperCase()}\nnot-hex\n`);
    r = await cli('bank', 'import', 'urls', join(dir, 'hashed.txt'), '--hashed', 'sha1', '--json');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual([r.rows[0]!.added, r.rows[0]!.errors], [1, 1]);

    writeFileSync(join(dir, 'kw.csv'), 'keyword,category,language\nPurple Lantern,advert,en\n"moon, fish",,nl\n');
    r = await cli('bank', 'import', 'kw', join(dir, 'kw.csv'), '--create', '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.rows[0]!.added, 2);

    assert.equal((await cli('bank', 'import', 'kw', join(dir, 'kw.csv'), '--hashed', 'crc32')).code, 2);
    assert.equal((await cli('bank', 'import', 'kw', join(dir, 'kw.csv'), '--lines')).code, 2);
    const help = await cli('bank', '--help');
    for (const t of ['pdq', 'md5', 'sha256', 'url', 'keyword', 'opaque']) assert.match(help.out, new RegExp(`\`${t}\``));

    const ctx = await openBankContext(bankLocation({ dataDir: data }, {}));
    try {
      const urls = await ctx.store.lookup('url', ['listed.example/a,b/page', 'files.example/dir/*', '*.whole.example', `sha1:${sha1}`]);
      assert.equal(urls.length, 4);
      const [k] = await ctx.store.lookup('keyword', ['purple lantern']);
      assert.deepEqual([k!.category, k!.language], ['advert', 'en']);
      assert.equal((await ctx.store.lookup('keyword', ['moon fish']))[0]!.language, 'nl');
    } finally {
      await ctx.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
