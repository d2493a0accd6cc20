/** `lifeguard match`: checks images, videos or given hashes against the hash banks. */
import type { BankMatch } from '../../core/banks/types.ts';
import { signalTypeFor } from '../../core/signal-types.ts';
import { bankLocation, openBankContext } from '../../matching/bank-context.ts';
import { Matcher, checkThreshold, type HashQuery } from '../../matching/matcher.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { writeFileError } from '../file-error.ts';
import { requireExistingDatabase } from '../require-database.ts';
import { imageFlags, videoFlags } from '../image-flags.ts';
import { numberFlag } from '../number-flag.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';
import { loadPolicy } from '../../policy/load-policy.ts';

const usage = `usage: lifeguard match [--json] [--bank NAME]... [--threshold N] [--dihedral] [--no-robust] [--apply-exif]
                       [--video [--fps N] [--max-frames N] [--policy FILE]] [--hash TYPE:HEX]... [--data-dir DIR] FILE...

Matches each FILE (image, or video with --video) against the hash banks: MD5/SHA-256 exactly, PDQ within
--threshold bits (default 31). Flagged low-quality bank entries are never matched; a low-quality query
(PDQ quality < 50) is still matched and marked "lowQuality": true. --dihedral also matches the 7
rotations/flips. --hash pdq:HEX (or md5:/sha256:) matches a hash you already have.
Robust matching is on by default: besides the plain PDQ hash, images and video frames are also matched
after trimming borders (solid, blurred, picture-in-picture), as if un-cropped, and as a mirror image; a
match found that way names its variant ("matched after trimming a border, distance 12").
--no-robust matches the plain hash only. Videos banked with \`bank add-video\` are reported as a whole
when enough of their frames match (query and compared shares), judged by the policy's \`matching.video\`
thresholds (--policy FILE, or LIFEGUARD_POLICY_FILE; default policy/default-policy.json).
  --json   one JSON object per input: {"file","pdq","quality","md5","sha256","lowQuality","matches":[...]}
           video: {"file","md5","sha256","fps","frameCount","matchedFrames","matchedFraction",
                   "frames":[{"t","pdq","quality","matches"}] (matched frames only),"matches":[...]}
           a match: {"bank","entryId","externalId","category","signalType","distance","sources",...}
Exit status: 1 when anything matched, 0 when nothing did, 3 when an input could not be checked (its
line has "error"; this wins over 1), 2 on usage errors. Matches are candidates for human review.
`;

function parse(args: string[]) {
  return parseFlags({
    args,
    allowPositionals: true,
    options: {
      ...imageFlags,
      bank: { type: 'string', multiple: true },
      threshold: { type: 'string' },
      hash: { type: 'string', multiple: true },
      'no-robust': { type: 'boolean' },
      'data-dir': { type: 'string' },
      policy: { type: 'string' },
    },
  });
}

/** "pdq:HEX" → a hash query, or a usage error. */
function parseHashArg(arg: string): HashQuery {
  const m = /^([a-z0-9]+):(.+)$/i.exec(arg);
  if (!m) throw usageError(`--hash takes TYPE:HEX, got '${arg.slice(0, 80)}'`);
  try {
    const type = signalTypeFor(m[1]!.toLowerCase());
    return { [type.name]: type.normalize(m[2]!) } as HashQuery;
  } catch (e) {
    throw usageError(`--hash ${arg.slice(0, 80)}: ${(e as Error).message}`);
  }
}

const describe = (m: BankMatch): string =>
  `bank '${m.bank}' entry ${m.entryId}${m.externalId ? ` (${m.externalId})` : ''}${m.category ? ` category ${m.category}` : ''}: ` +
  `${m.signalType}${m.signalType === 'pdq' ? ` distance ${m.distance}` : ' exact'}${m.note ? ` (${m.note})` : m.variant ? ` as ${m.variant}` : ''}`;

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

