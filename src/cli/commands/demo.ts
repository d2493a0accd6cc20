/**
 * `lifeguard demo` (what `npm start` runs): builds a hash bank in SQLite from generated benign test pictures
 * through the real CSV import path, then matches modified copies and unrelated pictures against it and
 * prints what matched, at what distance, and what did not.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hashImage } from '../../media/hash-image.ts';
import { bankLocation, openBankContext } from '../../matching/bank-context.ts';
import { BankPdqIndex } from '../../matching/bank-pdq-index.ts';
import { Matcher } from '../../matching/matcher.ts';
import { renderTestPattern, testVariants, type TestPatternName, type TestVariantName } from '../../matching/test-patterns.ts';
import { importHashList, openHashListFile } from '../../store/bank-import.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { usageError } from '../usage-error.ts';

const usage = `usage: lifeguard demo [--data-dir DIR] [--no-video]

Builds a bank 'demo' from generated test pictures (gradients, tiles, rings, stripes, blobs, hills, and a
flat grey one whose low-quality PDQ is flagged), imports their hashes from a CSV through the same path as
'lifeguard bank import', then matches modified copies (thumbnail, JPEG, blur, rotation and mirror with
dihedral matching) and unrelated pictures against it. With ffmpeg, also a short video.
Without --data-dir everything happens in a temporary directory that is removed afterwards; with it the
bank, the index snapshot and the pictures are kept there (the 'demo' bank is recreated).
Exit status 0 when every result is as expected, 3 otherwise.
`;

const bankPatterns: TestPatternName[] = ['sunset', 'tiles', 'rings', 'stripes', 'blobs', 'hills'];
const queried: TestPatternName[] = ['sunset', 'tiles', 'rings'];
const unrelated: TestPatternName[] = ['sunset', 'stripes', 'blobs', 'hills'];

interface Row {
  query: string;
  expected: boolean;
  matched: boolean;
  detail: string;
}

export const command: Command = {
  summary: 'demo: build a bank from generated pictures and match modified copies',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    let values: { 'data-dir'?: string; 'no-video'?: boolean };
    try {
      ({ values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, 'no-video': { type: 'boolean' } } }));
    } catch (e) {
      throw usageError((e as Error).message);
    }
    const keep = values['data-dir'] !== undefined;
    const dir = keep ? resolve(values['data-dir']!) : mkdtempSync(join(tmpdir(), 'lifeguard-demo-'));
    const out = (s = '') => io.stdout.write(s + '\n');
    // The demo always uses its own SQLite file, whatever LIFEGUARD_DATABASE_URL says.
    const ctx = await openBankContext(bankLocation({ dataDir: dir }, {}));
    try {
      const { store, location } = ctx;
      const images = join(dir, 'images');
      mkdirSync(images, { recursive: true });
      out('Lifeguard demo: known-content matching on generated, benign test pictures');
      out(`data: ${dir}${keep ? '' : ' (temporary; keep it with --data-dir DIR)'}`);
      out();

      // 1. The known pictures and their hash list.
      const originals = new Map<TestPatternName, Buffer>();
      const csv = ['type,hash,id,category,source,quality'];
      const categories = ['A', 'B', 'C'];
      for (const [i, name] of [...bankPatterns, 'flat' as const].entries()) {
        const img = await renderTestPattern(name, 1);
        originals.set(name, img);
        writeFileSync(join(images, `known-${name}.png`), img);
        const h = await hashImage(img);
        const cat = categories[i % 3]!;
        csv.push(`pdq,${h.pdq},demo-${name},${cat},lifeguard-demo,${h.quality}`, `md5,${h.md5},demo-${name}-file,${cat},lifeguard-demo,`);
      }
      const sunset = csv[1]!.split(',');
      csv.push(`pdq,${sunset[1]},demo-sunset-again,,second-list,`); // a duplicate: merged, sources united
      csv.push('pdq,not-a-hash,demo-broken,,lifeguard-demo,'); // a bad line: reported with its number
      const listPath = join(dir, 'demo-hashes.csv');
      writeFileSync(listPath, csv.join('\n') + '\n');

      if (await store.getBank('demo')) await store.removeBank('demo');
      const bank = await store.createBank('demo', 'generated test pictures (lifeguard demo)');
      const errors: string[] = [];
      const { stream } = await openHashListFile(listPath);
      const s = await importHashList(store, bank.id, stream, { fileName: listPath, onError: (e) => errors.push(`line ${e.line}: ${e.code}`) });
      await BankPdqIndex.updateSnapshot({ store, snapshotPath: location.snapshotPath });
      out(`1. Bank 'demo': ${bankPatterns.length + 1} pictures hashed, hash list imported (${listPath})`);
      out(`   ${s.lines} lines read, ${s.added} entries added, ${s.merged} duplicate merged, ${s.errors} bad line (${errors.join(', ')}),`);
      out(`   ${s.flaggedLowQuality} PDQ hash flagged low-quality (the flat grey picture: kept, never matched)`);
      out();

      // 2. Modified copies and unrelated pictures.
      const matcher = await Matcher.open({ store, snapshotPath: location.snapshotPath });
      const rows: Row[] = [];
      const check = async (label: string, file: string, img: Buffer, expected: boolean, dihedral: boolean) => {
        writeFileSync(join(images, file), img);
        const r = await matcher.matchImage(img, { dihedral });
        const pdq = r.matches.filter((m) => m.signalType === 'pdq');
        const exact = r.matches.filter((m) => m.signalType !== 'pdq');
        let detail: string;
        if (r.matches.length > 0) {
          const best = pdq[0];
          detail = [
            exact.length > 0 ? `${exact.map((m) => m.signalType).join('+')} exact` : '',
            best ? `PDQ distance ${best.distance}${best.variant ? ` via ${best.variant}` : ''}` : '',
          ].filter(Boolean).join(', ') + ` → ${(best ?? exact[0])!.externalId} (category ${(best ?? exact[0])!.category ?? '-'})`;
        } else {
          const nearest = (await matcher.matchHashes({ pdq: r.pdq }, { threshold: 256 })).find((m) => m.signalType === 'pdq');
          detail = nearest ? `nearest PDQ distance ${nearest.distance}` : 'nothing near';
          if (r.lowQuality) detail += `; query quality ${r.quality} < 50 (marked lowQuality)`;
        }
        rows.push({ query: label, expected, matched: r.matches.length > 0, detail });
      };
      for (const name of queried) {
        for (const [v, spec] of Object.entries(testVariants) as [TestVariantName, (typeof testVariants)[TestVariantName]][]) {
          const img = await spec.apply(originals.get(name)!);
          await check(`${name}: ${spec.label}${spec.dihedral ? ' (dihedral)' : ''}`, `${name}-${v}.${v === 'jpeg' ? 'jpg' : 'png'}`, img, true, spec.dihedral);
        }
      }
      for (const name of unrelated) await check(`unrelated ${name} picture`, `unrelated-${name}.png`, await renderTestPattern(name, 2), false, true);
      await check('flat grey (its bank entry is flagged)', 'flat-copy.jpg', await testVariants.jpeg.apply(originals.get('flat')!), false, false);

      const w = Math.max(...rows.map((r) => r.query.length));
      out(`2. Matching ${rows.length} pictures against the bank (PDQ threshold 31; MD5/SHA-256 exact):`);
      out(`   ${'QUERY'.padEnd(w)}  EXPECTED  RESULT     DETAILS`);
      for (const r of rows) {
        const ok = r.expected === r.matched ? 'ok' : 'UNEXPECTED';
        out(`   ${r.query.padEnd(w)}  ${(r.expected ? 'match' : 'no match').padEnd(8)}  ${(r.matched ? 'MATCH' : 'no match').padEnd(9)}  ${r.detail}  [${ok}]`);
      }
      out();

      // 3. Video, when ffmpeg is there.
      let videoOk = true;
      const ffmpeg = io.env.LIFEGUARD_FFMPEG || 'ffmpeg';
      if (values['no-video']) out('3. Video: skipped (--no-video)');
      else if (spawnSync(ffmpeg, ['-version']).status !== 0) out('3. Video: skipped (ffmpeg not found; set LIFEGUARD_FFMPEG or install ffmpeg)');
      else {
        const known = join(images, 'known-blobs.png');
        const other = join(images, 'unrelated-hills.png');
        const video = join(images, 'slideshow.mp4');
        const made = spawnSync(ffmpeg, [
          '-v', 'error', '-y', '-loop', '1', '-t', '2', '-i', known, '-loop', '1', '-t', '2', '-i', other,
          '-filter_complex', '[0:v][1:v]concat=n=2:v=1[v]', '-map', '[v]', '-r', '10', '-t', '4', '-pix_fmt', 'yuv420p', video,
        ]);
        if (made.status !== 0) {
          videoOk = false;
          out(`3. Video: could not make the test video: ${made.stderr.toString().trim().slice(0, 200)}`);
        } else {
          const v = await matcher.matchVideo(video, { ffmpegPath: ffmpeg });
          const hit = v.matches.find((m) => m.signalType === 'pdq');
          // Frames of the first two seconds show the known picture; the rest must not match.
          videoOk = v.matchedFrames === 2 && v.frames.every((f) => f.t < 2) && hit?.externalId === 'demo-blobs';
          out(`3. Video (2 s of a known picture, then 2 s of an unrelated one, sampled at 1 frame/s):`);
          out(`   ${v.matchedFrames}/${v.frameCount} frames matched (${(v.matchedFraction * 100).toFixed(0)} %) at t = ${v.frames.map((f) => `${f.t} s`).join(', ')}` +
            `${hit ? ` → ${hit.externalId}, PDQ distance ${hit.distance}` : ''}  [${videoOk ? 'ok' : 'UNEXPECTED'}]`);
        }
      }
      out();
      const good = rows.filter((r) => r.expected === r.matched).length;
      out(`Result: ${good}/${rows.length} pictures as expected${videoOk ? '' : '; the video was not'}. Matches are candidates for human review.`);
      if (keep) out(`Try: lifeguard match --data-dir ${dir} --dihedral ${join(images, 'sunset-rotated.png')}`);
      return good === rows.length && videoOk ? exitCodes.ok : exitCodes.failure;
    } finally {
      await ctx.close();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  },
};