export const command: Command = {
  summary: 'match images, videos or hashes against the hash banks',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args);
    const hashes = (values.hash ?? []).map(parseHashArg);
    if (positionals.length === 0 && hashes.length === 0) throw usageError('no FILE (or --hash) given');
    let threshold: number | undefined;
    try {
      threshold = values.threshold === undefined ? undefined : checkThreshold(numberFlag('threshold', values.threshold, 31, true));
    } catch (e) {
      throw usageError((e as Error).message);
    }
    const { fps, maxFrames } = videoFlags(values);
    const ffmpegPath = io.env.LIFEGUARD_FFMPEG || undefined;
    const banks = values.bank ?? [];
    const opts = { ...(threshold !== undefined ? { threshold } : {}), banks, robust: values['no-robust'] !== true };

    const location = bankLocation({ dataDir: values['data-dir'] }, io.env);
    requireExistingDatabase(location.databaseUrl);
    const ctx = await openBankContext(location);
    try {
      for (const b of banks) await ctx.store.requireBank(b);
      const matcher = await Matcher.open({ store: ctx.store, snapshotPath: ctx.location.snapshotPath });
      const policyFile = values.policy ?? io.env['LIFEGUARD_POLICY_FILE'];
      const videoThresholds = values.video ? (await loadPolicy(policyFile || undefined)).matching.video : undefined;
      let matched = 0;
      let failed = 0;
      const emit = (json: Record<string, unknown>, text: string) => io.stdout.write(values.json ? JSON.stringify(json) + '\n' : text);

      for (const q of hashes) {
        const matches = await matcher.matchHashes(q, opts);
        if (matches.length > 0) matched++;
        const label = Object.entries(q).map(([k, v]) => `${k}:${String(v)}`).join(' ');
        emit({ hash: q, matches }, `${label}: ${matches.length === 0 ? 'no match' : 'MATCH'}\n` + matches.map((m) => `  ${describe(m)}\n`).join(''));
      }
      for (const file of positionals) {
        try {
          if (values.video) {
            const v = await matcher.matchVideo(file, { ...opts, fps, maxFrames, ...(ffmpegPath ? { ffmpegPath } : {}), ...(videoThresholds ? { videoThresholds } : {}) });
            if (v.matches.length > 0) matched++;
            const text =
              `${file}: ${v.matches.length === 0 ? 'no match' : 'MATCH'} — ${v.matchedFrames}/${v.frameCount} frames matched (${(v.matchedFraction * 100).toFixed(1)} %)\n` +
              v.matches.map((m) => `  ${describe(m)}${m.t !== undefined ? ` first at t=${m.t}s` : ''}\n`).join('') +
              v.videos
                .map((x) => `  ${x.matched ? 'VIDEO MATCH' : 'partial video'}: bank '${x.bank}' video ${x.videoId}${x.category ? ` category ${x.category}` : ''} — ${x.foundFrames}/${x.bankedFrames} of its frames found (${pct(x.comparedShare)}), ${pct(x.queryShare)} of this video's frames match it\n`)
                .join('');
            emit({ file, ...v }, text);
          } else {
            const r = await matcher.matchImage(file, { ...opts, dihedral: values.dihedral === true, applyExifOrientation: values['apply-exif'] === true });
            if (r.matches.length > 0) matched++;
            const note = r.lowQuality ? ` (low-quality PDQ: quality ${r.quality})` : '';
            const text =
              `${file}: ${r.matches.length === 0 ? 'no match' : 'MATCH'}${note}\n` + r.matches.map((m) => `  ${describe(m)}\n`).join('');
            emit({ file, ...r }, text);
          }
        } catch (e) {
          failed++;
          writeFileError(io, file, e, values.json);
        }
      }
      return failed > 0 ? exitCodes.failure : matched > 0 ? exitCodes.findings : exitCodes.ok;
    } finally {
      await ctx.close();
    }
  },
};
